// Runs the browser server bundle (dist/browser/server.js) as a Web Worker runs it: in a scope of
// its own with only what a worker has (self, postMessage, message events, timers, TextEncoder,
// URL…) and none of Node's globals (process, require, Buffer, setImmediate), and drives it over
// LSP as the browser client does, its file-system requests answered by a VfsAnswers.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { AbstractMessageReader, AbstractMessageWriter, createMessageConnection, type DataCallback, type Disposable, type Message, type MessageConnection } from 'vscode-jsonrpc/node';
import { REPO_ROOT } from './corpus';
import type { VfsAnswers } from './vfsWorkspace';

export const BROWSER_SERVER = path.join(REPO_ROOT, 'dist', 'browser', 'server.js');

/** A diagnostic the server pushed, as the tests read it off the wire. */
export interface PublishedDiagnostic {
  range: { start: { line: number; character: number } };
  code: string;
  message: string;
  severity: number;
}

export interface WorkerSession {
  connection: MessageConnection;
  /** The worker's global scope, to ask what it has. */
  scope: vm.Context;
  configuration: Record<string, unknown>;
  progress: Array<{ kind: string; title?: string; message?: string; percentage?: number }>;
  /** What the server logged (window/logMessage). */
  log: string[];
  /** The diagnostics the server last pushed per URI (textDocument/publishDiagnostics: a settings file's problems). */
  published: Map<string, PublishedDiagnostic[]>;
  initialized: { capabilities: Record<string, unknown> };
  close(): Promise<void>;
}

type Listener = (event: { data: unknown }) => void;

class ToClient extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  private readonly early: Message[] = [];
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    for (const m of this.early.splice(0)) callback(m);
    return { dispose: () => (this.callback = undefined) };
  }
  deliver(message: Message): void {
    if (this.callback) this.callback(message);
    else this.early.push(message);
  }
}

class ToWorker extends AbstractMessageWriter {
  constructor(private readonly post: (message: Message) => void) {
    super();
  }
  async write(message: Message): Promise<void> {
    this.post(message);
  }
  end(): void {}
}

/**
 * A worker's global scope: what the web platform gives a dedicated worker, and nothing of Node's.
 * Not MessageChannel: Node's ports keep the test process alive; without one the server yields
 * with a timer (Chromium's worker, test/web/worker.mjs, has one).
 */
function workerScope(postMessage: (data: unknown) => void): { scope: vm.Context; dispatch: (data: unknown) => void } {
  const listeners = new Map<string, Set<Listener>>();
  const scope: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    structuredClone,
    TextEncoder,
    TextDecoder,
    URL,
    URLSearchParams,
    AbortController,
    performance,
    crypto: globalThis.crypto,
    navigator: { userAgent: 'goal-docs test worker', platform: 'Linux x86_64' },
    postMessage: (data: unknown) => postMessage(structuredClone(data)),
    addEventListener: (type: string, listener: Listener) => {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(listener);
    },
    removeEventListener: (type: string, listener: Listener) => listeners.get(type)?.delete(listener),
    close: () => undefined,
    onmessage: null,
  };
  scope.self = scope;
  const context = vm.createContext(scope);
  const dispatch = (data: unknown) => {
    const event = { data: structuredClone(data) };
    const onmessage = scope.onmessage as Listener | null;
    // A message event is a task of its own, as in a browser.
    setTimeout(() => {
      onmessage?.(event);
      for (const l of listeners.get('message') ?? []) l(event);
    }, 0);
  };
  return { scope: context, dispatch };
}

export async function startWorkerServer(fs: VfsAnswers, options: {
  configuration?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  workDoneProgress?: boolean;
} = {}): Promise<WorkerSession> {
  const toClient = new ToClient();
  const { scope, dispatch } = workerScope((data) => toClient.deliver(data as Message));
  vm.runInContext(readFileSync(BROWSER_SERVER, 'utf8'), scope, { filename: BROWSER_SERVER });
  const connection = createMessageConnection(toClient, new ToWorker(dispatch));
  const session: WorkerSession = {
    connection,
    scope,
    configuration: options.configuration ?? {},
    progress: [],
    log: [],
    published: new Map(),
    initialized: { capabilities: {} },
    async close() {
      try {
        await connection.sendRequest('shutdown');
        connection.sendNotification('exit');
      } catch {
        // already gone
      }
      connection.dispose();
    },
  };
  connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
    params.items.map((i) => (i.section ? session.configuration[i.section] ?? null : null)),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', (p: { message: string }) => void session.log.push(p.message));
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: PublishedDiagnostic[] }) => void session.published.set(p.uri, p.diagnostics));
  connection.onNotification('$/progress', (p: { value: WorkerSession['progress'][number] }) => void session.progress.push(p.value));
  for (const [method, handler] of Object.entries(fs.handlers())) connection.onRequest(method, handler);
  connection.listen();
  session.initialized = await connection.sendRequest('initialize', {
    processId: null,
    initializationOptions: { today: '2021-01-11', fileRequests: true, ...options.initializationOptions },
    rootUri: fs.root,
    workspaceFolders: [{ uri: fs.root, name: 'handbook' }],
    capabilities: {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        workspaceFolders: true,
        workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
        applyEdit: true,
      },
      ...(options.workDoneProgress ? { window: { workDoneProgress: true } } : {}),
      textDocument: {
        diagnostic: { dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true },
        completion: { completionItem: { snippetSupport: true } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        rename: { prepareSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll', 'refactor'] } }, disabledSupport: true },
      },
    },
  });
  connection.sendNotification('initialized', {});
  return session;
}
