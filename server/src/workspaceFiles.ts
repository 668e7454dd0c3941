// LinkedFiles for the language server: open documents first (their unsaved text is the truth),
// then files on disk inside the workspace folders only. Nothing outside the folders is read.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { LinkedFiles } from './linkedFiles';
import type { GoalDoc } from './model/types';
import { buildGoalDoc } from './model/build';
import { fsPathOf } from './uris';

export interface OpenDocuments {
  get(uri: string): { version: number; getText(): string } | undefined;
}

export class WorkspaceFiles implements LinkedFiles {
  private roots: string[] = [];
  /** The folders as given and as real paths: a path outside both is not even looked at. */
  private spellings: string[] = [];
  private readonly diskModels = new Map<string, { mtime: number; doc: GoalDoc }>();

  constructor(
    private readonly open: OpenDocuments,
    private readonly openModel: (uri: string) => GoalDoc | undefined,
    private readonly maxFileSize: () => number,
    /** `workspace`: nothing outside the folders is read; `any`: every path (the CLI on the user's own repository). */
    private readonly readable: 'workspace' | 'any' = 'workspace',
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
   * The model of a file on disk (version -1: not open), parsed once per modification time, or
   * why there is none. `limit` is in characters.
   */
  read(
    uri: string,
    limit: number,
    /** Asked before a file not parsed yet is parsed: false leaves it unparsed (`ruled-out`). */
    worthParsing?: (text: string) => boolean,
  ): { kind: 'model'; doc: GoalDoc } | { kind: 'ruled-out' } | { kind: 'too-large'; length: number; unit: 'characters' | 'bytes' } | { kind: 'unreadable'; reason: string } {
    const p = this.insideWorkspace(uri);
    if (!p) return { kind: 'unreadable', reason: 'it is outside the workspace folders' };
    try {
      const s = statSync(p);
      if (!s.isFile()) return { kind: 'unreadable', reason: 'it is not a file' };
      const cached = this.diskModels.get(uri);
      if (cached && cached.mtime === s.mtimeMs) return cached.doc.text.length > limit ? { kind: 'too-large', length: cached.doc.text.length, unit: 'characters' } : { kind: 'model', doc: cached.doc };
      // A file of more bytes than four times the limit has more characters than the limit too.
      if (s.size > limit * 4) return { kind: 'too-large', length: s.size, unit: 'bytes' };
      const text = readFileSync(p, 'utf8');
      if (text.length > limit) return { kind: 'too-large', length: text.length, unit: 'characters' };
      if (worthParsing && !worthParsing(text)) return { kind: 'ruled-out' };
      const doc = buildGoalDoc(text, { uri, version: -1 });
      this.diskModels.set(uri, { mtime: s.mtimeMs, doc });
      return { kind: 'model', doc };
    } catch (e) {
      return { kind: 'unreadable', reason: (e as Error).message };
    }
  }

  /** Drops what is known of a file that changed or was deleted on disk. */
  forget(uri: string): void {
    this.diskModels.delete(uri);
  }
}
