// A file-system port over texts in memory, for tests of what the service reads through the port
// (a settings file, linked pages): `files` maps URIs to texts, and may be changed between reads.
import type { FileStat, WorkspaceFileSystem } from '../../server/src/workspace/fileSystem';
import { listFolder } from './memoryDirectory';

export function memoryFileSystem(files: Map<string, string>, root: string): WorkspaceFileSystem {
  const stat = (uri: string): FileStat | undefined => {
    const text = files.get(uri);
    if (text !== undefined) return { kind: 'file', size: text.length, mtime: 1 };
    return [...files.keys()].some((u) => u.startsWith(`${uri.replace(/\/$/, '')}/`)) ? { kind: 'directory', size: 0, mtime: 1 } : undefined;
  };
  return {
    stat: async (uri) => stat(uri),
    readFile: async (uri, options) => {
      const text = files.get(uri);
      if (text === undefined) return { kind: 'missing' };
      if (options?.maxBytes !== undefined && text.length > options.maxBytes) return { kind: 'too-large', size: text.length };
      return { kind: 'text', text, stat: stat(uri)! };
    },
    readDirectory: async (uri) => listFolder(files.keys(), root, uri),
    findMarkdownFiles: async (folder) => ({ uris: [...files.keys()].filter((u) => u.startsWith(`${folder}/`) && /\.md$/.test(u)), truncated: false }),
  };
}
