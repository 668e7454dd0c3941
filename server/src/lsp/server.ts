// LSP wiring only: adapts requests to the goal-docs service (service.ts), which answers them all.
// Runs over IPC for the VS Code client, or as `node dist/server.js --stdio` for any client.
import {
  type Connection,
  createConnection,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceEdit,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ContentModified, createGoalDocsService, isRefusal } from '../service';
import { SETTINGS_SECTIONS } from '../settingsStore';
import {
  GOAL_TREE_REQUEST,
  type GoalTreeParams,
  type InitializationOptions,
  MARK_DONE_WITH_VERSION_COMMAND,
  MOVE_GOAL_COMMAND,
  pinnedDay,
  REPORT_REQUEST,
  type ReportParams,
  START_NEXT_QUARTER_COMMAND,
} from '../protocol';
import { CODE_ACTION_KINDS } from '../codeActions/index';
import type { EditSupport } from '../codeActions/sectionMove';

/**
 * The one helper every request goes through: a refusal (rename somewhere rename makes no sense)
 * becomes an error the client shows, and an answer from a model that a newer version replaced
 * while it was computed becomes ContentModified, which clients ask again after.
 */
async function answer<T>(work: () => Promise<T>): Promise<Exclude<T, { refused: string }>> {
  try {
    const result = await work();
    if (isRefusal(result)) throw new ResponseError(LSPErrorCodes.RequestFailed, result.refused);
    return result as Exclude<T, { refused: string }>;
  } catch (e) {
    if (e instanceof ContentModified) throw new ResponseError(LSPErrorCodes.ContentModified, e.message);
    throw e;
  }
}

/** How long the index build runs before it shows a progress; how long after start-up it starts. */
const PROGRESS_AFTER_MS = 500;
const INDEX_AFTER_MS = 200;

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  // A failing handler, or a client that fails one of the server's own requests (a refresh, the
  // workspace folders), must not end the server: the failure is logged and every feature goes on.
  const logFailure = (what: string) => (e: unknown) => {
    try {
      connection.console.error(`goal-docs: ${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    } catch {
      // the connection is gone: nothing left to tell
    }
  };
  process.on('unhandledRejection', logFailure('unhandled rejection'));
  process.on('uncaughtException', logFailure('uncaught exception'));
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
  const service = createGoalDocsService({
    documents,
    today: () => pinnedToday ?? new Date(),
    pullSettings: (scopeUri) => (canPullConfiguration ? connection.workspace.getConfiguration(SETTINGS_SECTIONS.map((section) => ({ scopeUri, section }))) : undefined),
    reportProblem: (message) => connection.console.warn(`Invalid setting: ${message}`),
    // Models of files on disk hold together at most this much text (about 40-80 MB of heap).
    diskModelBudget: 4_000_000,
  });

  // --- The workspace index, built in the background after start-up ---
  // Each file yields to waiting requests, so the open document's diagnostics go first. A build
  // that takes longer than a moment shows as a window progress; new folders start a new build.
  let indexBuilds = 0;
  async function buildIndexInBackground(): Promise<void> {
    const build = ++indexBuilds;
    const token = { get isCancellationRequested() { return build !== indexBuilds; } };
    const started = Date.now();
    let progress: WorkDoneProgressServerReporter | undefined;
    let asked = false;
    let finished = false;
    let lastPercent = -1;
    try {
      await service.warmIndex(token, (done, total) => {
        if (!canReportProgress || finished) return;
        if (!asked && Date.now() - started >= PROGRESS_AFTER_MS) {
          asked = true;
          void connection.window.createWorkDoneProgress().then((p) => {
            if (finished) return p.done();
            progress = p;
            p.begin('Goal Docs: indexing the workspace', 0, `${done} of ${total} Markdown files`, false);
          }, logFailure('progress'));
        }
        const percent = Math.floor((done * 100) / total);
        if (progress && percent !== lastPercent) {
          lastPercent = percent;
          progress.report(percent, `${done} of ${total} Markdown files`);
        }
      });
    } catch (e) {
      logFailure('building the workspace index')(e);
    } finally {
      finished = true;
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
        executeCommandProvider: { commands: [MARK_DONE_WITH_VERSION_COMMAND, MOVE_GOAL_COMMAND, START_NEXT_QUARTER_COMMAND] },
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
  });

  connection.onDidChangeWatchedFiles((change) => {
    service.didChangeWatchedFiles(change.changes);
    // Links into changed files may have broken or healed.
    refreshDiagnostics();
  });

  // --- Diagnostics: pulled by clients that can, pushed to the others ---
  connection.languages.diagnostics.on(
    (params, token): Promise<DocumentDiagnosticReport> => answer(() => service.diagnosticReport(params.textDocument.uri, params.previousResultId, token)),
  );

  const pushDiagnostics = async (document: TextDocument) => {
    const items = await service.diagnostics(document.uri);
    // Only publish for the version the diagnostics were computed for.
    if (documents.get(document.uri)?.version !== document.version) return;
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: items });
  };

  function refreshDiagnostics(): void {
    if (pullDiagnostics) void connection.languages.diagnostics.refresh();
    else for (const d of documents.all()) void pushDiagnostics(d);
  }

  documents.onDidChangeContent((change) => {
    if (!pullDiagnostics) void pushDiagnostics(change.document);
  });
  documents.onDidOpen((e) => service.didOpen(e.document.uri));
  documents.onDidClose((e) => {
    service.didClose(e.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  // --- Every feature: one line each ---
  connection.onCompletion((p, token) => answer(() => service.completion(p.textDocument.uri, p.position, token)));
  connection.onRequest(GOAL_TREE_REQUEST, (p: GoalTreeParams, token) => answer(() => service.goalTree(p.uri, token)));
  connection.onDocumentSymbol((p, token) => answer(() => service.documentSymbols(p.textDocument.uri, token)));
  connection.onWorkspaceSymbol((p, token) => answer(() => service.workspaceSymbols(p.query, token)));
  connection.onDefinition((p, token) => answer(() => service.definition(p.textDocument.uri, p.position, token)));
  connection.onReferences((p, token) => answer(() => service.references(p.textDocument.uri, p.position, p.context, token)));
  connection.onDocumentHighlight((p, token) => answer(() => service.documentHighlights(p.textDocument.uri, p.position, token)));
  connection.onDocumentLinks((p, token) => answer(() => service.documentLinks(p.textDocument.uri, token)));
  connection.onHover((p, token) => answer(() => service.hover(p.textDocument.uri, p.position, token)));
  connection.onFoldingRanges((p, token) => answer(() => service.foldingRanges(p.textDocument.uri, token)));
  connection.onPrepareRename((p) => answer(() => service.prepareRename(p.textDocument.uri, p.position)));
  connection.onRenameRequest((p, token) => answer(() => service.rename(p.textDocument.uri, p.position, p.newName, { documentChanges: renameWithDocumentChanges }, token)));
  connection.onCodeLens((p, token) => answer(() => service.codeLenses(p.textDocument.uri, token)));
  connection.onCodeAction((p, token) => answer(() => service.codeActions(p.textDocument.uri, p, token, editSupport)));
  connection.onRequest(REPORT_REQUEST, (p: ReportParams, token) => answer(() => service.report(p, token)));

  // Commands answer what they did; one that has an edit applies it, as one undo step.
  const commands: Record<string, { label: string; run(args: unknown): Promise<{ edit?: WorkspaceEdit } | null> }> = {
    [MARK_DONE_WITH_VERSION_COMMAND]: { label: 'Mark milestone done', run: (args) => service.markDoneWithVersion(args) },
    [MOVE_GOAL_COMMAND]: { label: 'Move goal to the completed page', run: (args) => service.moveGoal(args, editSupport) },
    [START_NEXT_QUARTER_COMMAND]: { label: 'Start the next quarter', run: (args) => service.startNextQuarter(args, editSupport) },
  };
  connection.onExecuteCommand(async (p) => {
    const command = commands[p.command];
    const result = command && (await answer(() => command.run(p.arguments?.[0])));
    if (!result?.edit) return result ?? null;
    const { applied } = await connection.workspace.applyEdit({ label: command.label, edit: result.edit });
    return { ...result, applied };
  });

  documents.listen(connection);
  connection.listen();
}
