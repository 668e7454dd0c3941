// The files the service reads, through the file-system port (workspace/fileSystem.ts): open
// documents first (their unsaved text is the truth), then files inside the workspace folders only
// (nothing outside them is asked for). Models of files are parsed once per modification time.
//
// The rules and features ask of other files synchronously (LinkedFiles: does this link's target
// exist, what are its anchors), while the port answers asynchronously (a browser asks the editor).
// So a computation runs over a snapshot (complete()): what it asks that the snapshot does not hold
// is noted, fetched, and the computation runs again over the fuller snapshot, until it asked for
// nothing new. A document's link targets are fetched before the first run, so a keystroke's
// diagnostics run once. Each computation has its own snapshot: nothing it reads is older than it.
import type { LinkedFiles, FileRead } from '../workspace/linkedFiles';
import { isRelativeFileLink, linkCandidates, resolveLinkTarget } from '../workspace/linkedFiles';
import type { FileKind, FileStat, WorkspaceFileSystem } from '../workspace/fileSystem';
import type { Cancellation } from '../workspace/goalDocWorkspace';
import type { GoalDoc } from '../model/types';
import type { AnchorHeading, AnchorSource } from '../model/anchorIndex';
import { buildGoalDoc } from '../model/build';
import { DEFAULT_DIALECT, type Dialect } from '../model/dialect';
import { anchorsFromText } from '../model/outline';
import { isMarkdownPath, relativeToFolder, uriKey } from '../workspace/uris';
import { forEachLimited } from './pacing';

export interface OpenDocuments {
  get(uri: string): { version: number; getText(): string } | undefined;
}

/** A file read for its model, or why there is none. */
export type DiskRead = { kind: 'model'; doc: GoalDoc } | { kind: 'too-large'; length: number; unit: 'characters' | 'bytes' } | { kind: 'unreadable'; reason: string };

/** A file inside the workspace looked at without a model: its stat, and its text when asked (undefined when unreadable or longer than the limit). */
export interface DiskFile {
  mtime: number;
  size: number;
  text(): Promise<string | undefined>;
}

/** How many times a computation runs again for what it asked of other files. */
const MAX_ROUNDS = 8;

export interface CompleteOptions {
  token?: Cancellation;
  /** Documents whose link targets are fetched before the first run (and their anchors, with `anchors`). */
  linksOf?: GoalDoc[];
  anchors?: boolean;
  /** Hears what the final run asked of other files (the CLI's --cache). */
  onRead?: (read: FileRead) => void;
}

export class WorkspaceFiles {
  /** The workspace folders, one spelling each, without a trailing `/`. */
  private roots: string[] = [];
  /** insideWorkspace's answers, by URI as given (a URI is parsed three times to answer). */
  private readonly inside = new Map<string, boolean>();
  /** Models of files, least recently used first; their texts' length is `cachedChars`. */
  private readonly diskModels = new Map<string, { mtime: number; doc: GoalDoc; dialect: string }>();
  private cachedChars = 0;
  /** Files a prescan ruled out, by modification time: not read again until they change. */
  private readonly ruledOut = new Map<string, number>();
  /**
   * The anchors of files read from their outline text, by modification time (small: a heading's
   * ids, text and range each), or null where the file must be parsed for them.
   */
  private readonly diskAnchors = new Map<string, { mtime: number; anchors: AnchorSource<AnchorHeading> | null }>();

  constructor(
    private readonly fs: WorkspaceFileSystem,
    private readonly open: OpenDocuments,
    private readonly openModel: (uri: string) => GoalDoc | undefined,
    private readonly maxFileSize: () => number,
    /** `workspace`: nothing outside the folders is read; `any`: every file (the CLI on the user's own repository). */
    private readonly readable: 'workspace' | 'any' = 'workspace',
    /**
     * How many characters of text the cached models of files may hold together; past that the
     * least recently used is dropped (and parsed again if asked for). A model holds about ten to
     * twenty times its text's size, so this is what bounds the server's memory.
     */
    private readonly cacheBudget = Number.POSITIVE_INFINITY,
    /** The dialect a file is read in: its folder's settings' (model/dialect.ts). */
    private readonly dialectOf: (uri: string) => Dialect = () => DEFAULT_DIALECT,
  ) {}

  /** How many files a snapshot asks the port for at once (a remote file system answers slowly, but in parallel). */
  concurrentReads = 1;

  setRoots(folderUris: string[]): void {
    this.roots = folderUris.map((u) => uriKey(u).replace(/\/$/, ''));
    this.inside.clear();
    this.fs.setWorkspaceFolders?.(this.roots);
  }

  /**
   * Whether a file may be read: one inside a workspace folder (or any, where any file is
   * readable). Decided from the URI alone (`../../../../etc/passwd` is refused before the file
   * system is asked anything); a symbolic link out of the folders is the port's to refuse.
   */
  insideWorkspace(uri: string): boolean {
    if (this.readable === 'any') return true;
    let inside = this.inside.get(uri);
    if (inside === undefined) {
      const key = uriKey(uri).replace(/\/$/, '');
      inside = this.roots.some((root) => key === root || relativeToFolder(root, uri) !== undefined);
      // Links typed letter by letter ask of many URIs that never come again: a bound.
      if (this.inside.size >= 20_000) this.inside.clear();
      this.inside.set(uri, inside);
    }
    return inside;
  }

  async stat(uri: string): Promise<FileKind | undefined> {
    if (this.open.get(uri)) return 'file';
    if (!this.insideWorkspace(uri)) return undefined;
    return (await this.fs.stat(uri))?.kind;
  }

  /** The model of a Markdown file: an open document's, else the file's (parsed once per modification time). */
  async model(uri: string): Promise<GoalDoc | undefined> {
    if (this.open.get(uri)) return this.openModel(uri);
    const r = await this.read(uri, this.maxFileSize());
    return r.kind === 'model' ? r.doc : undefined;
  }

  /**
   * What links into a file can reach. An open document's model, or the model of a file already
   * parsed; else the anchors its outline text gives (model/outline.ts: a page that is only a
   * link target is read as far as its headings), else its model.
   */
  async anchors(uri: string): Promise<AnchorSource<AnchorHeading> | undefined> {
    if (this.open.get(uri)) return this.openModel(uri);
    const parsed = this.diskModels.get(uri);
    const kept = this.diskAnchors.get(uri);
    const file = await this.diskFile(uri, this.maxFileSize(), parsed !== undefined || kept !== undefined);
    if (!file) return undefined;
    if (parsed && parsed.mtime === file.mtime) return this.model(uri);
    if (kept && kept.mtime === file.mtime) return kept.anchors ?? this.model(uri);
    const text = await file.text();
    if (text === undefined) return undefined;
    const anchors = anchorsFromText(uri, text) ?? null;
    this.diskAnchors.set(uri, { mtime: file.mtime, anchors });
    return anchors ?? this.model(uri);
  }

  /**
   * A file inside the workspace, for a look at its text without a model: its modification time
   * and size, and its text when asked for. Undefined when it is no readable file there or surely
   * longer than `limit` characters. With `statFirst` (the caller keeps something of it by
   * modification time) the text is read only when asked; else it is read at once, with its stat.
   */
  async diskFile(uri: string, limit: number, statFirst: boolean): Promise<DiskFile | undefined> {
    if (!this.insideWorkspace(uri)) return undefined;
    // A file of more bytes than four times the limit has more characters than the limit too.
    const maxBytes = limit * 4;
    const fits = (t: string) => (t.length > limit ? undefined : t);
    if (!statFirst) {
      const content = await this.fs.readFile(uri, { maxBytes });
      if (content.kind !== 'text' || content.stat.kind !== 'file') return undefined;
      const text = fits(content.text);
      return { mtime: content.stat.mtime, size: content.stat.size, text: async () => text };
    }
    const stat = await this.fs.stat(uri);
    if (!stat || stat.kind !== 'file' || stat.size > maxBytes) return undefined;
    let text: Promise<string | undefined> | undefined;
    const read = async () => {
      const content = await this.fs.readFile(uri, { maxBytes });
      return content.kind === 'text' ? fits(content.text) : undefined;
    };
    return { mtime: stat.mtime, size: stat.size, text: () => (text ??= read()) };
  }

  /**
   * The model of a file (version -1: not open), parsed once per modification time, or why there
   * is none. `limit` is in characters.
   */
  read(uri: string, limit: number): Promise<DiskRead>;
  read(uri: string, limit: number, worthParsing: ((text: string) => boolean) | undefined): Promise<DiskRead | { kind: 'ruled-out' }>;
  async read(
    uri: string,
    limit: number,
    /** Asked before a file not parsed yet is parsed: false leaves it unparsed (`ruled-out`). */
    worthParsing?: (text: string) => boolean,
  ): Promise<DiskRead | { kind: 'ruled-out' }> {
    if (!this.insideWorkspace(uri)) return { kind: 'unreadable', reason: 'it is outside the workspace folders' };
    const dialect = this.dialectOf(uri);
    const found = this.diskModels.get(uri);
    // A model read in another dialect (the folder's settings file changed) is read again.
    const cached = found?.dialect === dialect.key ? found : undefined;
    const wasRuledOut = worthParsing ? this.ruledOut.get(uri) : undefined;
    // Only what is kept needs a stat first; anything else is read with its stat in one go.
    let stat: FileStat | undefined;
    if (cached || wasRuledOut !== undefined) {
      stat = await this.fs.stat(uri);
      if (!stat) return { kind: 'unreadable', reason: 'it does not exist' };
      if (stat.kind !== 'file') return { kind: 'unreadable', reason: 'it is not a file' };
      if (cached && cached.mtime === stat.mtime) {
        this.diskModels.delete(uri);
        this.diskModels.set(uri, cached);
        return cached.doc.text.length > limit ? { kind: 'too-large', length: cached.doc.text.length, unit: 'characters' } : { kind: 'model', doc: cached.doc };
      }
      if (wasRuledOut === stat.mtime) return { kind: 'ruled-out' };
    }
    // A file of more bytes than four times the limit has more characters than the limit too.
    const content = await this.fs.readFile(uri, { maxBytes: limit * 4 });
    if (content.kind === 'missing') return { kind: 'unreadable', reason: 'it does not exist' };
    if (content.kind === 'unreadable') return content;
    if (content.kind === 'too-large') return { kind: 'too-large', length: content.size, unit: 'bytes' };
    if (content.stat.kind !== 'file') return { kind: 'unreadable', reason: 'it is not a file' };
    const { text } = content;
    if (text.length > limit) return { kind: 'too-large', length: text.length, unit: 'characters' };
    if (worthParsing && !worthParsing(text)) {
      this.ruledOut.set(uri, content.stat.mtime);
      return { kind: 'ruled-out' };
    }
    const doc = buildGoalDoc(text, { uri, version: -1, dialect });
    this.remember(uri, content.stat.mtime, doc, dialect.key);
    return { kind: 'model', doc };
  }

  private remember(uri: string, mtime: number, doc: GoalDoc, dialect: string): void {
    this.drop(uri);
    this.diskModels.set(uri, { mtime, doc, dialect });
    this.cachedChars += doc.text.length;
    for (const [oldest, entry] of this.diskModels) {
      if (this.cachedChars <= this.cacheBudget || oldest === uri) break;
      this.diskModels.delete(oldest);
      this.cachedChars -= entry.doc.text.length;
    }
  }

  private drop(uri: string): void {
    const entry = this.diskModels.get(uri);
    if (!entry) return;
    this.diskModels.delete(uri);
    this.cachedChars -= entry.doc.text.length;
  }

  /** How many models of files on disk are cached, and their texts' characters (for tests and the bench). */
  cacheSize(): { models: number; characters: number } {
    return { models: this.diskModels.size, characters: this.cachedChars };
  }

  /** Drops what is known of a file that changed or was deleted. */
  forget(uri: string): void {
    this.diskAnchors.delete(uri);
    this.drop(uri);
    this.ruledOut.delete(uri);
  }

  /** The settings changed: a page ruled out under the old ones may be a goal doc now. */
  forgetRuledOut(): void {
    this.ruledOut.clear();
  }

  // --- Snapshots ---

  /** A snapshot of no files yet, filled by what it is asked (see complete()). */
  snapshot(): FileSnapshot {
    return new FileSnapshot(this, this.open, this.openModel, this.concurrentReads);
  }

  /**
   * Runs a computation that reads other files synchronously (the rules, the features) until it
   * has run over a snapshot holding everything it asked for; returns its last answer. Cancelled,
   * it returns the answer it has.
   */
  async complete<T>(compute: (files: LinkedFiles) => T | Promise<T>, options: CompleteOptions = {}): Promise<T> {
    const snapshot = this.snapshot();
    if (options.linksOf) await snapshot.prefetchLinks(options.linksOf, options.anchors ?? false);
    for (let round = 1; ; round++) {
      const reads: FileRead[] = [];
      const files = options.onRead ? recording(snapshot, reads) : snapshot;
      snapshot.startRound();
      const answer = await compute(files);
      if (!snapshot.asked() || round >= MAX_ROUNDS || options.token?.isCancellationRequested) {
        for (const r of reads) options.onRead?.(r);
        return answer;
      }
      await snapshot.fetchAsked();
    }
  }
}

function recording(files: LinkedFiles, reads: FileRead[]): LinkedFiles {
  return {
    stat(uri) {
      reads.push({ uri, read: 'stat' });
      return files.stat(uri);
    },
    model(uri) {
      reads.push({ uri, read: 'model' });
      return files.model(uri);
    },
    anchors(uri) {
      // Read from the text as a model is: the same dependency.
      reads.push({ uri, read: 'model' });
      return files.anchors(uri);
    },
  };
}

/**
 * Other files as one computation sees them: what it was fetched, answered synchronously. What it
 * is asked and does not hold it answers as missing and notes, for the next round.
 */
export class FileSnapshot implements LinkedFiles {
  private readonly kinds = new Map<string, FileKind | null>();
  private readonly models = new Map<string, GoalDoc | null>();
  private readonly anchorSources = new Map<string, AnchorSource<AnchorHeading> | null>();
  private wanted = { stat: new Set<string>(), model: new Set<string>(), anchors: new Set<string>() };

  constructor(
    private readonly files: WorkspaceFiles,
    private readonly open: OpenDocuments,
    private readonly openModel: (uri: string) => GoalDoc | undefined,
    private readonly concurrentReads: number,
  ) {}

  stat(uri: string): FileKind | undefined {
    if (this.open.get(uri)) return 'file';
    const kind = this.kinds.get(uri);
    if (kind === undefined) this.wanted.stat.add(uri);
    return kind ?? undefined;
  }

  model(uri: string): GoalDoc | undefined {
    if (this.open.get(uri)) return this.openModel(uri);
    const doc = this.models.get(uri);
    if (doc === undefined) this.wanted.model.add(uri);
    return doc ?? undefined;
  }

  anchors(uri: string): AnchorSource<AnchorHeading> | undefined {
    if (this.open.get(uri)) return this.openModel(uri);
    const doc = this.models.get(uri);
    if (doc) return doc;
    const anchors = this.anchorSources.get(uri);
    if (anchors === undefined) this.wanted.anchors.add(uri);
    return anchors ?? undefined;
  }

  startRound(): void {
    this.wanted = { stat: new Set(), model: new Set(), anchors: new Set() };
  }

  /** Whether the last round asked for something the snapshot did not hold. */
  asked(): boolean {
    return this.wanted.stat.size + this.wanted.model.size + this.wanted.anchors.size > 0;
  }

  /** Fetches what the last round asked for and did not find. */
  async fetchAsked(): Promise<void> {
    const { stat, model, anchors } = this.wanted;
    this.startRound();
    await Promise.all([
      forEachLimited([...stat], this.concurrentReads, async (uri) => this.kinds.set(uri, (await this.files.stat(uri)) ?? null)),
      forEachLimited([...model], this.concurrentReads, async (uri) => this.models.set(uri, (await this.files.model(uri)) ?? null)),
      forEachLimited([...anchors], this.concurrentReads, async (uri) => this.anchorSources.set(uri, (await this.files.anchors(uri)) ?? null)),
    ]);
  }

  /**
   * Fetches what the rules ask of the documents' relative links: whether each file a link may
   * name is there, and with `anchors` the anchors of each Markdown file a link with a fragment
   * reaches. Unchanged files cost a stat each (a model or outline is kept per modification time).
   */
  async prefetchLinks(docs: readonly GoalDoc[], anchors: boolean, onlyWithFragments = false): Promise<void> {
    const candidates = new Set<string>();
    for (const doc of docs) {
      const paths = new Set<string>();
      for (const link of doc.links) {
        if (!isRelativeFileLink(link.path, link.external) || (onlyWithFragments && !link.fragment) || paths.has(link.path)) continue;
        paths.add(link.path);
        for (const uri of linkCandidates(doc.uri, link.path)) if (!this.open.get(uri) && !this.kinds.has(uri)) candidates.add(uri);
      }
    }
    await forEachLimited([...candidates], this.concurrentReads, async (uri) => this.kinds.set(uri, (await this.files.stat(uri)) ?? null));
    if (!anchors) return;
    const targets = new Set<string>();
    for (const doc of docs) {
      for (const link of doc.links) {
        if (!link.fragment || !isRelativeFileLink(link.path, link.external)) continue;
        const target = resolveLinkTarget(this, doc.uri, link.path);
        if (target?.kind === 'file' && !this.open.get(target.uri) && isMarkdownPath(target.uri)) targets.add(target.uri);
      }
    }
    await forEachLimited([...targets], this.concurrentReads, async (uri) => this.anchorSources.set(uri, (await this.files.anchors(uri)) ?? null));
    this.startRound();
  }
}
