// A workspace folder that is not on the disk, as GitHub Repositories opens one in desktop VS Code
// (`vscode-vfs://github/…`): the server reads it through the client and keeps what it read until it
// hears a file changed. Here the folder is served by a file-system provider the test registers
// under that scheme, added beside the examples folder (a second folder: the extension host goes on).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, codeOf, describeDiagnostics, goalDocDiagnostics, lineOf, waitFor, waitForDiagnostics } from './helpers';

/** Files in memory under one scheme, with the change events a real provider fires. */
class MemoryFileSystem implements vscode.FileSystemProvider {
  private readonly files = new Map<string, { data: Uint8Array; mtime: number }>();
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(private readonly root: string) {}

  private folderHas(path: string): boolean {
    const prefix = path.replace(/\/$/, '') + '/';
    return path === '/' || [...this.files.keys()].some((p) => p.startsWith(prefix));
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.path);
    if (file) return { type: vscode.FileType.File, ctime: 0, mtime: file.mtime, size: file.data.length };
    if (this.folderHas(uri.path)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readDirectory(uri: vscode.Uri): Array<[string, vscode.FileType]> {
    const prefix = uri.path.replace(/\/$/, '') + '/';
    const entries = new Map<string, vscode.FileType>();
    for (const p of this.files.keys()) {
      if (!p.startsWith(prefix)) continue;
      const [first, ...rest] = p.slice(prefix.length).split('/');
      entries.set(first!, rest.length ? vscode.FileType.Directory : vscode.FileType.File);
    }
    return [...entries];
  }

  createDirectory(): void {}

  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file.data;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    const existed = this.files.has(uri.path);
    this.files.set(uri.path, { data: content, mtime: Date.now() });
    this.changed.fire([{ type: existed ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  delete(uri: vscode.Uri): void {
    this.files.delete(uri.path);
    this.changed.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions(this.root);
  }
}

const PAGE = ['# Platform goals', '', '## 2024', '', '### FY-24-Q4', '', '#### Ship the ledger', '', '- **Owner**: Ann', '- **Outcomes**:', '  - See [the diagram](diagram.png).', ''].join('\n');

describe('a workspace folder on another file system (vscode-vfs, as GitHub Repositories opens one)', function () {
  const root = vscode.Uri.parse('vscode-vfs://github/acme/virtual-handbook');
  const goals = vscode.Uri.joinPath(root, 'goals.md');
  const diagram = vscode.Uri.joinPath(root, 'diagram.png');
  const registrations: vscode.Disposable[] = [];

  before(async function () {
    const fs = new MemoryFileSystem(root.toString());
    registrations.push(vscode.workspace.registerFileSystemProvider('vscode-vfs', fs));
    fs.writeFile(goals, new TextEncoder().encode(PAGE));
    const added = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidChangeWorkspaceFolders(() => { sub.dispose(); resolve(); });
    });
    // Added second: changing the first folder would restart the extension host.
    assert.ok(vscode.workspace.updateWorkspaceFolders(vscode.workspace.workspaceFolders?.length ?? 1, 0, { uri: root, name: 'virtual-handbook' }), 'the folder was not added');
    await added;
  });

  after(async function () {
    await closeAll();
    const index = vscode.workspace.workspaceFolders?.findIndex((f) => f.uri.toString() === root.toString()) ?? -1;
    if (index >= 0) {
      const removed = new Promise<void>((resolve) => {
        const sub = vscode.workspace.onDidChangeWorkspaceFolders(() => { sub.dispose(); resolve(); });
      });
      vscode.workspace.updateWorkspaceFolders(index, 1);
      await removed;
    }
    registrations.forEach((r) => r.dispose());
  });

  it('heals a link to an image added after the page was checked: the change of a non-Markdown file reaches the server', async () => {
    const document = await vscode.workspace.openTextDocument(goals);
    await vscode.window.showTextDocument(document, { preview: false });
    const line = lineOf(document, '(diagram.png)');
    const broken = () => goalDocDiagnostics(goals).filter((d) => codeOf(d) === 'link.file-missing' && d.range.start.line === line);
    await waitForDiagnostics(goals, 'link.file-missing on the link to diagram.png', () => broken().length === 1);
    await vscode.workspace.fs.writeFile(diagram, new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    await waitFor('the link to diagram.png no longer reported', () => (broken().length === 0 ? true : undefined), {
      events: [vscode.languages.onDidChangeDiagnostics],
      describeLast: () => describeDiagnostics(goalDocDiagnostics(goals)),
    });
    // And broken again once it is gone.
    await vscode.workspace.fs.delete(diagram);
    await waitForDiagnostics(goals, 'link.file-missing on the link to diagram.png again', () => broken().length === 1);
  });
});
