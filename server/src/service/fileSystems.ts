// File systems made of others, for the hosts to put together: one per URI scheme (the Node host
// reads `file:` from its disk and asks the editor for the rest), and one that keeps what a slow
// file system answered (the editor's, over a remote connection) until the editor's file events
// say a file changed.
import type { DirectoryEntry, FileContent, FileStat, FindMarkdownOptions, MarkdownFiles, ReadFileOptions, WorkspaceFileSystem } from '../workspace/fileSystem';

function schemeOf(uri: string): string {
  return /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1]?.toLowerCase() ?? '';
}

/** `byScheme[scheme]` for the URIs of that scheme, `others` for the rest. */
export function fileSystemByScheme(byScheme: Record<string, WorkspaceFileSystem>, others: WorkspaceFileSystem): WorkspaceFileSystem {
  const all = [...new Set([...Object.values(byScheme), others])];
  const of = (uri: string) => byScheme[schemeOf(uri)] ?? others;
  return {
    stat: (uri) => of(uri).stat(uri),
    readFile: (uri, options) => of(uri).readFile(uri, options),
    readDirectory: (uri) => of(uri).readDirectory(uri),
    findMarkdownFiles: (folderUri, options) => of(folderUri).findMarkdownFiles(folderUri, options),
    setWorkspaceFolders: (folderUris) => {
      for (const fs of all) fs.setWorkspaceFolders?.(folderUris);
    },
    filesChanged: (uris) => {
      for (const fs of all) fs.filesChanged?.(uris);
    },
  };
}

/** How much text a CachedFileSystem keeps, in characters (about twice as many bytes). */
export const CACHED_TEXT_BUDGET = 16_000_000;

/**
 * Keeps the answers of a file system that answers slowly (github.dev takes about a second for a
 * stat) until `filesChanged` names the file, or a folder above it: stats, folder listings, and
 * texts up to a budget (least recently read dropped first). A question already on its way is
 * not asked twice. The editor's file watcher must report every file the server may ask about.
 */
export class CachedFileSystem implements WorkspaceFileSystem {
  private readonly stats = new Map<string, Promise<FileStat | undefined>>();
  private readonly listings = new Map<string, Promise<DirectoryEntry[] | undefined>>();
  private readonly texts = new Map<string, { content: FileContent; chars: number }>();
  private readonly reading = new Map<string, Promise<FileContent>>();
  private textChars = 0;
  /** Bumped by filesChanged: a read that began before a change is neither joined nor kept after it. */
  private changes = 0;

  constructor(
    private readonly inner: WorkspaceFileSystem,
    private readonly textBudget = CACHED_TEXT_BUDGET,
  ) {}

  stat(uri: string): Promise<FileStat | undefined> {
    const kept = this.texts.get(uri)?.content;
    if (kept?.kind === 'text') return Promise.resolve(kept.stat);
    return remembered(this.stats, uri, () => this.inner.stat(uri));
  }

  async readFile(uri: string, options: ReadFileOptions = {}): Promise<FileContent> {
    const kept = this.texts.get(uri);
    if (kept && !(kept.content.kind === 'too-large' && allows(options, kept.content.size))) {
      // Read again: dropped last.
      this.texts.delete(uri);
      this.texts.set(uri, kept);
      return fits(kept.content, options);
    }
    const changes = this.changes;
    let pending = this.reading.get(uri);
    if (!pending) {
      const read: Promise<FileContent> = this.inner.readFile(uri, options).finally(() => {
        if (this.reading.get(uri) === read) this.reading.delete(uri);
      });
      pending = read;
      this.reading.set(uri, pending);
    }
    let content = await pending;
    // A read under a smaller limit was on its way: this one allows more.
    if (content.kind === 'too-large' && allows(options, content.size)) content = await this.inner.readFile(uri, options);
    if (changes === this.changes) this.keep(uri, content);
    return fits(content, options);
  }

  readDirectory(uri: string): Promise<DirectoryEntry[] | undefined> {
    return remembered(this.listings, uri, () => this.inner.readDirectory(uri));
  }

  findMarkdownFiles(folderUri: string, options: FindMarkdownOptions): Promise<MarkdownFiles> {
    // Asked once per walk; the index follows file events after that.
    return this.inner.findMarkdownFiles(folderUri, options);
  }

  setWorkspaceFolders(folderUris: readonly string[]): void {
    this.inner.setWorkspaceFolders?.(folderUris);
  }

  filesChanged(uris: readonly string[]): void {
    this.inner.filesChanged?.(uris);
    this.changes++;
    for (const uri of uris) {
      const base = uri.replace(/\/$/, '');
      const under = (key: string) => key === base || key.startsWith(base + '/');
      for (const key of [...this.stats.keys()]) if (under(key)) this.stats.delete(key);
      for (const key of [...this.listings.keys()]) if (under(key)) this.listings.delete(key);
      for (const key of [...this.texts.keys()]) if (under(key)) this.dropText(key);
      for (const key of [...this.reading.keys()]) if (under(key)) this.reading.delete(key);
      // A file created or deleted changes its folder's listing.
      this.listings.delete(base.replace(/\/[^/]*$/, ''));
    }
  }

  private keep(uri: string, content: FileContent): void {
    if (content.kind === 'unreadable') return;
    this.dropText(uri);
    const chars = content.kind === 'text' ? content.text.length : 0;
    if (chars > this.textBudget) return;
    this.texts.set(uri, { content, chars });
    this.textChars += chars;
    for (const [oldest, entry] of this.texts) {
      if (this.textChars <= this.textBudget) break;
      this.texts.delete(oldest);
      this.textChars -= entry.chars;
    }
  }

  private dropText(uri: string): void {
    const entry = this.texts.get(uri);
    if (!entry) return;
    this.texts.delete(uri);
    this.textChars -= entry.chars;
  }
}

/** The kept answer of `key`, else a new one (kept unless it fails). */
function remembered<T>(map: Map<string, Promise<T>>, key: string, ask: () => Promise<T>): Promise<T> {
  let answer = map.get(key);
  if (!answer) {
    answer = ask();
    map.set(key, answer);
    // A failed question is asked again next time, unless a change has already put a newer one in its place.
    answer.catch(() => {
      if (map.get(key) === answer) map.delete(key);
    });
  }
  return answer;
}

function allows(options: ReadFileOptions, size: number): boolean {
  return options.maxBytes === undefined || size <= options.maxBytes;
}

/** A kept content as a read with `options` sees it: too large for a smaller limit. */
function fits(content: FileContent, options: ReadFileOptions): FileContent {
  if (content.kind === 'text' && !allows(options, content.stat.size)) return { kind: 'too-large', size: content.stat.size };
  return content;
}
