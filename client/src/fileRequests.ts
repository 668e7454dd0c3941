// The server's file-system requests (protocol.ts, goalDocs/fs/*), answered with the editor's own
// file system: vscode.workspace.fs reads whatever the workspace is on (the disk, github.dev's
// `vscode-vfs`, a remote's `vscode-remote`), and workspace.findFiles finds a folder's Markdown
// files with one search instead of a walk folder by folder. The desktop's server reads `file:`
// URIs from the disk itself and asks only for the others; the browser's asks for everything.
//
// Only URIs inside a workspace folder are answered, and a symbolic link is answered as nothing:
// where it leads cannot be seen through workspace.fs, and it may lead out of the workspace.
import * as vscode from 'vscode';
import { type BaseLanguageClient, DidChangeWatchedFilesNotification, type FileEvent, FileChangeType } from 'vscode-languageclient';
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
} from '../../server/src/protocol';

/** `.md`, `.markdown` and `.mdx` in any case, as the Node host's walk takes them (service/markdownWalk.ts). */
export const MARKDOWN_FILES = '**/*.{[mM][dD],[mM][aA][rR][kK][dD][oO][wW][nN],[mM][dD][xX]}';
/** What the desktop client's watcher reports: Markdown files and `.goal-docs.json` (one group; VS Code's globs do not nest groups). */
export const WATCHED_FILES = '**/{*.[mM][dD],*.[mM][aA][rR][kK][dD][oO][wW][nN],*.[mM][dD][xX],.goal-docs.json}';

/** A URI of a workspace folder's file, or undefined for anything else. */
function inWorkspace(text: unknown): vscode.Uri | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const uri = vscode.Uri.parse(text, true);
    return vscode.workspace.getWorkspaceFolder(uri) ? uri : undefined;
  } catch {
    return undefined;
  }
}

function kindOf(type: vscode.FileType): 'file' | 'directory' | undefined {
  if (type & vscode.FileType.SymbolicLink) return undefined;
  return type === vscode.FileType.File ? 'file' : type === vscode.FileType.Directory ? 'directory' : undefined;
}

async function stat(uri: vscode.Uri): Promise<FsStatResult> {
  try {
    const s = await vscode.workspace.fs.stat(uri);
    const kind = kindOf(s.type);
    return kind ? { kind, size: s.size, mtime: s.mtime } : null;
  } catch {
    return null;
  }
}

// The Node host's readFileSync(…, 'utf8') keeps a byte order mark; so does this.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

async function readFile(params: FsReadFileParams): Promise<FsReadFileResult> {
  const uri = inWorkspace(params.uri);
  if (!uri) return { kind: 'missing' };
  const s = await stat(uri);
  if (!s) return { kind: 'missing' };
  if (s.kind !== 'file') return { kind: 'unreadable', reason: 'it is not a file' };
  if (typeof params.maxBytes === 'number' && s.size > params.maxBytes) return { kind: 'too-large', size: s.size };
  try {
    return { kind: 'text', text: utf8.decode(await vscode.workspace.fs.readFile(uri)), stat: s };
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return { kind: 'missing' };
    return { kind: 'unreadable', reason: e instanceof Error ? e.message : String(e) };
  }
}

async function readDirectory(params: FsUriParams): Promise<FsReadDirectoryResult> {
  const uri = inWorkspace(params.uri);
  if (!uri) return null;
  try {
    const entries = await vscode.workspace.fs.readDirectory(uri);
    return entries.flatMap(([name, type]) => {
      const kind = kindOf(type);
      return kind ? [{ name, kind }] : [];
    });
  } catch {
    return null;
  }
}

async function findMarkdownFiles(params: FsFindMarkdownFilesParams): Promise<FsFindMarkdownFilesResult> {
  const folder = inWorkspace(params.folderUri);
  if (!folder || !(params.max > 0)) return { uris: [], truncated: false };
  const skipped = (params.skippedFolders ?? []).filter((name) => /^[\w.-]+$/.test(name));
  const exclude = skipped.length ? `**/{${skipped.join(',')}}/**` : null;
  // One more than asked for says whether there were more.
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, MARKDOWN_FILES), exclude, params.max + 1);
  const uris = found.map((u) => u.toString()).sort();
  return { uris: uris.slice(0, params.max), truncated: uris.length > params.max };
}

export function answerFileRequests(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(FS_STAT_REQUEST, async (params: FsUriParams): Promise<FsStatResult> => {
      const uri = inWorkspace(params?.uri);
      return uri ? stat(uri) : null;
    }),
    client.onRequest(FS_READ_FILE_REQUEST, (params: FsReadFileParams) => readFile(params ?? ({} as FsReadFileParams))),
    client.onRequest(FS_READ_DIRECTORY_REQUEST, (params: FsUriParams) => readDirectory(params ?? ({} as FsUriParams))),
    client.onRequest(FS_FIND_MARKDOWN_FILES_REQUEST, (params: FsFindMarkdownFilesParams) => findMarkdownFiles(params ?? ({} as FsFindMarkdownFilesParams))),
  ];
}

/** How long the file events of a folder not on disk gather before they go to the server together (a checkout is hundreds). */
const FILE_EVENTS_GATHER_MS = 100;

/**
 * The desktop's server reads `file:` folders from the disk on every request, so its client reports
 * only Markdown and settings files (WATCHED_FILES). What it reads of a folder on another file
 * system (GitHub Repositories' `vscode-vfs:`, a virtual workspace) it keeps until it hears that a
 * file changed (service/fileSystems.ts): every file of such a folder is reported, as in a browser,
 * for folders added later too. Without it a link to an image added after start-up stayed broken.
 */
export function reportChangesInFoldersNotOnDisk(client: BaseLanguageClient): vscode.Disposable {
  const watchers = new Map<string, vscode.Disposable>();
  let gathered = new Map<string, FileEvent>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const changes = [...gathered.values()];
    gathered = new Map();
    if (changes.length) void client.sendNotification(DidChangeWatchedFilesNotification.type, { changes }).catch(() => undefined);
  };
  const report = (type: FileChangeType) => (uri: vscode.Uri) => {
    const key = `${type} ${uri.toString()}`;
    gathered.set(key, { uri: uri.toString(), type });
    timer ??= setTimeout(flush, FILE_EVENTS_GATHER_MS);
  };
  const follow = () => {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme !== 'file');
    const keep = new Set(folders.map((f) => f.uri.toString()));
    for (const [key, watcher] of watchers) {
      if (keep.has(key)) continue;
      watcher.dispose();
      watchers.delete(key);
    }
    for (const folder of folders) {
      const key = folder.uri.toString();
      if (watchers.has(key)) continue;
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*'));
      watchers.set(key, vscode.Disposable.from(
        watcher,
        watcher.onDidCreate(report(FileChangeType.Created)),
        watcher.onDidChange(report(FileChangeType.Changed)),
        watcher.onDidDelete(report(FileChangeType.Deleted)),
      ));
    }
  };
  follow();
  const folderChanges = vscode.workspace.onDidChangeWorkspaceFolders(follow);
  return new vscode.Disposable(() => {
    folderChanges.dispose();
    for (const watcher of watchers.values()) watcher.dispose();
    watchers.clear();
    if (timer) clearTimeout(timer);
  });
}
