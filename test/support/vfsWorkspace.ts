// A repository on a virtual file system, as github.dev opens one (`vscode-vfs://github/…`): files
// kept in memory, and the answers an editor gives to the server's file-system requests
// (goalDocs/fs/*), with a latency of its own where a test wants a slow remote. No Node API: the
// same module answers for the server in Node's vm (test/lsp/browserServer.test.ts) and in a Web
// Worker in Chromium (test/browser/).

export const VFS_ROOT = 'vscode-vfs://github/acme/handbook';

/** The Payments team's pages: a goal doc with mistakes to find, its completed page, a runbook it links to, a README, a dependency's page. */
export const HANDBOOK: Record<string, string> = {
  'team/goals.md': [
    '# Payments team goals',
    '',
    'See our [completed goals](goals_completed.md) and the [runbook](../process/runbook.md#restart-the-cach).',
    'How we plan: [planning guide](planning.md).',
    '',
    '- [2024](#2024)',
    '  - [FY-24-Q4](#fy-24-q4)',
    '',
    '## 2024',
    '',
    '### FY-24-Q4',
    '',
    '#### Faster settlement',
    '',
    '- **Owner**: Ann',
    '- **Milestones**:',
    '  - ~~Design the batch job~~ Done: `24.10`',
    '  - ~~Ship the batch job~~ Done: `24.11`',
    '',
    '#### Cheaper refunds',
    '',
    '- **Milestones**:',
    '  - Match partial refunds automatically',
    '  - See [the quarter](#fy-24-q9)',
    '',
  ].join('\n'),
  'team/goals_completed.md': [
    '# Payments team completed goals',
    '',
    '- [2024](#2024)',
    '  - [FY-24-Q3](#fy-24-q3)',
    '',
    '## 2024',
    '',
    '### FY-24-Q3',
    '',
    '#### Card payouts in one day',
    '',
    '- **Owner**: Bo',
    '- **Milestones**:',
    '  - ~~Daily payout run~~ Done: `24.08`',
    '',
  ].join('\n'),
  'process/runbook.md': ['# Runbook', '', '## Steps', '', '### Restart the cache', '', 'Run `cache restart`.', ''].join('\n'),
  'README.md': ['# Handbook', '', 'The [Payments goals](team/goals.md#faster-settlement).', ''].join('\n'),
  'node_modules/pkg/goals.md': ['## FY-24-Q4', '', '#### Not ours', '', '- **Owner**: Nobody', ''].join('\n'),
};

export const uriOf = (path: string, root = VFS_ROOT) => `${root}/${path.split('/').map(encodeURIComponent).join('/')}`;

interface Entry {
  text: string;
  mtime: number;
}

export interface FsRequestRecord {
  method: string;
  uri: string;
}

/**
 * The editor's side of goalDocs/fs/*: answers from the files, after `latencyMs` (and
 * `findLatencyMs` for the search), counting what is asked and how many answers are awaited at once.
 */
export class VfsAnswers {
  private readonly files = new Map<string, Entry>();
  private clock = 1_700_000_000_000;
  readonly requests: FsRequestRecord[] = [];
  inFlight = 0;
  maxInFlight = 0;

  constructor(
    files: Record<string, string>,
    readonly root = VFS_ROOT,
    private readonly latency: { latencyMs?: number; findLatencyMs?: number } = {},
  ) {
    for (const [path, text] of Object.entries(files)) this.write(path, text);
  }

  /** Writes a file (a new modification time), as a commit or an edit elsewhere would. */
  write(path: string, text: string): string {
    const uri = uriOf(path, this.root);
    this.files.set(uri, { text, mtime: ++this.clock });
    return uri;
  }

  /** The files read (goalDocs/fs/readFile), by path under the root. */
  readPaths(): string[] {
    return this.requests.filter((r) => r.method === 'goalDocs/fs/readFile').map((r) => decodeURIComponent(r.uri.slice(this.root.length + 1)));
  }

  private isFolder(uri: string): boolean {
    const prefix = uri.replace(/\/$/, '') + '/';
    for (const u of this.files.keys()) if (u.startsWith(prefix)) return true;
    return false;
  }

  private async answer<T>(method: string, uri: string, ms: number | undefined, work: () => T): Promise<T> {
    this.requests.push({ method, uri });
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (ms) await new Promise((resolve) => setTimeout(resolve, ms));
      return work();
    } finally {
      this.inFlight--;
    }
  }

  private statOf(uri: string) {
    const file = this.files.get(uri);
    if (file) return { kind: 'file' as const, size: new TextEncoder().encode(file.text).length, mtime: file.mtime };
    return this.isFolder(uri) ? { kind: 'directory' as const, size: 0, mtime: 1 } : null;
  }

  /** The four request handlers, by method. */
  handlers(): Record<string, (params: any) => Promise<unknown>> {
    const { latencyMs, findLatencyMs } = this.latency;
    return {
      'goalDocs/fs/stat': ({ uri }: { uri: string }) => this.answer('goalDocs/fs/stat', uri, latencyMs, () => this.statOf(uri)),
      'goalDocs/fs/readFile': ({ uri, maxBytes }: { uri: string; maxBytes?: number }) =>
        this.answer('goalDocs/fs/readFile', uri, latencyMs, () => {
          const stat = this.statOf(uri);
          if (!stat) return { kind: 'missing' };
          if (stat.kind !== 'file') return { kind: 'unreadable', reason: 'it is not a file' };
          if (maxBytes !== undefined && stat.size > maxBytes) return { kind: 'too-large', size: stat.size };
          return { kind: 'text', text: this.files.get(uri)!.text, stat };
        }),
      'goalDocs/fs/readDirectory': ({ uri }: { uri: string }) =>
        this.answer('goalDocs/fs/readDirectory', uri, latencyMs, () => {
          if (!this.isFolder(uri)) return null;
          const prefix = uri.replace(/\/$/, '') + '/';
          const entries = new Map<string, 'file' | 'directory'>();
          for (const u of this.files.keys()) {
            if (!u.startsWith(prefix)) continue;
            const [first, ...rest] = u.slice(prefix.length).split('/');
            entries.set(decodeURIComponent(first!), rest.length ? 'directory' : 'file');
          }
          return [...entries].map(([name, kind]) => ({ name, kind }));
        }),
      'goalDocs/fs/findMarkdownFiles': ({ folderUri, max, skippedFolders }: { folderUri: string; max: number; skippedFolders: string[] }) =>
        this.answer('goalDocs/fs/findMarkdownFiles', folderUri, findLatencyMs ?? latencyMs, () => {
          const prefix = folderUri.replace(/\/$/, '') + '/';
          const uris = [...this.files.keys()]
            .filter((u) => u.startsWith(prefix) && /\.(md|markdown)$/i.test(u))
            .filter((u) => !u.slice(prefix.length).split('/').slice(0, -1).some((part) => skippedFolders.includes(part)))
            .sort();
          return { uris: uris.slice(0, max), truncated: uris.length > max };
        }),
    };
  }
}
