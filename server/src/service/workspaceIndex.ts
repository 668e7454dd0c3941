// The Markdown files of the workspace, for features that look beyond one document (references,
// rename, workspace symbols, path completion). The folders are walked once, on first need, by
// the file system's own search (one question, where a remote file system is slow to walk); after
// that the index follows `workspace/didChangeWatchedFiles` and document open events file by
// file, never rescanning. Models come from the service: open documents per version, other files
// through WorkspaceFiles (cached by mtime, and never outside the workspace folders).
import type { GoalDoc } from '../model/types';
import type { GoalDocsSettings } from '../settings/schema';
import type { WorkspaceFiles } from './workspaceFiles';
import type { LinkedFiles } from '../workspace/linkedFiles';
import type { WorkspaceFileSystem } from '../workspace/fileSystem';
import type { Cancellation, DirectoryEntry, GoalDocWorkspace } from '../workspace/goalDocWorkspace';
import { contentMightMakeGoalDoc, isGoalDoc, matchesGlobs, mayHoldMarker, mightBeGoalDoc, pathSuggestsGoalDoc, verdictBeforeContent } from '../model/goalDocRule';
import { type GoalDocOutline, outlineFromText, outlineOf } from '../features/workspaceSymbols';
import { inSkippedFolder, isMarkdownPath, SKIPPED_FOLDERS } from './markdownWalk';
import { uriKey } from '../workspace/uris';
import { listedEntries } from './folderListing';
import { forEachLimited, type YieldToEventLoop } from './pacing';

/** What the index needs of the service that owns it. */
export interface IndexHost {
  readonly files: WorkspaceFiles;
  readonly fileSystem: WorkspaceFileSystem;
  readonly documents: { get(uri: string): { version: number } | undefined };
  readonly settings: { get(uri: string): Promise<GoalDocsSettings> };
  relativePath(uri: string): string;
  /** The workspace folder a URI is in, the innermost where folders nest. */
  folderOf(uri: string): string | undefined;
  readonly yieldToEventLoop: YieldToEventLoop;
}

/** How much of the workspace the index reads, and how: a local disk and a remote file system differ. */
export interface IndexLimits {
  /** Markdown files the index takes at most, so a huge monorepo cannot stall the server. */
  maxFiles: number;
  /** Reads in flight at once: a remote file system answers each slowly, but in parallel. */
  concurrentReads: number;
  /**
   * Files the background build reads at most, those named like goal docs first; a query that
   * needs the others (references, a move, the report) reads them then.
   */
  filesReadUpFront: number;
}

/** A local disk: every file read up front, one after the other (each read takes microseconds). */
export const LOCAL_DISK: IndexLimits = { maxFiles: 20_000, concurrentReads: 1, filesReadUpFront: Number.POSITIVE_INFINITY };
/**
 * A remote file system (github.dev answers a stat in about a second): fewer files, eight reads
 * in flight, and the background build reads the goal docs by name and the first few hundred
 * others, not a whole repository.
 */
export const REMOTE_FILE_SYSTEM: IndexLimits = { maxFiles: 5_000, concurrentReads: 8, filesReadUpFront: 300 };

/** Files looked at (read or parsed) between two yields to the event loop, so cancellation gets through. */
const FILES_PER_YIELD = 16;

export interface FileChange {
  uri: string;
  /** 1 created, 2 changed, 3 deleted, as in the LSP `FileChangeType`. */
  type: number;
}


/** What a file is, for visit(): its settings (its folder's, or its own when open) and its path in the workspace. */
interface VisitedFile {
  uri: string;
  open: boolean;
  relative: string;
  settings: GoalDocsSettings;
}

export class WorkspaceIndex {
  private folders: string[] = [];
  /** Markdown files by key; undefined until the first walk ends. */
  private disk: Map<string, string> | undefined;
  private walking: Promise<void> | undefined;
  /** Changes that arrive while a walk runs, applied when it ends. */
  private pending: FileChange[] = [];
  private generation = 0;
  /** Whether the last walk stopped at the limit of files. */
  truncated = false;
  /**
   * Per file, by modification time, what its text says without a parse: whether it holds a
   * marker comment, whether its content could make it a goal doc (evidenceBound), and, once
   * computed, its outline from the outline text (null when the page must be parsed whole).
   */
  private readonly outlines = new Map<string, { mtime: number; size: number; marker: boolean; contentMight?: boolean; outline?: GoalDocOutline | null }>();

  constructor(
    private readonly service: IndexHost,
    private readonly openDocuments: () => Array<{ uri: string; version: number }>,
    /** Set by the service for the workspace folders it is given. */
    public limits: IndexLimits = LOCAL_DISK,
  ) {}

  /** The workspace folders, of any scheme (`file:`, `vscode-vfs:`, `vscode-remote:`). */
  setFolders(folderUris: string[]): void {
    this.folders = [...folderUris];
    this.disk = undefined;
    this.walking = undefined;
    this.pending = [];
    this.generation++;
  }

  // --- Keeping up to date, file by file ---

  /** The settings changed: what the index read of each page in the old ones (its verdict, its outline in the team's dialect) is read again. */
  settingsChanged(): void {
    for (const entry of this.outlines.values()) {
      entry.contentMight = undefined;
      entry.outline = undefined;
    }
  }

  didChangeWatchedFiles(changes: FileChange[]): void {
    for (const c of changes) {
      this.service.files.forget(c.uri);
      this.outlines.delete(uriKey(c.uri));
    }
    if (this.walking && !this.disk) this.pending.push(...changes);
    else for (const c of changes) this.apply(c);
  }

  /** An opened file that the walk has not seen (created since) joins the index. */
  didOpen(uri: string): void {
    if (this.disk && isMarkdownPath(uri) && this.service.files.insideWorkspace(uri)) this.disk.set(uriKey(uri), uri);
  }

  private apply(c: FileChange): void {
    if (!this.disk) return;
    const key = uriKey(c.uri);
    if (c.type === 3) {
      // A deleted folder takes its files with it.
      this.disk.delete(key);
      for (const k of [...this.disk.keys()]) if (k.startsWith(key + '/')) this.disk.delete(k);
    } else if (isMarkdownPath(c.uri) && this.service.files.insideWorkspace(c.uri) && !this.inSkippedFolder(c.uri)) {
      this.disk.set(key, c.uri);
    }
  }

  /** Whether a file lies in a folder the walk skips, below its workspace folder. */
  private inSkippedFolder(uri: string): boolean {
    return inSkippedFolder(this.service.relativePath(uri));
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
    const found = new Map<string, string>();
    let truncated = false;
    for (const folder of this.folders) {
      const left = this.limits.maxFiles - found.size;
      if (left <= 0) {
        truncated = true;
        break;
      }
      const files = await this.service.fileSystem.findMarkdownFiles(folder, { max: left, skippedFolders: [...SKIPPED_FOLDERS] });
      truncated ||= files.truncated;
      for (const uri of files.uris) {
        // The same rules whatever answered: Markdown names only, skipped folders left out.
        if (found.size >= this.limits.maxFiles || !isMarkdownPath(uri) || this.inSkippedFolder(uri)) continue;
        found.set(uriKey(uri), uri);
      }
    }
    this.truncated = truncated;
    return found;
  }

  // --- GoalDocWorkspace ---

  async markdownUris(token: Cancellation): Promise<string[]> {
    await this.ensureWalked();
    if (token.isCancellationRequested) return [];
    const uris = new Map(this.disk);
    // An open document's own spelling of its URI wins: edits go back to it under that name.
    for (const d of this.openDocuments()) if (isMarkdownPath(d.uri) || d.uri.startsWith('untitled:')) uris.set(uriKey(d.uri), d.uri);
    return [...uris.values()].sort();
  }

  async markdownModels(token: Cancellation, mentioning?: string[][]): Promise<GoalDoc[]> {
    const uris = await this.markdownUris(token);
    const models: Array<GoalDoc | undefined> = [];
    let looked = 0;
    await forEachLimited(uris, this.limits.concurrentReads, async (uri, i) => {
      if (token.isCancellationRequested) return;
      if (++looked % FILES_PER_YIELD === 0) await this.service.yieldToEventLoop();
      // Reading a file is much cheaper than parsing it: skip those that cannot be relevant.
      if (mentioning && !this.service.documents.get(uri) && !(await this.mentions(uri, mentioning))) return;
      models[i] = await this.service.files.model(uri);
    });
    return token.isCancellationRequested ? [] : models.filter((d): d is GoalDoc => d !== undefined);
  }

  /** Whether a file within the size limit contains a string of each group, case ignored (a larger one is never parsed). */
  private async mentions(uri: string, groups: string[][]): Promise<boolean> {
    const settings = await this.service.settings.get(this.folderOf(uri) ?? uri);
    const text = (await (await this.service.files.diskFile(uri, settings.maxFileSize, false))?.text())?.toLowerCase();
    return text !== undefined && groups.every((needles) => needles.some((n) => text.includes(n.toLowerCase())));
  }

  /**
   * Visits Markdown files with their settings (a file takes its folder's: one pull per folder,
   * not one per file) and their path in the workspace, a few at a time. After a file that `visit`
   * had to parse (it returns true), and every few files, waiting requests (the open document's
   * diagnostics) go first. False when cancelled.
   */
  private async eachFile(uris: string[], token: Cancellation, onFile: ((done: number, total: number) => void) | undefined, visit: (file: VisitedFile, index: number) => Promise<boolean>): Promise<boolean> {
    let looked = 0;
    await forEachLimited(uris, this.limits.concurrentReads, async (uri, i) => {
      if (token.isCancellationRequested) return;
      const open = this.service.documents.get(uri) !== undefined;
      const settings = await this.service.settings.get(open ? uri : (this.folderOf(uri) ?? uri));
      const parsed = await visit({ uri, open, relative: this.service.relativePath(uri), settings }, i);
      onFile?.(++looked, uris.length);
      if (parsed || looked % FILES_PER_YIELD === 0) await this.service.yieldToEventLoop();
    });
    return !token.isCancellationRequested;
  }

  /** A file's model when it is a goal doc: an open one's, else parsed unless a scan of its text rules it out. */
  private async goalDocModel({ uri, open, relative, settings }: VisitedFile): Promise<GoalDoc | undefined> {
    let doc: GoalDoc | undefined;
    if (open) doc = await this.service.files.model(uri);
    else {
      const read = await this.service.files.read(uri, settings.maxFileSize, (text) => mightBeGoalDoc(relative, text, settings));
      if (read.kind === 'model') doc = read.doc;
    }
    return doc && isGoalDoc(relative, doc, settings) ? doc : undefined;
  }

  /**
   * The goal docs of the workspace. A file is parsed only when a scan of its text cannot rule it
   * out (most pages of a handbook are ruled out unparsed); what a scan ruled out is not read
   * again until it changes. `onFile` hears of each file looked at (for progress).
   */
  async goalDocs(token: Cancellation, onFile?: (done: number, total: number) => void): Promise<GoalDoc[]> {
    const uris = await this.markdownUris(token);
    const found: Array<GoalDoc | undefined> = [];
    const done = await this.eachFile(uris, token, onFile, async (file, i) => {
      found[i] = await this.goalDocModel(file);
      return true;
    });
    return done ? found.filter((d): d is GoalDoc => d !== undefined) : [];
  }

  /**
   * The quarters and goals of every goal doc, for workspace symbols. A goal doc on disk is read as
   * its outline text (its headings and a line per section for its goal fields), not parsed whole:
   * its text says whether it is one (model/goalDocRule.ts), and its outline what it holds.
   * `onFile` hears of each file looked at (for progress).
   */
  async goalDocOutlines(token: Cancellation, onFile?: (done: number, total: number) => void): Promise<GoalDocOutline[]> {
    return (await this.outlinesOf(await this.markdownUris(token), token, onFile)) ?? [];
  }

  /**
   * The background build: the outlines of the workspace's goal docs, or on a file system that
   * reads slowly of the first `limits.filesReadUpFront` files, those named like goal docs first
   * or in a folder named for a period (so that what a query needs next is read already). How many
   * files it looked at.
   */
  async warm(token: Cancellation, onFile?: (done: number, total: number) => void): Promise<number> {
    let uris = await this.markdownUris(token);
    if (uris.length > this.limits.filesReadUpFront) {
      const named: string[] = [];
      const others: string[] = [];
      for (const uri of uris) {
        const settings = await this.service.settings.get(this.folderOf(uri) ?? uri);
        const relative = this.service.relativePath(uri);
        (matchesGlobs(relative, settings.files) || pathSuggestsGoalDoc(relative) ? named : others).push(uri);
      }
      uris = [...named, ...others].slice(0, this.limits.filesReadUpFront);
    }
    await this.outlinesOf(uris, token, onFile);
    return uris.length;
  }

  private async outlinesOf(uris: string[], token: Cancellation, onFile?: (done: number, total: number) => void): Promise<GoalDocOutline[] | undefined> {
    const found: Array<GoalDocOutline | undefined> = [];
    const done = await this.eachFile(uris, token, onFile, async (file, i) => {
      const fromDisk = file.open ? 'parse' : await this.diskOutline(file);
      if (fromDisk !== 'parse') {
        found[i] = fromDisk;
        return false;
      }
      const doc = await this.goalDocModel(file);
      if (doc) found[i] = outlineOf(doc);
      return true;
    });
    return done ? found.filter((o): o is GoalDocOutline => o !== undefined) : undefined;
  }

  /** A goal doc's outline from its outline text; 'parse' when only its model can say (a marker comment, or text the outline scan defers on). */
  private async diskOutline({ uri, relative, settings }: VisitedFile): Promise<GoalDocOutline | undefined | 'parse'> {
    const key = uriKey(uri);
    let entry = this.outlines.get(key);
    const file = await this.service.files.diskFile(uri, settings.maxFileSize, entry !== undefined);
    if (!file) return undefined;
    entry = this.outlines.get(key);
    if (!entry || entry.mtime !== file.mtime || entry.size !== file.size) {
      const text = await file.text();
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
        const text = await file.text();
        if (text === undefined) return undefined;
        entry.contentMight = contentMightMakeGoalDoc(text, relative, settings.dialect);
      }
      if (!entry.contentMight) return undefined;
    } else if (!verdict.goalDoc) return undefined;
    if (entry.outline === undefined) {
      const text = await file.text();
      if (text === undefined) return undefined;
      entry.outline = outlineFromText(uri, text, settings.dialect) ?? null;
    }
    return entry.outline ?? 'parse';
  }

  async readDirectory(uri: string): Promise<DirectoryEntry[] | undefined> {
    if (!this.service.files.insideWorkspace(uri)) return undefined;
    const entries = await this.service.fileSystem.readDirectory(uri);
    return entries && listedEntries(entries);
  }

  folderOf(uri: string): string | undefined {
    return this.service.folderOf(uri);
  }

  openVersion(uri: string): number | undefined {
    return this.service.documents.get(uri)?.version;
  }

  /**
   * The workspace as one computation's features read it: other files through `files` (a snapshot,
   * service.ts). Pages handed out whole have the targets of their links to headings fetched into
   * the snapshot, which is what features read of them next (references, rename, a move).
   */
  over(files: LinkedFiles & { prefetchLinks?(docs: readonly GoalDoc[], anchors: boolean, onlyWithFragments: boolean): Promise<void> }): GoalDocWorkspace {
    return {
      stat: (uri) => files.stat(uri),
      model: (uri) => files.model(uri),
      anchors: (uri) => files.anchors(uri),
      markdownUris: (token) => this.markdownUris(token),
      markdownModels: async (token, mentioning) => {
        const models = await this.markdownModels(token, mentioning);
        await files.prefetchLinks?.(models, false, true);
        return models;
      },
      goalDocs: (token) => this.goalDocs(token),
      goalDocOutlines: (token) => this.goalDocOutlines(token),
      readDirectory: (uri) => this.readDirectory(uri),
      folderOf: (uri) => this.folderOf(uri),
      openVersion: (uri) => this.openVersion(uri),
    };
  }
}
