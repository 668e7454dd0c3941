// `goal-docs check [paths or globs…] [--format text|json|github]`: the diagnostics of the
// language server, for a terminal or CI. Exit 1 when an error-severity diagnostic is found,
// 0 otherwise, 2 on bad usage.
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import picomatch from 'picomatch';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { createGoalDocsService } from '../service/service';
import { NodeFileSystem, walkMarkdownFiles } from '../node/fileSystem';
import { fileUri } from '../workspace/uris';
import { REPORT_USAGE, runReport } from './report';
import { cacheKey, type CachedResult, CheckCache, DEFAULT_CACHE_LOCATION } from './cache';
import type { FileRead } from '../workspace/linkedFiles';

const USAGE = `Usage: goal-docs check [paths or globs…] [--format text|json|github] [--verbose] [--cache]

Checks goal docs and prints their problems. Without paths, checks the goal docs under the
current folder. A named file is checked unless its <!-- goal-docs: off --> comment or
goalDocs.exclude says no; folders and globs are searched for goal docs by the rule of the
README's "Which files are goal docs".
Settings are read from .goal-docs.json in the current folder when present.
--verbose adds a line on stderr: how many files were looked at and checked, and how long it took.
--cache keeps each file's result in ${DEFAULT_CACHE_LOCATION} (or --cache-location PATH) and reuses it
while the file's text, the files its links reach, the settings, the tool and the day are the same.
Exit status: 1 if an error-severity problem is found, 0 otherwise, 2 on bad usage.

${REPORT_USAGE}`;

type Format = 'text' | 'json' | 'github';

class UsageError extends Error {}

interface Args {
  targets: string[];
  format: Format;
  verbose: boolean;
  /** Where the --cache file is, when asked for. */
  cache?: string;
}

function parseCommandLine(argv: string[]): Args | 'help' {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') return 'help';
  if (argv[0] !== 'check') throw new UsageError(`unknown command '${argv[0]}'; the commands are 'check' and 'report'.`);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv.slice(1),
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        verbose: { type: 'boolean', default: false },
        cache: { type: 'boolean', default: false },
        'cache-location': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    // node's own words name the option (`Unknown option '--frobnicate'`).
    const message = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '').replace(/\.$/, '');
    throw new UsageError(`${message[0]!.toLowerCase()}${message.slice(1)}.`);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'github') throw new UsageError(`--format takes text, json or github, not '${format ?? ''}'.`);
  const location = values['cache-location'];
  if (location !== undefined && !values.cache) throw new UsageError('--cache-location is used with --cache.');
  if (location === '') throw new UsageError('--cache-location takes a path.');
  return { targets: positionals, format, verbose: !!values.verbose, cache: values.cache ? (location ?? DEFAULT_CACHE_LOCATION) : undefined };
}

/** Files to check: `explicit` ones are checked whatever they hold; the others only if goal docs. */
async function expandTargets(targets: string[], cwd: string): Promise<{ explicit: string[]; searched: string[] }> {
  const explicit: string[] = [];
  const searched: string[] = [];
  const walk = async (dir: string) => (await walkMarkdownFiles([dir])).files;
  if (targets.length === 0) searched.push(...(await walk(cwd)));
  for (const t of targets) {
    const abs = path.resolve(cwd, t);
    if (existsSync(abs)) {
      if (statSync(abs).isDirectory()) searched.push(...(await walk(abs)));
      else explicit.push(abs);
      continue;
    }
    if (!picomatch.scan(t).isGlob) throw new UsageError(`no such file or folder: ${t}`);
    const isMatch = picomatch(t.replace(/\\/g, '/'), { dot: true });
    for (const f of await walk(path.resolve(cwd, picomatch.scan(t).base || '.'))) {
      if (isMatch(path.relative(cwd, f).split(path.sep).join('/'))) searched.push(f);
    }
  }
  return { explicit, searched };
}

/** The `goalDocs` object of `.goal-docs.json` in the current folder, raw (the service reads and checks it). */
function loadRawSettings(cwd: string): unknown {
  const file = path.join(cwd, '.goal-docs.json');
  if (!existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`.goal-docs.json is not valid JSON: ${(e as Error).message}`);
  }
  const obj = raw as Record<string, unknown> | null;
  return obj && typeof obj === 'object' && 'goalDocs' in obj ? obj.goalDocs : raw;
}

const SEVERITY_NAME: Record<number, 'error' | 'warning' | 'information' | 'hint'> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

interface FileResult {
  file: string;
  diagnostics: Diagnostic[];
}

function escapeGithub(s: string, property = false): string {
  let r = s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  if (property) r = r.replace(/:/g, '%3A').replace(/,/g, '%2C');
  return r;
}

function format(results: FileResult[], fmt: Format): string {
  if (fmt === 'json') {
    const rows = results.flatMap((r) =>
      r.diagnostics.map((d) => ({ file: r.file, range: d.range, severity: SEVERITY_NAME[d.severity ?? 1], code: d.code, message: messageText(d) })),
    );
    return JSON.stringify(rows, null, 2) + '\n';
  }
  const lines: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      const sev = SEVERITY_NAME[d.severity ?? 1];
      const line = d.range.start.line + 1;
      const col = d.range.start.character + 1;
      if (fmt === 'github') {
        const kind = sev === 'error' ? 'error' : sev === 'warning' ? 'warning' : 'notice';
        const props = `file=${escapeGithub(r.file, true)},line=${line},col=${col},endLine=${d.range.end.line + 1},endColumn=${d.range.end.character + 1},title=${escapeGithub(String(d.code), true)}`;
        lines.push(`::${kind} ${props}::${escapeGithub(messageText(d))}`);
      } else {
        lines.push(`${r.file}:${line}:${col}: ${sev} ${d.code}: ${messageText(d)}`);
      }
    }
  }
  if (fmt === 'text') {
    const count = results.reduce((n, r) => n + r.diagnostics.length, 0);
    lines.push(`${count} problem${count === 1 ? '' : 's'} in ${results.length} goal doc${results.length === 1 ? '' : 's'}.`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

interface Plan {
  format: Format;
  verbose: boolean;
  /** The --cache file's path, absolute, when asked for. */
  cache?: string;
  /** The goalDocs settings of `.goal-docs.json`, raw. */
  settings: unknown;
  /** Each file once, named ones first, then the searched ones in path order. */
  files: Target[];
}

interface Target {
  abs: string;
  /** Named on the command line: checked whatever it holds. */
  explicit: boolean;
}

/** What checking one file gave: its result when it is a goal doc, and messages for stderr. */
interface Outcome {
  result?: FileResult;
  messages: string[];
}

/** Reads the arguments and settings and lists the files; an exit code when there is nothing to check. */
async function plan(argv: string[], cwd: string, out: (s: string) => void, err: (s: string) => void): Promise<Plan | number> {
  let args: Args | 'help';
  try {
    args = parseCommandLine(argv);
    if (args === 'help') {
      out(USAGE + '\n');
      return argv.length === 0 ? 2 : 0;
    }
    const settings = loadRawSettings(cwd);
    const found = await expandTargets(args.targets, cwd);
    const seen = new Set<string>();
    const files: Target[] = [];
    for (const [list, explicit] of [[found.explicit, true], [found.searched.sort(), false]] as const) {
      for (const abs of list) {
        if (seen.has(abs)) continue;
        seen.add(abs);
        files.push({ abs, explicit });
      }
    }
    return { format: args.format, verbose: args.verbose, cache: args.cache === undefined ? undefined : path.resolve(cwd, args.cache), settings, files };
  } catch (e) {
    if (e instanceof UsageError) {
      err(`goal-docs: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

/**
 * Checks the files with the one service the editor uses too (same rule, same models, same
 * limits), reading any file the paths name: on the command line the repository is the user's own.
 */
async function checkFiles(p: Plan, cwd: string, err: (s: string) => void): Promise<{ outcomes: Outcome[]; fromCache?: number }> {
  const service = createGoalDocsService({ fileSystem: new NodeFileSystem(false), readable: 'any', reportProblem: (m) => err(`goal-docs: .goal-docs.json: ${m}\n`) });
  service.setWorkspaceFolders([fileUri(cwd)]);
  service.setGlobalSettings(p.settings);
  const cache = p.cache === undefined ? undefined : CheckCache.load(p.cache, cacheKey(p.settings, service.today()), cwd, (m) => err(`goal-docs: ${m}\n`));
  const outcomes: Outcome[] = [];
  for (const { abs, explicit } of p.files) {
    const rel = path.relative(cwd, abs).split(path.sep).join('/');
    let text: string | undefined;
    if (cache) {
      try {
        text = readFileSync(abs, 'utf8');
      } catch {
        // Unreadable: checked as without the cache, which says why.
      }
      const kept = text === undefined ? undefined : cache.lookup(abs, text, explicit);
      if (kept) {
        outcomes.push(kept.kind === 'checked' ? { result: { file: rel, diagnostics: kept.diagnostics }, messages: [] } : { messages: [] });
        continue;
      }
    }
    const reads: FileRead[] = [];
    const r = await service.check(fileUri(abs), explicit, cache ? (read) => reads.push(read) : undefined);
    if (cache && text !== undefined && (r.kind === 'checked' || r.kind === 'skipped')) {
      const result: CachedResult = r.kind === 'checked' ? { kind: 'checked', diagnostics: r.diagnostics } : { kind: 'skipped' };
      cache.store(abs, text, explicit, result, reads);
    }
    if (r.kind === 'checked') outcomes.push({ result: { file: rel, diagnostics: r.diagnostics }, messages: [] });
    else if (r.kind === 'too-large') outcomes.push({ messages: [`goal-docs: skipped ${rel}: ${r.length} ${r.unit} is more than goalDocs.maxFileSize (${r.limit}).\n`] });
    else if (r.kind === 'unreadable') outcomes.push({ messages: [`goal-docs: cannot read ${rel}: ${r.reason}\n`] });
    else outcomes.push({ messages: [] });
  }
  if (cache) {
    try {
      cache.save();
    } catch (e) {
      err(`goal-docs: cannot write the cache ${path.relative(cwd, p.cache!) || p.cache}: ${(e as Error).message}\n`);
    }
  }
  return { outcomes, fromCache: cache?.hits };
}

function report(p: Plan, { outcomes, fromCache }: { outcomes: Outcome[]; fromCache?: number }, started: number, out: (s: string) => void, err: (s: string) => void): number {
  for (const o of outcomes) for (const m of o.messages) err(m);
  const results = outcomes.flatMap((o) => o.result ?? []);
  out(format(results, p.format));
  if (p.verbose) {
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const cached = fromCache === undefined ? '' : ` (${fromCache} file${fromCache === 1 ? '' : 's'} from the cache)`;
    err(`goal-docs: looked at ${p.files.length} file${p.files.length === 1 ? '' : 's'}, checked ${results.length} goal doc${results.length === 1 ? '' : 's'}${cached} in ${seconds} s.\n`);
  }
  const hasError = results.some((r) => r.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error));
  return hasError ? 1 : 0;
}

export async function runCli(argv: string[], cwd: string, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (argv[0] === 'report') {
    try {
      return await runReport(argv.slice(1), cwd, out, { expandTargets, loadRawSettings, usageError: (m) => new UsageError(m) });
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      err(`goal-docs: ${e.message}\n\n${REPORT_USAGE}\n`);
      return 2;
    }
  }
  const started = performance.now();
  const p = await plan(argv, cwd, out, err);
  if (typeof p === 'number') return p;
  return report(p, await checkFiles(p, cwd, err), started, out, err);
}

if (require.main === module) {
  void runCli(process.argv.slice(2), process.cwd(), (s) => process.stdout.write(s), (s) => process.stderr.write(s)).then((code) => {
    process.exitCode = code;
  });
}
