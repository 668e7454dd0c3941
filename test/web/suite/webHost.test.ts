// What only the web worker extension host shows: the extension runs there (no Node, a web UI,
// the workspace on a remote file system), and a file it reads through workspace.fs is read again
// once the editor's file events say it changed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, codeOf, describeDiagnostics, EXTENSION_ID, goalDocDiagnostics, goalDocsApi, lineOf, openDoc, waitFor, waitForDiagnostics, workspaceRoot } from '../../e2e/suite/helpers';

describe('the web worker extension host', () => {
  after(async () => {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), 'planning.md')).then(undefined, () => undefined);
    await closeAll();
  });

  it('runs Goal Docs as a web extension: no Node, the web UI, the workspace on a vscode-remote file system', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    await goalDocsApi();
    assert.equal(ext.extensionKind, vscode.ExtensionKind.UI, 'the extension runs beside the UI, not on the remote');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    assert.equal(typeof (globalThis as { process?: unknown }).process, 'undefined', 'this host has a Node process');
    assert.equal(workspaceRoot().scheme, 'vscode-remote');
  });

  it('reads a linked page through workspace.fs: a link to a page created after start-up heals', async () => {
    const { document } = await openDoc('goals_completed.md');
    const line = lineOf(document, '(planning.md)');
    const missing = (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === 'link.file-missing' && d.range.start.line === line);
    await waitForDiagnostics(document.uri, `link.file-missing on line ${line + 1}`, missing);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(workspaceRoot(), 'planning.md'), new TextEncoder().encode('# Planning guide\n'));
    await waitForDiagnostics(document.uri, `no link.file-missing on line ${line + 1} once planning.md exists`, (ds) => !missing(ds));
    // The rest of the page's findings stay.
    assert.ok(goalDocDiagnostics(document.uri).some((d) => codeOf(d) === 'toc.missing-entry'), describeDiagnostics(goalDocDiagnostics(document.uri)));
    // And the Goals view of the page is there too.
    const tree = await waitFor('the Goals view tree', async () => (await (await goalDocsApi()).goalTree(document.uri)) ?? undefined);
    assert.ok(tree.flatMap((n) => n.children).some((n) => n.kind === 'year' && n.label === '2024'), JSON.stringify(tree.map((n) => n.label)));
  });
});
