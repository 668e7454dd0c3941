// The built language server (`node dist/server.js --stdio`) as the stdio and workspace rows of the
// bench drive it: a JSON-RPC connection answering what the server asks of its client with
// nothing, and a stop that lets it exit on its own first. GOAL_DOCS_BENCH_SERVER names another
// build's server.js to start instead (another branch's, to compare on the same machine at once).
import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

export interface BenchServer {
  child: ChildProcess;
  connection: MessageConnection;
  /** Shutdown and exit; the process is killed if it has not gone within two seconds. */
  stop(): Promise<void>;
}

/** The server.js the rows start: GOAL_DOCS_BENCH_SERVER, else this checkout's dist/server.js. */
export function benchServerPath(): string {
  return process.env.GOAL_DOCS_BENCH_SERVER || path.join(__dirname, '..', 'dist', 'server.js');
}

export function startBenchServer(serverPath = benchServerPath()): BenchServer {
  const child = spawn(process.execPath, [...(process.env.GOAL_DOCS_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('$/progress', () => undefined);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  return {
    child,
    connection,
    async stop() {
      await connection.sendRequest('shutdown').catch(() => undefined);
      connection.sendNotification('exit');
      // The server exits on its own; disposing before it has would write to a closed pipe.
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
      connection.dispose();
      child.kill();
    },
  };
}
