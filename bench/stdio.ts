// The stdio row of the bench (issue 14): a word typed into a 20,000-line goal doc (each edit a
// new word in place of the last), timed from the `didChange` notification sent to the pulled
// diagnostics received, against the built server (`node dist/server.js --stdio`), as an editor
// that pulls diagnostics sees it. The pull carries the previous result id, so an edit that leaves
// the diagnostics as they were is answered `unchanged`; the kinds of the reports are counted.
//
//   npx tsx bench/stdio.ts [lines]          (needs dist/: npm run build)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateGoalDoc, proseEditOffset } from './generate';
import { startBenchServer } from './server';
import { summarize, type Timing } from './stats';

const WARMUP = 10;
const RUNS = 30;

export interface StdioResult {
  lines: number;
  edit: Timing;
  /** Diagnostics in the first (full) report. */
  diagnostics: number;
  reports: { full: number; unchanged: number };
}

type Report = { kind: 'full'; resultId: string; items: unknown[] } | { kind: 'unchanged'; resultId: string };

export async function measureStdioEdit(lines = 20_000): Promise<StdioResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'goal-docs-stdio-'));
  const file = path.join(dir, 'goals.md');
  const text = generateGoalDoc(lines);
  writeFileSync(file, text);
  const { connection, stop } = startBenchServer();
  try {
    const rootUri = pathToFileURL(dir).href;
    await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'ws' }], capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: {} } } });
    connection.sendNotification('initialized', {});
    const uri = pathToFileURL(file).href;
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const pull = (previousResultId?: string) => connection.sendRequest<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
    let last = await pull();
    const diagnostics = last.kind === 'full' ? last.items.length : 0;
    // Where the bench's in-process edit row types: after a word in the middle goal's prose.
    const offset = proseEditOffset(text);
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    const character = offset - (before.lastIndexOf('\n') + 1);
    const samples: number[] = [];
    const reports = { full: 0, unchanged: 0 };
    // Typing forward: each edit replaces what the last one typed with a word not typed before, so
    // that no version's changed chunk is one the server parsed lately (a delete back to the
    // original text would find it among the chunks it keeps for other documents).
    let typed = '';
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const word = `e${i}`;
      const change = { range: { start: { line, character }, end: { line, character: character + typed.length } }, text: word };
      typed = word;
      const t = performance.now();
      connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [change] });
      last = await pull(last.resultId);
      const elapsed = performance.now() - t;
      if (i >= WARMUP) {
        samples.push(elapsed);
        reports[last.kind]++;
      }
    }
    return { lines, edit: summarize(samples), diagnostics, reports };
  } finally {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void measureStdioEdit(Number(process.argv[2] ?? 20_000)).then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
