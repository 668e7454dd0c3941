// Settings per document: the editor's (pulled from the client per scopeUri), under the settings
// file of the document's workspace folder (.goal-docs.json, read through the file-system port),
// which overrides them key by key; cached, dropped on change. Invalid values are reported once
// (through `report`, or with the settings file's problems) and left out. Beside the `goalDocs`
// section the same request pulls the `markdown` section, which says what the editor's own Markdown
// features answer (editorMarkdown.ts).
import type { WorkspaceFileSystem } from '../workspace/fileSystem';
import { uriKey } from '../workspace/uris';
import { DEFAULT_DIALECT, type Dialect } from '../model/dialect';
import { type EditorMarkdown, readEditorMarkdown } from './editorMarkdown';
import { type GoalDocsSettings, mergeSettings, problemText, readSettingsLayer } from './schema';
import { type ConfigFileRead, readConfigFile } from './configFile';

/** The sections pulled for each document, in this order. */
export const SETTINGS_SECTIONS = ['goalDocs', 'markdown'] as const;

interface ScopeSettings {
  goalDocs: GoalDocsSettings;
  editorMarkdown: EditorMarkdown;
}

/** Where the settings files are, and who hears of each one read. */
export interface ConfigFiles {
  fileSystem: WorkspaceFileSystem;
  /** The settings file of a document (or folder), if it has one: its workspace folder's `.goal-docs.json` by default. */
  locate(uri: string): string | undefined;
  /** Hears of every read of a settings file (its problems, or that it has none now). */
  onRead?(read: ConfigFileRead): void;
}

export class SettingsStore {
  private readonly cache = new Map<string, Promise<ScopeSettings>>();
  /** The settings last read per scope, for what must know them at once (the dialect a model is built in). */
  private readonly lastRead = new Map<string, GoalDocsSettings>();
  /** The settings files read, by uriKey (the editor's file events may spell a URI otherwise). */
  private readonly configs = new Map<string, Promise<ConfigFileRead>>();
  private readonly reported = new Set<string>();
  private global: unknown;

  constructor(
    /**
     * Pulls the raw sections of SETTINGS_SECTIONS for a document, one value per section;
     * returns undefined when the client cannot.
     */
    private readonly pull: (scopeUri: string) => Promise<unknown[]> | undefined,
    private readonly report: (message: string) => void,
    private readonly configFiles?: ConfigFiles,
  ) {}

  /** Settings pushed by a client without `workspace/configuration` (or in initializationOptions). */
  setGlobal(raw: unknown): void {
    this.global = raw;
    this.cache.clear();
  }

  /** The editor's settings changed: every scope is read again, each settings file too. */
  clear(): void {
    this.cache.clear();
    this.lastRead.clear();
    this.configs.clear();
    this.reported.clear();
  }

  /** Files changed: true, and every scope read again, when one of them is a settings file that was read. */
  filesChanged(uris: readonly string[]): boolean {
    if (!uris.some((u) => this.configs.has(uriKey(u)))) return false;
    for (const u of uris) this.configs.delete(uriKey(u));
    this.cache.clear();
    this.lastRead.clear();
    return true;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.lastRead.delete(uri);
  }

  async get(uri: string): Promise<GoalDocsSettings> {
    return (await this.scope(uri)).goalDocs;
  }

  /**
   * The dialect a document's model is built in, known at once: that of its last settings read
   * (its own, else its folder's `folderUri`), or none yet. A model built before its settings were
   * read is built again once they are (the model cache is keyed by the dialect).
   */
  dialectOf(uri: string, folderUri?: string): Dialect {
    return (this.lastRead.get(uri) ?? (folderUri === undefined ? undefined : this.lastRead.get(folderUri)))?.dialect ?? DEFAULT_DIALECT;
  }

  /** What the editor's own Markdown features do for the document; nothing for a client that cannot say. */
  async editorMarkdown(uri: string): Promise<EditorMarkdown> {
    return (await this.scope(uri)).editorMarkdown;
  }

  /** The settings file of a document or folder, read once until it changes; undefined where there is none to read. */
  configFile(uri: string): Promise<ConfigFileRead> | undefined {
    const files = this.configFiles;
    const at = files?.locate(uri);
    if (!files || at === undefined) return undefined;
    let read = this.configs.get(uriKey(at));
    if (!read) {
      read = readConfigFile(files.fileSystem, at).then((r) => {
        files.onRead?.(r);
        return r;
      });
      this.configs.set(uriKey(at), read);
    }
    return read;
  }

  private scope(uri: string): Promise<ScopeSettings> {
    let s = this.cache.get(uri);
    if (!s) {
      s = this.load(uri);
      this.cache.set(uri, s);
    }
    return s;
  }

  private async load(uri: string): Promise<ScopeSettings> {
    let raw: unknown = this.global;
    let markdown: unknown;
    const pulled = this.pull(uri);
    const file = this.configFile(uri);
    if (pulled) {
      try {
        [raw, markdown] = await pulled;
      } catch {
        raw = this.global;
      }
    }
    const editor = readSettingsLayer(raw);
    for (const p of editor.problems) {
      const text = problemText('goalDocs', p);
      if (this.reported.has(text)) continue;
      this.reported.add(text);
      this.report(text);
    }
    // The settings file's problems are its reader's to tell (ConfigFiles.onRead).
    const config = file ? await file : undefined;
    const goalDocs = mergeSettings(config ? [editor.layer, config.layer] : [editor.layer]);
    this.lastRead.set(uri, goalDocs);
    return { goalDocs, editorMarkdown: readEditorMarkdown(markdown) };
  }
}
