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
import { type EditorSide, initializeAsEditor, shutDown } from './lspClient';

export const BROWSER_SERVER = path.join(REPO_ROOT, 'dist', 'browser', 'server.js');

export interface WorkerSession extends EditorSide {
  /** The worker's global scope, to ask what it has. */
  scope: vm.Context;
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
  const side = await initializeAsEditor(
    connection,
    { ...options, initializationOptions: { fileRequests: true, ...options.initializationOptions }, rootUri: fs.root, workspaceFolders: [{ uri: fs.root, name: 'handbook' }], workspaceEdits: true, handlers: fs.handlers() },
    null,
  );
  return Object.assign(side, { scope, close: () => shutDown(connection) });
}
