// What goal-docs says about real pages (issue 11): which pages it takes for goal docs, and why,
// and what each rule reports on them. Two sources, read in place, never copied:
//   - ../shared/handbook-2021-06: a whole real handbook tree, checked as the CLI checks a
//     repository (the same walk, the same goal-doc rule, file links resolved in the tree);
//   - ../shared/corpus: real goal docs (and the pages of real "mark done" edits), each checked
//     alone under its original path, so file-link rules are left out there (no siblings).
//
//   npx tsx bench/real-pages.ts [--list] [--json FILE]
//
// --list prints every page's verdict and every finding; --json writes all of it to FILE.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildGoalDoc } from '../server/src/model/build';
import { computeDiagnostics } from '../server/src/diagnostics/index';
import { explainVerdict, goalDocVerdict } from '../server/src/model/goalDocRule';
import { NodeFileSystem, walkMarkdownFiles } from '../server/src/node/fileSystem';
import { createGoalDocsService } from '../server/src/service/service';
import type { Diagnostic } from 'vscode-languageserver-types';
import { defaultSettings } from '../server/src/settings/schema';

const { values: opts } = parseArgs({ options: { list: { type: 'boolean', default: false }, all: { type: 'boolean', default: false }, json: { type: 'string' } } });
const shared = path.resolve(__dirname, '..', '..', 'shared');
const handbook = path.join(shared, 'handbook-2021-06');
const corpus = path.join(shared, 'corpus');

interface Page {
  source: 'handbook' | 'corpus';
  /** The path the goal-doc rule sees (relative to the tree's root, or the original path). */
  path: string;
  goalDoc: boolean;
  reason: string;
  /** The verdict in words (model/goalDocRule.ts explainVerdict). */
  why: string;
  findings: Array<{ line: number; code: string; message: string }>;
}

const settings = defaultSettings();

const toFindings = (ds: Diagnostic[]) => ds.map((d) => ({ line: d.range.start.line + 1, code: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value }));

/** A page alone (no sibling files: file-link rules left out), judged under its original path. */
function check(source: Page['source'], rel: string, file: string): Page {
  const text = readFileSync(file, 'utf8');
  const doc = buildGoalDoc(text, { uri: pathToFileURL(file).href, version: 0 });
  const verdict = goalDocVerdict(rel, doc, settings);
  const findings = verdict.goalDoc ? toFindings(computeDiagnostics(doc, settings)) : [];
  return { source, path: rel, goalDoc: verdict.goalDoc, reason: verdict.reason, why: explainVerdict(verdict), findings };
}

/** The whole tree as `goal-docs check` checks it: the same walk and the same service. */
async function handbookPages(): Promise<Page[]> {
  if (!existsSync(handbook)) return [];
  const service = createGoalDocsService({ readable: 'any', fileSystem: new NodeFileSystem(false) });
  service.setWorkspaceFolders([pathToFileURL(handbook).href]);
  const { files } = await walkMarkdownFiles([handbook]);
  const pages: Page[] = [];
  for (const f of files.sort()) {
    const uri = pathToFileURL(f).href;
    const r = await service.check(uri, false);
    const doc = await service.files.model(uri);
    const verdict = r.kind === 'skipped' ? r.verdict : doc ? goalDocVerdict(service.relativePath(uri), doc, settings) : { goalDoc: r.kind === 'checked', reason: 'content' as const };
    pages.push({ source: 'handbook', path: path.relative(handbook, f).split(path.sep).join('/'), goalDoc: r.kind === 'checked', reason: verdict.reason, why: explainVerdict(verdict), findings: r.kind === 'checked' ? toFindings(r.diagnostics) : [] });
  }
  return pages;
}

function corpusPages(): Page[] {
  if (!existsSync(corpus)) return [];
  const pages: Page[] = [];
  const rows = readFileSync(path.join(corpus, 'SOURCES.tsv'), 'utf8').trim().split('\n').slice(1);
  for (const row of rows) {
    const [, , original, , file] = row.split('\t');
    pages.push(check('corpus', original!, path.join(corpus, file!)));
  }
  const seen = new Set<string>();
  for (const line of readFileSync(path.join(corpus, 'done_edits.jsonl'), 'utf8').trim().split('\n')) {
    const edit = JSON.parse(line) as { doc: string; path: string };
    if (seen.has(edit.doc)) continue;
    seen.add(edit.doc);
    pages.push(check('corpus', edit.path, path.join(corpus, edit.doc)));
  }
  pages.push(check('corpus', 'content/engineering/distribution/goals_completed.md', path.join(corpus, 'goals_completed.md')));
  return pages;
}

function summary(title: string, pages: Page[]): void {
  const goalDocs = pages.filter((p) => p.goalDoc);
  const byReason = new Map<string, number>();
  for (const p of pages) byReason.set(`${p.goalDoc ? 'goal doc' : 'not'} (${p.reason})`, (byReason.get(`${p.goalDoc ? 'goal doc' : 'not'} (${p.reason})`) ?? 0) + 1);
  console.log(`\n## ${title}: ${pages.length} pages, ${goalDocs.length} goal docs`);
  for (const [k, n] of [...byReason].sort()) console.log(`  ${String(n).padStart(4)}  ${k}`);
  const byCode = new Map<string, number>();
  for (const p of goalDocs) for (const f of p.findings) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
  const total = [...byCode.values()].reduce((a, b) => a + b, 0);
  console.log(`  findings: ${total}`);
  for (const [code, n] of [...byCode].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) console.log(`  ${String(n).padStart(4)}  ${code}`);
  if (!opts.list) return;
  for (const p of pages) {
    if (!p.goalDoc && p.reason === 'not-enough-content' && !opts.all) continue;
    console.log(`  ${p.goalDoc ? 'YES' : ' no'} ${p.path}  (${p.why})`);
    for (const f of p.findings) console.log(`        ${f.line}: ${f.code}: ${f.message}`);
  }
}

async function main(): Promise<void> {
  if (!existsSync(shared)) {
    console.log(`real-pages: ${shared} not found: nothing to measure`);
    return;
  }
  const hb = await handbookPages();
  const cp = corpusPages();
  summary('handbook-2021-06 (a whole tree, file links resolved)', hb);
  summary('corpus (each page alone; file-link rules left out)', cp);
  if (opts.json) writeFileSync(opts.json, JSON.stringify({ handbook: hb, corpus: cp }, null, 2));
}

void main();
