// The real-trees row of the bench (issue 20): the workspace index on real repositories rather than
// on a generated one. For the shared 2021 handbook and the dialect trees (read in place: the
// server writes nothing into its workspace), the built server is started over stdio with the
// tree as its workspace, and a workspace-symbol query is sent right after `initialized`, as an
// editor's first `#` in the symbol picker would: the time to its answer, the symbols answered, and
// the server's peak RSS (VmHWM) once it has gone quiet, the background index build included.
// A few runs per tree, each a fresh server; the median is reported. With `--against`, the runs
// alternate between this checkout's server and another build's (a base branch's), so that both
// see the same machine: on two shared cores the load moves figures more than most changes do.
//
//   npx tsx bench/realTrees.ts [--runs 5] [--trees handbook-2021-06,ossf__tac] [--against /tmp/base/dist/server.js]
//   (needs dist/: npm run build)
import { existsSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { benchServerPath, startBenchServer } from './server';
import { summarize, type Timing } from './stats';

const shared = path.join(__dirname, '..', '..', 'shared');

/** The trees, relative to ../shared. */
export const REAL_TREES = ['handbook-2021-06', 'dialects/trees/2i2c-org__team-compass', 'dialects/trees/open-telemetry__community', 'dialects/trees/ossf__tac'];

/** An empty query matches every quarter and goal (up to the server's limit of 1,000). */
const QUERY = '';

export const REAL_TREE_TARGETS = { firstQueryMs: 1000, peakRssMb: 150 };

export interface RealTreeResult {
  tree: string;
  /** The server.js measured, for a build compared against (`--against`); undefined for the one the targets are of. */
  server?: string;
  firstQuery: Timing;
  /**
   * Median over the runs of the CPU time the server spent from \`initialized\` to the answer, ms
   * (/proc, 10 ms ticks): less moved than the wall time by what else runs on the machine.
   */
  cpuMs: number;
  /** Symbols in the first answer (every run answers the same; the last run's count). */
  symbols: number;
  /** Median over the runs of the server's peak RSS, MB. */
  peakRssMb: number;
  peakRssMbRuns: number[];
  /** The load average (1 min) before the tree's first run and after its last. */
  load: [number, number];
}

export type RealTreesResult = { skipped: string } | { trees: RealTreeResult[] };

function peakRssMb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** The CPU time the process has used, in clock ticks. */
function cpuTicks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** Resolves once the process has used no CPU for `quietMs` (the background index build is over), or after `maxMs`. */
async function quiet(pid: number, quietMs = 400, maxMs = 10_000): Promise<void> {
  const started = performance.now();
  let last = cpuTicks(pid);
  let still = performance.now();
  while (performance.now() - started < maxMs) {
    await new Promise((r) => setTimeout(r, 100));
    const now = cpuTicks(pid);
    if (now !== last) {
      last = now;
      still = performance.now();
    } else if (performance.now() - still >= quietMs) return;
  }
}

/** Clock ticks per second, as /proc counts CPU time (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface Run {
  ms: number;
  cpuMs: number;
  symbols: number;
  peakRssMb: number;
}

async function oneRun(dir: string, serverPath: string): Promise<Run> {
  const { child, connection, stop } = startBenchServer(serverPath);
  try {
    const rootUri = pathToFileURL(dir).href;
    await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: path.basename(dir) }], capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } } });
    const ticks = cpuTicks(child.pid!);
    connection.sendNotification('initialized', {});
    const t = performance.now();
    const symbols = (await connection.sendRequest('workspace/symbol', { query: QUERY })) as unknown[] | null;
    const ms = performance.now() - t;
    const cpuMs = ((cpuTicks(child.pid!) - ticks) * 1000) / TICKS_PER_SECOND;
    await quiet(child.pid!);
    return { ms, cpuMs, symbols: symbols?.length ?? 0, peakRssMb: peakRssMb(child.pid!) };
  } finally {
    await stop();
  }
}

/** Each tree `runs` times per server, the servers taking turns run by run. */
export async function measureRealTrees(runs = 5, trees = REAL_TREES, servers = [benchServerPath()]): Promise<RealTreesResult> {
  if (!existsSync(shared)) return { skipped: `${path.relative(process.cwd(), shared)} is absent` };
  const missing = servers.find((s) => !existsSync(s));
  if (missing) return { skipped: `${missing} is absent: run \`npm run build\` (npm run bench does)` };
  const out: RealTreeResult[] = [];
  for (const tree of trees) {
    const dir = path.join(shared, tree);
    if (!existsSync(dir)) {
      process.stderr.write(`  ${tree}: absent, skipped\n`);
      continue;
    }
    const load: [number, number] = [os.loadavg()[0], 0];
    const samples = servers.map(() => [] as Run[]);
    for (let i = 0; i < runs; i++) for (const [s, server] of servers.entries()) samples[s]!.push(await oneRun(dir, server));
    load[1] = os.loadavg()[0];
    for (const [s, server] of servers.entries()) {
      const rss = samples[s]!.map((r) => r.peakRssMb);
      out.push({
        tree: path.basename(tree),
        server: s === 0 ? undefined : server,
        firstQuery: summarize(samples[s]!.map((r) => r.ms)),
        cpuMs: summarize(samples[s]!.map((r) => r.cpuMs)).medianMs,
        symbols: samples[s]![samples[s]!.length - 1]!.symbols,
        peakRssMb: summarize(rss).medianMs,
        peakRssMbRuns: rss,
        load,
      });
    }
  }
  return { trees: out };
}

export function realTreeLines(r: RealTreesResult | { error: string }): string[] {
  if ('error' in r) return [`real trees: FAILED (${r.error})`];
  if ('skipped' in r) return [`real trees: skipped (${r.skipped})`];
  const name = (t: RealTreeResult) => `${t.tree}${t.server ? ` [${t.server}]` : ''}`;
  const width = Math.max(...r.trees.map((t) => name(t).length));
  return [
    `real trees (../shared; workspace/symbol '${QUERY}' right after initialized; median of each tree's runs, a fresh server each):`,
    ...r.trees.map(
      (t) =>
        `  ${name(t).padEnd(width)}  first query ${t.firstQuery.medianMs.toFixed(0).padStart(5)} ms (${t.firstQuery.minMs.toFixed(0)}-${t.firstQuery.maxMs.toFixed(0)}, server CPU ${t.cpuMs.toFixed(0)} ms), ${String(t.symbols).padStart(4)} symbols, peak RSS ${t.peakRssMb.toFixed(0)} MB (${t.peakRssMbRuns.map((x) => x.toFixed(0)).join(', ')}), ${t.firstQuery.runs} runs, load ${t.load[0].toFixed(1)} → ${t.load[1].toFixed(1)}`,
    ),
  ];
}

/** The two targets over the trees: the slowest first query and the largest peak RSS. */
export function realTreeTargets(r: RealTreesResult | { error: string } | undefined): Array<{ name: string; pass: boolean | undefined; measured: string }> {
  const queryName = `real trees: first workspace-symbol query ≤ ${REAL_TREE_TARGETS.firstQueryMs / 1000} s median (slowest tree)`;
  const rssName = `real trees: server peak RSS ≤ ${REAL_TREE_TARGETS.peakRssMb} MB median (largest)`;
  const ours = r && 'trees' in r ? r.trees.filter((t) => !t.server) : [];
  if (!r || 'error' in r || 'skipped' in r || ours.length === 0) {
    const why = !r ? 'not measured' : 'error' in r ? `failed: ${r.error}` : 'skipped' in r ? `skipped: ${r.skipped}` : 'no tree found';
    return [
      { name: queryName, pass: undefined, measured: why },
      { name: rssName, pass: undefined, measured: why },
    ];
  }
  const slowest = [...ours].sort((a, b) => b.firstQuery.medianMs - a.firstQuery.medianMs)[0]!;
  const largest = [...ours].sort((a, b) => b.peakRssMb - a.peakRssMb)[0]!;
  return [
    { name: queryName, pass: slowest.firstQuery.medianMs <= REAL_TREE_TARGETS.firstQueryMs, measured: `${slowest.firstQuery.medianMs.toFixed(0)} ms (${slowest.tree})` },
    { name: rssName, pass: largest.peakRssMb <= REAL_TREE_TARGETS.peakRssMb, measured: `${largest.peakRssMb.toFixed(0)} MB (${largest.tree})` },
  ];
}

if (require.main === module) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, trees: { type: 'string' }, against: { type: 'string' } } });
  const wanted = values.trees ? REAL_TREES.filter((t) => values.trees!.split(',').some((w) => t.endsWith(w))) : REAL_TREES;
  const servers = [benchServerPath(), ...(values.against ? [path.resolve(values.against)] : [])];
  void measureRealTrees(Number(values.runs), wanted, servers).then((r) => {
    const lines = realTreeLines(r);
    for (const t of realTreeTargets(r)) lines.push(`${t.pass === undefined ? 'SKIP' : t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.measured}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  });
}
