// One document size, in its own process (a fresh heap, and a crash at 100k lines is reported
// rather than ending the bench): both engines, every operation, written as JSON to argv[3].
//
//   node --expose-gc --import tsx bench/size.ts 20k /tmp/out.json
import { writeFileSync } from 'node:fs';
import type { DocumentSymbol, Position, Range } from 'vscode-languageserver-types';
import { generateGoalDoc, proseEditOffset, SIZES } from './generate';
import { MdlsSession } from './mdls';
import { buildModel, diagnostics, loadCompletion, loadSymbols, memoryWorkspace } from './ours';
import { finishHeapProbe, hasGc, type HeapUse, repeat, type RunPlan, startHeapProbe, type Timing } from './stats';
import type { GoalDoc } from '../server/src/model/types';
import { forgetRecentChunks } from '../server/src/model/build';

const ROOT = 'file:///bench';
const URI = `${ROOT}/goals.md`;
const SIBLINGS = { [`${ROOT}/goals_completed.md`]: '# Completed goals\n\n## 2019\n\n### FY-19-Q4\n\n#### Ship the first installer\n\n- **Owner**: Dave\n' };

/** Runs per row by size; a row also stops once its time budget is spent (never under 2 runs). */
const PLANS: Record<string, { cold: RunPlan; edit: RunPlan; request: RunPlan }> = {
  '200': { cold: { maxRuns: 20, minRuns: 5, budgetMs: 10_000 }, edit: { maxRuns: 20, minRuns: 5, budgetMs: 10_000 }, request: { maxRuns: 50, minRuns: 5, budgetMs: 5_000 } },
  '2k': { cold: { maxRuns: 10, minRuns: 3, budgetMs: 20_000 }, edit: { maxRuns: 10, minRuns: 3, budgetMs: 20_000 }, request: { maxRuns: 30, minRuns: 5, budgetMs: 5_000 } },
  '20k': { cold: { maxRuns: 5, minRuns: 3, budgetMs: 30_000 }, edit: { maxRuns: 12, minRuns: 3, budgetMs: 30_000 }, request: { maxRuns: 20, minRuns: 5, budgetMs: 10_000 } },
  '100k': { cold: { maxRuns: 3, minRuns: 2, budgetMs: 60_000 }, edit: { maxRuns: 3, minRuns: 2, budgetMs: 60_000 }, request: { maxRuns: 10, minRuns: 3, budgetMs: 10_000 } },
};

export interface Row {
  ours?: Timing;
  theirs?: Timing;
  note?: string;
  oursCount?: number;
  theirsCount?: number;
}

export interface SizeResult {
  size: string;
  lines: number;
  bytes: number;
  chars: number;
  rows: { cold: Row; edit: Row; completion: Row; symbols: Row };
  heap?: { ours: HeapUse; theirs: HeapUse };
  features: { completion: string; symbols: string };
  error?: string;
}

const log = (msg: string) => process.stderr.write(`  [${process.argv[2]}] ${msg}\n`);
const now = () => performance.now();

function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** Untimed edits before the timed ones, for each engine. */
const EDIT_WARMUP = 10;

/** The doc with `… [rollout plan](#` typed at the end of a prose line near its end. */
function completionText(text: string): { text: string; offset: number; position: Position } {
  let last: RegExpExecArray | undefined;
  for (const m of text.matchAll(/^[A-Z][a-z][^\n]{30,}$/gm)) last = m;
  if (!last) throw new Error('no prose line to type a link in');
  const at = last.index + last[0].length;
  const typed = ' See the [rollout plan](#';
  const next = text.slice(0, at) + typed + text.slice(at);
  const offset = at + typed.length;
  return { text: next, offset, position: positionAt(next, offset) };
}

function countSymbols(list: DocumentSymbol[]): number {
  return list.reduce((n, sym) => n + 1 + countSymbols(sym.children ?? []), 0);
}

async function warmUp(): Promise<void> {
  const text = generateGoalDoc(2_000, 7);
  const files = memoryWorkspace(ROOT, SIBLINGS);
  const doc = buildModel(text, URI, 1);
  diagnostics(doc, files);
  diagnostics(buildModel(text.replace('the', 'thee'), URI, 2, doc), files);
  const s = new MdlsSession(ROOT, URI, text, SIBLINGS);
  await s.diagnostics();
  await s.symbols();
  s.applyEdit({ start: { line: 40, character: 0 }, end: { line: 40, character: 0 } }, 'x');
  s.notifyChange();
  await s.diagnostics();
  s.dispose();
}

async function run(sizeName: string): Promise<SizeResult> {
  const size = SIZES.find((s) => s.name === sizeName);
  if (!size) throw new Error(`unknown size ${sizeName}; one of ${SIZES.map((s) => s.name).join(', ')}`);
  const plan = PLANS[size.name];
  const text = generateGoalDoc(size.lines);
  const result: SizeResult = {
    size: size.name,
    lines: text.split('\n').length,
    bytes: Buffer.byteLength(text),
    chars: text.length,
    rows: { cold: {}, edit: {}, completion: {}, symbols: {} },
    features: { completion: '', symbols: '' },
  };
  const files = memoryWorkspace(ROOT, SIBLINGS);
  files.model(`${ROOT}/goals_completed.md`);
  log(`${result.lines} lines, ${result.bytes} bytes; warming up`);
  await warmUp();

  // A feature's export and call shape are found on a small doc, so probing costs nothing at 100k.
  const probeText = completionText(generateGoalDoc(2_000, 7));
  const probeDoc = buildModel(probeText.text, URI, 1);
  const completion = await loadCompletion({ doc: probeDoc, param: probeText.position }, files);
  const symbols = await loadSymbols({ doc: probeDoc, param: undefined });
  result.features = { completion: completion.source, symbols: symbols.source };
  log(`completion: ${completion.source}`);
  log(`symbols: ${symbols.source}`);

  // Cold open: model, diagnostics, symbols on a new document; heap measured around each run.
  log('cold open, ours');
  const oursHeap: HeapUse[] = [];
  let model: GoalDoc | undefined;
  let count = 0;
  result.rows.cold.ours = await repeat(plan.cold, async () => {
    model = undefined;
    // A new document: none of its chunks was parsed for another one (the last run's are forgotten).
    forgetRecentChunks();
    const probe = hasGc ? startHeapProbe() : undefined;
    const t = now();
    const doc = buildModel(text, URI, 1);
    const diags = diagnostics(doc, files);
    await symbols.call(doc, undefined);
    const elapsed = now() - t;
    if (probe) oursHeap.push(finishHeapProbe(probe));
    model = doc;
    count = diags.length;
    return elapsed;
  });
  result.rows.cold.oursCount = count;
  result.rows.cold.note = `ours: model + ${count} diagnostics + symbols (${symbols.available ? 'feature' : 'lookup'}); theirs: diagnostics + symbols`;

  log('cold open, vscode-markdown-languageservice');
  const theirsHeap: HeapUse[] = [];
  let session: MdlsSession | undefined;
  result.rows.cold.theirs = await repeat(plan.cold, async () => {
    session?.dispose();
    session = undefined;
    const probe = hasGc ? startHeapProbe() : undefined;
    const t = now();
    const s = new MdlsSession(ROOT, URI, text, SIBLINGS);
    const diags = await s.diagnostics();
    await s.symbols();
    const elapsed = now() - t;
    s.parser.clear();
    if (probe) theirsHeap.push(finishHeapProbe(probe));
    session = s;
    count = diags.length;
    return elapsed;
  });
  result.rows.cold.theirsCount = count;
  if (hasGc) {
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
    const fold = (hs: HeapUse[]): HeapUse => ({ peakBytes: Math.max(...hs.map((h) => h.peakBytes)), retainedBytes: med(hs.map((h) => h.retainedBytes)) });
    result.heap = { ours: fold(oursHeap), theirs: fold(theirsHeap) };
  }

  // One-character edits on successive versions, alternately typing and deleting an `e`.
  const offset = proseEditOffset(text);
  const position = positionAt(text, offset);
  const typed = text.slice(0, offset) + 'e' + text.slice(offset);
  // Each engine first types EDIT_WARMUP untimed characters (an even number, so the text is back
  // where it started): what is timed is typing, not the compiler warming up to the edit path.
  log(`edit at line ${position.line + 1}, ours`);
  let version = 1;
  const editOurs = (i: number): number => {
    const next = i % 2 === 0 ? typed : text;
    // Typing forward makes chunk texts never seen before; the delete would find its chunk among
    // those parsed lately (which backspacing does find), so they are forgotten: each edit parses.
    forgetRecentChunks();
    const t = now();
    const doc = buildModel(next, URI, ++version, model);
    const diags = diagnostics(doc, files);
    const elapsed = now() - t;
    model = doc;
    count = diags.length;
    return elapsed;
  };
  for (let w = 0; w < EDIT_WARMUP; w++) editOurs(w);
  result.rows.edit.ours = await repeat(plan.edit, (i) => editOurs(i));
  result.rows.edit.oursCount = count;

  log('edit, vscode-markdown-languageservice');
  const s = session!;
  const editTheirs = async (i: number): Promise<number> => {
    const range: Range = i % 2 === 0 ? { start: position, end: position } : { start: position, end: { line: position.line, character: position.character + 1 } };
    s.applyEdit(range, i % 2 === 0 ? 'e' : '');
    const t = now();
    s.notifyChange();
    const diags = await s.diagnostics();
    const elapsed = now() - t;
    count = diags.length;
    return elapsed;
  };
  for (let w = 0; w < EDIT_WARMUP; w++) await editTheirs(w);
  result.rows.edit.theirs = await repeat(plan.edit, editTheirs);
  result.rows.edit.theirsCount = count;
  if (s.doc.getText() !== text) s.applyEdit({ start: position, end: { line: position.line, character: position.character + 1 } }, '');
  result.rows.edit.note = 'model + diagnostics for the new version, previous model passed to buildGoalDoc';

  // Completion after `](#` near the end, on a version both engines have already analysed.
  log('completion and symbols');
  const cText = completionText(text);
  const completionModel = buildModel(cText.text, URI, ++version, model);
  s.applyEdit({ start: { line: 0, character: 0 }, end: s.doc.positionAt(s.doc.getText().length) }, cText.text);
  s.notifyChange();
  await s.diagnostics();
  result.rows.completion.ours = await repeat(plan.request, async () => {
    const t = now();
    count = (await completion.call(completionModel, cText.position)).length;
    return now() - t;
  });
  result.rows.completion.oursCount = count;
  result.rows.completion.theirs = await repeat(plan.request, async () => {
    const t = now();
    count = (await s.completion(cText.position)).length;
    return now() - t;
  });
  result.rows.completion.theirsCount = count;
  result.rows.completion.note = completion.available ? completion.source : '(feature not yet available) model lookup';

  result.rows.symbols.ours = await repeat(plan.request, async () => {
    const t = now();
    count = countSymbols(await symbols.call(completionModel, undefined));
    return now() - t;
  });
  result.rows.symbols.oursCount = count;
  result.rows.symbols.theirs = await repeat(plan.request, async () => {
    const t = now();
    count = countSymbols(await s.symbols());
    return now() - t;
  });
  result.rows.symbols.theirsCount = count;
  result.rows.symbols.note = symbols.available ? symbols.source : '(feature not yet available) model lookup';
  s.dispose();
  return result;
}

async function main(): Promise<void> {
  const [sizeName, out] = process.argv.slice(2);
  if (!sizeName || !out) {
    process.stderr.write('usage: node --expose-gc --import tsx bench/size.ts <200|2k|20k|100k> <out.json>\n');
    process.exit(2);
  }
  writeFileSync(out, JSON.stringify(await run(sizeName), null, 2));
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
