// Document URIs, read and compared in one way: through vscode-uri, as VS Code writes them. One
// file has one key however it is spelled (`%40` or `@`, `C:` or `c%3A` as VS Code sends it on
// Windows), so the index, the open documents and the links agree on which file is which. Any
// scheme works (`file:`, `vscode-vfs:`, `vscode-remote:`): paths are a URI's `/` paths, never the
// platform's, so this runs in a browser too.
import { URI } from 'vscode-uri';

function parsed(uri: string): URI | undefined {
  try {
    return URI.parse(uri, true);
  } catch {
    return undefined;
  }
}

/**
 * `.md`, `.markdown` and `.mdx` files, in any case: the files the walk takes and the link targets
 * whose anchors are checked. An MDX page is read as Markdown with its imports, exports and JSX
 * blocks left out (model/mask.ts); the goal-doc rule decides as for any page.
 */
export function isMarkdownPath(p: string): boolean {
  return /\.(md|markdown|mdx)$/i.test(p.replace(/[?#].*$/, ''));
}

/** The one spelling of a URI: VS Code's own (`file:///c%3A/a%20b.md`). */
export function uriKey(uri: string): string {
  return parsed(uri)?.toString() ?? uri;
}

/** True when two spellings name the same document. */
export function sameUri(a: string, b: string): boolean {
  return a === b || uriKey(a) === uriKey(b);
}

/** A `file:` URI's path on this machine, or undefined for any other scheme. */
export function fsPathOf(uri: string): string | undefined {
  const u = parsed(uri);
  return u?.scheme === 'file' ? u.fsPath : undefined;
}

/** The URI of a file on this machine, spelled as VS Code spells it. */
export function fileUri(fsPath: string): string {
  return URI.file(fsPath).toString();
}

/** A URI's path, decoded (`/ws/team/a b.md`). */
export function uriPath(uri: string): string {
  return parsed(uri)?.path ?? uri;
}

/** `uri`'s path relative to the folder `folderUri`, with `/`, or undefined when it is outside. */
export function relativeToFolder(folderUri: string, uri: string): string | undefined {
  const folder = parsed(folderUri);
  const file = parsed(uri);
  if (!folder || !file || folder.scheme !== file.scheme || folder.authority !== file.authority) return undefined;
  const rel = relativePath(folder.path.replace(/\/$/, '') || '/', file.path);
  return rel === '' || rel.startsWith('..') ? undefined : rel;
}

/** True when two URIs are of one file system: the same scheme and authority. */
export function sameAuthority(a: string, b: string): boolean {
  const x = parsed(a);
  const y = parsed(b);
  return !!x && !!y && x.scheme === y.scheme && x.authority === y.authority;
}

/**
 * Whether a document's relative links lead to other files: its URI has a path under an authority
 * (`file:///…`, `vscode-vfs://github/…`), unlike `untitled:Untitled-1`.
 */
export function hasFolder(uri: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(uri);
}

// Posix path helpers for URI paths (`/a/b/c.md`), as node:path/posix has them, for a server that
// also runs where there is no node:path.

function segments(p: string): string[] {
  const out: string[] = [];
  for (const s of p.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return out;
}

/** The folder part of a path: `/a/b` for `/a/b/c.md`, `/` for `/c.md`, `.` for `c.md`. */
export function dirname(p: string): string {
  const trimmed = p.length > 1 ? p.replace(/\/+$/, '') : p;
  const slash = trimmed.lastIndexOf('/');
  if (slash < 0) return '.';
  return slash === 0 ? '/' : trimmed.slice(0, slash);
}

/** The last part of a path: `c.md` for `/a/b/c.md`. */
export function basename(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** The path from the folder `from` to `to`, both absolute (`../c/d.md`); '' when they are the same. */
export function relativePath(from: string, to: string): string {
  const a = segments(from);
  const b = segments(to);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}
