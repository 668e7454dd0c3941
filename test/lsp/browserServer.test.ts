// The browser server bundle (dist/browser/server.js, what github.dev and vscode.dev run in a Web
// Worker) loaded with a worker's globals only, driven over LSP, every file it reads asked of the
// "editor" (goalDocs/fs/*) and answered from a repository under vscode-vfs://github/….
import { strict as assert } from 'node:assert';
import * as vm from 'node:vm';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionList, SymbolInformation, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { HANDBOOK, uriOf, VfsAnswers } from '../support/vfsWorkspace';
import { startWorkerServer, type WorkerSession } from '../support/workerServer';
import { indexBuilt, waitFor } from '../support/lspClient';
import { INDEX_BUILT_LOG } from '../../server/src/protocol';

interface WireDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code: string;
  message: string;
}

const GOALS = uriOf('team/goals.md');
const lineOf = (text: string, part: string) => text.split('\n').findIndex((l) => l.includes(part));

async function pull(session: WorkerSession, uri: string): Promise<WireDiagnostic[]> {
  const report = await session.connection.sendRequest<{ kind: string; items: WireDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(report.kind, 'full');
  return report.items;
}

describe('the browser server bundle in a worker scope, over a virtual file system', () => {
  let fs: VfsAnswers;
  let session: WorkerSession;
  const text = HANDBOOK['team/goals.md']!;

  before(async () => {
    fs = new VfsAnswers(HANDBOOK);
    session = await startWorkerServer(fs);
    session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: GOALS, languageId: 'markdown', version: 1, text } });
    // The index, built in the background after start-up, has read every page once its log says so.
    await indexBuilt(session);
  });
  after(() => session?.close());

  it('runs without Node: no process, require, Buffer or setImmediate in its scope', () => {
    const globals = vm.runInContext('[typeof process, typeof require, typeof Buffer, typeof setImmediate, typeof module].join()', session.scope);
    assert.equal(globals, 'undefined,undefined,undefined,undefined,undefined');
    assert.equal((session.initialized.capabilities as { diagnosticProvider?: unknown }).diagnosticProvider !== undefined, true);
  });

  it("reports the goal doc's mistakes, the broken links to other files of the repository included", async () => {
    const found = (await pull(session, GOALS)).map((d) => `${d.range.start.line}:${d.code}`);
    for (const expected of [
      `${lineOf(text, 'restart-the-cach')}:link.file-anchor-missing`,
      `${lineOf(text, '(planning.md)')}:link.file-missing`,
      `${lineOf(text, '#fy-24-q9')}:anchor.missing`,
      `${lineOf(text, '#### Cheaper refunds')}:goal.owner-missing`,
    ]) assert.ok(found.includes(expected), `${expected} in ${found.join(', ')}`);
    // The link to the completed page and the runbook's file are found: no link.file-missing for them.
    assert.ok(!found.includes(`${lineOf(text, 'goals_completed.md')}:link.file-missing`), found.join(', '));
    const asked = new Set(fs.requests.map((r) => r.uri));
    assert.ok(asked.has(uriOf('process/runbook.md')) && asked.has(uriOf('team/planning.md')), [...asked].join(', '));
  });

  it('answers a keystroke from what it read: not one more file-system request', async () => {
    await pull(session, GOALS);
    const before = fs.requests.length;
    session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: GOALS, version: 2 }, contentChanges: [{ text: text.replace('How we plan', 'How we plan it') }] });
    const found = (await pull(session, GOALS)).map((d) => d.code);
    assert.ok(found.includes('link.file-anchor-missing') && found.includes('link.file-missing'), found.join(', '));
    assert.deepEqual(fs.requests.slice(before), []);
  });

  it('reads a file again once the editor says it changed, and the link it heals is no longer reported', async () => {
    const runbook = fs.write('process/runbook.md', HANDBOOK['process/runbook.md']!.replace('### Restart the cache', '### Restart the cach'));
    try {
      const before = fs.requests.length;
      session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: runbook, type: 2 }] });
      const found = (await pull(session, GOALS)).map((d) => d.code);
      assert.ok(!found.includes('link.file-anchor-missing'), found.join(', '));
      assert.deepEqual([...new Set(fs.requests.slice(before).map((r) => r.uri))], [runbook]);
    } finally {
      fs.write('process/runbook.md', HANDBOOK['process/runbook.md']!);
      session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: runbook, type: 2 }] });
    }
  });

  it("reads the repository's .goal-docs.json through the client, and again once the editor says it changed", async () => {
    const owners = async () => (await pull(session, GOALS)).filter((d) => d.code === 'goal.owner-missing').length;
    assert.ok((await owners()) > 0);
    const config = fs.write('.goal-docs.json', JSON.stringify({ rules: { 'goal.owner-missing': 'off' }, colour: 'red' }));
    try {
      const before = fs.requests.length;
      session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 1 }] });
      assert.equal(await owners(), 0, 'the rule the file turns off');
      assert.ok(fs.requests.slice(before).some((r) => r.method === 'goalDocs/fs/readFile' && r.uri === config), 'read through the client');
      await waitFor('the problem of the settings file', () => (session.published.get(config)?.length ?? 0) > 0);
      assert.deepEqual(session.published.get(config)!.map((d) => [d.code, d.message.slice(0, 28)]), [['config.ignored', '"colour" is not a setting (t']]);
    } finally {
      fs.write('.goal-docs.json', '{}');
      session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 2 }] });
    }
    assert.ok((await owners()) > 0, 'on again');
  });

  it("completes the anchors of another file of the repository after ](../process/runbook.md#", async () => {
    const typed = `${text}\nSee [the steps](../process/runbook.md#`;
    session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: GOALS, version: 3 }, contentChanges: [{ text: typed }] });
    const lines = typed.split('\n');
    const list = await session.connection.sendRequest<CompletionList>('textDocument/completion', {
      textDocument: { uri: GOALS },
      position: { line: lines.length - 1, character: lines[lines.length - 1]!.length },
    });
    const inserted = list.items.map((i) => (i.textEdit as unknown as { newText: string } | undefined)?.newText);
    assert.deepEqual(inserted, ['runbook', 'steps', 'restart-the-cache']);
    session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: GOALS, version: 4 }, contentChanges: [{ text }] });
  });

  it('offers the quick fix of a broken in-page anchor', async () => {
    const items = await pull(session, GOALS);
    const broken = items.find((d) => d.code === 'anchor.missing')!;
    const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: GOALS },
      range: broken.range,
      context: { diagnostics: [broken], only: ['quickfix'] },
    });
    assert.ok(actions.some((a) => a.title === 'Change to #fy-24-q4'), actions.map((a) => a.title).join(' | '));
  });

  it('finds the goals of the repository by name (workspace symbols), not those of node_modules', async () => {
    const symbols = await session.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'payouts' });
    assert.deepEqual(symbols.map((s) => [s.name, s.location.uri]), [['Card payouts in one day', uriOf('team/goals_completed.md')]]);
    assert.deepEqual(await session.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'not ours' }), []);
  });

  it('moves a finished goal to the completed page, an edit of both pages of the repository', async () => {
    const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: GOALS },
      range: { start: { line: lineOf(text, '#### Faster settlement'), character: 6 }, end: { line: lineOf(text, '#### Faster settlement'), character: 6 } },
      context: { diagnostics: [], only: ['refactor.move'] },
    });
    const move = actions.find((a) => a.title.startsWith('Move goal to goals_completed.md'));
    assert.ok(move, actions.map((a) => a.title).join(' | '));
    const changes = (move.edit as WorkspaceEdit).documentChanges as TextDocumentEdit[];
    assert.deepEqual(changes.map((c) => c.textDocument.uri).sort(), [uriOf('README.md'), GOALS, uriOf('team/goals_completed.md')].sort());
    // README's link to the goal follows it to the completed page.
    const readme = changes.find((c) => c.textDocument.uri === uriOf('README.md'))!;
    assert.deepEqual(readme.edits.map((e) => (e as { newText: string }).newText), ['team/goals_completed.md#faster-settlement']);
  });

  it("gives the workspace's goals report", async () => {
    const { markdown } = await session.connection.sendRequest<{ markdown: string }>('goalDocs/report', {});
    assert.match(markdown, /Faster settlement/);
    assert.match(markdown, /Card payouts in one day/);
    assert.doesNotMatch(markdown, /Not ours/);
  });

  it('logged no failure meanwhile', () => {
    assert.deepEqual(session.log.filter((m) => /fail|error|exception/i.test(m)), []);
  });
});

describe('the browser server bundle over a slow remote file system', () => {
  const TEAMS = 20;
  const PAGES = 580;
  const LATENCY_MS = Number(process.env.GOAL_DOCS_SLOW_FS_MS ?? 25);
  let fs: VfsAnswers;
  let session: WorkerSession;

  before(async () => {
    const files: Record<string, string> = {};
    for (let t = 0; t < TEAMS; t++) files[`team-${t}/goals.md`] = `# Team ${t}\n\n## FY-24-Q4\n\n#### Ship widget ${t}\n\n- **Owner**: Ann\n`;
    for (let p = 0; p < PAGES; p++) files[`notes/page-${String(p).padStart(3, '0')}.md`] = `# Page ${p}\n\nSee [the goal](../team-${p % TEAMS}/goals.md#ship-widget-${p % TEAMS}).\n`;
    // The search for files answers after more than the half second before a progress shows.
    fs = new VfsAnswers(files, undefined, { latencyMs: LATENCY_MS, findLatencyMs: 800 });
    session = await startWorkerServer(fs, { workDoneProgress: true });
  });
  after(() => session?.close());

  it('indexes within the limits of a remote: 8 reads at a time, 300 files read up front, goal docs by name first, with its progress shown', async () => {
    const started = Date.now();
    await waitFor('the index progress to end', () => session.progress.some((p) => p.kind === 'end'), 120_000);
    const seconds = (Date.now() - started) / 1000;
    const read = fs.readPaths();
    assert.ok(fs.maxInFlight <= 8 && fs.maxInFlight > 1, `reads in flight at once: ${fs.maxInFlight}`);
    assert.equal(new Set(read.filter((p) => p.endsWith('.md'))).size, 300, 'Markdown files read up front');
    assert.deepEqual(read.filter((p) => !p.endsWith('.md')), ['.goal-docs.json'], "and the folder's settings file, once, through the client");
    for (let t = 0; t < TEAMS; t++) assert.ok(read.includes(`team-${t}/goals.md`), `team-${t}/goals.md was read`);
    const [begin] = session.progress;
    assert.equal(begin?.kind, 'begin');
    assert.match(begin?.message ?? '', /looking for Markdown files/);
    assert.match(session.progress.filter((p) => p.kind === 'report').at(-1)?.message ?? '', /^300 of 300 Markdown files$/);
    // And the log (the Output panel) says what the build cost, once it is over.
    await indexBuilt(session);
    assert.match(session.log.find((m) => m.startsWith(INDEX_BUILT_LOG)) ?? '', /: 300 Markdown files in \d+ ms$/);
    console.log(`slow file system (${LATENCY_MS} ms a request, the search 800 ms): ${TEAMS + PAGES} Markdown files found, ${read.length} read up front in ${seconds.toFixed(1)} s, at most ${fs.maxInFlight} at once`);
  });

  it('then finds every goal by name, reading only the pages it had not read', async () => {
    const before = fs.requests.length;
    const symbols = await session.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: `Ship widget ${TEAMS - 1}` });
    assert.deepEqual(symbols.map((s) => s.location.uri), [uriOf(`team-${TEAMS - 1}/goals.md`)]);
    // Workspace symbols look at every page, so the pages not read up front are read now (the
    // content of an ordinary page may still make it a goal doc); those read before are not.
    const again = fs.readPaths().slice(fs.requests.slice(0, before).filter((r) => r.method === 'goalDocs/fs/readFile').length);
    assert.ok(!again.some((p) => p.startsWith('team-')), again.slice(0, 5).join(', '));
    assert.deepEqual(session.log.filter((m) => /fail|error|exception/i.test(m)), []);
  });
});
