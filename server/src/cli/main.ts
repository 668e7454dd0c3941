// `goal-docs check [paths or globs…] [--format text|json|github|sarif]`: the diagnostics of the
// language server, for a terminal or CI. Exit 1 when a diagnostic of the --fail-on severity
// (error by default) or worse is found, 0 otherwise, 2 on bad usage. With --list, each Markdown
// file's verdict instead: whether it is a goal doc, and why.
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import picomatch from 'picomatch';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { createGoalDocsService, type GoalDocsService } from '../service/service';
import { explainVerdict, verdictReasons } from '../model/goalDocRule';
import { CONFIG_FILE_NAME, type ConfigFileRead, configProblemText } from '../settings/configFile';
import { NodeFileSystem, walkMarkdownFiles } from '../node/fileSystem';
import { fileUri } from '../workspace/uris';
import { REPORT_USAGE, runReport } from './report';
import { cacheKey, type CachedResult, CheckCache, DEFAULT_CACHE_LOCATION } from './cache';
import type { FileRead } from '../workspace/linkedFiles';
import { type FileResult, messageText, severityName } from './results';
import { sarifLog } from './sarif';
import { type ChangedLines, changedLinesOf, onChangedLine } from './changedLines';

const USAGE = `Usage: goal-docs check [paths or globs…] [--format text|json|github|sarif] [--config FILE]
         [--fail-on error|warning|information|hint|never] [--changed-lines-from DIFF] [--goal-docs-only]
         [--verbose] [--cache]
       goal-docs check --list [paths or globs…] [--format text|json] [--config FILE]

Checks goal docs and prints their problems. Without paths, checks the goal docs under the
current folder. A named file is checked unless its <!-- goal-docs: off --> comment or
goalDocs.exclude says no; folders and globs are searched for goal docs by the rule of the
README's "Which files are goal docs".
--goal-docs-only checks a named file only if it is a goal doc by that rule (for hooks that pass
every changed Markdown file).
--list prints, instead of problems, one line for each Markdown file looked at (found or named):
goal doc or not a goal doc, and why (the file's comment, goalDocs.files or .exclude, or what its
content shows); exit status 0.
Markdown files are .md, .markdown and .mdx (read without their imports, exports and JSX).
Settings are read from .goal-docs.json in the current folder when present, or from --config FILE.
--format: text (default); json; github (workflow annotations); sarif (SARIF 2.1.0, for code scanning).
--fail-on: the least severity that fails the check (default error); never: exit 0 whatever is found.
--changed-lines-from DIFF reports only the problems on lines that the unified diff DIFF (a file, or
- for stdin) adds or changes, and fails only for those: git diff --unified=0 BASE > DIFF, run in
the same folder, gives a change's lines since BASE.
--verbose adds a line on stderr: how many files were looked at and checked, and how long it took.
--cache keeps each file's result in ${DEFAULT_CACHE_LOCATION} (or --cache-location PATH) and reuses it
while the file's text, the files its links reach, the settings, the tool and the day are the same.
Exit status: 1 if a problem of the --fail-on severity or worse is found, 0 otherwise, 2 on bad usage.

${REPORT_USAGE}`;

type Format = 'text' | 'json' | 'github' | 'sarif';
const FORMATS: readonly string[] = ['text', 'json', 'github', 'sarif'];

/** The least severity that fails a check; `never` fails none. */
type FailOn = 'error' | 'warning' | 'information' | 'hint' | 'never';
const FAIL_ON: readonly string[] = ['error', 'warning', 'information', 'hint', 'never'];

class UsageError extends Error {}

interface Args {
  targets: string[];
  format: Format;
  verbose: boolean;
  /** Where the --cache file is, when asked for. */
  cache?: string;
  /** The settings file named by --config. */
  config?: string;
  failOn: FailOn;
  /** The diff file named by --changed-lines-from, or `-`. */
  changedLinesFrom?: string;
  /** Named files are checked only if they are goal docs. */
  goalDocsOnly: boolean;
  /** Print each file's verdict instead of problems. */
  list: boolean;
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
        config: { type: 'string' },
        'fail-on': { type: 'string', default: 'error' },
        'changed-lines-from': { type: 'string' },
        'goal-docs-only': { type: 'boolean', default: false },
        list: { type: 'boolean', default: false },
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
  if (format === undefined || !FORMATS.includes(format)) throw new UsageError(`--format takes text, json, github or sarif, not '${format ?? ''}'.`);
  if (values.list && format !== 'text' && format !== 'json') throw new UsageError(`--list prints text or json, not ${format}.`);
  const location = values['cache-location'];
  if (location !== undefined && !values.cache) throw new UsageError('--cache-location is used with --cache.');
  if (location === '') throw new UsageError('--cache-location takes a path.');
  const failOn = values['fail-on'];
  if (failOn === undefined || !FAIL_ON.includes(failOn)) throw new UsageError(`--fail-on takes error, warning, information, hint or never, not '${failOn ?? ''}'.`);
  if (values.config === '') throw new UsageError('--config takes a path.');
  if (values['changed-lines-from'] === '') throw new UsageError('--changed-lines-from takes a diff file, or - for stdin.');
  return {
    targets: positionals,
    format: format as Format,
    verbose: !!values.verbose,
    cache: values.cache ? (location ?? DEFAULT_CACHE_LOCATION) : undefined,
    config: values.config,
    failOn: failOn as FailOn,
    changedLinesFrom: values['changed-lines-from'],
    goalDocsOnly: !!values['goal-docs-only'],
    list: !!values.list,
  };
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

/** The text of the --changed-lines-from diff: a file, or `-` for stdin. */
function readDiff(from: string, cwd: string): string {
  try {
    return readFileSync(from === '-' ? 0 : path.resolve(cwd, from), 'utf8');
  } catch (e) {
    throw new UsageError(`--changed-lines-from: cannot read ${from === '-' ? 'stdin' : from}: ${(e as Error).message}`);
  }
}

/**
 * The service of a run, over files on disk (any the paths name), with the settings of one file for
 * all of them: `.goal-docs.json` in the current folder when present, or the file that `--config`
 * names, which must exist. The service reads it as the editor reads a folder's; a value it leaves
 * out is said on stderr, a file it cannot read at all is bad usage.
 */
async function serviceOf(cwd: string, named: string | undefined, err: (s: string) => void): Promise<{ service: GoalDocsService; config: ConfigFileRead }> {
  const file = path.resolve(cwd, named ?? CONFIG_FILE_NAME);
  const service = createGoalDocsService({ fileSystem: new NodeFileSystem(false), readable: 'any', configFile: () => fileUri(file) });
  service.setWorkspaceFolders([fileUri(cwd)]);
  const config = (await service.configFile(fileUri(cwd)))!;
  if (config.kind === 'none' && named !== undefined) throw new UsageError(`--config: no such file: ${named}`);
  const name = named ?? CONFIG_FILE_NAME;
  const fatal = config.problems.find((p) => p.fatal);
  if (fatal) throw new UsageError(configProblemText(name, fatal, config.text));
  for (const p of config.problems) err(`goal-docs: ${configProblemText(name, p)}\n`);
  return { service, config };
}

function escapeGithub(s: string, property = false): string {
  let r = s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  if (property) r = r.replace(/:/g, '%3A').replace(/,/g, '%2C');
  return r;
}

function format(results: FileResult[], fmt: Format, cwd: string): string {
  if (fmt === 'sarif') return JSON.stringify(sarifLog(results, fileUri(cwd)), null, 2) + '\n';
  if (fmt === 'json') {
    const rows = results.flatMap((r) =>
      r.diagnostics.map((d) => ({ file: r.file, range: d.range, severity: severityName(d), code: d.code, message: messageText(d) })),
    );
    return JSON.stringify(rows, null, 2) + '\n';
  }
  const lines: string[] = [];
  for (const r of results) {
    for (const d of r.diagnostics) {
      const sev = severityName(d);
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
  /** The settings file --config names. */
  config?: string;
  /** Each file once, named ones first, then the searched ones in path order. */
  files: Target[];
  failOn: FailOn;
  /** With --changed-lines-from: the lines to report problems on, and the diff that named them. */
  changed?: { diff: string; lines: ChangedLines };
  /** --list: each file's verdict instead of problems. */
  list: boolean;
}

interface Target {
  abs: string;
  /** Named on the command line (without --goal-docs-only): checked whatever it holds. */
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
    if (args.config !== undefined && !existsSync(path.resolve(cwd, args.config))) throw new UsageError(`--config: no such file: ${args.config}`);
    let changed: Plan['changed'];
    if (args.changedLinesFrom !== undefined) {
      const diff = readDiff(args.changedLinesFrom, cwd);
      changed = { diff: args.changedLinesFrom === '-' ? 'stdin' : args.changedLinesFrom, lines: changedLinesOf(diff, cwd) };
    }
    const found = await expandTargets(args.targets, cwd);
    const seen = new Set<string>();
    const files: Target[] = [];
    for (const [list, named] of [[found.explicit, true], [found.searched.sort(), false]] as const) {
      for (const abs of list) {
        if (seen.has(abs)) continue;
        seen.add(abs);
        files.push({ abs, explicit: named && !args.goalDocsOnly });
      }
    }
    const cache = args.cache === undefined ? undefined : path.resolve(cwd, args.cache);
    return { format: args.format, verbose: args.verbose, cache, config: args.config, files, failOn: args.failOn, changed, list: args.list };
  } catch (e) {
    if (e instanceof UsageError) {
      err(`goal-docs: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

/**
 * The one service the editor uses too (same rule, same models, same limits), reading any file the
 * paths name: on the command line the repository is the user's own.
 */
async function checkFiles(p: Plan, cwd: string, err: (s: string) => void): Promise<{ outcomes: Outcome[]; fromCache?: number }> {
  const { service, config } = await serviceOf(cwd, p.config, err);
  const cache = p.cache === undefined ? undefined : CheckCache.load(p.cache, cacheKey(config.text ?? null, service.today()), cwd, (m) => err(`goal-docs: ${m}\n`));
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

function report(p: Plan, { outcomes, fromCache }: { outcomes: Outcome[]; fromCache?: number }, cwd: string, started: number, out: (s: string) => void, err: (s: string) => void): number {
  for (const o of outcomes) for (const m of o.messages) err(m);
  const checked = outcomes.flatMap((o) => o.result ?? []);
  const changed = p.changed;
  const results = changed ? checked.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => onChangedLine(changed.lines, path.resolve(cwd, r.file), d)) })) : checked;
  out(format(results, p.format, cwd));
  if (p.verbose) {
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const cached = fromCache === undefined ? '' : ` (${fromCache} file${fromCache === 1 ? '' : 's'} from the cache)`;
    const count = (rs: FileResult[]) => rs.reduce((n, r) => n + r.diagnostics.length, 0);
    const leftOut = changed ? count(checked) - count(results) : 0;
    const unchanged = changed ? `; ${leftOut} problem${leftOut === 1 ? '' : 's'} on lines ${changed.diff} does not change left out` : '';
    err(`goal-docs: looked at ${p.files.length} file${p.files.length === 1 ? '' : 's'}, checked ${results.length} goal doc${results.length === 1 ? '' : 's'}${cached} in ${seconds} s${unchanged}.\n`);
  }
  return results.some((r) => r.diagnostics.some((d) => fails(d, p.failOn))) ? 1 : 0;
}

/** Whether a problem is as severe as --fail-on asks or more (LSP's severities count up from Error = 1). */
function fails(d: Diagnostic, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const least = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint }[failOn];
  return (d.severity ?? DiagnosticSeverity.Error) <= least;
}

/** One row of --list --format json: a file, whether it is a goal doc (null: not read), and why. */
interface ListRow {
  file: string;
  goalDoc: boolean | null;
  /** What decided (`marker`, `excluded`, `declared`, `content`, `not-enough-content`), or why it was not read (`too-large`, `unreadable`). */
  reason: string;
  /** The verdict in words, as the editor's status bar item says it. */
  explanation: string;
}

/** --list: each file's verdict, as the goal-doc rule gives it; a file ruled out by its text alone is not parsed. */
async function listFiles(p: Plan, cwd: string, started: number, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { service } = await serviceOf(cwd, p.config, err);
  const rows: ListRow[] = [];
  const lines: string[] = [];
  for (const { abs } of p.files) {
    const file = path.relative(cwd, abs).split(path.sep).join('/');
    const r = await service.verdictOnDisk(fileUri(abs));
    if (r.kind === 'verdict') {
      const why = verdictReasons(r.verdict);
      rows.push({ file, goalDoc: r.verdict.goalDoc, reason: r.verdict.reason, explanation: explainVerdict(r.verdict) });
      lines.push(`${file}: ${r.verdict.goalDoc ? 'goal doc' : 'not a goal doc'}${why ? `: ${why}` : ''}`);
      continue;
    }
    const explanation = r.kind === 'too-large' ? `not read: ${r.length} ${r.unit} is more than goalDocs.maxFileSize (${r.limit})` : `not read: ${r.reason}`;
    rows.push({ file, goalDoc: null, reason: r.kind, explanation });
    lines.push(`${file}: ${explanation}`);
  }
  if (p.format === 'json') out(JSON.stringify(rows, null, 2) + '\n');
  else {
    const goalDocs = rows.filter((r) => r.goalDoc).length;
    lines.push(`${goalDocs} goal doc${goalDocs === 1 ? '' : 's'} among ${rows.length} Markdown file${rows.length === 1 ? '' : 's'}.`);
    out(lines.join('\n') + '\n');
  }
  if (p.verbose) err(`goal-docs: looked at ${rows.length} file${rows.length === 1 ? '' : 's'} in ${((performance.now() - started) / 1000).toFixed(2)} s.\n`);
  return 0;
}

export async function runCli(argv: string[], cwd: string, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (argv[0] === 'report') {
    try {
      return await runReport(argv.slice(1), cwd, out, { expandTargets, service: async () => (await serviceOf(cwd, undefined, err)).service, usageError: (m) => new UsageError(m) });
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      err(`goal-docs: ${e.message}\n\n${REPORT_USAGE}\n`);
      return 2;
    }
  }
  const started = performance.now();
  const p = await plan(argv, cwd, out, err);
  if (typeof p === 'number') return p;
  let done;
  try {
    done = p.list ? await listFiles(p, cwd, started, out, err) : report(p, await checkFiles(p, cwd, err), cwd, started, out, err);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err(`goal-docs: ${e.message}\n`);
    return 2;
  }
  return done;
}

if (require.main === module) {
  void runCli(process.argv.slice(2), process.cwd(), (s) => process.stdout.write(s), (s) => process.stderr.write(s)).then((code) => {
    process.exitCode = code;
  });
}
