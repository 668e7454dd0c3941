// One folder's entries for path completion. Hidden files and folders and node_modules are left
// out, as VS Code's own path completion leaves them out; a symbolic link is listed by the file
// system only as what it leads to inside the workspace, else not at all.
import type { DirectoryEntry } from '../workspace/fileSystem';

/** A bound on one folder's listing, so a huge folder cannot stall completion. */
export const MAX_LISTED_ENTRIES = 2_000;

const notListed = (name: string) => name.startsWith('.') || name === 'node_modules';

export function listedEntries(entries: readonly DirectoryEntry[]): DirectoryEntry[] {
  return entries.slice(0, MAX_LISTED_ENTRIES).filter((e) => !notListed(e.name));
}
