// The thin client: starts the goal-docs language server for Markdown files and adds what only
// the editor can do: the Goals view, asking who completes links, the version input box, the
// quarter quick pick of a goal's move, the report beside the editor. All goal-doc logic lives in
// the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  type CloseHandlerResult,
  ErrorAction,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import {
  GOAL_TREE_REQUEST,
  type GoalTreeParams,
  type GoalTreeResult,
  type InitializationOptions,
  MARK_DONE_CLIENT_COMMAND,
  MARK_DONE_WITH_VERSION_COMMAND,
  type MarkDoneWithVersionArgs,
  type MarkDoneWithVersionResult,
} from '../../server/src/protocol';
import { BUILTIN_MARKDOWN, CHOOSE_LINK_COMPLETION, CompletionChoice } from './completionChoice';
import { type GoalNode, GoalsView } from './goalsView';
import { askForTheQuarter, registerLifecycleCommands } from './lifecycle';

/** What activate() returns to other extensions (and the end-to-end tests). */
export interface GoalDocsApi {
  /** The Goals view's tree of an open document; null when it is not a goal doc. */
  goalTree(uri: vscode.Uri): Promise<GoalNode[] | null>;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<GoalDocsApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: {
      // The server keeps an index of goal docs on disk; tell it when Markdown files change.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.md'),
    },
    outputChannelName: 'Goal Docs',
    // "Move goal to the completed page" asks for the quarter here, in a quick pick.
    middleware: { provideCodeActions: askForTheQuarter },
    initializationOptions: {
      // Then the built-in answers the outline, symbols, references, definitions and links.
      editorHasMarkdownFeatures: !!vscode.extensions.getExtension(BUILTIN_MARKDOWN),
    } satisfies InitializationOptions,
    errorHandler: {
      // Writes to a server that has just died fail until its close is seen; the default handler
      // shuts the client down after three of them, and then the close restarts nothing. Only the
      // close decides.
      error: () => ({ action: ErrorAction.Continue }),
      closed: restartUnlessCrashLooping,
    },
  };
  client = new LanguageClient('goalDocs', 'Goal Docs', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
  const started = client;
  const choice = new CompletionChoice(context.globalState);
  const goalsView = new GoalsView(
    (uri) => started.sendRequest<GoalTreeResult>(GOAL_TREE_REQUEST, { uri } satisfies GoalTreeParams),
    (document) => void choice.offer(document),
  );
  context.subscriptions.push(
    goalsView,
    vscode.commands.registerCommand(MARK_DONE, markMilestoneDone),
    vscode.commands.registerCommand(CHOOSE_LINK_COMPLETION, () => choice.choose()),
    ...registerLifecycleCommands(started),
  );
  // The Goals view is contributed only once this context key is set, so that a workspace
  // without Markdown never starts the server for it.
  void vscode.commands.executeCommand('setContext', 'goalDocs.active', true);
  return { goalTree: (uri) => goalsView.treeOf(uri) };
}

const RESTARTS_ALLOWED = 4;
const RESTART_WINDOW_MS = 3 * 60_000;
const restarts: number[] = [];

/** Restarts a server that died, unless it died more than RESTARTS_ALLOWED times in three minutes. */
function restartUnlessCrashLooping(): CloseHandlerResult {
  const now = Date.now();
  restarts.push(now);
  while (restarts.length && now - restarts[0]! > RESTART_WINDOW_MS) restarts.shift();
  if (restarts.length <= RESTARTS_ALLOWED) return { action: CloseAction.Restart };
  return {
    action: CloseAction.DoNotRestart,
    message: `The Goal Docs server stopped ${restarts.length} times in three minutes and was not started again. The Goal Docs output channel says why; reload the window to start it.`,
  };
}

// "Mark milestone done with version…": the server works out the items, the style and the
// version to prefill; the client only asks for the version. The server command (registered by
// the language client from the server's capabilities) applies the edit.
const MARK_DONE = MARK_DONE_CLIENT_COMMAND;
const MARK_DONE_WITH_VERSION = MARK_DONE_WITH_VERSION_COMMAND;
type MarkDoneArgs = MarkDoneWithVersionArgs;
type MarkDoneResult = MarkDoneWithVersionResult;

/** The lines the selections cover; a selection ending at a line's start leaves that line out. */
function selectedLines(editor: vscode.TextEditor): number[] {
  const lines = new Set<number>();
  for (const s of editor.selections) {
    const last = s.end.line > s.start.line && s.end.character === 0 ? s.end.line - 1 : s.end.line;
    for (let l = s.start.line; l <= last; l++) lines.add(l);
  }
  return [...lines];
}

/** From a code action (with the items and inferred version) or the command palette (the selection). */
async function markMilestoneDone(args?: MarkDoneArgs): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const target = args ?? (editor && { uri: editor.document.uri.toString(), version: editor.document.version, lines: selectedLines(editor) });
  if (!target) return;
  const inferred = target.stampVersion ?? (await vscode.commands.executeCommand<MarkDoneResult | null>(MARK_DONE_WITH_VERSION, { ...target, stampVersion: undefined }))?.inferredVersion;
  const stampVersion = await vscode.window.showInputBox({ title: 'Mark milestone done', prompt: 'The version to stamp', value: inferred });
  if (stampVersion === undefined) return;
  const result = await vscode.commands.executeCommand<MarkDoneResult | null>(MARK_DONE_WITH_VERSION, { ...target, stampVersion });
  if (result?.message) void vscode.window.showInformationMessage(result.message);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
