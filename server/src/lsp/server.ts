// LSP wiring only: adapts requests to the goal-docs service (service.ts), which answers them all.
// Shared by the two hosts: in Node (main.ts: IPC for the VS Code client, `node dist/server.js
// --stdio` for any client) and in a Web Worker (browserMain.ts: github.dev, vscode.dev). A host
// gives the connection, its file system and how to hear of failures; nothing here is Node's.
import {
  type Connection,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceEdit,
  type CancellationToken,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ContentModified, createGoalDocsService, isRefusal } from '../service/service';
import { SETTINGS_SECTIONS } from '../settings/store';
import { CONFIG_FILE_NAME, configDiagnostics, configProblemText } from '../settings/configFile';
import { DIAGNOSTIC_SOURCE } from '../diagnostics/index';
import {
  GOAL_TREE_REQUEST,
  INDEX_BUILT_LOG,
  type GoalTreeParams,
  type InitializationOptions,
  MARK_DONE_WITH_VERSION_COMMAND,
  MOVE_GOAL_COMMAND,
  pinnedDay,
  REPORT_REQUEST,
  type ReportParams,
  SET_GOAL_DOC_MARKER_COMMAND,
  START_NEXT_QUARTER_COMMAND,
  VERDICT_REQUEST,
  type VerdictParams,
  VERDICTS_CHANGED_NOTIFICATION,
} from '../protocol';
import { CODE_ACTION_KINDS } from '../codeActions/index';
import type { EditSupport } from '../codeActions/sectionMove';
import type { WorkspaceFileSystem } from '../workspace/fileSystem';
import type { IndexLimits } from '../service/workspaceIndex';
import { ClientFileSystem } from './clientFileSystem';

/** One line of the request log: what was asked, of which version, how long it took, what it gave. */
export interface RequestLogEntry {
  /** Milliseconds since the epoch, when the request arrived (or the notification). */
  at: number;
  method: string;
  uri?: string;
  /** The open document's version when the request arrived. */
  version?: number;
  ms?: number;
  /** `answered N` (items), `null`, `cancelled`, `ContentModified`, `failed: …`, or what a notification did. */
  outcome: string;
}

export interface ServerOptions {
  /** Hears of every request and document notification (GOAL_DOCS_SERVER_LOG: see lsp/main.ts). */
  requestLog?: (entry: RequestLogEntry) => void;
  /**
   * The file system the service reads, given the one that asks the client (which answers only
   * where it said so in its InitializationOptions.fileRequests).
   */
  fileSystem(client: WorkspaceFileSystem): WorkspaceFileSystem;
  /** How much of the workspace the index reads, and how, for the given workspace folders. */
  indexLimits(folderUris: readonly string[]): IndexLimits;
  /** The host's quickest way to let waiting requests in (the service's default is a timer). */
  yieldToEventLoop?: () => Promise<void>;
  /** Where the host hears of failures nothing awaited (an unhandled rejection): they are logged, and the server goes on. */
  onUncaughtFailure?(report: (what: string, e: unknown) => void): void;
}

/** What an answer was, in a word or two, for the request log. */
function outcomeOf(result: unknown): string {
  if (result === null || result === undefined) return 'null';
  if (Array.isArray(result)) {
    // Code actions and commands by title, so that a log says which actions a menu was offered.
    const titles = result.flatMap((r) => (typeof (r as { title?: unknown })?.title === 'string' ? [(r as { title: string }).title] : []));
    return titles.length ? `answered ${result.length}: ${titles.join(' | ').slice(0, 300)}` : `answered ${result.length}`;
  }
  const items = (result as { items?: unknown }).items;
  if (Array.isArray(items)) return `answered ${items.length}`;
  const kind = (result as { kind?: unknown }).kind;
  return typeof kind === 'string' ? `answered ${kind}` : 'answered';
}

/** How long the index build runs before it shows a progress; how long after start-up it starts. */
const PROGRESS_AFTER_MS = 500;
const INDEX_AFTER_MS = 200;

export function startServer(connection: Connection, options: ServerOptions): void {
  const requestLog = options.requestLog;
  /**
   * The one helper every request goes through: a refusal (rename somewhere rename makes no
   * sense) becomes an error the client shows; an answer from a model that newer versions kept
   * replacing, or for a request cancelled meanwhile, becomes ContentModified (service.ts). With
   * a request log, each request is written there with the version it found and what it gave.
   */
  async function answer<T>(method: string, uri: string | undefined, token: CancellationToken | undefined, work: () => Promise<T>): Promise<Exclude<T, { refused: string }>> {
    const at = Date.now();
    const version = uri === undefined ? undefined : documents.get(uri)?.version;
    let outcome = 'failed';
    try {
      const result = await work();
      if (isRefusal(result)) {
        outcome = `refused: ${result.refused}`;
        throw new ResponseError(LSPErrorCodes.RequestFailed, result.refused);
      }
      outcome = token?.isCancellationRequested ? `${outcomeOf(result)} (cancelled)` : outcomeOf(result);
      return result as Exclude<T, { refused: string }>;
    } catch (e) {
      if (e instanceof ContentModified) {
        outcome = 'ContentModified';
        throw new ResponseError(LSPErrorCodes.ContentModified, e.message);
      }
      if (!(e instanceof ResponseError)) outcome = `failed: ${e instanceof Error ? e.message : String(e)}`;
      throw e;
    } finally {
      requestLog?.({ at, method, uri, version, ms: Date.now() - at, outcome });
    }
  }

  // A failing handler, or a client that fails one of the server's own requests (a refresh, the
  // workspace folders), must not end the server: the failure is logged and every feature goes on.
  const logFailure = (what: string) => (e: unknown) => {
    try {
      connection.console.error(`goal-docs: ${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    } catch {
      // the connection is gone: nothing left to tell
    }
  };
  options.onUncaughtFailure?.((what, e) => logFailure(what)(e));
  const documents = new TextDocuments(TextDocument);
  let canPullConfiguration = false;
  let pullDiagnostics = false;
  let canRegisterConfigurationChange = false;
  let renameWithDocumentChanges = false;
  let canRefreshCodeLens = false;
  // What the client can apply: a move of a goal needs versioned changes of several files.
  let editSupport: EditSupport = { documentChanges: false, createFiles: false, disabledActions: false };
  let canReportProgress = false;

  let pinnedToday: Date | undefined;
  let clientAnswersFiles = false;
  const service = createGoalDocsService({
    documents,
    fileSystem: options.fileSystem(new ClientFileSystem(connection, () => clientAnswersFiles)),
    indexLimits: options.indexLimits,
    yieldToEventLoop: options.yieldToEventLoop,
    today: () => pinnedToday ?? new Date(),
    pullSettings: (scopeUri) => (canPullConfiguration ? connection.workspace.getConfiguration(SETTINGS_SECTIONS.map((section) => ({ scopeUri, section }))) : undefined),
    reportProblem: (message) => connection.console.warn(`Invalid setting: ${message}`),
    // A settings file's problems show on the file itself, each on its key (the Problems panel),
    // and in the log; a file put right, or gone, clears them.
    onConfigFile: (read) => {
      for (const p of read.problems) connection.console.warn(`Invalid setting: ${configProblemText(read.uri, p, read.text)}`);
      void connection.sendDiagnostics({ uri: read.uri, diagnostics: configDiagnostics(read, DIAGNOSTIC_SOURCE) }).catch(logFailure(`publishing the problems of ${CONFIG_FILE_NAME}`));
    },
    // Models of files on disk hold together at most this much text (about 40-80 MB of heap).
    diskModelBudget: 4_000_000,
  });

  // --- The workspace index, built in the background after start-up ---
  // Each file yields to waiting requests, so the open document's diagnostics go first. A build
  // that takes longer than a moment shows as a window progress, from the search for files on (a
  // remote file system can take seconds to list them); new folders start a new build.
  let indexBuilds = 0;
  async function buildIndexInBackground(): Promise<void> {
    const build = ++indexBuilds;
    const token = { get isCancellationRequested() { return build !== indexBuilds; } };
    let progress: WorkDoneProgressServerReporter | undefined;
    let finished = false;
    let counted = { done: 0, total: 0 };
    let lastPercent = -1;
    const percent = () => (counted.total ? Math.floor((counted.done * 100) / counted.total) : 0);
    const message = () => (counted.total ? `${counted.done} of ${counted.total} Markdown files` : 'looking for Markdown files');
    const shown = canReportProgress
      ? setTimeout(() => {
          if (finished) return;
          void connection.window.createWorkDoneProgress().then((p) => {
            if (finished) return p.done();
            progress = p;
            lastPercent = percent();
            p.begin('Goal Docs: indexing the workspace', lastPercent, message(), false);
          }, logFailure('progress'));
        }, PROGRESS_AFTER_MS)
      : undefined;
    const started = Date.now();
    try {
      const looked = await service.warmIndex(token, (done, total) => {
        counted = { done, total };
        if (!progress || finished || percent() === lastPercent) return;
        lastPercent = percent();
        progress.report(lastPercent, message());
      });
      // Said in the log (the Output panel's Goal Docs channel) once a build is over, not one that
      // newer folders replaced: what start-up costs on this workspace, and when it is done.
      if (!token.isCancellationRequested) connection.console.info(`${INDEX_BUILT_LOG} ${looked} Markdown files in ${Date.now() - started} ms`);
    } catch (e) {
      logFailure('building the workspace index')(e);
    } finally {
      finished = true;
      clearTimeout(shown);
      progress?.done();
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    canPullConfiguration = !!caps.workspace?.configuration;
    canRegisterConfigurationChange = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    renameWithDocumentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
    canRefreshCodeLens = !!caps.workspace?.codeLens?.refreshSupport;
    editSupport = {
      documentChanges: renameWithDocumentChanges,
      createFiles: !!caps.workspace?.workspaceEdit?.resourceOperations?.includes('create'),
      disabledActions: !!caps.textDocument?.codeAction?.disabledSupport,
    };
    canReportProgress = !!caps.window?.workDoneProgress;
    const init = params.initializationOptions as InitializationOptions | undefined;
    clientAnswersFiles = init?.fileRequests === true;
    if (init?.goalDocs !== undefined) service.setGlobalSettings(init.goalDocs);
    pinnedToday = pinnedDay(init?.today);
    service.setWorkspaceFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    // In VS Code the built-in Markdown extension answers these for every Markdown file; a second
    // answer would show each heading twice (Outline, breadcrumbs, Ctrl+T, references). The
    // Year › Quarter › Goal tree goes to the client's Goals view instead (GOAL_TREE_REQUEST).
    const navigation = init?.editorHasMarkdownFeatures === true ? {} : {
      documentSymbolProvider: { label: 'Goals' },
      workspaceSymbolProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentLinkProvider: { resolveProvider: false },
    };
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
        executeCommandProvider: { commands: [MARK_DONE_WITH_VERSION_COMMAND, MOVE_GOAL_COMMAND, START_NEXT_QUARTER_COMMAND, SET_GOAL_DOC_MARKER_COMMAND] },
        completionProvider: { triggerCharacters: ['#', '(', '/', '.'] },
        ...navigation,
        documentHighlightProvider: true,
        hoverProvider: true,
        foldingRangeProvider: true,
        renameProvider: { prepareProvider: true },
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'goal-docs' },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterConfigurationChange) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: [...SETTINGS_SECTIONS] });
    }
    connection.workspace.onDidChangeWorkspaceFolders(async () => {
      const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
      service.setWorkspaceFolders(folders.map((f) => f.uri));
      void buildIndexInBackground();
    });
    // After the first requests of start-up (the open editor's diagnostics) have had their turn.
    setTimeout(() => void buildIndexInBackground(), INDEX_AFTER_MS);
  });

  connection.onDidChangeConfiguration((change) => {
    if (!canPullConfiguration) service.setGlobalSettings((change.settings as { goalDocs?: unknown } | undefined)?.goalDocs);
    service.settingsChanged();
    refreshDiagnostics();
    if (canRefreshCodeLens) void connection.sendRequest(CodeLensRefreshRequest.type);
    // goalDocs.files and goalDocs.exclude may have made or unmade goal docs.
    void connection.sendNotification(VERDICTS_CHANGED_NOTIFICATION);
  });

  connection.onDidChangeWatchedFiles((change) => {
    for (const c of change.changes) logNotification('workspace/didChangeWatchedFiles', c.uri);
    const settingsChanged = service.didChangeWatchedFiles(change.changes);
    // Links into changed files may have broken or healed; a settings file changes everything.
    refreshDiagnostics();
    if (!settingsChanged) return;
    if (canRefreshCodeLens) void connection.sendRequest(CodeLensRefreshRequest.type);
    // Its files and exclude may have made or unmade goal docs, as the editor's settings may.
    void connection.sendNotification(VERDICTS_CHANGED_NOTIFICATION);
  });

  // --- Diagnostics: pulled by clients that can, pushed to the others ---
  connection.languages.diagnostics.on(
    (params, token): Promise<DocumentDiagnosticReport> => answer('textDocument/diagnostic', params.textDocument.uri, token, () => service.diagnosticReport(params.textDocument.uri, params.previousResultId, token)),
  );

  const pushDiagnostics = async (document: TextDocument) => {
    // A newer version (or the document's close) makes this computation stale: it stops early.
    const stale = { get isCancellationRequested() { return documents.get(document.uri)?.version !== document.version; } };
    const items = await service.diagnostics(document.uri, stale);
    // Only publish for the version the diagnostics were computed for.
    if (stale.isCancellationRequested) return;
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: items });
  };

  function refreshDiagnostics(): void {
    if (pullDiagnostics) void connection.languages.diagnostics.refresh();
    else for (const d of documents.all()) void pushDiagnostics(d);
  }

  const logNotification = (method: string, uri: string, version?: number) => requestLog?.({ at: Date.now(), method, uri, version, outcome: 'received' });
  documents.onDidChangeContent((change) => {
    logNotification('textDocument/didChange', change.document.uri, change.document.version);
    if (!pullDiagnostics) void pushDiagnostics(change.document);
  });
  documents.onDidSave((e) => logNotification('textDocument/didSave', e.document.uri, e.document.version));
  documents.onDidOpen((e) => {
    logNotification('textDocument/didOpen', e.document.uri, e.document.version);
    service.didOpen(e.document.uri);
  });
  documents.onDidClose((e) => {
    logNotification('textDocument/didClose', e.document.uri);
    service.didClose(e.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  // --- Every feature: one line each ---
  connection.onCompletion((p, token) => answer('textDocument/completion', p.textDocument.uri, token, () => service.completion(p.textDocument.uri, p.position, token)));
  connection.onRequest(GOAL_TREE_REQUEST, (p: GoalTreeParams, token) => answer(GOAL_TREE_REQUEST, p.uri, token, () => service.goalTree(p.uri, token)));
  connection.onRequest(VERDICT_REQUEST, (p: VerdictParams, token) => answer(VERDICT_REQUEST, p.uri, token, () => service.verdict(p.uri)));
  connection.onDocumentSymbol((p, token) => answer('textDocument/documentSymbol', p.textDocument.uri, token, () => service.documentSymbols(p.textDocument.uri, token)));
  connection.onWorkspaceSymbol((p, token) => answer('workspace/symbol', undefined, token, () => service.workspaceSymbols(p.query, token)));
  connection.onDefinition((p, token) => answer('textDocument/definition', p.textDocument.uri, token, () => service.definition(p.textDocument.uri, p.position, token)));
  connection.onReferences((p, token) => answer('textDocument/references', p.textDocument.uri, token, () => service.references(p.textDocument.uri, p.position, p.context, token)));
  connection.onDocumentHighlight((p, token) => answer('textDocument/documentHighlight', p.textDocument.uri, token, () => service.documentHighlights(p.textDocument.uri, p.position, token)));
  connection.onDocumentLinks((p, token) => answer('textDocument/documentLink', p.textDocument.uri, token, () => service.documentLinks(p.textDocument.uri, token)));
  connection.onHover((p, token) => answer('textDocument/hover', p.textDocument.uri, token, () => service.hover(p.textDocument.uri, p.position, token)));
  connection.onFoldingRanges((p, token) => answer('textDocument/foldingRange', p.textDocument.uri, token, () => service.foldingRanges(p.textDocument.uri, token)));
  connection.onPrepareRename((p, token) => answer('textDocument/prepareRename', p.textDocument.uri, token, () => service.prepareRename(p.textDocument.uri, p.position, token)));
  connection.onRenameRequest((p, token) => answer('textDocument/rename', p.textDocument.uri, token, () => service.rename(p.textDocument.uri, p.position, p.newName, { documentChanges: renameWithDocumentChanges }, token)));
  connection.onCodeLens((p, token) => answer('textDocument/codeLens', p.textDocument.uri, token, () => service.codeLenses(p.textDocument.uri, token)));
  connection.onCodeAction((p, token) => answer(`textDocument/codeAction (line ${p.range.start.line + 1}, ${p.context.triggerKind === 1 ? 'invoked' : 'automatic'})`, p.textDocument.uri, token, () => service.codeActions(p.textDocument.uri, p, token, editSupport)));
  connection.onRequest(REPORT_REQUEST, (p: ReportParams, token) => answer(REPORT_REQUEST, undefined, token, () => service.report(p, token)));

  // Commands answer what they did; one that has an edit applies it, as one undo step.
  const commands: Record<string, { label: string; run(args: unknown): Promise<{ edit?: WorkspaceEdit } | null> }> = {
    [MARK_DONE_WITH_VERSION_COMMAND]: { label: 'Mark milestone done', run: (args) => service.markDoneWithVersion(args) },
    [MOVE_GOAL_COMMAND]: { label: 'Move goal to the completed page', run: (args) => service.moveGoal(args, editSupport) },
    [START_NEXT_QUARTER_COMMAND]: { label: 'Start the next quarter', run: (args) => service.startNextQuarter(args, editSupport) },
    [SET_GOAL_DOC_MARKER_COMMAND]: { label: 'Say whether this file is a goal doc', run: (args) => service.setGoalDocMarker(args) },
  };
  connection.onExecuteCommand(async (p) => {
    const command = commands[p.command];
    const result = command && (await answer(`workspace/executeCommand ${p.command}`, undefined, undefined, () => command.run(p.arguments?.[0])));
    if (!result?.edit) return result ?? null;
    const { applied } = await connection.workspace.applyEdit({ label: command.label, edit: result.edit });
    return { ...result, applied };
  });

  documents.listen(connection);
  connection.listen();
}
