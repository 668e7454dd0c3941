// Entry point of dist/client.js, the desktop extension (and any Node extension host): the server
// runs as a Node process, dist/server.js, over IPC. Everything else is activate.ts's.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { activateGoalDocs, type GoalDocsApi } from './activate';
import { WATCHED_FILES } from './fileRequests';

export { deactivate } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<GoalDocsApi> {
  return activateGoalDocs(context, {
    startClient: (clientOptions) => {
      const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
      const serverOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
      };
      return new LanguageClient('goalDocs', 'Goal Docs', serverOptions, clientOptions);
    },
    // Markdown files for the index; the config file, which the server reads again when it changes.
    watchedFiles: WATCHED_FILES,
    // What its server reads of a folder on another file system it keeps until told a file changed.
    watchFoldersNotOnDisk: true,
  });
}
