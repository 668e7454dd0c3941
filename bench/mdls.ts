// vscode-markdown-languageservice wired the way VS Code's Markdown server wires it, in memory:
// a markdown-it parser whose tokens are cached per document version (VS Code's client keeps the
// same cache), an in-memory workspace that fires change events (the service caches TOC and links
// per URI and only drops them on those events), and TextDocuments updated incrementally.
import MarkdownIt from 'markdown-it';
import { CancellationToken, Emitter } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type * as lsp from 'vscode-languageserver-types';
import * as md from 'vscode-markdown-languageservice';
import { URI } from 'vscode-uri';

/** The service's own defaults, as VS Code ships them (every link check on). */
export const MDLS_DIAGNOSTIC_OPTIONS: md.DiagnosticOptions = {
  validateReferences: md.DiagnosticLevel.warning,
  validateFragmentLinks: md.DiagnosticLevel.warning,
  validateFileLinks: md.DiagnosticLevel.warning,
  validateMarkdownFileLinkFragments: md.DiagnosticLevel.warning,
  validateUnusedLinkDefinitions: md.DiagnosticLevel.hint,
  validateDuplicateLinkDefinitions: md.DiagnosticLevel.warning,
  ignoreLinks: [],
};

class CachingParser implements md.IMdParser {
  readonly slugifier = md.githubSlugifier;
  private readonly engine = new MarkdownIt({ html: true, linkify: true });
  private readonly cache = new Map<string, { version: number; tokens: md.Token[] }>();

  async tokenize(document: md.ITextDocument): Promise<md.Token[]> {
    const hit = this.cache.get(document.uri);
    if (hit && hit.version === document.version) return hit.tokens;
    const tokens = this.engine.parse(document.getText(), {}) as md.Token[];
    this.cache.set(document.uri, { version: document.version, tokens });
    return tokens;
  }

  /** VS Code keeps tokens in the extension host, not the server: left out of heap figures. */
  clear(): void {
    this.cache.clear();
  }
}

class MemoryWorkspace implements md.IWorkspace {
  private readonly docs = new Map<string, TextDocument>();
  private readonly changed = new Emitter<md.ITextDocument>();
  private readonly created = new Emitter<md.ITextDocument>();
  private readonly deleted = new Emitter<URI>();
  readonly onDidChangeMarkdownDocument = this.changed.event;
  readonly onDidCreateMarkdownDocument = this.created.event;
  readonly onDidDeleteMarkdownDocument = this.deleted.event;

  constructor(private readonly root: URI) {}

  get workspaceFolders(): readonly URI[] {
    return [this.root];
  }

  set(doc: TextDocument): void {
    const isNew = !this.docs.has(doc.uri);
    this.docs.set(doc.uri, doc);
    (isNew ? this.created : this.changed).fire(doc);
  }

  async getAllMarkdownDocuments(): Promise<Iterable<md.ITextDocument>> {
    return this.docs.values();
  }

  hasMarkdownDocument(resource: URI): boolean {
    return this.docs.has(resource.toString());
  }

  async openMarkdownDocument(resource: URI): Promise<md.ITextDocument | undefined> {
    return this.docs.get(resource.toString());
  }

  async stat(resource: URI): Promise<md.FileStat | undefined> {
    const uri = resource.toString();
    if (this.docs.has(uri)) return { isDirectory: false };
    if (uri === this.root.toString()) return { isDirectory: true };
    return undefined;
  }

  async readDirectory(resource: URI): Promise<Iterable<readonly [string, md.FileStat]>> {
    const prefix = resource.toString().replace(/\/?$/, '/');
    const out: [string, md.FileStat][] = [];
    for (const uri of this.docs.keys()) if (uri.startsWith(prefix) && !uri.slice(prefix.length).includes('/')) out.push([uri.slice(prefix.length), { isDirectory: false }]);
    return out;
  }
}

const silent: md.ILogger = { level: md.LogLevel.Off, log: () => undefined };

/** One language service over one workspace folder, holding the benchmark's document. */
export class MdlsSession {
  readonly parser = new CachingParser();
  readonly workspace: MemoryWorkspace;
  readonly service: md.IMdLanguageService;
  doc: TextDocument;

  constructor(rootUri: string, docUri: string, text: string, siblings: Record<string, string>) {
    this.workspace = new MemoryWorkspace(URI.parse(rootUri));
    for (const [uri, body] of Object.entries(siblings)) this.workspace.set(TextDocument.create(uri, 'markdown', 1, body));
    this.doc = TextDocument.create(docUri, 'markdown', 1, text);
    this.workspace.set(this.doc);
    this.service = md.createLanguageService({ workspace: this.workspace, parser: this.parser, logger: silent });
  }

  /** Applies an edit as the LSP document manager does (untimed), without telling the service yet. */
  applyEdit(range: lsp.Range, text: string): void {
    this.doc = TextDocument.update(this.doc, [{ range, text }], this.doc.version + 1);
  }

  /** The didChange notification: the service drops its cached TOC and links for the document. */
  notifyChange(): void {
    this.workspace.set(this.doc);
  }

  diagnostics(): Promise<lsp.Diagnostic[]> {
    return this.service.computeDiagnostics(this.doc, MDLS_DIAGNOSTIC_OPTIONS, CancellationToken.None);
  }

  symbols(): Promise<lsp.DocumentSymbol[]> {
    return this.service.getDocumentSymbols(this.doc, { includeLinkDefinitions: true }, CancellationToken.None);
  }

  completion(position: lsp.Position): Promise<lsp.CompletionItem[]> {
    return this.service.getCompletionItems(this.doc, position, {}, CancellationToken.None);
  }

  dispose(): void {
    this.service.dispose();
  }
}
