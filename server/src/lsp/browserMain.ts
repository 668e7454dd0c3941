// Entry point of dist/browser/server.js, the browser host: the same server in a Web Worker
// (github.dev, vscode.dev, the web worker extension host), with no Node API. Every file is asked
// of the client, which answers with vscode.workspace.fs (lsp/clientFileSystem.ts); its answers are
// kept until the editor's file events say a file changed, since a remote file system answers a
// stat in up to a second. The index reads within the limits of a remote file system.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from './server';
import { CachedFileSystem } from '../service/fileSystems';
import { REMOTE_FILE_SYSTEM } from '../service/workspaceIndex';

declare const self: {
  addEventListener(type: 'unhandledrejection', listener: (event: { reason: unknown; preventDefault(): void }) => void): void;
  addEventListener(type: 'error', listener: (event: { error: unknown; message: string; preventDefault(): void }) => void): void;
};

// The worker's own scope is the port the client's messages arrive on.
const port = self as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
/**
 * The next task of the worker: a message to itself. A timer set from a timer waits 4 ms or more
 * in a browser; a message is the next task, after the client's messages already waiting.
 */
function yieldWithMessage(): () => Promise<void> {
  // A browser's ports (the server's types are Node's, whose ports have no onmessage).
  const { port1, port2 } = new MessageChannel() as unknown as { port1: { onmessage: () => void }; port2: { postMessage(message: unknown): void } };
  const waiting: Array<() => void> = [];
  port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      port2.postMessage(null);
    });
}

startServer(createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port)), {
  fileSystem: (client) => new CachedFileSystem(client),
  indexLimits: () => REMOTE_FILE_SYSTEM,
  yieldToEventLoop: typeof MessageChannel === 'function' ? yieldWithMessage() : undefined,
  onUncaughtFailure: (report) => {
    self.addEventListener('unhandledrejection', (event) => {
      event.preventDefault();
      report('unhandled rejection', event.reason);
    });
    self.addEventListener('error', (event) => {
      event.preventDefault();
      report('uncaught exception', event.error ?? event.message);
    });
  },
});
