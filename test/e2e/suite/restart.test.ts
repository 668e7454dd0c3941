// (g) When the language server process dies (killed, out of memory, a native crash), the
// extension's client starts a new one, and the user gets diagnostics and completion again
// without reloading the window. Runs last: it kills the server the other suites used.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAll, codeOf, EXTENSION_ID, lineOf, openDoc, waitFor, waitForDiagnostics } from './helpers';

/**
 * The goal-docs server processes: children of this extension host (the test runs inside it)
 * started from the installed extension's dist/server.js. `ps` works on Linux and macOS alike.
 */
function serverPids(): number[] {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  const serverJs = path.join(ext.extensionPath, 'dist', 'server.js');
  const table = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' });
  const pids: number[] = [];
  for (const row of table.split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(row);
    if (m && Number(m[2]) === process.pid && m[3]!.includes(serverJs)) pids.push(Number(m[1]));
  }
  return pids;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('server restart', () => {
  after(closeAll);

  it('a killed server is restarted by the client and serves the open document again', async () => {
    const editor = await openDoc('goals_completed.md');
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, 'diagnostics before the kill', (ds) => ds.length > 0);
    const [before, ...more] = await waitFor('one running goal-docs server process', () => {
      const pids = serverPids();
      return pids.length === 1 ? pids : undefined;
    }, { describeLast: () => `server processes: ${JSON.stringify(serverPids())}` });
    assert.equal(more.length, 0);

    process.kill(before!, 'SIGKILL');
    // Requests sent before the client sees the close fail to write; they must not stop it.
    for (let i = 0; i < 8; i++) void vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', doc.uri).then(undefined, () => undefined);
    await waitFor(`server ${before} to be gone`, () => (alive(before!) ? undefined : true), { timeoutMs: 10_000 });
    const after = await waitFor('a new goal-docs server process', () => serverPids().find((p) => p !== before),
      { describeLast: () => `server processes: ${JSON.stringify(serverPids())}` });
    assert.notEqual(after, before);

    // The new server has to have the document (the client reopens it) and answer for it: a
    // mistake typed after the restart is reported on its line, and completion offers anchors.
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    assert.ok(await editor.edit((b) => b.insert(end, '\n\nSee [the close](#nightly-reconciliation-finishes-before-the-close).\n')),
      'could not type into the document');
    const typedLine = lineOf(doc, '(#nightly-reconciliation-finishes-before-the-close)');
    await waitForDiagnostics(doc.uri, `anchor.missing on line ${typedLine + 1}, typed after the restart`,
      (ds) => ds.some((d) => codeOf(d) === 'anchor.missing' && d.range.start.line === typedLine));

    const at = doc.lineAt(typedLine).range.end.translate(0, 0);
    const tail = doc.lineAt(typedLine).text.indexOf('(#') + 2;
    const position = at.with({ character: tail });
    let labels: string[] = [];
    await waitFor('anchor completion from the new server', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider', doc.uri, position, '#');
      labels = (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return labels.some((l) => /nightly reconciliation finishes before the morning close/i.test(l)) ? true : undefined;
    }, { describeLast: () => labels.slice(0, 10).join(' | ') || 'no completion items' });
    assert.deepEqual(serverPids(), [after], 'exactly one server runs after the restart');
  });
});
