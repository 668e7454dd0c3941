// Document URIs, read and compared in one way: through vscode-uri, as VS Code writes them. One
// file has one key however it is spelled (`%40` or `@`, `C:` or `c%3A` as VS Code sends it on
// Windows), so the index, the open documents and the links agree on which file is which.
import * as path from 'node:path';
import { URI } from 'vscode-uri';

function parsed(uri: string): URI | undefined {
  try {
    return URI.parse(uri, true);
  } catch {
    return undefined;
  }
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
  const rel = path.posix.relative(folder.path.replace(/\/$/, '') || '/', file.path);
  return rel === '' || rel.startsWith('..') || path.posix.isAbsolute(rel) ? undefined : rel;
}
