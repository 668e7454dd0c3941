// Access to the other files a document links to. The language server answers from open
// documents and the workspace folders; the CLI answers from disk. Features only see this.
import type { GoalDoc } from '../model/types';
import type { AnchorHeading, AnchorSource } from '../model/anchorIndex';
import { uriKey } from './uris';

export interface LinkedFiles {
  stat(uri: string): 'file' | 'directory' | undefined;
  /** The model of a Markdown file, or undefined when it cannot be read. */
  model(uri: string): GoalDoc | undefined;
  /**
   * What links into a Markdown file can reach (its headings and `<a name>` anchors), read only as
   * far as that needs where the file is not parsed yet; undefined when it cannot be read.
   */
  anchors(uri: string): AnchorSource<AnchorHeading> | undefined;
}

export interface ResolvedTarget {
  uri: string;
  kind: 'file' | 'directory';
}

/**
 * Resolves a relative link path from a document. Handbook sites also resolve `page` to
 * `page.md`, `page/index.md` or `page/README.md`, so those count as found too.
 */
export function resolveLinkTarget(files: LinkedFiles, fromUri: string, path: string): ResolvedTarget | undefined {
  const candidates = linkCandidates(fromUri, path);
  const href = candidates[0];
  if (href === undefined) return undefined;
  for (const uri of candidates) {
    const kind = files.stat(uri);
    if (kind === 'file') return { uri, kind };
    if (kind === 'directory' && uri === href) {
      // A folder link reaches its index page when it has one.
      for (const index of [`${href}/index.md`, `${href}/README.md`]) if (files.stat(index) === 'file') return { uri: index, kind: 'file' };
      return { uri, kind };
    }
  }
  return undefined;
}

/**
 * The files a relative link path may name, in the order they are tried: the path itself, and for
 * a path without an extension its `.md` page and a folder's index pages (the folder's own index
 * pages are tried too when the path is a folder). None when the path cannot be read as a URL.
 */
export function linkCandidates(fromUri: string, path: string): string[] {
  let base: URL;
  try {
    base = new URL(path.replace(/%/g, '%25').replace(/ /g, '%20'), fromUri);
  } catch {
    return [];
  }
  // Spelled as VS Code spells URIs, so an open document is found under its own name.
  const href = uriKey(base.href.replace(/[?#].*$/, '').replace(/\/$/, ''));
  return /\.[a-z0-9]+$/i.test(href) ? [href] : [href, `${href}.md`, `${href}/index.md`, `${href}/README.md`];
}

/** Links the file rules check: relative, with a path, not site-absolute. */
export function isRelativeFileLink(path: string, external: boolean): boolean {
  return !external && path !== '' && !path.startsWith('/');
}

/** What a check asked of other files: whether one is there (`stat`), or its text (`model`). */
export interface FileRead {
  uri: string;
  read: 'stat' | 'model';
}
