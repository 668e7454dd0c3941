// `goal-docs check --cache`: the results of files whose text has not changed are read back
// instead of computed, as ESLint's and Prettier's --cache do, keyed by content (not mtime, which a
// CI checkout resets). A result also depends on the files its links reach (a heading renamed in
// a linked page, a page deleted): each entry keeps what the check asked of other files, and it is
// used only while every one of them answers the same. The whole cache is dropped when the tool,
// the settings or the day (period.ended-open reads the calendar) differ from the run that wrote it.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { FileRead } from '../workspace/linkedFiles';
import { fsPathOf } from '../workspace/uris';

export const DEFAULT_CACHE_LOCATION = '.goal-docs-cache';

/** What a file's check gave, as far as it can be kept: its problems, or that it is no goal doc. */
export type CachedResult = { kind: 'checked'; diagnostics: Diagnostic[] } | { kind: 'skipped' };

/** A file the check asked about, and what it found: `none`, `directory`, `file`, or the text's hash. */
interface Dependency {
  path: string;
  seen: string;
}

interface Entry {
  hash: string;
  explicit: boolean;
  result: CachedResult;
  deps: Dependency[];
}

interface CacheFile {
  key: string;
  entries: Record<string, Entry>;
}

function sha1(text: string | Buffer): string {
  return createHash('sha1').update(text).digest('hex');
}

/** The cache key of a run: this build of the tool, the raw settings, and the day. */
export function cacheKey(rawSettings: unknown, today: Date): string {
  let tool = 'unknown';
  try {
    tool = sha1(readFileSync(__filename));
  } catch {
    // A bundle that cannot read itself: the key still holds settings and day.
  }
  const day = `${today.getFullYear()}-${today.getMonth() + 1}-${today.getDate()}`;
  return sha1(JSON.stringify({ tool, settings: rawSettings ?? null, day }));
}

export class CheckCache {
  hits = 0;
  private readonly entries: Record<string, Entry>;
  /** What each path answers now, asked once per run. */
  private readonly seenNow = new Map<string, string>();

  private constructor(
    private readonly location: string,
    private readonly key: string,
    private readonly cwd: string,
    entries: Record<string, Entry>,
  ) {
    this.entries = entries;
  }

  /** The cache at `location`; a missing one is empty, an unreadable one is said and ignored. */
  static load(location: string, key: string, cwd: string, warn: (message: string) => void): CheckCache {
    let entries: Record<string, Entry> = {};
    let text: string | undefined;
    try {
      text = readFileSync(location, 'utf8');
    } catch {
      // No cache yet.
    }
    if (text !== undefined) {
      try {
        const parsed = JSON.parse(text) as Partial<CacheFile>;
        if (typeof parsed !== 'object' || parsed === null || typeof parsed.entries !== 'object' || parsed.entries === null) throw new Error('not a goal-docs cache');
        if (parsed.key === key) entries = parsed.entries;
      } catch (e) {
        warn(`the cache ${path.relative(cwd, location) || location} cannot be read (${(e as Error).message}); checking every file and writing it anew.`);
      }
    }
    return new CheckCache(location, key, cwd, entries);
  }

  /** The kept result of `abs` when its text and everything it depended on are as they were. */
  lookup(abs: string, text: string, explicit: boolean): CachedResult | undefined {
    const entry = this.entries[this.name(abs)];
    if (!entry || entry.explicit !== explicit || entry.hash !== sha1(text)) return undefined;
    if (!Array.isArray(entry.deps) || !entry.deps.every((d) => this.seen(path.resolve(this.cwd, d.path), d.seen.startsWith('file:') ? 'model' : 'stat') === d.seen)) return undefined;
    this.hits++;
    return entry.result;
  }

  /** Keeps the result of `abs` with what its check asked of other files. */
  store(abs: string, text: string, explicit: boolean, result: CachedResult, reads: FileRead[]): void {
    const deps = new Map<string, string>();
    for (const r of reads) {
      const p = fsPathOf(r.uri);
      if (p === undefined) continue;
      const name = this.name(p);
      // A text read says more than a stat of the same file: keep the stronger.
      if (deps.get(name)?.startsWith('file:')) continue;
      deps.set(name, this.seen(p, r.read));
    }
    this.entries[this.name(abs)] = { hash: sha1(text), explicit, result, deps: [...deps].map(([p, seen]) => ({ path: p, seen })) };
  }

  /** Writes the cache (whole, then renamed over the old one, so a killed run leaves no half file). */
  save(): void {
    mkdirSync(path.dirname(this.location), { recursive: true });
    const tmp = `${this.location}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ key: this.key, entries: this.entries } satisfies CacheFile));
    renameSync(tmp, this.location);
  }

  private name(abs: string): string {
    return path.relative(this.cwd, abs).split(path.sep).join('/');
  }

  private seen(abs: string, read: FileRead['read']): string {
    const id = `${read}:${abs}`;
    let now = this.seenNow.get(id);
    if (now === undefined) {
      now = 'none';
      try {
        const s = statSync(abs);
        if (s.isDirectory()) now = 'directory';
        else if (s.isFile()) now = read === 'model' ? `file:${sha1(readFileSync(abs))}` : 'file';
      } catch {
        // Not there (or not readable): 'none'.
      }
      this.seenNow.set(id, now);
    }
    return now;
  }
}
