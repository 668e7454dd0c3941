// LinkedFiles for the language server: open documents first (their unsaved text is the truth),
// then files on disk inside the workspace folders only. Nothing outside the folders is read.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { LinkedFiles } from '../workspace/linkedFiles';
import type { GoalDoc } from '../model/types';
import type { AnchorHeading, AnchorSource } from '../model/anchorIndex';
import { buildGoalDoc } from '../model/build';
import { anchorsFromText } from '../model/outline';
import { fsPathOf } from '../workspace/uris';

export interface OpenDocuments {
  get(uri: string): { version: number; getText(): string } | undefined;
}

/** A file on disk read for its model, or why there is none. */
export type DiskRead = { kind: 'model'; doc: GoalDoc } | { kind: 'too-large'; length: number; unit: 'characters' | 'bytes' } | { kind: 'unreadable'; reason: string };

export class WorkspaceFiles implements LinkedFiles {
  private roots: string[] = [];
  /** The folders as given and as real paths: a path outside both is not even looked at. */
  private spellings: string[] = [];
  /** Models of files on disk, least recently used first; their texts' length is `cachedChars`. */
  private readonly diskModels = new Map<string, { mtime: number; doc: GoalDoc }>();
  private cachedChars = 0;
  /** Files a prescan ruled out, by modification time: not read again until they change. */
  private readonly ruledOut = new Map<string, number>();
  /**
   * The anchors of files on disk read from their outline text, by modification time (small: a
   * heading's ids, text and range each), or null where the file must be parsed for them.
   */
  private readonly diskAnchors = new Map<string, { mtime: number; anchors: AnchorSource<AnchorHeading> | null }>();

  constructor(
    private readonly open: OpenDocuments,
    private readonly openModel: (uri: string) => GoalDoc | undefined,
    private readonly maxFileSize: () => number,
    /** `workspace`: nothing outside the folders is read; `any`: every path (the CLI on the user's own repository). */
    private readonly readable: 'workspace' | 'any' = 'workspace',
    /**
     * How many characters of text the cached models of files on disk may hold together; past
     * that the least recently used is dropped (and parsed again if asked for). A model holds
     * about ten to twenty times its text's size, so this is what bounds the server's memory.
     */
    private readonly cacheBudget = Number.POSITIVE_INFINITY,
  ) {}

  setRoots(folderUris: string[]): void {
    this.roots = [];
    for (const uri of folderUris) {
      const p = fsPathOf(uri);
      if (!p) continue;
      try {
        this.roots.push(realpathSync(p));
      } catch {
        // A folder that is gone contributes nothing.
      }
    }
    this.spellings = [...this.roots];
    for (const uri of folderUris) {
      const p = fsPathOf(uri);
      if (p) this.spellings.push(path.resolve(p));
    }
  }

  /** The real path of a file URI inside a workspace folder (or anywhere, where any file is readable), or undefined. */
  insideWorkspace(uri: string): string | undefined {
    const p = fsPathOf(uri);
    if (!p) return undefined;
    if (this.readable === 'any') return path.resolve(p);
    // `../../../../etc/passwd` is refused before the file system is asked anything about it.
    const resolved = path.resolve(p);
    if (!this.spellings.some((r) => resolved === r || resolved.startsWith(r + path.sep))) return undefined;
    let real: string;
    try {
      real = realpathSync(p);
    } catch {
      real = path.resolve(p);
    }
    return this.roots.some((r) => real === r || real.startsWith(r + path.sep)) ? real : undefined;
  }

  stat(uri: string): 'file' | 'directory' | undefined {
    if (this.open.get(uri)) return 'file';
    const p = this.insideWorkspace(uri);
    if (!p) return undefined;
    try {
      const s = statSync(p);
      return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : undefined;
    } catch {
      return undefined;
    }
  }

  model(uri: string): GoalDoc | undefined {
    if (this.open.get(uri)) return this.openModel(uri);
    const r = this.read(uri, this.maxFileSize());
    return r.kind === 'model' ? r.doc : undefined;
  }

  /**
   * What links into a file can reach. An open document's model, or the model of a file on disk
   * already parsed; else the anchors its outline text gives (model/outline.ts: a page that is only
   * a link target is read as far as its headings), else its model.
   */
  anchors(uri: string): AnchorSource<AnchorHeading> | undefined {
    if (this.open.get(uri)) return this.openModel(uri);
    const file = this.diskFile(uri, this.maxFileSize());
    if (!file) return undefined;
    const parsed = this.diskModels.get(uri);
    if (parsed && parsed.mtime === file.mtime) return this.model(uri);
    const kept = this.diskAnchors.get(uri);
    if (kept && kept.mtime === file.mtime) return kept.anchors ?? this.model(uri);
    const text = file.text();
    if (text === undefined) return undefined;
    const anchors = anchorsFromText(uri, text) ?? null;
    this.diskAnchors.set(uri, { mtime: file.mtime, anchors });
    return anchors ?? this.model(uri);
  }

  /**
   * A file on disk inside the workspace, for a look at its text without a model: its modification
   * time and size, and its text when asked for (undefined when unreadable or longer than `limit`
   * characters). Undefined when it is no readable file there or surely longer than the limit.
   */
  diskFile(uri: string, limit: number): { mtime: number; size: number; text(): string | undefined } | undefined {
    const p = this.insideWorkspace(uri);
    if (!p) return undefined;
    try {
      const s = statSync(p);
      // A file of more bytes than four times the limit has more characters than the limit too.
      if (!s.isFile() || s.size > limit * 4) return undefined;
      let text: string | undefined | null = null;
      const read = () => {
        try {
          const t = readFileSync(p, 'utf8');
          return t.length > limit ? undefined : t;
        } catch {
          return undefined;
        }
      };
      return { mtime: s.mtimeMs, size: s.size, text: () => (text === null ? (text = read()) : text) };
    } catch {
      return undefined;
    }
  }


  /**
   * The model of a file on disk (version -1: not open), parsed once per modification time, or
   * why there is none. `limit` is in characters.
   */
  read(uri: string, limit: number): DiskRead;
  read(uri: string, limit: number, worthParsing: ((text: string) => boolean) | undefined): DiskRead | { kind: 'ruled-out' };
  read(
    uri: string,
    limit: number,
    /** Asked before a file not parsed yet is parsed: false leaves it unparsed (`ruled-out`). */
    worthParsing?: (text: string) => boolean,
  ): DiskRead | { kind: 'ruled-out' } {
    const p = this.insideWorkspace(uri);
    if (!p) return { kind: 'unreadable', reason: 'it is outside the workspace folders' };
    try {
      const s = statSync(p);
      if (!s.isFile()) return { kind: 'unreadable', reason: 'it is not a file' };
      const cached = this.diskModels.get(uri);
      if (cached && cached.mtime === s.mtimeMs) {
        this.diskModels.delete(uri);
        this.diskModels.set(uri, cached);
        return cached.doc.text.length > limit ? { kind: 'too-large', length: cached.doc.text.length, unit: 'characters' } : { kind: 'model', doc: cached.doc };
      }
      if (worthParsing && this.ruledOut.get(uri) === s.mtimeMs) return { kind: 'ruled-out' };
      // A file of more bytes than four times the limit has more characters than the limit too.
      if (s.size > limit * 4) return { kind: 'too-large', length: s.size, unit: 'bytes' };
      const text = readFileSync(p, 'utf8');
      if (text.length > limit) return { kind: 'too-large', length: text.length, unit: 'characters' };
      if (worthParsing && !worthParsing(text)) {
        this.ruledOut.set(uri, s.mtimeMs);
        return { kind: 'ruled-out' };
      }
      const doc = buildGoalDoc(text, { uri, version: -1 });
      this.remember(uri, s.mtimeMs, doc);
      return { kind: 'model', doc };
    } catch (e) {
      return { kind: 'unreadable', reason: (e as Error).message };
    }
  }

  private remember(uri: string, mtime: number, doc: GoalDoc): void {
    this.drop(uri);
    this.diskModels.set(uri, { mtime, doc });
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

  /** Drops what is known of a file that changed or was deleted on disk. */
  forget(uri: string): void {
    this.diskAnchors.delete(uri);
    this.drop(uri);
    this.ruledOut.delete(uri);
  }

  /** The settings changed: a page ruled out under the old ones may be a goal doc now. */
  forgetRuledOut(): void {
    this.ruledOut.clear();
  }
}
