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
  let base: URL;
  try {
    base = new URL(path.replace(/%/g, '%25').replace(/ /g, '%20'), fromUri);
  } catch {
    return undefined;
  }
  // Spelled as VS Code spells URIs, so an open document is found under its own name.
  const href = uriKey(base.href.replace(/[?#].*$/, '').replace(/\/$/, ''));
  const candidates = [href];
  if (!/\.[a-z0-9]+$/i.test(href)) candidates.push(`${href}.md`, `${href}/index.md`, `${href}/README.md`);
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

/** Links the file rules check: relative, with a path, not site-absolute. */
export function isRelativeFileLink(path: string, external: boolean): boolean {
  return !external && path !== '' && !path.startsWith('/');
}

/** What a check asked of other files: whether one is there (`stat`), or its text (`model`). */
export interface FileRead {
  uri: string;
  read: 'stat' | 'model';
}

/** `files`, telling `onRead` of every question asked: what a result depends on, for a cache. */
export function recordingLinkedFiles(files: LinkedFiles, onRead: (read: FileRead) => void): LinkedFiles {
  return {
    stat(uri) {
      onRead({ uri, read: 'stat' });
      return files.stat(uri);
    },
    model(uri) {
      onRead({ uri, read: 'model' });
      return files.model(uri);
    },
    anchors(uri) {
      // Read from the text as a model is: the same dependency.
      onRead({ uri, read: 'model' });
      return files.anchors(uri);
    },
  };
}
