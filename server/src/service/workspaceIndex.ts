// The Markdown files of the workspace, for features that look beyond one document (references,
// rename, workspace symbols, path completion). The folders are walked once, on first need; after
// that the index follows `workspace/didChangeWatchedFiles` and document open events file by
// file, never rescanning. Models come from the service: open documents per version, files on
// disk through WorkspaceFiles (cached by mtime, and never outside the workspace folders).
import { readFileSync } from 'node:fs';
import type { GoalDoc } from '../model/types';
import type { AnchorHeading, AnchorSource } from '../model/anchorIndex';
import type { GoalDocsSettings } from '../settings/schema';
import type { WorkspaceFiles } from './workspaceFiles';

/** What the index needs of the service that owns it. */
export interface IndexHost {
  readonly files: WorkspaceFiles;
  readonly documents: { get(uri: string): { version: number } | undefined };
  readonly settings: { get(uri: string): Promise<GoalDocsSettings> };
  relativePath(uri: string): string;
}
import type { Cancellation, DirectoryEntry, GoalDocWorkspace } from '../workspace/goalDocWorkspace';
import { contentMightMakeGoalDoc, isGoalDoc, mayHoldMarker, mightBeGoalDoc, verdictBeforeContent } from '../model/goalDocRule';
import { type GoalDocOutline, outlineFromText, outlineOf } from '../features/workspaceSymbols';
import { inSkippedFolder, isMarkdownPath, walkMarkdownFiles } from './markdownWalk';
import { fileUri, fsPathOf, uriKey, uriPath } from '../workspace/uris';
import { listFolder } from './folderListing';

/** A bound on the walk, so a huge monorepo cannot stall the server. */
export const MAX_INDEXED_FILES = 20_000;
/** Files looked at (read or parsed) between two yields to the event loop, so cancellation gets through. */
const FILES_PER_YIELD = 16;

export interface FileChange {
  uri: string;
  /** 1 created, 2 changed, 3 deleted, as in the LSP `FileChangeType`. */
  type: number;
}

export function isMarkdownUri(uri: string): boolean {
  return isMarkdownPath(uri);
}

/** The same file spelled two ways (`%40` or `@`, `C:` or `c%3A`) has one key. */
const keyOf = uriKey;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkspaceIndex implements GoalDocWorkspace {
  private folders: string[] = [];
  /** Markdown files on disk by key; undefined until the first walk ends. */
  private disk: Map<string, string> | undefined;
  private walking: Promise<void> | undefined;
  /** Changes that arrive while a walk runs, applied when it ends. */
  private pending: FileChange[] = [];
  private generation = 0;
  /** Whether the last walk stopped at MAX_INDEXED_FILES. */
  truncated = false;
  /**
   * Per file on disk, by modification time, what its text says without a parse: whether it holds
   * a marker comment, whether its content could make it a goal doc (evidenceBound), and, once
   * computed, its outline from the outline text (null when the page must be parsed whole).
   */
  private readonly outlines = new Map<string, { mtime: number; size: number; marker: boolean; contentMight?: boolean; outline?: GoalDocOutline | null }>();

  constructor(
    private readonly service: IndexHost,
    private readonly openDocuments: () => Array<{ uri: string; version: number }>,
  ) {}

  setFolders(folderUris: string[]): void {
    this.folders = folderUris.filter((u) => u.startsWith('file:'));
    this.disk = undefined;
    this.walking = undefined;
    this.pending = [];
    this.generation++;
  }

  // --- Keeping up to date, file by file ---

  didChangeWatchedFiles(changes: FileChange[]): void {
    for (const c of changes) {
      this.service.files.forget(c.uri);
      this.outlines.delete(keyOf(c.uri));
    }
    if (this.walking && !this.disk) this.pending.push(...changes);
    else for (const c of changes) this.apply(c);
  }

  /** An opened file that the walk has not seen (created since) joins the index. */
  didOpen(uri: string): void {
    if (this.disk && isMarkdownUri(uri) && this.service.files.insideWorkspace(uri)) this.disk.set(keyOf(uri), uri);
  }

  private apply(c: FileChange): void {
    if (!this.disk) return;
    const key = keyOf(c.uri);
    if (c.type === 3) {
      // A deleted folder takes its files with it.
      this.disk.delete(key);
      for (const k of [...this.disk.keys()]) if (k.startsWith(key + '/')) this.disk.delete(k);
    } else if (isMarkdownUri(c.uri) && this.service.files.insideWorkspace(c.uri) && !this.inSkippedFolder(c.uri)) {
      this.disk.set(key, c.uri);
    }
  }

  private inSkippedFolder(uri: string): boolean {
    return inSkippedFolder(uriPath(uri));
  }

  // --- The walk ---

  private async ensureWalked(): Promise<void> {
    if (this.disk) return;
    if (!this.walking) {
      const generation = this.generation;
      this.walking = this.walk().then((found) => {
        if (generation !== this.generation) return;
        this.disk = found;
        for (const c of this.pending) this.apply(c);
        this.pending = [];
      });
    }
    await this.walking;
  }

  private async walk(): Promise<Map<string, string>> {
    const roots: string[] = [];
    for (const folder of this.folders) {
      const p = fsPathOf(folder);
      if (p) roots.push(p);
    }
    const { files, truncated } = await walkMarkdownFiles(roots, { max: MAX_INDEXED_FILES });
    this.truncated = truncated;
    const found = new Map<string, string>();
    for (const p of files) {
      const uri = fileUri(p);
      found.set(keyOf(uri), uri);
    }
    return found;
  }

  // --- GoalDocWorkspace ---

  async markdownUris(token: Cancellation): Promise<string[]> {
    await this.ensureWalked();
    if (token.isCancellationRequested) return [];
    const uris = new Map(this.disk);
    // An open document's own spelling of its URI wins: edits go back to it under that name.
    for (const d of this.openDocuments()) if (isMarkdownUri(d.uri) || d.uri.startsWith('untitled:')) uris.set(keyOf(d.uri), d.uri);
    return [...uris.values()].sort();
  }

  async markdownModels(token: Cancellation, mentioning?: string[][]): Promise<GoalDoc[]> {
    const uris = await this.markdownUris(token);
    const models: GoalDoc[] = [];
    let looked = 0;
    for (const uri of uris) {
      if (token.isCancellationRequested) return [];
      if (++looked % FILES_PER_YIELD === 0) await yieldToEventLoop();
      // Reading a file is much cheaper than parsing it: skip those that cannot be relevant.
      if (mentioning && !this.service.documents.get(uri) && !this.mentions(uri, mentioning)) continue;
      const doc = this.model(uri);
      if (doc) models.push(doc);
    }
    return token.isCancellationRequested ? [] : models;
  }

  /** Whether a file on disk contains a string of each group, case ignored. */
  private mentions(uri: string, groups: string[][]): boolean {
    const p = this.service.files.insideWorkspace(uri);
    if (!p) return false;
    try {
      // Read at once: 1,000 small reads through the thread pool, one after the other, took a
      // second of waiting where the reads themselves take a tenth of that.
      const text = readFileSync(p, 'utf8').toLowerCase();
      return groups.every((needles) => needles.some((n) => text.includes(n.toLowerCase())));
    } catch {
      return false;
    }
  }

  /**
   * Visits every Markdown file with its settings (a file on disk takes its folder's: one pull
   * per folder, not one per file) and its path in the workspace. After a file that `visit` had
   * to parse (it returns true), and every few files, waiting requests (the open document's
   * diagnostics) go first. False when cancelled.
   */
  private async eachFile(token: Cancellation, onFile: ((done: number, total: number) => void) | undefined, visit: (file: { uri: string; open: boolean; relative: string; settings: GoalDocsSettings }) => boolean): Promise<boolean> {
    const uris = await this.markdownUris(token);
    let looked = 0;
    for (const uri of uris) {
      if (token.isCancellationRequested) return false;
      const open = this.service.documents.get(uri) !== undefined;
      const settings = await this.service.settings.get(open ? uri : (this.folderOf(uri) ?? uri));
      const parsed = visit({ uri, open, relative: this.service.relativePath(uri), settings });
      onFile?.(++looked, uris.length);
      if (parsed || looked % FILES_PER_YIELD === 0) await yieldToEventLoop();
    }
    return !token.isCancellationRequested;
  }

  /** A file's model when it is a goal doc: an open one's, else parsed unless a scan of its text rules it out. */
  private goalDocModel(uri: string, open: boolean, relative: string, settings: GoalDocsSettings): GoalDoc | undefined {
    let doc: GoalDoc | undefined;
    if (open) doc = this.model(uri);
    else {
      const read = this.service.files.read(uri, settings.maxFileSize, (text) => mightBeGoalDoc(relative, text, settings));
      if (read.kind === 'model') doc = read.doc;
    }
    return doc && isGoalDoc(relative, doc, settings) ? doc : undefined;
  }

  /**
   * The goal docs of the workspace. A file on disk is parsed only when a scan of its text cannot
   * rule it out (most pages of a handbook are ruled out unparsed); what a scan ruled out is not
   * read again until it changes. `onFile` hears of each file looked at (for progress).
   */
  async goalDocs(token: Cancellation, onFile?: (done: number, total: number) => void): Promise<GoalDoc[]> {
    const goalDocs: GoalDoc[] = [];
    const done = await this.eachFile(token, onFile, ({ uri, open, relative, settings }) => {
      const doc = this.goalDocModel(uri, open, relative, settings);
      if (doc) goalDocs.push(doc);
      return true;
    });
    return done ? goalDocs : [];
  }

  /**
   * The quarters and goals of every goal doc, for workspace symbols. A goal doc on disk is read as
   * its outline text (its headings and a line per section for its goal fields), not parsed whole:
   * its text says whether it is one (model/goalDocRule.ts), and its outline what it holds.
   * `onFile` hears of each file looked at (for progress).
   */
  async goalDocOutlines(token: Cancellation, onFile?: (done: number, total: number) => void): Promise<GoalDocOutline[]> {
    const found: GoalDocOutline[] = [];
    const done = await this.eachFile(token, onFile, ({ uri, open, relative, settings }) => {
      const fromDisk = open ? 'parse' : this.diskOutline(uri, relative, settings);
      if (fromDisk !== 'parse') {
        if (fromDisk) found.push(fromDisk);
        return false;
      }
      const doc = this.goalDocModel(uri, open, relative, settings);
      if (doc) found.push(outlineOf(doc));
      return true;
    });
    return done ? found : [];
  }

  /** A goal doc's outline from its outline text; 'parse' when only its model can say (a marker comment, or text the outline scan defers on). */
  private diskOutline(uri: string, relative: string, settings: GoalDocsSettings): GoalDocOutline | undefined | 'parse' {
    const file = this.service.files.diskFile(uri, settings.maxFileSize);
    if (!file) return undefined;
    const key = keyOf(uri);
    let entry = this.outlines.get(key);
    if (!entry || entry.mtime !== file.mtime || entry.size !== file.size) {
      const text = file.text();
      if (text === undefined) return undefined;
      entry = { mtime: file.mtime, size: file.size, marker: mayHoldMarker(text) };
      this.outlines.set(key, entry);
    }
    if (entry.marker) return 'parse';
    const verdict = verdictBeforeContent(relative, undefined, settings);
    if (!verdict) {
      // Where the content decides, its text decides without a parse (model/goalDocRule.ts); a page
      // it rules out is not read again until it changes.
      if (entry.contentMight === undefined) {
        const text = file.text();
        if (text === undefined) return undefined;
        entry.contentMight = contentMightMakeGoalDoc(text, relative);
      }
      if (!entry.contentMight) return undefined;
    } else if (!verdict.goalDoc) return undefined;
    if (entry.outline === undefined) {
      const text = file.text();
      if (text === undefined) return undefined;
      entry.outline = outlineFromText(uri, text) ?? null;
    }
    return entry.outline ?? 'parse';
  }


  model(uri: string): GoalDoc | undefined {
    return this.service.files.model(uri);
  }

  anchors(uri: string): AnchorSource<AnchorHeading> | undefined {
    return this.service.files.anchors(uri);
  }

  stat(uri: string): 'file' | 'directory' | undefined {
    return this.service.files.stat(uri);
  }

  async readDirectory(uri: string): Promise<DirectoryEntry[] | undefined> {
    const dir = this.service.files.insideWorkspace(uri);
    const base = uri.replace(/\/$/, '');
    return dir ? listFolder(dir, (name) => this.service.files.stat(`${base}/${encodeURIComponent(name)}`)) : undefined;
  }

  folderOf(uri: string): string | undefined {
    return this.folders.find((f) => uri.startsWith(f.replace(/\/$/, '') + '/'));
  }

  openVersion(uri: string): number | undefined {
    return this.service.documents.get(uri)?.version;
  }
}
