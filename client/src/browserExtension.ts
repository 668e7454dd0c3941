// Entry point of dist/browser/client.js, the web extension (github.dev, vscode.dev, a browser's
// web worker extension host): the server, dist/browser/server.js, runs in a Web Worker of its own
// and reads every file through this client (fileRequests.ts). Everything else is activate.ts's.
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { activateGoalDocs, type GoalDocsApi } from './activate';

export { deactivate } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<GoalDocsApi> {
  let worker: Worker | undefined;
  // A server that stopped is started again in a new worker (the client's restart), the old one
  // ended. The transports are made here: the extension host's Worker is its own class, which the
  // client library's `instanceof Worker` does not take for one.
  const start = async (): Promise<MessageTransports> => {
    worker?.terminate();
    worker = await startWorker(context.extensionUri);
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  };
  return activateGoalDocs(context, {
    startClient: (clientOptions) => new LanguageClient('goalDocs', 'Goal Docs', start, clientOptions),
    // Its server keeps what it read of every file until told it changed: every file is watched.
    watchedFiles: '**/*',
    watchFoldersNotOnDisk: false,
  });
}

/**
 * The server's worker. Where the extension is served over https (vscode.dev) a worker starts
 * from its URL; VS Code refuses that for an extension of a remote (code-server, a Codespace:
 * "Creating workers from remote extensions is currently not supported"), and there the worker
 * starts from the bundle's text, read with workspace.fs, as a Blob URL.
 */
async function startWorker(extensionUri: vscode.Uri): Promise<Worker> {
  const script = vscode.Uri.joinPath(extensionUri, 'dist', 'browser', 'server.js');
  const options: WorkerOptions = { name: 'Goal Docs language server' };
  try {
    return new Worker(script.toString(true), options);
  } catch {
    const bytes = await vscode.workspace.fs.readFile(script);
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'text/javascript' }));
    return new Worker(url, options);
  }
}
