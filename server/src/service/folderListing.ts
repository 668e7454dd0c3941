// One folder's entries for path completion, read from disk. Hidden files and folders and
// node_modules are left out, as VS Code's own path completion leaves them out; a symbolic link is
// listed only as what `follow` says it leads to inside the workspace, else not at all.
import { readdir } from 'node:fs/promises';
import type { DirectoryEntry } from '../workspace/goalDocWorkspace';

/** A bound on one folder's listing, so a huge folder cannot stall completion. */
export const MAX_LISTED_ENTRIES = 2_000;

const notListed = (name: string) => name.startsWith('.') || name === 'node_modules';

export async function listFolder(dir: string, follow: (name: string) => DirectoryEntry['kind'] | undefined): Promise<DirectoryEntry[] | undefined> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
  const listed: DirectoryEntry[] = [];
  for (const e of entries.slice(0, MAX_LISTED_ENTRIES)) {
    if (notListed(e.name)) continue;
    const kind = e.isSymbolicLink() ? follow(e.name) : e.isDirectory() ? 'directory' : e.isFile() ? 'file' : undefined;
    if (kind) listed.push({ name: e.name, kind });
  }
  return listed;
}
