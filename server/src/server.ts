// LSP wiring only: adapts requests to the goal-docs service and feature functions.
// Runs over IPC for the VS Code client, or as `node dist/server.js --stdio` for any client.
import {
  type Connection,
  createConnection,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { computeDiagnostics, oversizedDiagnostic } from './diagnostics/index';
import { leaveBrokenLinksToEditor, oursForEditorDiagnostics } from './diagnostics/editorValidation';
import { GoalDocsService } from './service';
import { SETTINGS_SECTIONS, SettingsStore } from './settingsStore';
import { GOAL_TREE_REQUEST, type GoalTreeParams, type GoalTreeResult, type InitializationOptions } from './protocol';
import { CODE_ACTION_KINDS, MARK_DONE_WITH_VERSION_COMMAND, provideCodeActions } from './codeActions/index';
import { markDoneWithVersion, parseMarkDoneArgs } from './codeActions/markDoneCommand';
import { WorkspaceIndex } from './workspaceIndex';
import { provideCompletions } from './features/completion';
import { provideDocumentSymbols } from './features/documentSymbols';
import { provideWorkspaceSymbols } from './features/workspaceSymbols';
import { provideDefinition } from './features/definition';
import { provideReferences } from './features/references';
import { provideDocumentHighlights } from './features/documentHighlights';
import { provideDocumentLinks } from './features/documentLinks';
import { provideHover } from './features/hover';
import { provideFoldingRanges } from './features/folding';
import { isRefusal, prepareRename, provideRename } from './features/rename';
import { provideCodeLenses } from './features/codeLens';

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

  const settings = new SettingsStore(
    (scopeUri) => (canPullConfiguration
      ? connection.workspace.getConfiguration(SETTINGS_SECTIONS.map((section) => ({ scopeUri, section })))
      : undefined),
    (message) => connection.console.warn(`Invalid setting: ${message}`),
  );
  const service = new GoalDocsService(documents, settings);
  const index = new WorkspaceIndex(service, () => documents.all());
  let renameWithDocumentChanges = false;
  let canRefreshCodeLens = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    canPullConfiguration = !!caps.workspace?.configuration;
    canRegisterConfigurationChange = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    const init = params.initializationOptions as InitializationOptions | undefined;
    if (init?.goalDocs !== undefined) settings.setGlobal(init.goalDocs);
    // In VS Code the built-in Markdown extension answers these for every Markdown file; a second
    // answer would show each heading twice (Outline, breadcrumbs, Ctrl+T, references). The
    // Year › Quarter › Goal tree goes to the client's Goals view instead (GOAL_TREE_REQUEST).
    const editorHasMarkdownFeatures = init?.editorHasMarkdownFeatures === true;
    const navigation = editorHasMarkdownFeatures ? {} : {
      documentSymbolProvider: { label: 'Goals' },
      workspaceSymbolProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentLinkProvider: { resolveProvider: false },
    };
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    service.setWorkspaceFolders(folders);
    index.setFolders(folders);
    renameWithDocumentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
    canRefreshCodeLens = !!caps.workspace?.codeLens?.refreshSupport;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
        executeCommandProvider: { commands: [MARK_DONE_WITH_VERSION_COMMAND] },
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
      index.setFolders(folders.map((f) => f.uri));
    });
  });

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { goalDocs?: unknown } | undefined)?.goalDocs;
    if (!canPullConfiguration) settings.setGlobal(pushed);
    settings.clear();
    refreshDiagnostics();
    if (canRefreshCodeLens) void connection.sendRequest(CodeLensRefreshRequest.type);
  });

  connection.onDidChangeWatchedFiles((change) => {
    for (const c of change.changes) service.files.forget(c.uri);
    index.didChangeWatchedFiles(change.changes);
    // Links into changed files may have broken or healed.
    refreshDiagnostics();
  });

  // --- Diagnostics: pulled by clients that can, pushed to the others ---
  const diagnosticsFor = async (uri: string, token?: { isCancellationRequested: boolean }) => {
    const analysed = await service.analyse(uri);
    if (!analysed) {
      const oversized = await service.oversized(uri);
      return oversized ? [oversizedDiagnostic(oversized.length, oversized.limit)] : [];
    }
    if (token?.isCancellationRequested) return [];
    const diagnostics = computeDiagnostics(analysed.doc, analysed.settings, service.files, token);
    const { validates } = await settings.editorMarkdown(uri);
    return leaveBrokenLinksToEditor(diagnostics, validates);
  };

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    return { kind: 'full', items: await diagnosticsFor(params.textDocument.uri, token) };
  });

  const pushDiagnostics = async (document: TextDocument) => {
    const items = await diagnosticsFor(document.uri);
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
  documents.onDidClose((e) => {
    service.close(e.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  // --- Completion, outline, navigation, rename, code lens: one feature per file in features/ ---
  // Link completion is the editor's where it has its own (VS Code's `markdown.suggest.paths.enabled`):
  // two lists of the same headings would be merged into one with every heading twice. Where it
  // has none, every Markdown file gets ours, goal doc or not.
  connection.onCompletion(async (params, token) => {
    const uri = params.textDocument.uri;
    if ((await settings.editorMarkdown(uri)).completesLinks) return null;
    const doc = await service.markdownModel(uri);
    return doc && !token.isCancellationRequested ? provideCompletions(doc, params.position, index, token) : null;
  });
  connection.onRequest(GOAL_TREE_REQUEST, async (params: GoalTreeParams, token): Promise<GoalTreeResult> => {
    const a = await service.analyse(params.uri);
    return a && !token.isCancellationRequested ? provideDocumentSymbols(a.doc, token) : null;
  });
  connection.onDocumentSymbol(async (params, token) => {
    const a = await service.analyse(params.textDocument.uri);
    return a ? provideDocumentSymbols(a.doc, token) : null;
  });
  connection.onWorkspaceSymbol((params, token) => provideWorkspaceSymbols(params.query, index, token));
  connection.onDefinition(async (params, token) => {
    const a = await service.analyse(params.textDocument.uri);
    return a ? provideDefinition(a.doc, params.position, index, token) : null;
  });
  connection.onReferences(async (params, token) => {
    const a = await service.analyse(params.textDocument.uri);
    return a ? provideReferences(a.doc, params.position, params.context, index, token) : null;
  });
  connection.onDocumentHighlight(async (params, token) => {
    const a = await service.analyse(params.textDocument.uri);
    return a ? provideDocumentHighlights(a.doc, params.position, index, token) : null;
  });
  connection.onDocumentLinks(async (params, token) => {
    const a = await service.analyse(params.textDocument.uri);
    return a ? provideDocumentLinks(a.doc, index, token) : null;
  });
  connection.onHover(async (params, token) => {
    const a = await service.analyse(params.textDocument.uri);
    return a ? provideHover(a.doc, params.position, index, token) : null;
  });
  connection.onFoldingRanges(async (params, token) => {
    const a = await service.analyse(params.textDocument.uri);
    return a ? provideFoldingRanges(a.doc, token) : null;
  });
  connection.onPrepareRename(async (params) => {
    const a = await service.analyse(params.textDocument.uri);
    if (!a) return null;
    const answer = prepareRename(a.doc, params.position, index);
    // The client shows the message of a failed prepareRename to the user.
    if (isRefusal(answer)) throw new ResponseError(LSPErrorCodes.RequestFailed, answer.refused);
    return answer;
  });
  connection.onRenameRequest(async (params, token) => {
    const a = await service.analyse(params.textDocument.uri);
    if (!a) return null;
    const edit = await provideRename(a.doc, params.position, params.newName, index, token, { documentChanges: renameWithDocumentChanges });
    if (isRefusal(edit)) throw new ResponseError(LSPErrorCodes.RequestFailed, edit.refused);
    return edit;
  });
  connection.onCodeLens(async (params, token) => {
    const a = await service.analyse(params.textDocument.uri);
    return a ? provideCodeLenses(a.doc, a.settings, token) : null;
  });
  documents.onDidOpen((e) => index.didOpen(e.document.uri));

  // --- Code actions: quick fixes, milestone actions and fix all (codeActions/) ---
  connection.onCodeAction(async (params, token) => {
    const a = await service.analyse(params.textDocument.uri);
    if (!a || token.isCancellationRequested) return null;
    // The editor's broken-link diagnostic stands for ours (left out above): it gets our fixes.
    const ours = oursForEditorDiagnostics(params.context.diagnostics, () => computeDiagnostics(a.doc, a.settings, service.files, token));
    const request = ours.length ? { ...params, context: { ...params.context, diagnostics: [...params.context.diagnostics, ...ours] } } : params;
    return provideCodeActions(a.doc, request, a.settings, token);
  });
  connection.onExecuteCommand(async (params) => {
    if (params.command !== MARK_DONE_WITH_VERSION_COMMAND) return null;
    const args = parseMarkDoneArgs(params.arguments?.[0]);
    const a = args && (await service.analyse(args.uri));
    if (!args || !a) return null;
    const result = markDoneWithVersion(a.doc, args, a.settings);
    if (!result.edit) return result;
    const { applied } = await connection.workspace.applyEdit({ label: 'Mark milestone done', edit: result.edit });
    return { ...result, applied };
  });

  documents.listen(connection);
  connection.listen();
}
