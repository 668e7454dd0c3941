// The Node host's file system (the language server over stdio or IPC, and the CLI): the disk,
// read with node:fs. In the editor it reads nothing outside the workspace folders, not even
// through a symbolic link that leads out of them; the CLI reads whatever path it is given.
//
// Reads are synchronous calls behind the port's promises: a local disk answers a stat or a small
// read in microseconds, and a thousand of them through the thread pool, one awaited after the
// other, took a second of waiting where the reads themselves take a tenth of that.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import type { DirectoryEntry, FileContent, FileStat, FindMarkdownOptions, MarkdownFiles, ReadFileOptions, WorkspaceFileSystem } from '../workspace/fileSystem';
import { isMarkdownPath, SKIPPED_FOLDERS } from '../service/markdownWalk';
import { fileUri, fsPathOf } from '../workspace/uris';

export class NodeFileSystem implements WorkspaceFileSystem {
  /** The folders' real paths. */
  private roots: string[] = [];
  /** The folders as given and as real paths: a path outside both is not even looked at. */
  private spellings: string[] = [];

  /** `confine`: nothing outside the workspace folders is read (the editor); off for the CLI. */
  constructor(private readonly confine = true) {}

  setWorkspaceFolders(folderUris: readonly string[]): void {
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

  /** The path of a `file:` URI that may be read (its real path, when confined), else undefined. */
  private pathOf(uri: string): string | undefined {
    const p = fsPathOf(uri);
    if (!p) return undefined;
    const resolved = path.resolve(p);
    if (!this.confine) return resolved;
    if (!this.spellings.some((r) => resolved === r || resolved.startsWith(r + path.sep))) return undefined;
    let real: string;
    try {
      real = realpathSync(p);
    } catch {
      real = resolved;
    }
    return this.roots.some((r) => real === r || real.startsWith(r + path.sep)) ? real : undefined;
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    const p = this.pathOf(uri);
    if (!p) return undefined;
    try {
      const s = statSync(p);
      const kind = s.isFile() ? 'file' : s.isDirectory() ? 'directory' : undefined;
      return kind && { kind, size: s.size, mtime: s.mtimeMs };
    } catch {
      return undefined;
    }
  }

  async readFile(uri: string, options: ReadFileOptions = {}): Promise<FileContent> {
    const p = this.pathOf(uri);
    if (!p) return { kind: 'missing' };
    try {
      const s = statSync(p);
      if (!s.isFile()) return { kind: 'unreadable', reason: 'it is not a file' };
      if (options.maxBytes !== undefined && s.size > options.maxBytes) return { kind: 'too-large', size: s.size };
      return { kind: 'text', text: readFileSync(p, 'utf8'), stat: { kind: 'file', size: s.size, mtime: s.mtimeMs } };
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ENOENT' ? { kind: 'missing' } : { kind: 'unreadable', reason: (e as Error).message };
    }
  }

  async readDirectory(uri: string): Promise<DirectoryEntry[] | undefined> {
    const dir = this.pathOf(uri);
    if (!dir) return undefined;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return undefined;
    }
    const base = uri.replace(/\/$/, '');
    const listed: DirectoryEntry[] = [];
    for (const e of entries) {
      // A symbolic link is listed as what it leads to, where that may be read.
      const kind = e.isSymbolicLink() ? (await this.stat(`${base}/${encodeURIComponent(e.name)}`))?.kind : e.isDirectory() ? 'directory' : e.isFile() ? 'file' : undefined;
      if (kind) listed.push({ name: e.name, kind });
    }
    return listed;
  }

  async findMarkdownFiles(folderUri: string, options: FindMarkdownOptions): Promise<MarkdownFiles> {
    const root = this.pathOf(folderUri);
    if (!root) return { uris: [], truncated: false };
    const { files, truncated } = await walkMarkdownFiles([root], { max: options.max, skippedFolders: new Set(options.skippedFolders) });
    return { uris: files.map(fileUri), truncated };
  }
}

export interface WalkOptions {
  /** Stop after this many files; `truncated` is then set on the result. */
  max?: number;
  skippedFolders?: ReadonlySet<string>;
}

export interface WalkResult {
  /** Absolute paths, sorted within each folder, folders breadth first. */
  files: string[];
  truncated: boolean;
}

/** Every Markdown file under the folders, breadth first. Unreadable folders are passed over. */
export async function walkMarkdownFiles(folders: string[], options: WalkOptions = {}): Promise<WalkResult> {
  const files: string[] = [];
  const queue = [...folders];
  const max = options.max ?? Infinity;
  const skipped = options.skippedFolders ?? SKIPPED_FOLDERS;
  while (queue.length) {
    const dir = queue.shift()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      // Symbolic links are never followed: they can lead out of the folders, or in circles.
      if (e.isSymbolicLink()) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!skipped.has(e.name)) queue.push(p);
      } else if (e.isFile() && isMarkdownPath(e.name)) {
        if (files.length >= max) return { files, truncated: true };
        files.push(p);
      }
    }
  }
  return { files, truncated: false };
}
