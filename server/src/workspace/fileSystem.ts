// The one port through which the server reads the workspace: a file's kind, size and
// modification time, its text, a folder's entries, and the Markdown files under a folder. URIs
// are strings of any scheme the editor gives (`file:`, `vscode-vfs:`, `vscode-remote:`). The Node
// host answers from the disk (node/fileSystem.ts); the browser host asks the editor, which answers
// with vscode.workspace.fs and workspace.findFiles (lsp/clientFileSystem.ts). Nothing else in the
// server touches files, so the same service runs in Node and in a Web Worker.

export type FileKind = 'file' | 'directory';

export interface FileStat {
  kind: FileKind;
  /** In bytes. */
  size: number;
  /** Milliseconds since the epoch; with the size, what tells that a file changed. */
  mtime: number;
}

/** A file's text (decoded as UTF-8, a byte order mark kept), or why there is none. */
export type FileContent =
  | { kind: 'text'; text: string; stat: FileStat }
  | { kind: 'missing' }
  | { kind: 'too-large'; size: number }
  | { kind: 'unreadable'; reason: string };

export interface ReadFileOptions {
  /** A file of more bytes is not read: `too-large`. */
  maxBytes?: number;
}

export interface DirectoryEntry {
  name: string;
  kind: FileKind;
}

export interface FindMarkdownOptions {
  /** At most this many files; `truncated` says there were more. */
  max: number;
  /** Folders of these names are never entered (dependencies, version control, build output). */
  skippedFolders: readonly string[];
}

export interface MarkdownFiles {
  /** The `.md`, `.markdown` and `.mdx` files under the folder, in no promised order (the index sorts them). */
  uris: string[];
  truncated: boolean;
}

export interface WorkspaceFileSystem {
  /** A file's or folder's kind, size and modification time; undefined when it is not there (or may not be read). */
  stat(uri: string): Promise<FileStat | undefined>;
  /** A file's text with its stat, read at once: one question to a remote file system, not two. */
  readFile(uri: string, options?: ReadFileOptions): Promise<FileContent>;
  /** A folder's entries (a symbolic link as what it leads to, where it may be followed); undefined when it is not a folder. */
  readDirectory(uri: string): Promise<DirectoryEntry[] | undefined>;
  /**
   * Every Markdown file under a folder (on disk, symbolic links not followed): one question,
   * where a remote file system would be slow to walk folder by folder.
   */
  findMarkdownFiles(folderUri: string, options: FindMarkdownOptions): Promise<MarkdownFiles>;
  /** A port that confines reads to the workspace folders (the Node host, where a symbolic link can lead out) hears which they are. */
  setWorkspaceFolders?(folderUris: readonly string[]): void;
  /** Files created, changed or deleted (the editor's file events): a port that keeps answers drops theirs. */
  filesChanged?(uris: readonly string[]): void;
}

/** The file system of a host without files (tests of open documents only): nothing is there. */
export const NO_FILES: WorkspaceFileSystem = {
  stat: async () => undefined,
  readFile: async () => ({ kind: 'missing' }),
  readDirectory: async () => undefined,
  findMarkdownFiles: async () => ({ uris: [], truncated: false }),
};
