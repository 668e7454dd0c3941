// The built server (`node dist/server.js --stdio`) under what editors and file systems really do:
// requests for documents it does not have, versions out of order, cancellation, invalid settings,
// files that vanish or loop, malformed requests, a client that fails the server's own requests.
// Whatever happens, the server answers and stays up.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { type LspSession, openDocument, pullDiagnostics, startServer, waitFor } from '../support/lspClient';

const pull = pullDiagnostics;

/** The server is still up and answering. */
async function alive(session: LspSession): Promise<void> {
  assert.equal(session.process.exitCode, null, `the server exited: ${session.stderr.join('')}`);
  const uri = 'untitled:alive_goals.md';
  openDocument(session, uri, '## FY-24-Q1\n\n[q](#fy-24-q9)\n');
  assert.deepEqual((await pull(session, uri)).map((d) => d.code), ['anchor.missing']);
  session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
}

/** Log messages the server sends (window/logMessage). */
function collectLog(session: LspSession): string[] {
  const log: string[] = [];
  session.connection.onNotification('window/logMessage', (p: { message: string }) => {
    log.push(p.message);
  });
  return log;
}

function change(session: LspSession, uri: string, version: number, text: string): void {
  session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
}

describe('robustness: protocol', () => {
  let session: LspSession;
  let folder: string;
  let log: string[];

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'goal-docs-robust-'));
    writeFileSync(path.join(folder, 'goals.md'), '# Goals\n\n## FY-24-Q1\n\n### Ship it\n\n- Owner: Ann\n');
    session = await startServer({ rootUri: pathToFileURL(folder).href });
    session.connection.onRequest('workspace/workspaceFolders', () => [{ uri: pathToFileURL(folder).href, name: 'root' }]);
    log = collectLog(session);
  });
  after(async () => {
    await session.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers every request for a document it never saw, or that was closed, with nothing', { timeout: 60_000 }, async () => {
    const onDisk = pathToFileURL(path.join(folder, 'goals.md')).href;
    const closed = pathToFileURL(path.join(folder, 'closed_goals.md')).href;
    openDocument(session, closed, '## FY-24-Q1\n\n[q](#x)\n');
    session.connection.sendNotification('textDocument/didClose', { textDocument: { uri: closed } });
    for (const uri of ['file:///nowhere/goals.md', 'untitled:never', onDisk, closed, 'not a uri']) {
      const textDocument = { uri };
      const position = { line: 0, character: 0 };
      const range = { start: position, end: position };
      assert.deepEqual(await pull(session, uri), [], uri);
      for (const [method, params] of [
        ['textDocument/hover', { textDocument, position }],
        ['textDocument/completion', { textDocument, position }],
        ['textDocument/definition', { textDocument, position }],
        ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
        ['textDocument/documentHighlight', { textDocument, position }],
        ['textDocument/documentSymbol', { textDocument }],
        ['textDocument/documentLink', { textDocument }],
        ['textDocument/foldingRange', { textDocument }],
        ['textDocument/codeLens', { textDocument }],
        ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
        ['textDocument/prepareRename', { textDocument, position }],
        ['textDocument/rename', { textDocument, position, newName: 'X' }],
        ['workspace/executeCommand', { command: 'goalDocs.markDoneWithVersion', arguments: [{ uri, version: 1, lines: [0], stampVersion: '1' }] }],
      ] as const) {
        assert.equal(await session.connection.sendRequest(method, params), null, `${method} ${uri}`);
      }
    }
    await alive(session);
  });

  it('follows the latest text whatever the version numbers say (repeated, older, out of order)', { timeout: 60_000 }, async () => {
    const uri = pathToFileURL(path.join(folder, 'versions_goals.md')).href;
    openDocument(session, uri, '## FY-24-Q1\n\n[a](#fy-24-q1)\n', 5);
    assert.deepEqual(await pull(session, uri), []);
    // An older version number, then the same number again with other text.
    change(session, uri, 3, '## FY-24-Q1\n\n[a](#one)\n');
    assert.deepEqual((await pull(session, uri)).map((d) => d.message), ['No heading has the anchor #one.']);
    change(session, uri, 3, '## FY-24-Q1\n\n[a](#two)\n');
    assert.deepEqual((await pull(session, uri)).map((d) => d.message), ['No heading has the anchor #two.']);
    change(session, uri, 9, '## FY-24-Q1\n\n[a](#fy-24-q1)\n');
    assert.deepEqual(await pull(session, uri), []);
    // A code action is tied to the version the server has, which is the client's latest.
    change(session, uri, 9, '## FY-24-Q1\n\n- ~~x~~\n');
    const actions = await session.connection.sendRequest<Array<{ edit?: { documentChanges: Array<{ textDocument: { version: number }; edits: Array<{ range: { start: { line: number } } }> }> } }>>(
      'textDocument/codeAction',
      { textDocument: { uri }, range: { start: { line: 2, character: 3 }, end: { line: 2, character: 3 } }, context: { diagnostics: [] } },
    );
    assert.ok(actions.length > 0);
    for (const a of actions) for (const c of a.edit?.documentChanges ?? []) for (const e of c.edits) assert.equal(e.range.start.line, 2);
  });

  it('answers a cancelled request promptly, as cancelled or complete, and goes on serving', { timeout: 60_000 }, async () => {
    const created: Array<{ uri: string; type: number }> = [];
    for (let i = 0; i < 300; i++) {
      mkdirSync(path.join(folder, 'teams', `t${i}`), { recursive: true });
      const file = path.join(folder, 'teams', `t${i}`, 'goals.md');
      writeFileSync(file, `## FY-24-Q${(i % 4) + 1}\n\n### Goal ${i}\n\n- Owner: A\n`);
      created.push({ uri: pathToFileURL(file).href, type: 1 });
    }
    // As the editor's file watcher does: the index may have been built before these files existed.
    session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: created });
    const source = new CancellationTokenSource();
    const request = session.connection.sendRequest('workspace/symbol', { query: 'goal' }, source.token);
    source.cancel();
    const outcome = await request.then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    if ('error' in outcome) assert.equal((outcome.error as ResponseError<unknown>).code, -32800, String(outcome.error));
    const all = await session.connection.sendRequest<unknown[]>('workspace/symbol', { query: 'goal' });
    assert.ok(all.length >= 300);
    await alive(session);
  });

  it('survives files that vanish between the walk and the read', { timeout: 60_000 }, async () => {
    const vanishing = path.join(folder, 'vanishing');
    for (let i = 0; i < 50; i++) {
      mkdirSync(path.join(vanishing, `d${i}`), { recursive: true });
      writeFileSync(path.join(vanishing, `d${i}`, 'goals.md'), `## FY-24-Q1\n\n### Vanishing ${i}\n\n- Owner: A\n`);
    }
    // The index is already walked (previous test): files deleted without a watched-files event,
    // then a request that reads every goal doc; and a deletion while a fresh walk runs.
    rmSync(vanishing, { recursive: true, force: true });
    const symbols = await session.connection.sendRequest<Array<{ name: string }>>('workspace/symbol', { query: 'Vanishing' });
    assert.deepEqual(symbols, []);
    for (let i = 0; i < 50; i++) {
      mkdirSync(path.join(vanishing, `d${i}`), { recursive: true });
      writeFileSync(path.join(vanishing, `d${i}`, 'goals.md'), `## FY-24-Q1\n\n### Vanishing ${i}\n`);
    }
    session.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [] } });
    const during = session.connection.sendRequest('workspace/symbol', { query: 'Vanishing' });
    rmSync(vanishing, { recursive: true, force: true });
    await during;
    await alive(session);
  });

  it('never loops on symbolic links, and never follows one out of the workspace', { timeout: 60_000 }, async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'goal-docs-outside-'));
    writeFileSync(path.join(outside, 'secret.md'), '# Secret plans\n\n## FY-24-Q1\n\n### Secret goal\n\n- Owner: Mallory\n');
    mkdirSync(path.join(folder, 'links', 'a'), { recursive: true });
    symlinkSync(folder, path.join(folder, 'links', 'a', 'loop'));
    symlinkSync('..', path.join(folder, 'links', 'a', 'up'));
    symlinkSync(path.join(folder, 'links', 'a', 'self'), path.join(folder, 'links', 'a', 'self'));
    symlinkSync(outside, path.join(folder, 'links', 'out'));
    symlinkSync(path.join(outside, 'secret.md'), path.join(folder, 'links', 'secret_goals.md'));
    session.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [] } });
    const symbols = await session.connection.sendRequest<Array<{ name: string; location: { uri: string } }>>('workspace/symbol', { query: '' });
    assert.ok(symbols.length > 0);
    assert.ok(!symbols.some((s) => /Secret/.test(s.name) || s.location.uri.includes('/links/')), JSON.stringify(symbols.filter((s) => s.location.uri.includes('/links/'))));

    const uri = pathToFileURL(path.join(folder, 'linking_goals.md')).href;
    openDocument(session, uri, '## FY-24-Q1\n\n[a](links/out/secret.md#secret-goal) [b](links/secret_goals.md#secret-goal)\n');
    const diags = await pull(session, uri);
    assert.deepEqual(diags.map((d) => d.code), ['link.file-missing', 'link.file-missing']);
    // Nothing of the outside file's headings comes back, through either link.
    for (const [method, character] of [['textDocument/hover', 30], ['textDocument/definition', 30], ['textDocument/completion', 24], ['textDocument/hover', 70], ['textDocument/completion', 64]] as const) {
      const answer = JSON.stringify(await session.connection.sendRequest(method, { textDocument: { uri }, position: { line: 2, character } }));
      assert.ok(!/Mallory|Secret plans|Secret goal|fy-24-q1/.test(answer), `${method}: ${answer}`);
    }
    rmSync(outside, { recursive: true, force: true });
    rmSync(path.join(folder, 'links'), { recursive: true, force: true });
    await alive(session);
  });

  it('reports a link out of the workspace (../../../../etc/passwd) as missing without reading it', { timeout: 60_000 }, async () => {
    const uri = pathToFileURL(path.join(folder, 'passwd_goals.md')).href;
    openDocument(session, uri, '## FY-24-Q1\n\n[x](../../../../etc/passwd#y) [z](../../../../etc/passwd)\n');
    const diags = await pull(session, uri);
    assert.deepEqual(diags.map((d) => d.code), ['link.file-missing', 'link.file-missing']);
    const hover = JSON.stringify(await session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 8 } }));
    assert.ok(!/root:/.test(hover), hover);
    const completion = JSON.stringify(await session.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 27 } }));
    assert.ok(!/root/.test(completion), completion);
  });

  it('answers a malformed request with an error, and a malformed notification with nothing, and stays up', { timeout: 60_000 }, async () => {
    const uri = pathToFileURL(path.join(folder, 'malformed_goals.md')).href;
    openDocument(session, uri, '# Goals\n\n## FY-24-Q1\n\n- ~~x~~\n');
    for (const [method, params] of [
      ['textDocument/hover', { textDocument: { uri }, position: null }],
      ['textDocument/completion', { textDocument: { uri }, position: { line: 'x', character: {} } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: null }],
      ['textDocument/rename', { textDocument: { uri }, position: { line: 2, character: 4 }, newName: 42 }],
      ['workspace/executeCommand', { command: 'goalDocs.markDoneWithVersion', arguments: [{ uri, version: 'x', lines: 'y' }] }],
      ['workspace/executeCommand', { command: 'goalDocs.markDoneWithVersion', arguments: [{ uri, version: 1, lines: [4, -1, 1e9], stampVersion: '1' }] }],
      ['textDocument/diagnostic', { textDocument: null }],
      ['workspace/symbol', { query: null }],
    ] as const) {
      await session.connection.sendRequest(method, params).catch((e: unknown) => assert.ok(e instanceof ResponseError, String(e)));
    }
    session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///never/opened.md', version: 2 }, contentChanges: [{ text: 'x' }] });
    session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 99, character: 99 }, end: { line: -1, character: 0 } }, text: 'x' }] });
    session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: null });
    session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 'relative.md', type: 1 }, { uri: 'file:///%E0%A4%A.md', type: 3 }] });
    session.connection.sendNotification('workspace/didChangeConfiguration', { settings: { goalDocs: 'nonsense' } });
    session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:x_goals.md', languageId: 'markdown', version: 1, text: null } });
    await alive(session);
  });

  it('logs each invalid setting once as "Invalid setting: …" and uses the default instead', { timeout: 60_000 }, async () => {
    session.configuration.goalDocs = { maxFileSize: 'big', fiscalYearStartMonth: 13, rules: { 'anchor.missing': 'loud', 'no.such.rule': 'error' }, files: 7 };
    session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const uri = pathToFileURL(path.join(folder, 'settings_goals.md')).href;
    openDocument(session, uri, '## FY-24-Q1\n\n[q](#nowhere)\n');
    const diags = await pull(session, uri);
    assert.deepEqual(diags.map((d) => [d.code, d.severity]), [['anchor.missing', 1]]);
    const expected = [
      /^Invalid setting: goalDocs\.maxFileSize: "big" is not a whole number of at least 1; ignored\.$/,
      /^Invalid setting: goalDocs\.fiscalYearStartMonth: 13 is not a whole number from 1 to 12/,
      /^Invalid setting: goalDocs\.rules\.anchor\.missing: "loud" is not one of error, warning/,
      /^Invalid setting: goalDocs\.rules: "no\.such\.rule" is not a rule code/,
      /^Invalid setting: goalDocs\.files: 7 is not a list/,
    ];
    await waitFor('the invalid-setting messages', () => expected.every((re) => log.some((m) => re.test(m))));
    for (const re of expected) assert.equal(log.filter((m) => re.test(m)).length, 1, `once: ${re}`);
    delete session.configuration.goalDocs;
    session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });
});

describe('robustness: failures of the client and of the server itself', () => {
  it('stays up when the client fails the requests the server sends it (refresh, workspace folders)', { timeout: 60_000 }, async () => {
    const session = await startServer({ rootUri: pathToFileURL(tmpdir()).href });
    try {
      const log = collectLog(session);
      session.connection.onRequest('workspace/diagnostic/refresh', () => {
        throw new Error('this client cannot refresh');
      });
      openDocument(session, 'untitled:a_goals.md', '## FY-24-Q1\n');
      session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [] });
      // This client does not answer workspace/workspaceFolders at all.
      session.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [] } });
      await waitFor('the failures to be logged', () => log.some((m) => /cannot refresh/.test(m)) && log.some((m) => /workspace\/workspaceFolders/.test(m)));
      await alive(session);
    } finally {
      await session.close();
    }
  });

  it('answers at once for a 10 MB goal doc: one maxFileSize message, and no feature parses it', { timeout: 60_000 }, async () => {
    const session = await startServer();
    try {
      const uri = 'untitled:huge_goals.md';
      const text = '## FY-24-Q1\n\n#### Goal\n\n- Owner: a\n- [ ] milestone\n\n'.repeat(200_000).slice(0, 10_000_000);
      openDocument(session, uri, text);
      const t = Date.now();
      const diags = await pull(session, uri);
      assert.deepEqual(diags.map((d) => d.code), ['file.too-large']);
      assert.match(diags[0].message, /10,000,000 characters, more than goalDocs\.maxFileSize \(5,000,000\)/);
      for (const [method, params] of [
        ['workspace/symbol', { query: 'Goal' }],
        ['textDocument/documentSymbol', { textDocument: { uri } }],
        ['textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 4 } }],
      ] as const) {
        await session.connection.sendRequest(method, params);
      }
      assert.ok(Date.now() - t < 15_000, `${Date.now() - t} ms`);
      await alive(session);
    } finally {
      await session.close();
    }
  });
});
