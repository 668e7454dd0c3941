// The benchmark of issues 6, 14 and 21: each size in its own process (bench/size.ts), the CLI over
// the corpus, an edit over stdio (bench/stdio.ts), the workspace row (bench/workspace.ts), the
// real trees of ../shared (bench/realTrees.ts), the sizes of what ships (bench/bundles.ts) and the
// activation in VS Code (bench/activation.mjs); prints the tables and the targets, writes
// bench/results.json.
//
//   npm run bench                      (builds dist for production first; everything, ~17 minutes)
//   npm run bench -- --sizes 200,2k    (a quick look)
//   npm run bench -- --no-workspace    (leave out the stdio, workspace and real-trees rows)
//   npm run bench -- --no-activation   (leave out VS Code: no code-server start)
//   npm run bench -- --real-tree-runs 3 (fewer fresh servers per real tree; 5 by default)
//   npm run bench -- --strict          (exit 1 when a target fails)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SIZES } from './generate';
import type { Row, SizeResult } from './size';
import { bytes, ms, summarize, type Timing } from './stats';
import { measureStdioEdit, type StdioResult } from './stdio';
import { measureWorkspace, type WorkspaceResult } from './workspace';
import { measureRealTrees, realTreeLines, type RealTreesResult, realTreeTargets } from './realTrees';
import { type BundleSizes, measureBundles } from './bundles';

const repo = path.join(__dirname, '..');
const corpus = path.join(repo, '..', 'shared', 'corpus');

interface Target {
  name: string;
  pass: boolean | undefined;
  measured: string;
}

interface CliResult {
  skipped?: string;
  timing?: Timing;
  /** With --cache, after a first run filled it (nothing changed since): CI's second run. */
  cached?: Timing;
  exitCodes?: number[];
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function runSize(size: string, dir: string): SizeResult | { size: string; error: string } {
  const out = path.join(dir, `${size}.json`);
  const started = Date.now();
  process.stderr.write(`size ${size}\n`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(__dirname, 'size.ts'), size, out], { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'] });
  process.stderr.write(`  [${size}] ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  if (r.status === 0 && existsSync(out)) return JSON.parse(readFileSync(out, 'utf8')) as SizeResult;
  return { size, error: r.signal ? `killed by ${r.signal}` : `exit status ${r.status}${r.error ? `: ${r.error.message}` : ''}` };
}

function runCli(): CliResult {
  const cli = path.join(repo, 'dist', 'cli.js');
  if (!existsSync(corpus)) return { skipped: `${path.relative(repo, corpus)} is absent` };
  if (!existsSync(cli)) return { skipped: 'dist/cli.js is absent: run `npm run build` (npm run bench does)' };
  const samples: number[] = [];
  const exitCodes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    // Exit 1 only means the corpus has error-severity problems, which it does.
    const r = spawnSync(process.execPath, [cli, 'check', path.relative(repo, corpus)], { cwd: repo, stdio: 'ignore' });
    samples.push(performance.now() - t);
    exitCodes.push(r.status ?? -1);
    if (r.status !== 0 && r.status !== 1) return { skipped: `the CLI failed (exit ${r.status ?? r.signal})`, exitCodes };
  }
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'goal-docs-bench-cache-'));
  const withCache = [cli, 'check', path.relative(repo, corpus), '--cache', '--cache-location', path.join(cacheDir, 'cache')];
  const cachedSamples: number[] = [];
  try {
    spawnSync(process.execPath, withCache, { cwd: repo, stdio: 'ignore' });
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      spawnSync(process.execPath, withCache, { cwd: repo, stdio: 'ignore' });
      cachedSamples.push(performance.now() - t);
    }
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
  return { timing: summarize(samples), cached: summarize(cachedSamples), exitCodes };
}

/** bench/activation.mjs's result (its medians over the runs). */
interface ActivationResult {
  host: string;
  runs: unknown[];
  median: { loadCodeMs: number; callActivateMs: number; finishActivateMs: number };
}

/** The activation in code-server, in a process of its own under the machine's one-VS-Code lock. */
function runActivation(runs: number): ActivationResult | { error: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'goal-docs-bench-activation-out-'));
  const out = path.join(dir, 'activation.json');
  try {
    const r = spawnSync('flock', ['/tmp/goal-docs-vscode.lock', process.execPath, path.join(__dirname, 'activation.mjs'), '--runs', String(runs), '--json', out], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0 || !existsSync(out)) return { error: r.error ? r.error.message : `exit status ${r.status ?? r.signal}` };
    return JSON.parse(readFileSync(out, 'utf8')) as ActivationResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function shippingLines(sizes: BundleSizes, activation: ActivationResult | { error: string } | undefined): string[] {
  const out = [`bundles (${sizes.build} build): ${sizes.bundles.map((b) => `${b.file} ${bytes(b.bytes)} (gzip ${bytes(b.gzipBytes)})`).join(', ')}`];
  const packed = (what: string, p: BundleSizes['vsix']) => (!p ? `${what}: —` : 'error' in p ? `${what}: FAILED (${p.error})` : `${what}: ${bytes(p.bytes)}, ${p.files} files`);
  out.push(`${packed('.vsix', sizes.vsix)}; ${packed('npm tarball (the CLI)', sizes.npm)}`);
  if (activation && 'error' in activation) out.push(`activation in VS Code: FAILED (${activation.error})`);
  else if (activation) {
    const m = activation.median;
    out.push(
      `activation in VS Code (${activation.host}, median of ${activation.runs.length} fresh profiles): load code ${ms(m.loadCodeMs)} + call activate ${ms(m.callActivateMs)} = ${ms(m.loadCodeMs + m.callActivateMs)} (Running Extensions' "Activation"), then ${ms(m.finishActivateMs)} until activate() resolves (server started)`,
    );
  }
  return out;
}

const ratio = (row: Row): number | undefined => (row.ours && row.theirs ? row.ours.medianMs / row.theirs.medianMs : undefined);
const fmtRatio = (r: number | undefined) => (r === undefined ? '—' : `${r.toFixed(r < 10 ? 2 : 0)}×`);

function table(headers: string[], rows: string[][], right: Set<number>): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

const OPS: { key: keyof SizeResult['rows']; label: string }[] = [
  { key: 'cold', label: 'cold open' },
  { key: 'edit', label: '1-char edit → diagnostics' },
  { key: 'completion', label: 'completion after ](#' },
  { key: 'symbols', label: 'document symbols' },
];

function timingTable(results: SizeResult[]): string {
  const rows: string[][] = [];
  for (const r of results) {
    for (const op of OPS) {
      const row = r.rows[op.key];
      const note = op.key === 'completion' || op.key === 'symbols' ? (row.note?.startsWith('(feature') ? '(feature not yet available)' : 'feature') : '';
      rows.push([
        r.size,
        op.label,
        ms(row.ours?.medianMs),
        ms(row.ours?.p90Ms),
        ms(row.theirs?.medianMs),
        ms(row.theirs?.p90Ms),
        fmtRatio(ratio(row)),
        String(row.ours?.runs ?? '—'),
        `${row.oursCount ?? '—'}/${row.theirsCount ?? '—'}`,
        note,
      ]);
    }
  }
  return table(['size', 'operation', 'ours med', 'ours p90', 'mdls med', 'mdls p90', 'ours/mdls', 'runs', 'n ours/mdls', ''], rows, new Set([2, 3, 4, 5, 6, 7, 8]));
}

function heapTable(results: SizeResult[]): string {
  const rows = results.map((r) => [
    r.size,
    String(r.lines),
    bytes(r.bytes),
    r.heap ? `${bytes(r.heap.ours.retainedBytes)} (${(r.heap.ours.retainedBytes / r.bytes).toFixed(1)}×)` : '—',
    r.heap ? bytes(r.heap.ours.peakBytes) : '—',
    r.heap ? `${bytes(r.heap.theirs.retainedBytes)} (${(r.heap.theirs.retainedBytes / r.bytes).toFixed(1)}×)` : '—',
    r.heap ? bytes(r.heap.theirs.peakBytes) : '—',
  ]);
  return table(['size', 'lines', 'doc', 'ours retained (×doc)', 'ours peak', 'mdls retained (×doc)', 'mdls peak'], rows, new Set([1, 2, 3, 4, 5, 6]));
}

interface Extra {
  stdio?: StdioResult | { error: string };
  workspace?: WorkspaceResult | { error: string };
  realTrees?: RealTreesResult | { error: string };
}

function targets(results: SizeResult[], failed: { size: string; error: string }[], cli: CliResult, extra: Extra): Target[] {
  const at = (name: string) => results.find((r) => r.size === name);
  const r2 = at('2k');
  const r20 = at('20k');
  const r100 = at('100k');
  const check = (name: string, value: number | undefined, limit: number, show: (v: number) => string): Target =>
    value === undefined ? { name, pass: undefined, measured: 'not measured' } : { name, pass: value <= limit, measured: show(value) };
  const worstHeap = results.filter((r) => r.heap).map((r) => ({ size: r.size, x: r.heap!.ours.retainedBytes / r.bytes })).sort((a, b) => b.x - a.x)[0];
  const crashed100 = failed.find((f) => f.size === '100k');
  const stdio = extra.stdio && 'edit' in extra.stdio ? extra.stdio : undefined;
  const ws = extra.workspace && 'cli' in extra.workspace ? extra.workspace : undefined;
  const firstQuery = ws ? Math.max(ws.firstSymbolsMs, ws.firstReferencesMs) : undefined;
  return [
    check('20k: 1-char edit → fresh diagnostics (in process) ≤ 16 ms median', r20?.rows.edit.ours?.medianMs, 16, ms),
    check('20k: that edit ≤ 0.5× vscode-markdown-languageservice', r20 && ratio(r20.rows.edit), 0.5, fmtRatio),
    check('20k: edit → diagnostics received over stdio ≤ 25 ms median', stdio?.edit.medianMs, 25, (v) => `${ms(v)} (${stdio!.reports.unchanged} of ${stdio!.edit.runs} pulls unchanged)`),
    check('20k: completion after ](# ≤ 10 ms median', r20?.rows.completion.ours?.medianMs, 10, (v) => `${ms(v)}${r20?.rows.completion.note?.startsWith('(feature') ? ' (model lookup; feature not yet available)' : ''}`),
    check('2k: cold open ≤ 3× vscode-markdown-languageservice', r2 && ratio(r2.rows.cold), 3, fmtRatio),
    check('20k: cold open ≤ 4× vscode-markdown-languageservice', r20 && ratio(r20.rows.cold), 4, fmtRatio),
    check('20k: cold open ≤ 2 s median', r20?.rows.cold.ours?.medianMs, 2000, ms),
    check('100k: cold open ≤ 6× the 20k cold open', r20?.rows.cold.ours && r100?.rows.cold.ours ? r100.rows.cold.ours.medianMs / r20.rows.cold.ours.medianMs : undefined, 6, fmtRatio),
    check('retained heap ≤ 10× document size (worst size)', worstHeap?.x, 10, (v) => `${v.toFixed(1)}× at ${worstHeap!.size}`),
    crashed100 ? { name: '100k lines: no crash', pass: false, measured: crashed100.error } : { name: '100k lines: no crash', pass: r100 ? true : undefined, measured: r100 ? 'completed' : 'not measured' },
    cli.timing ? check('CLI over the whole corpus ≤ 1 s median', cli.timing.medianMs, 1000, ms) : { name: 'CLI over the whole corpus ≤ 1 s median', pass: undefined, measured: `skipped: ${cli.skipped}` },
    check(`workspace: CLI ≤ 0.5× markdownlint-cli2 (MD051 only)`, ws?.markdownlint ? ws.cli.medianMs / ws.markdownlint.medianMs : undefined, 0.5, (v) => `${fmtRatio(v)} (${ms(ws!.cli.medianMs)} against ${ms(ws!.markdownlint!.medianMs)})`),
    check('workspace: first workspace-symbol and references query ≤ 1 s each', firstQuery, 1000, () => `symbols ${ms(ws!.firstSymbolsMs)}, references ${ms(ws!.firstReferencesMs)}`),
    check('workspace: server RSS after them ≤ 150 MB', ws?.serverRssMb, 150, (v) => `${v.toFixed(0)} MB`),
    ...realTreeTargets(extra.realTrees),
  ];
}

function workspaceLines(extra: Extra): string[] {
  const out: string[] = [];
  const s = extra.stdio;
  if (s) out.push('error' in s ? `stdio: FAILED (${s.error})` : `stdio: ${s.lines} lines, ${s.diagnostics} diagnostics; edit → diagnostics received: median ${ms(s.edit.medianMs)}, p90 ${ms(s.edit.p90Ms)} over ${s.edit.runs} edits; reports ${s.reports.full} full, ${s.reports.unchanged} unchanged`);
  const w = extra.workspace;
  if (w && 'error' in w) out.push(`workspace: FAILED (${w.error})`);
  else if (w) {
    out.push(
      `workspace: ${w.files} files (${w.goalDocs} goal docs), ${bytes(w.bytes)}`,
      `  goal-docs check: median ${ms(w.cli.medianMs)}, p90 ${ms(w.cli.p90Ms)} (${w.cliFindings} findings); markdownlint-cli2 MD051: ${w.markdownlint ? `median ${ms(w.markdownlint.medianMs)}, p90 ${ms(w.markdownlint.p90Ms)}` : `skipped (${w.markdownlintSkipped})`}`,
      `  server, right after start-up: workspace/symbol '${w.query}' ${ms(w.firstSymbolsMs)} (${w.symbols} results), references ${ms(w.firstReferencesMs)} (${w.references}), RSS ${w.serverRssMb.toFixed(0)} MB`,
    );
  }
  if (extra.realTrees) out.push(...realTreeLines(extra.realTrees));
  return out;
}

function gitState(): { commit: string; dirty: boolean } {
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).stdout.trim();
  const status = spawnSync('git', ['status', '--porcelain', '--', 'server'], { cwd: repo, encoding: 'utf8' }).stdout.trim();
  return { commit: head, dirty: status.length > 0 };
}

async function main(): Promise<void> {
  const wanted = (arg('--sizes') ?? SIZES.map((s) => s.name).join(',')).split(',').filter(Boolean);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'goal-docs-bench-'));
  const started = Date.now();
  const loadBefore = os.loadavg()[0];
  const gitBefore = gitState();
  const results: SizeResult[] = [];
  const failed: { size: string; error: string }[] = [];
  try {
    for (const size of wanted) {
      const r = runSize(size, dir);
      if ('rows' in r) results.push(r);
      else failed.push(r);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stderr.write('CLI over the corpus\n');
  const cli = runCli();
  process.stderr.write('sizes of what ships\n');
  const sizes = measureBundles();
  let activation: ActivationResult | { error: string } | undefined;
  if (!process.argv.includes('--no-activation')) {
    process.stderr.write('activation in VS Code\n');
    activation = runActivation(Number(arg('--activation-runs') ?? 5));
  }
  const extra: Extra = {};
  if (!process.argv.includes('--no-workspace')) {
    process.stderr.write('edit over stdio\n');
    extra.stdio = await measureStdioEdit().catch((e: Error) => ({ error: e.message }));
    process.stderr.write('workspace\n');
    extra.workspace = await measureWorkspace(1000).catch((e: Error) => ({ error: e.message }));
    process.stderr.write('real trees\n');
    extra.realTrees = await measureRealTrees(Number(arg('--real-tree-runs') ?? 5)).catch((e: Error) => ({ error: e.message }));
  }
  const outcome = targets(results, failed, cli, extra);

  const out: string[] = [];
  const load = [loadBefore, os.loadavg()[0]];
  out.push(`goal-docs bench — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  // Other work on the machine inflates every figure; the load average says how much there was.
  out.push(`load average (1 min) at start ${load[0].toFixed(1)}, at end ${load[1].toFixed(1)}${Math.max(...load) > os.cpus().length ? ' — the machine was busy: figures are pessimistic' : ''}`);
  const gitAfter = gitState();
  if (gitAfter.commit !== gitBefore.commit) out.push(`HEAD moved during the run (${gitBefore.commit.slice(0, 7)} → ${gitAfter.commit.slice(0, 7)}): sizes may have measured different code`);
  for (const kind of ['completion', 'symbols'] as const) {
    const sources = [...new Set(results.map((r) => r.features[kind]))];
    for (const source of sources) out.push(`${kind}: ${source}${sources.length > 1 ? ` (${results.filter((r) => r.features[kind] === source).map((r) => r.size).join(', ')})` : ''}`);
  }
  out.push('', timingTable(results), '', heapTable(results));
  for (const f of failed) out.push(`size ${f.size}: FAILED (${f.error})`);
  out.push('', ...workspaceLines(extra));
  out.push('', cli.timing ? `CLI: node dist/cli.js check ../shared/corpus: median ${ms(cli.timing.medianMs)}, p90 ${ms(cli.timing.p90Ms)} over ${cli.timing.runs} runs` : `CLI: skipped (${cli.skipped})`);
  if (cli.cached) out.push(`CLI with --cache, run again with nothing changed (not a target: the target is without it): median ${ms(cli.cached.medianMs)}, p90 ${ms(cli.cached.p90Ms)} over ${cli.cached.runs} runs`);
  out.push('', ...shippingLines(sizes, activation));
  out.push('');
  for (const t of outcome) out.push(`${t.pass === undefined ? 'SKIP' : t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.measured}`);
  process.stdout.write(`${out.join('\n')}\n`);

  const resultsFile = path.join(__dirname, 'results.json');
  writeFileSync(resultsFile, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadAverage: load, git: { before: gitBefore, after: gitAfter }, sizes: results, failed, cli, ...extra, shipping: sizes, activation, targets: outcome }, null, 2)}\n`);
  process.stdout.write(`\nwrote ${path.relative(process.cwd(), resultsFile)}\n`);
  if (process.argv.includes('--strict') && outcome.some((t) => t.pass === false)) process.exitCode = 1;
}

void main();
