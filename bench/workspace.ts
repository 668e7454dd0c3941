// The workspace row of the bench (issue 14): a generated handbook of about 1,000 Markdown files in
// realistic proportions (the shared 2021 handbook: 23 goal docs among 343 pages), then, in one run:
// `goal-docs check` over it against markdownlint-cli2 with only MD051 (link fragments), and the
// language server's first workspace-symbol and references queries over stdio with its memory.
//
//   npx tsx bench/workspace.ts [--files 1000] [--keep]      (needs dist/: npm run build)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createRng, generateGoalDoc, type Rng } from './generate';
import * as W from './words';
import { startBenchServer } from './server';
import { summarize, type Timing } from './stats';

const repo = path.join(__dirname, '..');

export interface WorkspaceResult {
  files: number;
  goalDocs: number;
  bytes: number;
  cli: Timing;
  markdownlint?: Timing;
  markdownlintSkipped?: string;
  cliFindings: number;
  /** The workspace-symbol query sent: two words of a goal's title. */
  query?: string;
  firstSymbolsMs: number;
  symbols: number;
  firstReferencesMs: number;
  references: number;
  /** The server's resident memory after both queries, MB. */
  serverRssMb: number;
}

const TEAMS = ['search', 'distribution', 'security', 'cloud', 'billing', 'growth', 'design', 'support', 'data', 'infra', 'mobile', 'api', 'docs', 'sales-eng', 'platform', 'ledger', 'ops', 'people', 'legal', 'finance'];
const PAGE_KINDS = ['onboarding', 'process', 'how-to', 'runbook', 'faq', 'meeting-notes', 'iteration_log', 'README', 'rfcs', 'tools', 'hiring', 'values'];

function words(rng: Rng, n: number): string {
  return Array.from({ length: n }, () => rng.pick(W.THINGS)).join(' ');
}

function title(rng: Rng): string {
  const t = `${rng.pick(W.VERBS)} ${words(rng, rng.int(2, 5))}`;
  return t[0]!.toUpperCase() + t.slice(1);
}

/** A page that is no goal doc: process text, lists, a table, code, links to goals and to each other. */
function ordinaryPage(rng: Rng, name: string, goalLinks: string[], siblings: string[]): string {
  const lines = [`# ${title(rng)}`, '', `${words(rng, 30)}.`, ''];
  // Sized like the 2021 handbook's pages: median about 50 lines, a tenth over 130.
  const sections = rng.chance(0.1) ? rng.int(8, 16) : rng.int(1, 6);
  for (let s = 0; s < sections; s++) {
    lines.push(`## ${title(rng)}`, '');
    lines.push(`${words(rng, rng.int(10, 40))}.`, '');
    if (rng.chance(0.6)) for (let i = rng.int(2, 6); i > 0; i--) lines.push(`- ${words(rng, rng.int(4, 12))}`);
    if (rng.chance(0.2)) lines.push('', `- **Owner:** ${rng.pick(W.PEOPLE)}`);
    if (rng.chance(0.15)) lines.push('', '| Step | Who |', '| --- | --- |', `| ${words(rng, 3)} | ${rng.pick(W.PEOPLE)} |`, `| ${words(rng, 3)} | ${rng.pick(W.PEOPLE)} |`);
    if (rng.chance(0.15)) lines.push('', '```sh', `run ${words(rng, 2)}`, '```');
    if (rng.chance(0.5) && goalLinks.length) lines.push('', `See [the goal](${rng.pick(goalLinks)}) for ${words(rng, 4)}.`);
    if (rng.chance(0.5) && siblings.length) lines.push('', `Also [${words(rng, 2)}](${rng.pick(siblings)}).`);
    if (rng.chance(0.3)) lines.push('', `Back to [the top](#${name === 'README' ? 'readme' : 'top'}).`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Writes the workspace; returns its goal docs (relative paths) and the anchors they hold. */
export function generateWorkspace(dir: string, files: number, seed = 1): { goalDocs: string[]; bytes: number; query: string } {
  const rng = createRng(seed);
  const goalDocs: string[] = [];
  const goalLinks: string[] = [];
  let bytes = 0;
  const write = (rel: string, text: string) => {
    const p = path.join(dir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, text);
    bytes += Buffer.byteLength(text);
  };
  // About 5% goal docs (the 2021 handbook: 23 of 343; the 844-file one of issue 14: 39), a
  // goals.md and a goals_completed.md per team folder, 80-400 lines each.
  const goalCount = Math.max(2, Math.round(files * 0.05));
  for (let i = 0; i < goalCount; i++) {
    const team = `${TEAMS[i % TEAMS.length]}${i >= TEAMS.length ? `-${Math.floor(i / TEAMS.length)}` : ''}`;
    const rel = `teams/${team}/${i % 2 === 0 ? 'goals.md' : 'goals_completed.md'}`;
    const text = generateGoalDoc(rng.int(80, 400), seed * 1000 + i);
    write(rel, text);
    goalDocs.push(rel);
    const goal = /^#### (.+)$/m.exec(text);
    if (goal) goalLinks.push(`../../${rel}#${goal[1]!.toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-')}`);
  }
  // The rest: ordinary pages, a fifth of which link into the goal docs.
  const pages: string[] = [];
  for (let i = goalCount; i < files; i++) {
    const team = TEAMS[i % TEAMS.length]!;
    const kind = PAGE_KINDS[i % PAGE_KINDS.length]!;
    pages.push(`teams/${team}/${kind === 'README' ? `${i}/README` : `${kind}-${i}`}.md`);
  }
  pages.forEach((rel, i) => {
    const links = i % 5 === 0 ? goalLinks : [];
    const siblings = [pages[(i + 1) % pages.length]!, pages[(i + 7) % pages.length]!].map((p) => path.relative(path.dirname(rel), p));
    write(rel, ordinaryPage(rng, path.basename(rel, '.md'), links, siblings));
  });
  // A workspace-symbol query as a user types it: the first two words of the last goal doc's first goal.
  const last = readFileSync(path.join(dir, goalDocs[goalDocs.length - 1]!), 'utf8');
  const query = (/^#### (.+)$/m.exec(last)?.[1] ?? 'goal').split(' ').slice(0, 2).join(' ');
  return { goalDocs, bytes, query };
}

function timeCommand(cmd: string, args: string[], cwd: string): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd, stdio: 'ignore' });
  if (r.error) throw r.error;
  return performance.now() - t;
}

function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** The server's first workspace-symbol and references answers over stdio, as an editor asks them. */
async function serverQueries(dir: string, goalDoc: string, query: string): Promise<Pick<WorkspaceResult, 'firstSymbolsMs' | 'symbols' | 'firstReferencesMs' | 'references' | 'serverRssMb'>> {
  const { child, connection, stop } = startBenchServer();
  const rootUri = pathToFileURL(dir).href;
  await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'ws' }], capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } } });
  connection.sendNotification('initialized', {});
  const uri = pathToFileURL(path.join(dir, goalDoc)).href;
  const text = readFileSync(path.join(dir, goalDoc), 'utf8');
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  let t = performance.now();
  const symbols = (await connection.sendRequest('workspace/symbol', { query })) as unknown[];
  const firstSymbolsMs = performance.now() - t;
  const line = text.split('\n').findIndex((l) => l.startsWith('#### '));
  t = performance.now();
  const references = (await connection.sendRequest('textDocument/references', { textDocument: { uri }, position: { line, character: 6 }, context: { includeDeclaration: false } })) as unknown[] | null;
  const firstReferencesMs = performance.now() - t;
  const serverRssMb = rssMb(child.pid!);
  await stop();
  return { firstSymbolsMs, symbols: symbols?.length ?? 0, firstReferencesMs, references: references?.length ?? 0, serverRssMb };
}

export async function measureWorkspace(files: number, keep = false): Promise<WorkspaceResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'goal-docs-ws-'));
  try {
    const { goalDocs, bytes, query } = generateWorkspace(dir, files);
    writeFileSync(path.join(dir, '.markdownlint-cli2.jsonc'), JSON.stringify({ config: { default: false, MD051: true } }));
    const cli = path.join(repo, 'dist', 'cli.js');
    const mdl = path.join(repo, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
    const ours: number[] = [];
    const theirs: number[] = [];
    let markdownlintSkipped: string | undefined;
    // Alternately, so that both see the same machine.
    for (let i = 0; i < 3; i++) {
      ours.push(timeCommand(process.execPath, [cli, 'check'], dir));
      try {
        theirs.push(timeCommand(process.execPath, [mdl, '**/*.md'], dir));
      } catch (e) {
        markdownlintSkipped = (e as Error).message;
      }
    }
    const json = spawnSync(process.execPath, [cli, 'check', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    const cliFindings = (JSON.parse(json.stdout || '[]') as unknown[]).length;
    const queries = await serverQueries(dir, goalDocs[0]!, query);
    return { files, goalDocs: goalDocs.length, bytes, cli: summarize(ours), markdownlint: theirs.length ? summarize(theirs) : undefined, markdownlintSkipped, cliFindings, query, ...queries };
  } finally {
    if (keep) process.stderr.write(`kept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const { values } = parseArgs({ options: { files: { type: 'string', default: '1000' }, keep: { type: 'boolean', default: false } } });
  void measureWorkspace(Number(values.files), values.keep).then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
