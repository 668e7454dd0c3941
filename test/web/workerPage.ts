// The page of the Chromium test (worker.mjs): starts dist/browser/server.js in a real Web Worker,
// talks LSP to it as the browser client does, answers its file-system requests from the
// repository fixture under vscode-vfs://github/…, and puts what it saw on `window.goalDocsResult`.
import { BrowserMessageReader, BrowserMessageWriter, createMessageConnection } from 'vscode-jsonrpc/browser';
import { INDEX_BUILT_LOG } from '../../server/src/protocol';
import { HANDBOOK, uriOf, VfsAnswers } from '../support/vfsWorkspace';

/** Polls `ok` until it holds, failing after 20 s with what it waited for (no fixed sleep). */
async function until(what: string, ok: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface Seen {
  diagnostics: Array<{ line: number; code: string }>;
  completion: string[];
  quickFixes: string[];
  symbols: Array<{ name: string; uri: string }>;
  /** The file-system requests a keystroke made (none: the server answers from what it read). */
  keystrokeRequests: string[];
  fileRequests: string[];
  log: string[];
}

declare global {
  interface Window {
    goalDocsResult?: Seen | { error: string };
  }
}

async function run(): Promise<Seen> {
  const worker = new Worker('/server.js', { name: 'Goal Docs language server' });
  const connection = createMessageConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
  const fs = new VfsAnswers(HANDBOOK);
  const log: string[] = [];
  for (const [method, handler] of Object.entries(fs.handlers())) connection.onRequest(method, handler);
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', (p: { message: string }) => void log.push(p.message));
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: null,
    rootUri: fs.root,
    workspaceFolders: [{ uri: fs.root, name: 'handbook' }],
    initializationOptions: { today: '2021-01-11', fileRequests: true },
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true },
      textDocument: { diagnostic: {}, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } },
    },
  });
  connection.sendNotification('initialized', {});

  const uri = uriOf('team/goals.md');
  const text = HANDBOOK['team/goals.md']!;
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  type Diagnostic = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; code: string };
  const pull = async () => (await connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;
  const items = await pull();

  // A keystroke: diagnostics again, from what the server has read. The index build of start-up
  // reads the repository in the background, once: the keystroke is counted after its log says
  // it is over, so that none of its reads is taken for the keystroke's.
  await until('the index build of start-up to end', () => log.some((m) => m.startsWith(INDEX_BUILT_LOG)));
  const before = fs.requests.length;
  connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${text}\nMore.\n` }] });
  await pull();
  const keystrokeRequests = fs.requests.slice(before).map((r) => `${r.method} ${r.uri}`);

  const typed = `${text}\nSee [the steps](../process/runbook.md#`;
  connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: typed }] });
  const lines = typed.split('\n');
  const completion = await connection.sendRequest<{ items: Array<{ textEdit?: { newText: string } }> }>('textDocument/completion', {
    textDocument: { uri },
    position: { line: lines.length - 1, character: lines[lines.length - 1]!.length },
  });
  connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ text }] });

  const broken = (await pull()).find((d) => d.code === 'anchor.missing');
  const actions = broken
    ? await connection.sendRequest<Array<{ title: string }>>('textDocument/codeAction', { textDocument: { uri }, range: broken.range, context: { diagnostics: [broken], only: ['quickfix'] } })
    : [];
  const symbols = await connection.sendRequest<Array<{ name: string; location: { uri: string } }>>('workspace/symbol', { query: 'payouts' });
  return {
    diagnostics: items.map((d) => ({ line: d.range.start.line, code: d.code })),
    completion: completion.items.map((i) => i.textEdit?.newText ?? ''),
    quickFixes: actions.map((a) => a.title),
    symbols: symbols.map((s) => ({ name: s.name, uri: s.location.uri })),
    keystrokeRequests,
    fileRequests: fs.requests.map((r) => `${r.method} ${r.uri}`),
    log,
  };
}

run().then(
  (seen) => (window.goalDocsResult = seen),
  (e: unknown) => (window.goalDocsResult = { error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
);
