// What goal-docs says about other organisations' pages (issue 20): which pages it takes for goal
// docs, and why, and what each rule reports there, per organisation. Read in place from
// ../shared/dialects (never copied), against its SOURCES.tsv labels:
//   - pages/: each page checked alone under its original path (its folder can name its period);
//     file-link rules are left out, as the page's siblings are not there;
//   - trees/: each repository tree checked as `goal-docs check` checks a repository (the same
//     walk, the same goal-doc rule, file links resolved in the tree); files without a label are
//     counted apart.
// Labels: `goal-doc` and `okr` are goal docs, `not-a-goal-doc` ordinary pages; a `roadmap` may
// go either way (its verdict is shown, not scored), but what is reported on it must be true.
//
//   npx tsx bench/dialects.ts [--list] [--org NAME] [--json FILE]
//
// --list prints every page's verdict, its reason and every finding (for reading by hand).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Diagnostic } from 'vscode-languageserver-types';
import { buildGoalDoc } from '../server/src/model/build';
import { computeDiagnostics } from '../server/src/diagnostics/index';
import { explainVerdict, goalDocVerdict } from '../server/src/model/goalDocRule';
import { NodeFileSystem, walkMarkdownFiles } from '../server/src/node/fileSystem';
import { createGoalDocsService } from '../server/src/service/service';
import { defaultSettings } from '../server/src/settings/schema';

const { values: opts } = parseArgs({ options: { list: { type: 'boolean', default: false }, org: { type: 'string' }, json: { type: 'string' } } });
const dialects = path.resolve(__dirname, '..', '..', 'shared', 'dialects');
// The day the calendar rules read: the pages' own time, not today's, would be kinder to old
// pages, but CI runs today; the bench pins one day so that its figures do not age.
const TODAY = new Date(2026, 11, 7);

type Label = 'goal-doc' | 'ordinary' | 'roadmap' | 'unlabelled';

interface Page {
  org: string;
  /** Where it is read from, relative to ../shared/dialects. */
  file: string;
  /** The path the goal-doc rule sees. */
  path: string;
  label: Label;
  goalDoc: boolean;
  reason: string;
  findings: Array<{ line: number; code: string; message: string }>;
}

const settings = defaultSettings();
const toFindings = (ds: Diagnostic[]) => ds.map((d) => ({ line: d.range.start.line + 1, code: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value }));

function labelOf(kind: string | undefined): Label {
  if (kind === 'goal-doc' || kind === 'okr') return 'goal-doc';
  if (kind === 'not-a-goal-doc') return 'ordinary';
  if (kind === 'roadmap') return 'roadmap';
  return 'unlabelled';
}

interface Row {
  file: string;
  repo: string;
  path: string;
  kind: string;
}

function sources(): Row[] {
  const lines = readFileSync(path.join(dialects, 'SOURCES.tsv'), 'utf8').trim().split('\n');
  const header = lines[0]!.split('\t');
  const at = (name: string) => header.indexOf(name);
  return lines.slice(1).map((l) => {
    const c = l.split('\t');
    return { file: c[at('file')]!, repo: c[at('repo')]!, path: c[at('path')]!, kind: c[at('kind')]! };
  });
}

const orgOf = (repo: string) => repo.split('/')[0]!;

/** A page alone, under its original path (no siblings: file-link rules left out). */
function singlePage(row: Row): Page {
  const file = path.join(dialects, row.file);
  const text = readFileSync(file, 'utf8');
  const doc = buildGoalDoc(text, { uri: pathToFileURL(file).href, version: 0 });
  const verdict = goalDocVerdict(row.path, doc, settings);
  const findings = verdict.goalDoc ? toFindings(computeDiagnostics(doc, settings, undefined, undefined, TODAY)) : [];
  return { org: orgOf(row.repo), file: row.file, path: row.path, label: labelOf(row.kind), goalDoc: verdict.goalDoc, reason: explainVerdict(verdict), findings };
}

/** A whole tree as `goal-docs check` checks a repository. */
async function treePages(tree: Row, labels: Map<string, string>): Promise<Page[]> {
  const root = path.join(dialects, tree.file);
  const service = createGoalDocsService({ readable: 'any', today: () => TODAY, fileSystem: new NodeFileSystem(false) });
  service.setWorkspaceFolders([pathToFileURL(root).href]);
  const { files } = await walkMarkdownFiles([root]);
  const pages: Page[] = [];
  for (const f of files.sort()) {
    const uri = pathToFileURL(f).href;
    const rel = path.relative(root, f).split(path.sep).join('/');
    const file = path.relative(dialects, f).split(path.sep).join('/');
    const r = await service.check(uri, false);
    const doc = await service.files.model(uri);
    const verdict = r.kind === 'skipped' ? r.verdict : doc ? goalDocVerdict(rel, doc, settings) : undefined;
    pages.push({
      org: orgOf(tree.repo),
      file,
      path: rel,
      label: labelOf(labels.get(file)),
      goalDoc: r.kind === 'checked',
      reason: verdict ? explainVerdict(verdict) : r.kind,
      findings: r.kind === 'checked' ? toFindings(r.diagnostics).map(notInTree) : [],
    });
  }
  return pages;
}

/**
 * The trees keep their Markdown files only (../shared/dialects/README.md): a link to another kind
 * of file that is missing here says nothing of the repository, and the listing says so.
 */
function notInTree(f: { line: number; code: string; message: string }): { line: number; code: string; message: string } {
  const target = /Link target '([^']+)'/.exec(f.message)?.[1];
  const last = target?.replace(/[?#].*$/, '').split('/').pop() ?? '';
  if (f.code !== 'link.file-missing' || !/\.[A-Za-z0-9]{1,5}$/.test(last) || /\.mdx?$/i.test(last)) return f;
  return { ...f, message: `${f.message} [not judged: the tree keeps Markdown files only]` };
}

function pct(n: number, of: number): string {
  return of === 0 ? '   -' : `${String(Math.round((100 * n) / of)).padStart(3)}%`;
}

function report(pages: Page[]): void {
  const orgs = [...new Set(pages.map((p) => p.org))].sort((a, b) => a.localeCompare(b));
  console.log('organisation          goal docs taken   ordinary left    roadmaps taken  unlabelled taken  findings: goal docs / roadmaps / ordinary / unlabelled');
  const totals = { g: 0, gt: 0, o: 0, ol: 0, r: 0, rt: 0, u: 0, ut: 0, fg: 0, fr: 0, fo: 0, fu: 0 };
  for (const org of orgs) {
    const of = pages.filter((p) => p.org === org);
    const by = (l: Label) => of.filter((p) => p.label === l);
    const findings = (l: Label) => by(l).reduce((n, p) => n + p.findings.length, 0);
    const c = {
      g: by('goal-doc').length, gt: by('goal-doc').filter((p) => p.goalDoc).length,
      o: by('ordinary').length, ol: by('ordinary').filter((p) => !p.goalDoc).length,
      r: by('roadmap').length, rt: by('roadmap').filter((p) => p.goalDoc).length,
      u: by('unlabelled').length, ut: by('unlabelled').filter((p) => p.goalDoc).length,
      fg: findings('goal-doc'), fr: findings('roadmap'), fo: findings('ordinary'), fu: findings('unlabelled'),
    };
    for (const k of Object.keys(totals) as Array<keyof typeof totals>) totals[k] += c[k];
    console.log(`${org.padEnd(22)}${`${c.gt}/${c.g}`.padStart(7)} ${pct(c.gt, c.g)}   ${`${c.ol}/${c.o}`.padStart(7)} ${pct(c.ol, c.o)}   ${`${c.rt}/${c.r}`.padStart(6)}   ${`${c.ut}/${c.u}`.padStart(12)}      ${c.fg} / ${c.fr} / ${c.fo} / ${c.fu}`);
  }
  const t = totals;
  console.log(`${'all'.padEnd(22)}${`${t.gt}/${t.g}`.padStart(7)} ${pct(t.gt, t.g)}   ${`${t.ol}/${t.o}`.padStart(7)} ${pct(t.ol, t.o)}   ${`${t.rt}/${t.r}`.padStart(6)}   ${`${t.ut}/${t.u}`.padStart(12)}      ${t.fg} / ${t.fr} / ${t.fo} / ${t.fu}`);
  const byCode = new Map<string, number>();
  for (const p of pages) for (const f of p.findings) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
  console.log(`\nfindings by rule: ${[...byCode].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}`);
  const wrong = pages.filter((p) => (p.label === 'goal-doc' && !p.goalDoc) || (p.label === 'ordinary' && p.goalDoc));
  if (wrong.length) {
    console.log('\nverdicts against the label:');
    for (const p of wrong) console.log(`  ${p.goalDoc ? 'taken ' : 'missed'} ${p.label.padEnd(9)} ${p.org}: ${p.path}  (${p.reason})`);
  }
  if (!opts.list) return;
  console.log('\nevery page:');
  for (const p of pages) {
    console.log(`  ${p.goalDoc ? 'YES' : ' no'} ${p.label.padEnd(10)} ${p.org}: ${p.path}  (${p.reason})`);
    for (const f of p.findings) console.log(`        ${f.line}: ${f.code}: ${f.message}`);
  }
}

async function main(): Promise<void> {
  if (!existsSync(dialects)) {
    console.log(`dialects: ${dialects} not found: nothing to measure`);
    return;
  }
  const rows = sources();
  const labels = new Map(rows.map((r) => [r.file, r.kind]));
  const pages: Page[] = [];
  for (const row of rows) {
    if (opts.org && orgOf(row.repo) !== opts.org) continue;
    if (row.kind === 'tree') pages.push(...(await treePages(row, labels)));
    else if (row.file.startsWith('pages/')) pages.push(singlePage(row));
  }
  report(pages);
  if (opts.json) writeFileSync(opts.json, JSON.stringify(pages, null, 2));
}

void main();
