// The goal-docs language service: models, settings and linked files for LSP handlers. It holds
// no protocol code; server.ts adapts requests to it and to the feature functions.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ModelCache } from './model/cache';
import type { GoalDoc } from './model/types';
import { isGoalDoc, matchesGlobs } from './goalDocFiles';
import { defaultSettings, type GoalDocsSettings } from './settings';
import type { SettingsStore } from './settingsStore';
import { WorkspaceFiles } from './workspaceFiles';
import { relativeToFolder, uriPath } from './uris';

export interface Documents {
  get(uri: string): TextDocument | undefined;
}

export interface AnalysedDocument {
  doc: GoalDoc;
  settings: GoalDocsSettings;
  /** The TextDocument the model was built from (its version is the model's). */
  textDocument: TextDocument;
}

// Linked files on disk are read under the default limit; the open document's own limit is per scope.
const DEFAULT_MAX_FILE_SIZE = defaultSettings().maxFileSize;

export class GoalDocsService {
  readonly models = new ModelCache();
  readonly files: WorkspaceFiles;
  private folders: string[] = [];

  constructor(
    readonly documents: Documents,
    readonly settings: SettingsStore,
  ) {
    this.files = new WorkspaceFiles(
      documents,
      (uri) => {
        const d = documents.get(uri);
        // An open document over the size limit is never parsed, not even for another file's feature.
        return d && d.getText().length <= DEFAULT_MAX_FILE_SIZE ? this.model(d) : undefined;
      },
      () => DEFAULT_MAX_FILE_SIZE,
    );
  }

  setWorkspaceFolders(uris: string[]): void {
    this.folders = uris.map((u) => u.replace(/\/$/, ''));
    this.files.setRoots(this.folders);
  }

  /** The model of an open document's current version: parsed once per version. */
  model(document: TextDocument): GoalDoc {
    return this.models.get(document.uri, document.version, () => document.getText());
  }

  /** The path matched against `goalDocs.files`: relative to its workspace folder when inside one. */
  relativePath(uri: string): string {
    for (const folder of this.folders) {
      const rel = relativeToFolder(folder, uri);
      if (rel !== undefined) return rel;
    }
    return uriPath(uri);
  }

  /**
   * The model and settings of an open goal doc, or undefined when the document is not open, is
   * not a goal doc, or is larger than `goalDocs.maxFileSize`.
   */
  async analyse(uri: string): Promise<AnalysedDocument | undefined> {
    const textDocument = this.documents.get(uri);
    if (!textDocument) return undefined;
    const settings = await this.settings.get(uri);
    const current = this.documents.get(uri);
    if (!current) return undefined;
    if (current.getText().length > settings.maxFileSize) return undefined;
    const doc = this.model(current);
    if (!isGoalDoc(this.relativePath(uri), doc, settings)) return undefined;
    return { doc, settings, textDocument: current };
  }

  /**
   * The model of any open Markdown document within `goalDocs.maxFileSize`, goal doc or not: for
   * link completion, which every Markdown file gets where the editor has none of its own.
   */
  async markdownModel(uri: string): Promise<GoalDoc | undefined> {
    if (!this.documents.get(uri)) return undefined;
    const { maxFileSize } = await this.settings.get(uri);
    const current = this.documents.get(uri);
    return current && current.getText().length <= maxFileSize ? this.model(current) : undefined;
  }

  /**
   * For an open document named like a goal doc but longer than `goalDocs.maxFileSize`: its
   * length and the limit, so that one message can say why nothing is analysed.
   */
  async oversized(uri: string): Promise<{ length: number; limit: number } | undefined> {
    const textDocument = this.documents.get(uri);
    if (!textDocument) return undefined;
    const settings = await this.settings.get(uri);
    const length = this.documents.get(uri)?.getText().length ?? 0;
    const path = this.relativePath(uri);
    if (length <= settings.maxFileSize || !matchesGlobs(path, settings.files) || matchesGlobs(path, settings.exclude)) return undefined;
    return { length, limit: settings.maxFileSize };
  }

  close(uri: string): void {
    this.models.delete(uri);
    this.settings.forget(uri);
  }
}
