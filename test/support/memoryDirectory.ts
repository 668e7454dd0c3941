// Folder listings for the in-memory workspaces of the tests: the entries of `folder` among a set
// of file URIs, as GoalDocWorkspace.readDirectory gives them; nothing outside `root`.
import type { DirectoryEntry } from '../../server/src/workspace/goalDocWorkspace';

export function listFolder(uris: Iterable<string>, root: string, folder: string): DirectoryEntry[] | undefined {
  const base = folder.replace(/\/$/, '');
  if (base !== root && !base.startsWith(root + '/')) return undefined;
  const entries = new Map<string, DirectoryEntry['kind']>();
  for (const uri of uris) {
    if (!uri.startsWith(base + '/')) continue;
    const [first, ...rest] = uri.slice(base.length + 1).split('/');
    entries.set(decodeURIComponent(first), rest.length ? 'directory' : 'file');
  }
  return entries.size || base === root ? [...entries].sort().map(([name, kind]) => ({ name, kind })) : undefined;
}
