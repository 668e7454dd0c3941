// (g) When the language server process dies (killed, out of memory, a native crash), the
// extension's client starts a new one, and the user gets diagnostics and the Goals view again
// without reloading the window. Runs last: it kills the server the other suites used.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAll, codeOf, EXTENSION_ID, goalDocsApi, lineOf, openDoc, waitFor, waitForDiagnostics } from './helpers';

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
    // mistake typed after the restart is reported on its line, and the Goals view gets its tree.
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    assert.ok(await editor.edit((b) => b.insert(end, '\n\nSee [the close](#nightly-reconciliation-finishes-before-the-close).\n')),
      'could not type into the document');
    const typedLine = lineOf(doc, '(#nightly-reconciliation-finishes-before-the-close)');
    await waitForDiagnostics(doc.uri, `anchor.missing on line ${typedLine + 1}, typed after the restart`,
      (ds) => ds.some((d) => codeOf(d) === 'anchor.missing' && d.range.start.line === typedLine));

    // A request of our own (link completion is the built-in's by default): the Goals view's tree.
    const api = await goalDocsApi();
    let years: string[] = [];
    await waitFor('the Goals view tree from the new server', async () => {
      const tree = await api.goalTree(doc.uri).catch(() => null);
      years = (tree ?? []).flatMap((t) => t.children).filter((n) => n.kind === 'year').map((n) => n.label);
      return years.includes('2024') ? true : undefined;
    }, { describeLast: () => years.join(' | ') || 'no tree' });
    assert.deepEqual(serverPids(), [after], 'exactly one server runs after the restart');
  });
});
