// Which files of the workspace folders are looked at, for the workspace index and the CLI alike,
// so the editor and CI see the same files: the same folders skipped, the same names counted as
// Markdown. Each host's file system walks by these (node/fileSystem.ts; in the browser the
// editor's file search is given the same folders to leave out).

/** Folders never walked: dependencies, version control and build output hold no team pages. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

// Which names are Markdown: workspace/uris.ts's isMarkdownPath, which the rules ask too.
export { isMarkdownPath } from '../workspace/uris';

/** True when a path (with `/` or the platform's separator) goes through a skipped folder. */
export function inSkippedFolder(p: string): boolean {
  return p.split(/[\\/]/).some((part) => SKIPPED_FOLDERS.has(part));
}
