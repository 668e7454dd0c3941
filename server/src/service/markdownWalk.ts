// Which files of the workspace folders are looked at, for the workspace index and the CLI alike,
// so the editor and CI see the same files: the same folders skipped, the same names counted as
// Markdown. Each host's file system walks by these (node/fileSystem.ts; in the browser the
// editor's file search is given the same folders to leave out).

/** Folders never walked: dependencies, version control and build output hold no team pages. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

/**
 * `.md`, `.markdown` and `.mdx` files, in any case. An MDX page is read as Markdown with its
 * imports, exports and JSX blocks left out (model/mask.ts); the goal-doc rule decides as for any page.
 */
export function isMarkdownPath(p: string): boolean {
  return /\.(md|markdown|mdx)$/i.test(p.replace(/[?#].*$/, ''));
}

/** True when a path (with `/` or the platform's separator) goes through a skipped folder. */
export function inSkippedFolder(p: string): boolean {
  return p.split(/[\\/]/).some((part) => SKIPPED_FOLDERS.has(part));
}
