// The file-system port answered by the editor: each question is a request to the client
// (protocol.ts, goalDocs/fs/*), which answers with vscode.workspace.fs and workspace.findFiles.
// The browser host reads every file this way; the Node host reads so what is not on its own disk
// (`vscode-vfs:`, `vscode-remote:`). A client that does not answer (another LSP client, a request
// that fails) reads as no file at all: the server never fails for it.
import type { Connection } from 'vscode-languageserver';
import type { DirectoryEntry, FileContent, FileStat, FindMarkdownOptions, MarkdownFiles, ReadFileOptions, WorkspaceFileSystem } from '../workspace/fileSystem';
import {
  FS_FIND_MARKDOWN_FILES_REQUEST,
  FS_READ_DIRECTORY_REQUEST,
  FS_READ_FILE_REQUEST,
  FS_STAT_REQUEST,
  type FsFindMarkdownFilesParams,
  type FsFindMarkdownFilesResult,
  type FsReadDirectoryResult,
  type FsReadFileParams,
  type FsReadFileResult,
  type FsStatResult,
  type FsUriParams,
} from '../protocol';

export class ClientFileSystem implements WorkspaceFileSystem {
  constructor(
    private readonly connection: Connection,
    /** Whether the client said it answers (InitializationOptions.fileRequests). */
    private readonly answers: () => boolean,
  ) {}

  async stat(uri: string): Promise<FileStat | undefined> {
    if (!this.answers()) return undefined;
    try {
      return asStat(await this.connection.sendRequest<FsStatResult>(FS_STAT_REQUEST, { uri } satisfies FsUriParams));
    } catch {
      return undefined;
    }
  }

  async readFile(uri: string, options: ReadFileOptions = {}): Promise<FileContent> {
    if (!this.answers()) return { kind: 'missing' };
    try {
      return asContent(await this.connection.sendRequest<FsReadFileResult>(FS_READ_FILE_REQUEST, { uri, maxBytes: options.maxBytes } satisfies FsReadFileParams));
    } catch (e) {
      return { kind: 'unreadable', reason: `the editor could not read it (${e instanceof Error ? e.message : String(e)})` };
    }
  }

  async readDirectory(uri: string): Promise<DirectoryEntry[] | undefined> {
    if (!this.answers()) return undefined;
    try {
      const entries = await this.connection.sendRequest<FsReadDirectoryResult>(FS_READ_DIRECTORY_REQUEST, { uri } satisfies FsUriParams);
      return Array.isArray(entries) ? entries.filter((e) => typeof e?.name === 'string' && (e.kind === 'file' || e.kind === 'directory')) : undefined;
    } catch {
      return undefined;
    }
  }

  async findMarkdownFiles(folderUri: string, options: FindMarkdownOptions): Promise<MarkdownFiles> {
    if (!this.answers()) return { uris: [], truncated: false };
    try {
      const params: FsFindMarkdownFilesParams = { folderUri, max: options.max, skippedFolders: [...options.skippedFolders] };
      const found = await this.connection.sendRequest<FsFindMarkdownFilesResult>(FS_FIND_MARKDOWN_FILES_REQUEST, params);
      return { uris: Array.isArray(found?.uris) ? found.uris.filter((u) => typeof u === 'string') : [], truncated: found?.truncated === true };
    } catch {
      return { uris: [], truncated: false };
    }
  }
}

// What the client answers is checked for its shape: a wrong answer reads as no file, never as a crash.

function asStat(value: unknown): FileStat | undefined {
  const s = value as Partial<FileStat> | null;
  if (!s || (s.kind !== 'file' && s.kind !== 'directory') || typeof s.size !== 'number' || typeof s.mtime !== 'number') return undefined;
  return { kind: s.kind, size: s.size, mtime: s.mtime };
}

function asContent(value: unknown): FileContent {
  const c = value as { kind?: unknown; text?: unknown; stat?: unknown; size?: unknown; reason?: unknown } | null;
  switch (c?.kind) {
    case 'text': {
      const stat = asStat(c.stat);
      if (typeof c.text === 'string' && stat) return { kind: 'text', text: c.text, stat };
      break;
    }
    case 'missing':
      return { kind: 'missing' };
    case 'too-large':
      if (typeof c.size === 'number') return { kind: 'too-large', size: c.size };
      break;
    case 'unreadable':
      return { kind: 'unreadable', reason: typeof c.reason === 'string' ? c.reason : 'the editor could not read it' };
  }
  return { kind: 'unreadable', reason: 'the editor answered something that is not a file\'s content' };
}
