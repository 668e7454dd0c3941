// The one walk over folders for Markdown files, shared by the workspace index and the CLI, so the
// editor and CI see the same files: the same folders skipped, symbolic links never followed, the
// same names counted as Markdown, the same order.
import { readdir } from 'node:fs/promises';
import * as path from 'node:path';

/** Folders never walked: dependencies, version control and build output hold no team pages. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

export function isMarkdownPath(p: string): boolean {
  return /\.(md|markdown)$/i.test(p.replace(/[?#].*$/, ''));
}

/** True when a path (with `/` or the platform's separator) goes through a skipped folder. */
export function inSkippedFolder(p: string): boolean {
  return p.split(/[\\/]/).some((part) => SKIPPED_FOLDERS.has(part));
}

export interface WalkOptions {
  /** Stop after this many files; `truncated` is then set on the result. */
  max?: number;
  /** Checked between folders: a cancelled walk returns what it found so far. */
  cancelled?: () => boolean;
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
  while (queue.length) {
    if (options.cancelled?.()) break;
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
        if (!SKIPPED_FOLDERS.has(e.name)) queue.push(p);
      } else if (e.isFile() && isMarkdownPath(e.name)) {
        if (files.length >= max) return { files, truncated: true };
        files.push(p);
      }
    }
  }
  return { files, truncated: false };
}
