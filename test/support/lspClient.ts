// Drives the built server (`node dist/server.js --stdio`) over JSON-RPC, as an editor would.
import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { INDEX_BUILT_LOG } from '../../server/src/protocol';
import { REPO_ROOT } from './corpus';

/** What an editor keeps of what a server said, over any connection (a child process's stdio, a worker's messages). */
export interface EditorSide {
  connection: MessageConnection;
  /** Settings answered to `workspace/configuration`, per section. */
  configuration: Record<string, unknown>;
  /** Every `$/progress` value the server sent, in order (with `workDoneProgress`). */
  progress: Array<{ kind: string; title?: string; message?: string; percentage?: number }>;
  /** What the server logged (window/logMessage). */
  log: string[];
  /** What the server answered to `initialize`. */
  initialized: { capabilities: Record<string, unknown> };
  /** The diagnostics the server last pushed per URI (textDocument/publishDiagnostics: a settings file's problems). */
  published: Map<string, WireDiagnostic[]>;
}

export interface EditorOptions {
  rootUri?: string;
  configuration?: Record<string, unknown>;
  pullDiagnostics?: boolean;
  initializationOptions?: Record<string, unknown>;
  /** Declare versioned workspace edits with file creation and disabled code actions, as VS Code does. */
  workspaceEdits?: boolean;
  /** Advertise `window.workDoneProgress`: the server may then create progress tokens. */
  workDoneProgress?: boolean;
  /** Requests the server may send besides those answered here (the goalDocs/fs/* of a client that reads files), by method. */
  handlers?: Record<string, (params: any) => unknown>;
  /** The workspace folder, when it is not rootUri's (a URI of any scheme). */
  workspaceFolders?: Array<{ uri: string; name: string }>;
}

/**
 * Answers what a server asks of its editor on `connection`, keeps what it says, and initializes
 * it with VS Code's capabilities (as `options` choose them); the day is pinned, as in the unit
 * tests, so that no test ages (period.ended-open).
 */
export async function initializeAsEditor(connection: MessageConnection, options: EditorOptions, processId: number | null): Promise<EditorSide> {
  const side: EditorSide = { connection, configuration: options.configuration ?? {}, progress: [], log: [], initialized: { capabilities: {} }, published: new Map() };
  connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
    params.items.map((i) => (i.section ? side.configuration[i.section] ?? null : null)),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', (p: { message: string }) => void side.log.push(p.message));
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: WireDiagnostic[] }) => void side.published.set(p.uri, p.diagnostics));
  connection.onNotification('$/progress', (p: { value: EditorSide['progress'][number] }) => void side.progress.push(p.value));
  for (const [method, handler] of Object.entries(options.handlers ?? {})) connection.onRequest(method, handler);
  connection.listen();
  const pull = options.pullDiagnostics ?? true;
  side.initialized = await connection.sendRequest('initialize', {
    processId,
    initializationOptions: { today: '2021-01-11', ...options.initializationOptions },
    rootUri: options.rootUri ?? null,
    workspaceFolders: options.workspaceFolders ?? (options.rootUri ? [{ uri: options.rootUri, name: 'root' }] : null),
    capabilities: {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        workspaceFolders: true,
        ...(options.workspaceEdits ? { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] }, applyEdit: true } : {}),
      },
      ...(options.workDoneProgress ? { window: { workDoneProgress: true } } : {}),
      textDocument: {
        ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        publishDiagnostics: { relatedInformation: true },
        completion: { completionItem: { snippetSupport: true } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        rename: { prepareSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll', 'refactor'] } }, ...(options.workspaceEdits ? { disabledSupport: true } : {}) },
      },
    },
  });
  connection.sendNotification('initialized', {});
  return side;
}

/** Asks the server to shut down and exit, and lets go of the connection. */
export async function shutDown(connection: MessageConnection): Promise<void> {
  try {
    await connection.sendRequest('shutdown');
    connection.sendNotification('exit');
  } catch {
    // already gone
  }
  connection.dispose();
}

export interface LspSession extends EditorSide {
  process: ChildProcess;
  stderr: string[];
  close(): Promise<void>;
}

export async function startServer(options: EditorOptions = {}): Promise<LspSession> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr!.on('data', (d: Buffer) => stderr.push(d.toString()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const side = await initializeAsEditor(connection, options, process.pid);
  // One object: what the editor keeps is what the tests read and change (session.configuration).
  return Object.assign(side, {
    process: child,
    stderr,
    async close() {
      await shutDown(connection);
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            child.kill();
            resolve();
          }, 2000);
          child.once('exit', () => {
            clearTimeout(t);
            resolve();
          });
        });
      }
    },
  });
}

/** Waits, without a fixed sleep, until `ok` holds; fails after `ms` saying what it waited for. */
export async function waitFor(what: string, ok: () => boolean, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Waits until the server's background index build of start-up is over (its log says so): the
 * file reads it makes are then done, and what a keystroke reads can be counted alone.
 */
export async function indexBuilt(side: EditorSide): Promise<void> {
  await waitFor(`the log's "${INDEX_BUILT_LOG}"`, () => side.log.some((m) => m.startsWith(INDEX_BUILT_LOG)));
}

export function openDocument(session: LspSession, uri: string, text: string, version = 1, languageId = 'markdown'): void {
  session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
}

/** A diagnostic as the tests read it off the wire. */
export interface WireDiagnostic {
  range: { start: { line: number; character: number } };
  code: string;
  message: string;
  severity: number;
}

/** Pulls a document's diagnostics (textDocument/diagnostic); without a previous result id the server sends a full report. */
export async function pullDiagnostics(session: LspSession, uri: string): Promise<WireDiagnostic[]> {
  const report = await session.connection.sendRequest<{ kind: string; items: WireDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
  if (report.kind !== 'full') throw new Error(`expected a full diagnostic report for ${uri}, got ${report.kind}`);
  return report.items;
}
