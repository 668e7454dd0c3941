// The thin client, the same on the desktop and in a browser: starts the goal-docs language server
// for Markdown files and MDX pages (each entry says how: extension.ts a Node process,
// browserExtension.ts a Web Worker) and adds what only the editor can do: the Goals view, the
// status bar item that says whether the file is a goal doc, asking who completes links, the
// version input box, the quarter quick pick of a goal's move, the report beside the editor, and
// the answers to the server's file-system requests. All goal-doc logic lives in the server.
import * as vscode from 'vscode';
import { type BaseLanguageClient, CloseAction, type CloseHandlerResult, ErrorAction, type LanguageClientOptions } from 'vscode-languageclient';
import {
  GOAL_TREE_REQUEST,
  type GoalTreeParams,
  type GoalTreeResult,
  type InitializationOptions,
  MARK_DONE_CLIENT_COMMAND,
  MARK_DONE_WITH_VERSION_COMMAND,
  type MarkDoneWithVersionArgs,
  type MarkDoneWithVersionResult,
  type VerdictResult,
} from '../../server/src/protocol';
import { builtinMarkdownIsOn, CHOOSE_LINK_COMPLETION, CompletionChoice } from './completionChoice';
import { type GoalNode, GoalsView } from './goalsView';
import { askForTheQuarter, registerLifecycleCommands } from './lifecycle';
import { answerFileRequests, reportChangesInFoldersNotOnDisk } from './fileRequests';
import { DOCUMENT_SELECTOR } from './documents';
import { GoalDocStatus } from './goalDocStatus';

/** What activate() returns to other extensions (and the end-to-end tests). */
export interface GoalDocsApi {
  /** The Goals view's tree of an open document; null when it is not a goal doc. */
  goalTree(uri: vscode.Uri): Promise<GoalNode[] | null>;
  /** Whether an open document is a goal doc, and why, as the status bar item says; null when the server does not have it. */
  verdict(uri: vscode.Uri): Promise<VerdictResult>;
}

/** How an entry starts the server: a Node process on the desktop, a Web Worker in a browser. */
export interface Host {
  startClient(options: LanguageClientOptions): BaseLanguageClient | Promise<BaseLanguageClient>;
  /**
   * The files the server is told of when they change. The desktop's server reads the disk on every
   * request and needs to hear only of Markdown files (its index) and settings files
   * (`.goal-docs.json`); in a browser the server keeps what it read of every file until told it changed.
   */
  watchedFiles: string;
  /** Whether folders not on the disk (`vscode-vfs:`…) need every file of theirs reported besides (reportChangesInFoldersNotOnDisk). */
  watchFoldersNotOnDisk: boolean;
}

let client: BaseLanguageClient | undefined;

export async function activateGoalDocs(context: vscode.ExtensionContext, host: Host): Promise<GoalDocsApi> {
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: {
      // The server keeps an index of goal docs; tell it when files change.
      fileEvents: vscode.workspace.createFileSystemWatcher(host.watchedFiles),
    },
    outputChannelName: 'Goal Docs',
    // "Move goal to the completed page" asks for the quarter here, in a quick pick.
    middleware: { provideCodeActions: askForTheQuarter },
    initializationOptions: {
      // Then the built-in answers the outline, symbols, references, definitions and links.
      editorHasMarkdownFeatures: builtinMarkdownIsOn(),
      // Files the server cannot read itself (all of them, in a browser) it asks for: see fileRequests.ts.
      fileRequests: true,
    } satisfies InitializationOptions,
    errorHandler: {
      // Writes to a server that has just died fail until its close is seen; the default handler
      // shuts the client down after three of them, and then the close restarts nothing. Only the
      // close decides.
      error: () => ({ action: ErrorAction.Continue }),
      closed: restartUnlessCrashLooping,
    },
  };
  client = await host.startClient(clientOptions);
  context.subscriptions.push(client, ...answerFileRequests(client));
  if (host.watchFoldersNotOnDisk) context.subscriptions.push(reportChangesInFoldersNotOnDisk(client));
  await client.start();
  const started = client;
  const choice = new CompletionChoice(context.globalState);
  const goalsView = new GoalsView(
    (uri) => started.sendRequest<GoalTreeResult>(GOAL_TREE_REQUEST, { uri } satisfies GoalTreeParams),
    (document) => void choice.offer(document),
  );
  const status = new GoalDocStatus(started);
  context.subscriptions.push(
    goalsView,
    status,
    vscode.commands.registerCommand(MARK_DONE_CLIENT_COMMAND, markMilestoneDone),
    vscode.commands.registerCommand(CHOOSE_LINK_COMPLETION, () => choice.choose()),
    ...registerLifecycleCommands(started),
  );
  // The Goals view is contributed only once this context key is set, so that a workspace
  // without Markdown never starts the server for it.
  void vscode.commands.executeCommand('setContext', 'goalDocs.active', true);
  return { goalTree: (uri) => goalsView.treeOf(uri), verdict: (uri) => status.verdict(uri) };
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
async function markMilestoneDone(args?: MarkDoneWithVersionArgs): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const target = args ?? (editor && { uri: editor.document.uri.toString(), version: editor.document.version, lines: selectedLines(editor) });
  if (!target) return;
  const inferred = target.stampVersion ?? (await vscode.commands.executeCommand<MarkDoneWithVersionResult | null>(MARK_DONE_WITH_VERSION_COMMAND, { ...target, stampVersion: undefined }))?.inferredVersion;
  const stampVersion = await vscode.window.showInputBox({ title: 'Mark milestone done', prompt: 'The version to stamp', value: inferred });
  if (stampVersion === undefined) return;
  const result = await vscode.commands.executeCommand<MarkDoneWithVersionResult | null>(MARK_DONE_WITH_VERSION_COMMAND, { ...target, stampVersion });
  if (result?.message) void vscode.window.showInformationMessage(result.message);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
