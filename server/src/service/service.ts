// The goal-docs service: one object that owns the open documents' models, the settings, the
// workspace's files and index, and answers every feature. The language server (lsp/server.ts, in
// Node or in a Web Worker), the CLI and the tests all make theirs with createGoalDocsService, so
// the editor and CI cannot see different files or different rules. Files are read through the
// port the host gives (workspace/fileSystem.ts). No protocol code here.
import type { CodeAction, CompletionList, Diagnostic, DocumentHighlight, DocumentLink, DocumentSymbol, FoldingRange, Hover, Location, Position, Range, SymbolInformation, WorkspaceEdit, CodeLens } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ModelCache } from '../model/cache';
import { isSuperseded } from '../model/build';
import type { GoalDoc } from '../model/types';
import { contentMightMakeGoalDoc, explainVerdict, goalDocVerdict, type GoalDocVerdict, isGoalDoc, matchesGlobs, mightBeGoalDoc, verdictOfText } from '../model/goalDocRule';
import { defaultSettings, type GoalDocsSettings } from '../settings/schema';
import { SettingsStore } from '../settings/store';
import { type EditorMarkdown, NO_EDITOR_MARKDOWN } from '../settings/editorMarkdown';
import { CONFIG_FILE_NAME, type ConfigFileRead } from '../settings/configFile';
import { WorkspaceFiles } from './workspaceFiles';
import type { FileRead, LinkedFiles } from '../workspace/linkedFiles';
import { type FileChange, type IndexLimits, LOCAL_DISK, WorkspaceIndex } from './workspaceIndex';
import { NO_FILES, type WorkspaceFileSystem } from '../workspace/fileSystem';
import { yieldWithTimer, type YieldToEventLoop } from './pacing';
import { relativeToFolder, uriPath } from '../workspace/uris';
import { computeDiagnostics, oversizedDiagnostic } from '../diagnostics/index';
import { sameDiagnostics } from '../diagnostics/unchanged';
import { leaveBrokenLinksToEditor, oursForEditorDiagnostics } from '../diagnostics/editorValidation';
import { type CodeActionRequest, provideCodeActions, wantsFor } from '../codeActions/index';
import { type EditSupport, FULL_SUPPORT } from '../codeActions/sectionMove';
import { lifecycleActions } from '../codeActions/lifecycle';
import { type LifecycleContext, moveGoalCommand, type PageRead, parseMoveGoalArgs, quarterFromText } from '../codeActions/moveGoal';
import { nextQuarterCommand, parseNextQuarterArgs } from '../codeActions/nextQuarter';
import { goalsReport, type GoalsReport, reportMarkdown, type ReportSource } from '../features/report';
import { markDoneWithVersion, type MarkDoneWithVersionResult, parseMarkDoneArgs } from '../codeActions/markDoneCommand';
import { markerEdits, parseSetMarkerArgs } from '../codeActions/goalDocMarker';
import { versionedEdit } from '../codeActions/edit';
import { provideCompletions } from '../features/completion';
import { provideDocumentSymbols } from '../features/documentSymbols';
import { provideGoalTree } from '../features/goalTree';
import { provideWorkspaceSymbols } from '../features/workspaceSymbols';
import { provideDefinition } from '../features/definition';
import { provideReferences } from '../features/references';
import { provideDocumentHighlights } from '../features/documentHighlights';
import { provideDocumentLinks } from '../features/documentLinks';
import { provideHover } from '../features/hover';
import { provideFoldingRanges } from '../features/folding';
import { isRefusal, prepareRename, provideRename, type RenameRefusal } from '../features/rename';
import { provideCodeLenses } from '../features/codeLens';
import type { GoalTreeResult, MoveGoalResult, ReportParams, ReportResult, SetGoalDocMarkerResult, StartNextQuarterResult, VerdictResult } from '../protocol';
import { type Cancellation, type GoalDocWorkspace, NOT_CANCELLED } from '../workspace/goalDocWorkspace';

export interface Documents {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

export interface AnalysedDocument {
  doc: GoalDoc;
  settings: GoalDocsSettings;
  /** The TextDocument the model was built from (its version is the model's). */
  textDocument: TextDocument;
}

export interface ServiceOptions {
  /** The open documents, whose text is the truth for their files (none for the CLI). */
  documents?: Documents;
  /**
   * How the host reads files (the disk in Node, the editor's workspace.fs in a browser). Without
   * one there are no files: only the open documents (tests).
   */
  fileSystem?: WorkspaceFileSystem;
  /**
   * How much of the workspace the index reads, and how many reads at once (default: a local
   * disk); a function chooses them for the workspace folders (a remote folder reads slowly).
   */
  indexLimits?: IndexLimits | ((folderUris: readonly string[]) => IndexLimits);
  /** How work over many files lets waiting requests in (default: a timer, which every host has). */
  yieldToEventLoop?: YieldToEventLoop;
  /** Pulls the raw `goalDocs` and `markdown` settings sections for a document; undefined when the host cannot. */
  pullSettings?: (scopeUri: string) => Promise<unknown[]> | undefined;
  /** Where a message about an invalid setting of the editor goes. */
  reportProblem?: (message: string) => void;
  /**
   * The settings file over a document's (or folder's) editor settings: by default `.goal-docs.json`
   * at the root of its workspace folder, none outside the folders; the CLI names one for all.
   */
  configFile?: (uri: string, folderUri: string | undefined) => string | undefined;
  /** Hears of each read of a settings file: its problems, or none (the editor shows them on the file). */
  onConfigFile?: (read: ConfigFileRead) => void;
  /**
   * Which files on disk may be read: `workspace` only those inside the workspace folders (the
   * editor, where a workspace may be untrusted); `any` whatever a path names (the CLI, run by
   * the user on their own repository).
   */
  readable?: 'workspace' | 'any';
  /** Today, as the calendar rules and the goal-lifecycle actions read it (tests pin it). */
  today?: () => Date;
  /**
   * How many characters of text the models of files on disk may hold together before the least
   * recently used is dropped (default: no bound, as the CLI wants: each file parsed once per run).
   */
  diskModelBudget?: number;
}

/** A request whose document changed while it was answered: the client asks again. */
export class ContentModified extends Error {
  constructor() {
    super('the document changed while the request was answered');
  }
}

/** A pull's answer: the diagnostics, or that they are those of `resultId`, sent before. */
export type DiagnosticReport = { kind: 'full'; resultId: string; items: Diagnostic[] } | { kind: 'unchanged'; resultId: string };

/** What checking one file from disk gave (the CLI). */
export type CheckResult =
  | { kind: 'checked'; diagnostics: Diagnostic[] }
  | { kind: 'skipped'; verdict: GoalDocVerdict }
  | NotRead;

/** A file on disk that was not judged: too large to read, or unreadable. */
export type NotRead = { kind: 'too-large'; length: number; unit: 'characters' | 'bytes'; limit: number } | { kind: 'unreadable'; reason: string };

const NO_DOCUMENTS: Documents = { get: () => undefined, all: () => [] };
// Linked files on disk are read under the default limit; the open document's own limit is per scope.
const DEFAULT_MAX_FILE_SIZE = defaultSettings().maxFileSize;
/** How much of a document too large to analyse is read to say whether it is a goal doc. */
const OVERSIZED_SAMPLE = 200_000;
/** How many times a request is answered again when a newer version replaced the one it read. */
const MAX_ATTEMPTS = 5;

export function createGoalDocsService(options: ServiceOptions = {}): GoalDocsService {
  return new GoalDocsService(options);
}

export class GoalDocsService {
  readonly documents: Documents;
  readonly models = new ModelCache();
  readonly settings: SettingsStore;
  readonly fileSystem: WorkspaceFileSystem;
  readonly files: WorkspaceFiles;
  readonly index: WorkspaceIndex;
  readonly today: () => Date;
  readonly yieldToEventLoop: YieldToEventLoop;
  private readonly limitsFor: (folderUris: readonly string[]) => IndexLimits;
  private folders: string[] = [];
  /** The last diagnostics each open document was given, under the id they were given with. */
  private readonly reported = new Map<string, { resultId: string; items: Diagnostic[] }>();
  private resultIds = 0;
  /** Whether an open document over goalDocs.maxFileSize is a goal doc, per version. */
  private readonly oversizedVerdicts = new Map<string, { version: number; goalDoc: boolean }>();

  constructor(options: ServiceOptions) {
    const documents = options.documents ?? NO_DOCUMENTS;
    this.documents = documents;
    this.today = options.today ?? (() => new Date());
    this.yieldToEventLoop = options.yieldToEventLoop ?? yieldWithTimer;
    this.fileSystem = options.fileSystem ?? NO_FILES;
    const locate = options.configFile ?? ((_uri: string, folder: string | undefined) => (folder === undefined ? undefined : `${folder}/${CONFIG_FILE_NAME}`));
    this.settings = new SettingsStore(options.pullSettings ?? (() => undefined), options.reportProblem ?? (() => undefined), {
      fileSystem: this.fileSystem,
      locate: (uri) => locate(uri, this.folderOf(uri)),
      onRead: options.onConfigFile,
    });
    const limits = options.indexLimits ?? LOCAL_DISK;
    this.limitsFor = typeof limits === 'function' ? limits : () => limits;
    this.files = new WorkspaceFiles(
      this.fileSystem,
      documents,
      (uri) => {
        const d = documents.get(uri);
        // An open document over the size limit is never parsed, not even for another file's feature.
        return d && d.getText().length <= DEFAULT_MAX_FILE_SIZE ? this.model(d) : undefined;
      },
      () => DEFAULT_MAX_FILE_SIZE,
      options.readable ?? 'workspace',
      options.diskModelBudget,
      (uri) => this.settings.dialectOf(uri, this.folderOf(uri)),
    );
    this.index = new WorkspaceIndex(this, () => documents.all());
    this.setLimits(this.limitsFor([]));
  }

  // --- Documents, folders, settings ---

  setWorkspaceFolders(uris: string[]): void {
    this.folders = uris.map((u) => u.replace(/\/$/, ''));
    this.setLimits(this.limitsFor(this.folders));
    this.files.setRoots(this.folders);
    this.index.setFolders(this.folders);
  }

  private setLimits(limits: IndexLimits): void {
    this.index.limits = limits;
    this.files.concurrentReads = limits.concurrentReads;
  }

  /** Settings given by the host for every document (a client without `workspace/configuration`, the CLI's `.goal-docs.json`). */
  setGlobalSettings(raw: unknown): void {
    this.settings.setGlobal(raw);
  }

  /** The settings changed: every cached scope is read again on next use. */
  settingsChanged(): void {
    this.settings.clear();
    this.files.forgetRuledOut();
    this.index.settingsChanged();
  }

  didOpen(uri: string): void {
    this.index.didOpen(uri);
  }

  /** A closed document leaves nothing behind. */
  didClose(uri: string): void {
    this.models.delete(uri);
    this.oversizedVerdicts.delete(uri);
    this.settings.forget(uri);
    this.reported.delete(uri);
  }

  /** Files changed on disk: what was read of them is dropped. True when a settings file was among them (every setting is read again). */
  didChangeWatchedFiles(changes: FileChange[]): boolean {
    const uris = changes.map((c) => c.uri);
    this.fileSystem.filesChanged?.(uris);
    for (const c of changes) this.files.forget(c.uri);
    this.index.didChangeWatchedFiles(changes);
    if (!this.settings.filesChanged(uris)) return false;
    this.files.forgetRuledOut();
    this.index.settingsChanged();
    return true;
  }

  /** The settings file of a document or folder as read (the CLI says what is wrong with it); undefined where there is none to read. */
  configFile(uri: string): Promise<ConfigFileRead> | undefined {
    return this.settings.configFile(uri);
  }

  /** The workspace folder a URI is in (or is), the innermost where folders nest. */
  folderOf(uri: string): string | undefined {
    let found: string | undefined;
    for (const folder of this.folders) {
      if ((uri === folder || relativeToFolder(folder, uri) !== undefined) && (found === undefined || folder.length > found.length)) found = folder;
    }
    return found;
  }

  /** The model of an open document's current version: parsed once per version, in its settings' dialect. */
  model(document: TextDocument): GoalDoc {
    return this.models.get(document.uri, document.version, () => document.getText(), this.settings.dialectOf(document.uri, this.folderOf(document.uri)));
  }

  /** The path matched against `goalDocs.files`: relative to its workspace folder (the innermost, whose settings it takes) when inside one. */
  relativePath(uri: string): string {
    const folder = this.folderOf(uri);
    return (folder !== undefined ? relativeToFolder(folder, uri) : undefined) ?? uriPath(uri);
  }

  /**
   * The model and settings of an open goal doc, or undefined when the document is not open, is
   * not a goal doc, or is larger than `goalDocs.maxFileSize`.
   */
  /** An open document as it is once its settings are read (the await may see a newer version), with them; undefined once closed. */
  private async openWithSettings(uri: string): Promise<{ document: TextDocument; settings: GoalDocsSettings } | undefined> {
    if (!this.documents.get(uri)) return undefined;
    const settings = await this.settings.get(uri);
    const document = this.documents.get(uri);
    return document && { document, settings };
  }

  async analyse(uri: string): Promise<AnalysedDocument | undefined> {
    const open = await this.openWithSettings(uri);
    if (!open || open.document.getText().length > open.settings.maxFileSize) return undefined;
    const { document: current, settings } = open;
    const doc = this.model(current);
    if (!isGoalDoc(this.relativePath(uri), doc, settings)) return undefined;
    return { doc, settings, textDocument: current };
  }

  /**
   * The model of any open Markdown document within `goalDocs.maxFileSize`, goal doc or not: for
   * link completion, which every Markdown file gets where the editor has none of its own.
   */
  async markdownModel(uri: string): Promise<GoalDoc | undefined> {
    const open = await this.openWithSettings(uri);
    return open && open.document.getText().length <= open.settings.maxFileSize ? this.model(open.document) : undefined;
  }

  /** For an open document named like a goal doc but over `goalDocs.maxFileSize`: its length and the limit. */
  async oversized(uri: string, known?: { document: TextDocument; settings: GoalDocsSettings }): Promise<{ length: number; limit: number } | undefined> {
    const open = known ?? (await this.openWithSettings(uri));
    if (!open) return undefined;
    const { document, settings } = open;
    const length = document.getText().length;
    const path = this.relativePath(uri);
    if (length <= settings.maxFileSize || matchesGlobs(path, settings.exclude)) return undefined;
    // Too large to parse: a goal doc by declaration, or by what its beginning shows (read once per version).
    let judged = this.oversizedVerdicts.get(uri);
    if (judged?.version !== document.version) {
      judged = { version: document.version, goalDoc: matchesGlobs(path, settings.files) || contentMightMakeGoalDoc(document.getText().slice(0, OVERSIZED_SAMPLE), path, settings.dialect) };
      this.oversizedVerdicts.set(uri, judged);
    }
    if (!judged.goalDoc) return undefined;
    return { length, limit: settings.maxFileSize };
  }

  /**
   * Whether an open document is a goal doc, and why: the rule on the model every other request
   * reads (no parse of its own). A document over `goalDocs.maxFileSize` is not parsed: it is a goal
   * doc where the too-large message says so, and the reason says it was not analysed.
   */
  async verdict(uri: string): Promise<VerdictResult> {
    const open = await this.openWithSettings(uri);
    if (!open) return null;
    const { document: current, settings } = open;
    const length = current.getText().length;
    if (length > settings.maxFileSize) {
      const oversized = await this.oversized(uri, open);
      const explanation = `${oversized ? 'a goal doc' : 'not a goal doc'}, too large to analyse: ${length} characters, more than goalDocs.maxFileSize (${settings.maxFileSize})`;
      return { version: current.version, goalDoc: oversized !== undefined, reason: 'too-large', explanation };
    }
    const verdict = goalDocVerdict(this.relativePath(uri), this.model(current), settings);
    return { version: current.version, goalDoc: verdict.goalDoc, reason: verdict.reason, explanation: explainVerdict(verdict) };
  }

  /**
   * Runs a feature on an open goal doc's latest version. A later version built from its model
   * while the feature awaited moved that model's positions (model/build.ts): that answer is
   * dropped and the feature runs again on the version that replaced it, so a request made just
   * before the next keystroke (Ctrl+., completion) is still answered. VS Code does not ask again
   * after ContentModified for every request (code actions: never), so it is only the answer when
   * new versions keep arriving faster than the feature runs, or the request was cancelled.
   */
  private async withGoalDoc<T>(uri: string, none: T, feature: (a: AnalysedDocument, workspace: GoalDocWorkspace) => T | Promise<T>, token: Cancellation = NOT_CANCELLED, links?: 'links'): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const a = await this.analyse(uri);
      if (!a) return none;
      const answer = await this.withFiles((files) => feature(a, this.index.over(files)), token, links && [a.doc]);
      if (!isSuperseded(a.doc)) return answer;
      if (token.isCancellationRequested || attempt >= MAX_ATTEMPTS) throw new ContentModified();
    }
  }

  /**
   * Runs a computation that reads other files (synchronously, as the rules and features do) over
   * a snapshot of them that holds everything it asked for (WorkspaceFiles.complete); the link
   * targets of `linksOf` are fetched before it first runs.
   */
  private withFiles<T>(compute: (files: LinkedFiles) => T | Promise<T>, token: Cancellation, linksOf?: GoalDoc[], onRead?: (read: FileRead) => void): Promise<T> {
    return this.files.complete(compute, { token, linksOf, anchors: true, onRead });
  }

  /**
   * Runs features over the workspace as a request does (other files read through a snapshot that
   * holds everything they ask for; the link targets of `linksOf` fetched first): for a host or a
   * test that calls rules and features itself.
   */
  withWorkspace<T>(compute: (workspace: GoalDocWorkspace) => T | Promise<T>, token: Cancellation = NOT_CANCELLED, linksOf?: GoalDoc[]): Promise<T> {
    return this.withFiles((files) => compute(this.index.over(files)), token, linksOf);
  }

  // --- Diagnostics ---

  /** The diagnostics of an open document: none for a file that is not a goal doc, one message for one too large. */
  async diagnostics(uri: string, token?: Cancellation): Promise<Diagnostic[]> {
    const analysed = await this.analyse(uri);
    if (!analysed) {
      const oversized = await this.oversized(uri);
      return oversized ? [oversizedDiagnostic(oversized.length, oversized.limit)] : [];
    }
    if (token?.isCancellationRequested) return [];
    const today = this.today();
    const diagnostics = await this.withFiles((files) => computeDiagnostics(analysed.doc, analysed.settings, files, token, today), token ?? NOT_CANCELLED, [analysed.doc]);
    // Where the editor validates links itself, each broken link is reported once: by it.
    const { validates } = await this.editorMarkdown(uri);
    return leaveBrokenLinksToEditor(diagnostics, validates);
  }

  /**
   * What the editor's own Markdown features answer for an open document (settings/editorMarkdown.ts).
   * VS Code's built-in Markdown extension takes documents of the `markdown` language only: an
   * `.mdx` page (language `mdx` with an MDX extension, else `plaintext`) gets neither its link
   * completion nor its link validation, so Goal Docs answers both there.
   */
  private async editorMarkdown(uri: string): Promise<EditorMarkdown> {
    const languageId = this.documents.get(uri)?.languageId;
    return languageId === undefined || languageId === 'markdown' ? this.settings.editorMarkdown(uri) : NO_EDITOR_MARKDOWN;
  }

  /**
   * The diagnostics of a pull. When the client holds `previousResultId` and the list is the same
   * as what was sent under it (a keystroke in prose, another file saved, a refresh), the answer
   * is `unchanged`: the editor keeps what it shows and nothing is serialized.
   */
  async diagnosticReport(uri: string, previousResultId: string | undefined, token?: Cancellation): Promise<DiagnosticReport> {
    const items = await this.diagnostics(uri, token);
    const last = this.reported.get(uri);
    if (last && previousResultId === last.resultId && sameDiagnostics(last.items, items)) return { kind: 'unchanged', resultId: last.resultId };
    const resultId = String(++this.resultIds);
    this.reported.set(uri, { resultId, items });
    return { kind: 'full', resultId, items };
  }

  /**
   * Builds the workspace index in the background (the outlines of the goal docs of every folder),
   * so that the first workspace-symbol query finds it done. `onFile` hears of each file, for progress.
   */
  async warmIndex(token: Cancellation, onFile?: (done: number, total: number) => void): Promise<number> {
    return this.index.warm(token, onFile);
  }

  /**
   * A file on disk, as the CLI checks it: named files (`explicit`) are checked unless the user said
   * no (its marker, goalDocs.exclude); others only when the goal-doc rule takes them. Its model is
   * the one other files' links read (one parse per file per run).
   */
  async check(uri: string, explicit: boolean, onRead?: (read: FileRead) => void): Promise<CheckResult> {
    const found = await this.goalDocOnDisk(uri, explicit);
    if (found.kind !== 'model') return found;
    // `onRead` hears which other files the result depends on (the CLI's --cache).
    const today = this.today();
    const diagnostics = await this.withFiles((files) => computeDiagnostics(found.doc, found.settings, files, undefined, today), NOT_CANCELLED, [found.doc], onRead);
    return { kind: 'checked', diagnostics };
  }

  /**
   * Whether a file on disk is a goal doc, and why (`goal-docs check --list`): as the CLI takes a
   * file it finds, read without a parse where its text rules it out.
   */
  async verdictOnDisk(uri: string): Promise<{ kind: 'verdict'; verdict: GoalDocVerdict } | NotRead> {
    const found = await this.goalDocOnDisk(uri, false);
    return found.kind === 'model' || found.kind === 'skipped' ? { kind: 'verdict', verdict: found.verdict } : found;
  }

  /** A file on disk as the CLI takes it: its model when it is a goal doc (or named, `explicit`, and not refused), else why not. */
  private async goalDocOnDisk(uri: string, explicit: boolean): Promise<Exclude<CheckResult, { kind: 'checked' }> | { kind: 'model'; doc: GoalDoc; settings: GoalDocsSettings; verdict: GoalDocVerdict }> {
    const settings = await this.settings.get(uri);
    const path = this.relativePath(uri);
    // A file found by the walk that surely is no goal doc is not parsed (a named one always is).
    // The reading of its text that rules it out says why (mightBeGoalDoc is its verdict's goalDoc,
    // or true where a marker comment leaves the verdict to the parse): one reading, not two.
    const judged: { verdict?: GoalDocVerdict } = {};
    const worthParsing = (text: string) => {
      judged.verdict = verdictOfText(path, text, settings);
      return judged.verdict === undefined || judged.verdict.goalDoc;
    };
    const read = await this.files.read(uri, settings.maxFileSize, explicit ? undefined : worthParsing);
    if (read.kind === 'ruled-out') {
      // Why not, for --list and the editor: its signals (read again where a file was ruled out before and is unchanged since).
      if (!judged.verdict) {
        const text = await (await this.files.diskFile(uri, settings.maxFileSize, false))?.text();
        judged.verdict = text !== undefined ? verdictOfText(path, text, settings) : undefined;
      }
      return { kind: 'skipped', verdict: judged.verdict ?? { goalDoc: false, reason: 'not-enough-content' } };
    }
    if (read.kind === 'too-large') return { kind: 'too-large', length: read.length, unit: read.unit, limit: settings.maxFileSize };
    if (read.kind === 'unreadable') return { kind: 'unreadable', reason: read.reason };
    const verdict = goalDocVerdict(path, read.doc, settings);
    if (!verdict.goalDoc && !(explicit && verdict.reason === 'not-enough-content')) return { kind: 'skipped', verdict };
    return { kind: 'model', doc: read.doc, settings, verdict };
  }

  // --- Completion, outline, navigation ---

  async completion(uri: string, position: Position, token: Cancellation): Promise<CompletionList | null> {
    // The editor's own link completion, where it has one, answers alone (two merged lists would
    // show every heading twice); where it has none, every Markdown file gets ours.
    if ((await this.editorMarkdown(uri)).completesLinks) return null;
    // As withGoalDoc: answered again on the version that replaced the one read meanwhile.
    for (let attempt = 1; ; attempt++) {
      const doc = await this.markdownModel(uri);
      if (!doc || token.isCancellationRequested) return null;
      const list = await this.withFiles((files) => provideCompletions(doc, position, this.index.over(files), token), token);
      if (!isSuperseded(doc)) return list;
      if (token.isCancellationRequested || attempt >= MAX_ATTEMPTS) throw new ContentModified();
    }
  }

  goalTree(uri: string, token: Cancellation): Promise<GoalTreeResult> {
    return this.withGoalDoc<GoalTreeResult>(uri, null, (a) => provideGoalTree(a.doc, this.relativePath(uri), token), token);
  }

  documentSymbols(uri: string, token: Cancellation): Promise<DocumentSymbol[] | null> {
    return this.withGoalDoc<DocumentSymbol[] | null>(uri, null, (a) => provideDocumentSymbols(a.doc, token), token);
  }

  workspaceSymbols(query: string, token: Cancellation): Promise<SymbolInformation[]> {
    return this.withFiles((files) => provideWorkspaceSymbols(query, this.index.over(files), token), token);
  }

  definition(uri: string, position: Position, token: Cancellation): Promise<Location[] | null> {
    return this.withGoalDoc<Location[] | null>(uri, null, (a, ws) => provideDefinition(a.doc, position, ws, token), token);
  }

  references(uri: string, position: Position, context: { includeDeclaration: boolean }, token: Cancellation): Promise<Location[] | null> {
    return this.withGoalDoc<Location[] | null>(uri, null, (a, ws) => provideReferences(a.doc, position, context, ws, token), token);
  }

  documentHighlights(uri: string, position: Position, token: Cancellation): Promise<DocumentHighlight[] | null> {
    return this.withGoalDoc<DocumentHighlight[] | null>(uri, null, (a, ws) => provideDocumentHighlights(a.doc, position, ws, token), token);
  }

  documentLinks(uri: string, token: Cancellation): Promise<DocumentLink[] | null> {
    return this.withGoalDoc<DocumentLink[] | null>(uri, null, (a, ws) => provideDocumentLinks(a.doc, ws, token), token, 'links');
  }

  hover(uri: string, position: Position, token: Cancellation): Promise<Hover | null> {
    return this.withGoalDoc<Hover | null>(uri, null, (a, ws) => provideHover(a.doc, position, ws, token), token);
  }

  foldingRanges(uri: string, token: Cancellation): Promise<FoldingRange[] | null> {
    return this.withGoalDoc<FoldingRange[] | null>(uri, null, (a) => provideFoldingRanges(a.doc, token), token);
  }

  codeLenses(uri: string, token: Cancellation): Promise<CodeLens[] | null> {
    return this.withGoalDoc<CodeLens[] | null>(uri, null, (a) => provideCodeLenses(a.doc, a.settings, token), token);
  }

  /** Where a rename would start, or why it cannot; null for a document that is not a goal doc. */
  prepareRename(uri: string, position: Position, token: Cancellation = NOT_CANCELLED): Promise<{ range: Range; placeholder: string } | RenameRefusal | null> {
    return this.withGoalDoc<{ range: Range; placeholder: string } | RenameRefusal | null>(uri, null, (a, ws) => prepareRename(a.doc, position, ws), token);
  }

  rename(uri: string, position: Position, newName: string, options: { documentChanges: boolean }, token: Cancellation): Promise<WorkspaceEdit | RenameRefusal | null> {
    return this.withGoalDoc<WorkspaceEdit | RenameRefusal | null>(uri, null, (a, ws) => provideRename(a.doc, position, newName, ws, token, options), token);
  }

  // --- Code actions and commands ---

  /** `support`: what the client can apply (the LSP server reads it from its capabilities). */
  codeActions(uri: string, request: CodeActionRequest, token: Cancellation, support: EditSupport = FULL_SUPPORT): Promise<CodeAction[] | null> {
    return this.withGoalDoc<CodeAction[] | null>(uri, null, async (a, workspace) => {
      if (token.isCancellationRequested) return null;
      // The editor's broken-link diagnostic stands for ours (left out of diagnostics): it gets our fixes.
      const ours = oursForEditorDiagnostics(request.context.diagnostics, () => computeDiagnostics(a.doc, a.settings, workspace, token, this.today()));
      const withOurs = ours.length ? { ...request, context: { ...request.context, diagnostics: [...request.context.diagnostics, ...ours] } } : request;
      const today = this.today();
      const own = provideCodeActions(a.doc, withOurs, a.settings, token, { today });
      const life = await lifecycleActions(a.doc, withOurs, this.lifecycle(workspace, token, support, today), wantsFor(request.context.only));
      return token.isCancellationRequested ? null : [...life.first, ...own, ...life.rest];
    }, token, 'links');
  }

  /** The Mark-done-with-version command: the edit for the chosen version, or why there is none. */
  async markDoneWithVersion(rawArgs: unknown): Promise<MarkDoneWithVersionResult | null> {
    const args = parseMarkDoneArgs(rawArgs);
    const a = args && (await this.analyse(args.uri));
    return args && a ? markDoneWithVersion(a.doc, args, a.settings) : null;
  }

  /**
   * Says for an open Markdown document whether it is a goal doc: its marker comment written,
   * replaced or removed (`none`), as an edit of the version it was computed from.
   */
  async setGoalDocMarker(rawArgs: unknown): Promise<SetGoalDocMarkerResult | null> {
    const args = parseSetMarkerArgs(rawArgs);
    if (!args || !this.documents.get(args.uri)) return null;
    const doc = await this.markdownModel(args.uri);
    if (!doc) return { message: 'This file is larger than goalDocs.maxFileSize, so Goal Docs does not read it: write the <!-- goal-docs: on --> or off comment by hand.' };
    const edits = markerEdits(doc, args.marker);
    if (edits.length === 0) return { message: args.marker === 'none' ? 'This file has no goal-docs comment: its content decides.' : `This file already says it ${args.marker === 'on' ? 'is' : 'is not'} a goal doc.` };
    return { edit: versionedEdit(doc, edits) };
  }

  /** The move command: the quick pick's choices without a quarter, else the edit for that quarter (or why there is none). */
  async moveGoal(rawArgs: unknown, support: EditSupport = FULL_SUPPORT): Promise<MoveGoalResult | null> {
    const args = parseMoveGoalArgs(rawArgs);
    if (!args) return null;
    return this.withGoalDoc(args.uri, null, (now, workspace) => moveGoalCommand(now.doc, args, this.lifecycle(workspace, NOT_CANCELLED, support, this.today())));
  }

  /** The Start Next Quarter command: what it would do (dry run), else its edit, or why there is none. */
  async startNextQuarter(rawArgs: unknown, support: EditSupport = FULL_SUPPORT): Promise<StartNextQuarterResult | null> {
    const args = parseNextQuarterArgs(rawArgs);
    if (!args) return null;
    return this.withGoalDoc(args.uri, null, (a, workspace) => nextQuarterCommand(a.doc, args, this.lifecycle(workspace, NOT_CANCELLED, support, this.today())));
  }

  /** What the goal-lifecycle actions read the workspace through. */
  private lifecycle(workspace: GoalDocWorkspace, token: Cancellation, support: EditSupport, today: Date): LifecycleContext {
    return { workspace, settingsOf: (uri) => this.settings.get(uri), today, support, token, page: (uri) => this.readPage(uri) };
  }

  /** A page for a move to file a goal in: an open document, else the file on disk, under that page's goalDocs.maxFileSize. */
  private async readPage(uri: string): Promise<PageRead> {
    const { maxFileSize } = await this.settings.get(uri);
    const open = this.documents.get(uri);
    if (open) return open.getText().length > maxFileSize ? { kind: 'too-large', length: open.getText().length, limit: maxFileSize } : { kind: 'model', doc: this.model(open) };
    if (!this.files.insideWorkspace(uri)) return { kind: 'unreadable', reason: 'it is outside the workspace folders' };
    if (!(await this.files.stat(uri))) return { kind: 'missing' };
    const read = await this.files.read(uri, maxFileSize);
    if (read.kind === 'model') return read;
    return read.kind === 'too-large' ? { kind: 'too-large', length: read.length, limit: maxFileSize } : read;
  }

  // --- The goals report ---

  /**
   * The goals report of open documents or files on disk (`targets`; an `explicit` one is taken
   * unless it says no, as the CLI takes a named file, others only when they are goal docs), or
   * of every goal doc of the workspace; `period` in any spelling.
   */
  async goalsReport(targets: Array<{ uri: string; explicit: boolean }> | undefined, periodText?: string, token: Cancellation = NOT_CANCELLED): Promise<GoalsReport | { refused: string }> {
    const period = periodText === undefined ? undefined : quarterFromText(periodText);
    if (period && 'refused' in period) return period;
    const sources: ReportSource[] = [];
    for (const doc of targets ? [] : await this.index.goalDocs(token)) sources.push({ doc, path: this.relativePath(doc.uri) });
    for (const { uri, explicit } of targets ?? []) {
      if (this.documents.get(uri)) {
        const open = await this.analyse(uri);
        if (open) sources.push({ doc: open.doc, path: this.relativePath(uri) });
        continue;
      }
      const found = await this.goalDocOnDisk(uri, explicit);
      if (found.kind === 'model') sources.push({ doc: found.doc, path: this.relativePath(uri) });
    }
    return goalsReport(sources, { period });
  }

  /** The goals report as Markdown, for the editor to open. */
  async report(params: ReportParams, token: Cancellation = NOT_CANCELLED): Promise<ReportResult | { refused: string }> {
    const report = await this.goalsReport(params.uris?.map((uri) => ({ uri, explicit: true })), params.period, token);
    return isRefusal(report) ? report : { markdown: reportMarkdown(report) };
  }
}

export { isRefusal };
