// LSP wiring only: adapts requests to the goal-docs service and feature functions.
// Runs over IPC for the VS Code client, or as `node dist/server.js --stdio` for any client.
import {
  type Connection,
  createConnection,
  DidChangeConfigurationNotification,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { computeDiagnostics, oversizedDiagnostic } from './diagnostics/index';
import { GoalDocsService } from './service';
import { SettingsStore } from './settingsStore';

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  let canPullConfiguration = false;
  let pullDiagnostics = false;
  let canRegisterConfigurationChange = false;

  const settings = new SettingsStore(
    (scopeUri) => (canPullConfiguration ? connection.workspace.getConfiguration({ scopeUri, section: 'goalDocs' }) : undefined),
    (message) => connection.console.warn(`Invalid setting: ${message}`),
  );
  const service = new GoalDocsService(documents, settings);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    canPullConfiguration = !!caps.workspace?.configuration;
    canRegisterConfigurationChange = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    const init = params.initializationOptions as { goalDocs?: unknown } | undefined;
    if (init?.goalDocs !== undefined) settings.setGlobal(init.goalDocs);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    service.setWorkspaceFolders(folders);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'goal-docs' },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterConfigurationChange) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'goalDocs' });
    }
    connection.workspace.onDidChangeWorkspaceFolders(async () => {
      const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
      service.setWorkspaceFolders(folders.map((f) => f.uri));
    });
  });

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { goalDocs?: unknown } | undefined)?.goalDocs;
    if (!canPullConfiguration) settings.setGlobal(pushed);
    settings.clear();
    refreshDiagnostics();
  });

  connection.onDidChangeWatchedFiles((change) => {
    for (const c of change.changes) service.files.forget(c.uri);
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
    return computeDiagnostics(analysed.doc, analysed.settings, service.files, token);
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

  documents.listen(connection);
  connection.listen();
}
