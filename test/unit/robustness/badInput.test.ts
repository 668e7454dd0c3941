// Inputs that break naive Markdown tools: each is parsed, checked and served by every feature
// without an exception, within a bounded time, and a part past the parser's limits costs that
// part its structure (one `file.not-analysed` message) rather than the whole document.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { buildGoalDoc } from '../../../server/src/model/build';
import type { GoalDoc } from '../../../server/src/model/types';
import { computeDiagnostics } from '../../../server/src/diagnostics/index';
import { defaultSettings } from '../../../server/src/settings/schema';
import { LIMITS } from '../../../server/src/model/limits';
import { provideCompletions } from '../../../server/src/features/completion';
import { provideDocumentSymbols } from '../../../server/src/features/documentSymbols';
import { NOT_CANCELLED } from '../../../server/src/workspace/goalDocWorkspace';
import { runCli } from '../../../server/src/cli/main';
import { checkEveryFeature, FuzzWorkspace, ROOT } from './check';

const URI = `${ROOT}/goals.md`;

/** Builds the model and the diagnostics, and says how long that took. */
function analyse(text: string): { doc: GoalDoc; codes: string[]; ms: number } {
  const t = performance.now();
  const doc = buildGoalDoc(text, { uri: URI, version: 1 });
  const codes = computeDiagnostics(doc, defaultSettings()).map((d) => String(d.code));
  return { doc, codes, ms: performance.now() - t };
}

async function everyFeature(doc: GoalDoc): Promise<void> {
  const ws = new FuzzWorkspace();
  ws.set(doc);
  await checkEveryFeature(ws, doc, { positions: [0, 0.3, 0.7, 1], newNames: ['Renamed'], applyFixes: false });
}

/** Random UTF-16 code units from a fixed seed, NUL included: a binary file read as text. */
function binaryJunk(length: number, seed: number, avoid: number[] = []): string {
  let a = seed >>> 0;
  const units: number[] = [];
  while (units.length < length) {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    const u = a >>> 16;
    if (!avoid.includes(u & 0xff)) units.push(avoid.length ? u & 0xff : u);
  }
  return String.fromCharCode(...units.slice(0, 60_000)) + (length > 60_000 ? binaryJunk(length - 60_000, a, avoid) : '');
}

const GOALS = '# Goals\n\n[q](#fy-24-q2)\n\n## FY-24-Q1\n\n### Ship it\n\n- Owner: Ann\n';

describe('robustness: bad input', () => {
  it('an empty file, and files of only blank lines, BOM or line breaks', { timeout: 60_000 }, async () => {
    for (const text of ['', '\n', '\r\n\r\n', '\r', '\uFEFF', '\uFEFF\n', ' \t ', '#', '-', '>', '```', '|']) {
      const { doc, codes } = analyse(text);
      assert.equal(doc.text, text);
      assert.deepEqual(codes, [], JSON.stringify(text));
      await everyFeature(doc);
    }
  });

  it('binary junk: a NUL marks it binary, so the parser never sees it and one message says why', { timeout: 60_000 }, async () => {
    const junk = binaryJunk(1_000_000, 7);
    const { doc, codes, ms } = analyse(junk);
    assert.deepEqual(codes, ['file.not-analysed']);
    assert.match(doc.unanalysed[0].reason, /NUL/);
    assert.ok(ms < 5000, `${Math.round(ms)} ms`);
    await everyFeature(buildGoalDoc(binaryJunk(20_000, 8), { uri: URI, version: 1 }));
  });

  it('junk without NUL (random bytes, brackets and all) is parsed or left out in bounded time', { timeout: 60_000 }, async () => {
    const junk = binaryJunk(300_000, 9, [0]);
    const { doc, ms } = analyse(junk);
    assert.ok(ms < 10_000, `${Math.round(ms)} ms for ${junk.length} characters`);
    assert.ok(doc.unanalysed.length > 0, 'long junk paragraphs are left out');
    assert.match(doc.unanalysed[0].reason, /paragraph/);
  });

  it('a 1 MB single line is left out, and the headings and links around it still count', { timeout: 60_000 }, async () => {
    const line = 'word [link](#x) *em* '.repeat(50_000);
    const text = `${GOALS}\n## FY-24-Q2\n\n${line}\n\n## 2023\n\n[back](#nowhere)\n`;
    const { doc, codes, ms } = analyse(text);
    assert.ok(ms < 5000, `${Math.round(ms)} ms`);
    assert.deepEqual(doc.headings.map((h) => h.text), ['Goals', 'FY-24-Q1', 'Ship it', 'FY-24-Q2', '2023']);
    assert.deepEqual(codes, ['file.not-analysed', 'anchor.missing']);
    const d = computeDiagnostics(doc, defaultSettings()).find((x) => x.code === 'file.not-analysed')!;
    assert.equal(d.range.start.line, 12);
    assert.match(d.message as string, /^Goal Docs does not analyse line 13: a paragraph is longer than 20,000 characters/);
    await everyFeature(doc);
  });

  it('10,000-deep nested lists and block quotes: no stack overflow, no hang, the section is left out', { timeout: 60_000 }, async () => {
    // Nesting by markers on one line; by indentation only 1,000 deep (10,000 would be 100 MB).
    const list = '- '.repeat(10_000) + 'x';
    const ordered = '1. '.repeat(10_000) + 'x';
    const quote = '>'.repeat(10_000) + ' deep';
    const mixed = '> - '.repeat(5_000) + 'x';
    const quoteLines = Array.from({ length: 10_000 }, (_, i) => `${'>'.repeat(i + 1)} q`).join('\n').slice(0, 2_000_000);
    const indented = Array.from({ length: 1_000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    for (const [name, deep] of Object.entries({ list, ordered, quote, mixed, quoteLines, indented })) {
      const text = `${GOALS}\n## FY-24-Q2\n\n${deep}\n\n## 2023\n\n[back](#nowhere)\n`;
      const { doc, codes, ms } = analyse(text);
      assert.ok(ms < 5000, `${name}: ${Math.round(ms)} ms`);
      assert.deepEqual(codes, ['file.not-analysed', 'anchor.missing'], name);
      assert.match(doc.unanalysed[0].reason, /nested about \d+ deep \(the limit is 100\)|nested lists or quotes/, name);
      // The section's heading stays, so the link to it still resolves.
      assert.ok(doc.headings.some((h) => h.slug === 'fy-24-q2'), name);
      await everyFeature(doc);
    }
  });

  it('many nested lists in one section (quadratic in the parser) are left out past a bound', { timeout: 60_000 }, () => {
    const pairs = Array.from({ length: 4000 }, (_, i) => `- item ${i}\n  - outcome`).join('\n');
    const { doc, ms } = analyse(`${GOALS}\n## FY-24-Q2\n\n${pairs}\n`);
    assert.ok(ms < 5000, `${Math.round(ms)} ms`);
    assert.match(doc.unanalysed[0]?.reason ?? '', /nested lists or quotes/);
    // A real section of the same shape is analysed: 50 milestones, each with an outcome.
    const real = analyse(`${GOALS}\n## FY-24-Q2\n\n${pairs.split('\n').slice(0, 100).join('\n')}\n`);
    assert.deepEqual(real.doc.unanalysed, []);
  });

  it('a stack overflow inside the parser costs the chunk its structure, not the process', { timeout: 60_000 }, () => {
    // Called with less and less stack left, the parse of nesting inside the limits overflows in
    // micromark's recursion before anything of ours does: that chunk keeps only its heading.
    // Deep lists, and deep emphasis inside the deepest item: a parse that needs much more stack than
    // the fallback does, so that some call depth lets the one fail and the other run.
    const emphasis = '*x '.repeat(300) + 'y' + ' x*'.repeat(300);
    const deep = Array.from({ length: LIMITS.nesting - 5 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n') + ` ${emphasis}`;
    const text = `# Goals\n\n## Deep\n\n${deep}\n`;
    const atDepth = <T>(n: number, f: () => T): T => (n === 0 ? f() : atDepth(n - 1, f));
    const fits = (n: number) => {
      try {
        atDepth(n, () => 0);
        return true;
      } catch {
        return false;
      }
    };
    let top = 1000;
    while (fits(top * 2)) top *= 2;
    for (let step = top / 2; step >= 1; step /= 2) if (fits(top + step)) top += step;
    // From the deepest call that fits downwards, until a parse finds the stack it needs.
    const outcomes = new Set<string>();
    for (let n = top; n > 0; n -= 10) {
      let doc: GoalDoc;
      try {
        doc = atDepth(n, () => buildGoalDoc(text, { uri: URI, version: 1 }));
      } catch {
        continue; // so little stack left that our own code overflows: the caller's problem
      }
      const outcome = JSON.stringify([doc.headings.map((h) => h.text), doc.unanalysed.map((u) => u.reason)]);
      outcomes.add(outcome);
      if (doc.unanalysed.length === 0) break;
    }
    assert.ok(outcomes.has(JSON.stringify([['Goals', 'Deep'], ['it is nested too deeply for the Markdown parser']])), [...outcomes].join('\n'));
  });

  it('CRLF, lone CR and mixed line endings give the same structure and positions as LF', { timeout: 60_000 }, async () => {
    const lines = ['# Goals', '', '- [2024](#2024)', '  - [FY-24-Q1](#fy-24-q1)', '', '## 2024', '', '### FY-24-Q1', '', '#### Ship it', '', '- Owner: Ann', '- ~~Design~~ Done: 3.19', '', '### FY-24-Q2', ''];
    const lf = buildGoalDoc(lines.join('\n'), { uri: URI, version: 1 });
    const shape = (d: GoalDoc) => ({ headings: d.headings.map((h) => [h.text, h.slug, h.kind, h.range]), items: d.items.map((m) => [m.text, m.range.start]), toc: d.toc?.entries.map((e) => [e.text, e.range]) });
    for (const eol of ['\r\n', '\r', 'mixed']) {
      // (A lone CR before an empty line ending in LF would make one CRLF: that line gets a CRLF.)
      const mixed = (i: number) => (i % 3 === 2 && lines[i + 1] === '' ? '\r\n' : ['\n', '\r\n', '\r'][i % 3]);
      const text = eol === 'mixed' ? lines.map((l, i) => l + mixed(i)).join('') : lines.join(eol);
      const doc = buildGoalDoc(text, { uri: URI, version: 1 });
      assert.deepEqual(shape(doc), shape(lf), JSON.stringify(eol));
      await everyFeature(doc);
    }
  });

  it('a BOM shifts nothing but the first line, and never becomes part of a heading', { timeout: 60_000 }, async () => {
    const text = '\uFEFF# Goals\n\n[q](#goals)\n\n## FY-24-Q1\n';
    const { doc, codes } = analyse(text);
    assert.deepEqual(codes, []);
    assert.equal(doc.headings[0].text, 'Goals');
    assert.deepEqual(doc.headings[0].range.start, { line: 0, character: 1 });
    assert.deepEqual(doc.links[0].fragmentRange?.start, { line: 2, character: 5 });
    await everyFeature(doc);
  });

  it('a second BOM is an ordinary character and shifts nothing (found by npm run fuzz)', { timeout: 60_000 }, async () => {
    const text = '\uFEFF\uFEFF\nSome text\n#### Ship it\n\n[q](#ship-it)\n';
    const { doc } = analyse(text);
    assert.equal(doc.headings[0].text, 'Ship it');
    assert.deepEqual(doc.headings[0].range, { start: { line: 2, character: 0 }, end: { line: 2, character: 12 } });
    assert.deepEqual(doc.links[0].fragmentRange?.start, { line: 4, character: 5 });
    await everyFeature(doc);
  });

  it('lone UTF-16 surrogates in headings, links and items', { timeout: 60_000 }, async () => {
    const text = '# Goals \uD800\n\n[a](#goals-\uD800) [b](#\uDC00)\n\n## FY-24-Q1\n\n### Ship \uDFFF it\n\n- Owner: \uD83E\n- ~~\uDC00~~ Done: 3.1\n';
    const { doc } = analyse(text);
    assert.equal(doc.headings.length, 3);
    await everyFeature(doc);
  });

  it('a 5,000-character heading, and many of them with broken links nearby, stay fast', { timeout: 60_000 }, async () => {
    const long = 'Goal ' + 'abcdefghij'.repeat(500);
    const one = analyse(`# ${long}\n\n[x](#${long.toLowerCase().replace(/ /g, '-')}x)\n`);
    assert.deepEqual(one.codes, ['anchor.missing']);
    await everyFeature(one.doc);
    // Suggestions compare 80 such headings with a 5,000-character fragment.
    const slug = long.toLowerCase().replace(/ /g, '-');
    const many = Array.from({ length: 80 }, (_, i) => `## ${i} ${long}\n`).join('\n') + `\n[x](#${'y'.repeat(5000)})\n[z](#3-x${slug.slice(1)})\n`;
    const { codes, ms } = analyse(many);
    assert.deepEqual(codes, ['anchor.missing', 'anchor.missing']);
    assert.ok(ms < 5000, `${Math.round(ms)} ms`);
  });

  it('10,000 headings with one title: GitHub suffixes -1…-9999, in time linear in their number', { timeout: 60_000 }, async () => {
    const headings = (n: number) => Array.from({ length: n }, () => '## Same\n').join('\n');
    const cpu = (n: number) => {
      const t = process.cpuUsage();
      const doc = buildGoalDoc(headings(n), { uri: URI, version: 1 });
      computeDiagnostics(doc, defaultSettings());
      const used = process.cpuUsage(t);
      return { doc, ms: (used.user + used.system) / 1000 };
    };
    cpu(500); // warm up
    const small = cpu(2500);
    const big = cpu(10_000);
    assert.equal(big.doc.headings[1].slug, 'same-1');
    assert.equal(big.doc.headings[9999].slug, 'same-9999');
    // Four times the headings: about four times the work; quadratic work would be sixteen.
    assert.ok(big.ms < small.ms * 9, `2,500 headings ${Math.round(small.ms)} ms, 10,000 headings ${Math.round(big.ms)} ms`);
    const symbols = provideDocumentSymbols(big.doc, NOT_CANCELLED);
    assert.equal(symbols.length, 10_000);
    const doc = buildGoalDoc(`[x](#same-9)\n\n${headings(10_000)}`, { uri: URI, version: 1 });
    const items = await provideCompletions(doc, { line: 0, character: 6 }, new FuzzWorkspace(), NOT_CANCELLED);
    assert.equal(items.items.length, 10_000);
  });

  it('the CLI skips a 10 MB goal doc over goalDocs.maxFileSize with a message, at once', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'goal-docs-big-'));
    writeFileSync(path.join(dir, 'goals.md'), '## FY-24-Q1\n\n#### Goal\n\n- Owner: a\n'.repeat(300_000).slice(0, 10_000_000));
    const out: string[] = [];
    const err: string[] = [];
    const t = performance.now();
    const code = await runCli(['check', 'goals.md'], dir, (s) => out.push(s), (s) => err.push(s));
    assert.equal(code, 0);
    assert.match(err.join(''), /skipped goals\.md: 10000000 characters is more than goalDocs\.maxFileSize \(5000000\)/);
    assert.ok(performance.now() - t < 5000);
  });

  it('the CLI walks a folder with a symlink loop, an empty, a binary and a dangling file', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'goal-docs-cli-'));
    mkdirSync(path.join(dir, 'team'));
    writeFileSync(path.join(dir, 'team', 'goals.md'), '');
    writeFileSync(path.join(dir, 'binary_goals.md'), binaryJunk(50_000, 3));
    writeFileSync(path.join(dir, 'okr_goals.md'), '## FY-24-Q1\n\n[x](#nowhere)\n');
    symlinkSync(dir, path.join(dir, 'team', 'loop'));
    symlinkSync(path.join(dir, 'gone.md'), path.join(dir, 'dangling_goals.md'));
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['check', '--format', 'json'], dir, (x) => out.push(x), (x) => err.push(x));
    assert.equal(code, 1, err.join(''));
    const rows = JSON.parse(out.join('')) as Array<{ file: string; code: string }>;
    // Binary junk named like a goal doc shows nothing of one: the walk leaves it out…
    assert.deepEqual(rows.map((r) => [r.file, r.code]), [['okr_goals.md', 'anchor.missing']]);
    // …and named on the command line it is checked, and says it was not analysed.
    const named: string[] = [];
    await runCli(['check', '--format', 'json', 'binary_goals.md'], dir, (x) => named.push(x), () => undefined);
    assert.deepEqual((JSON.parse(named.join('')) as Array<{ code: string }>).map((r) => r.code), ['file.not-analysed']);
  });

  it('a real-shaped 10 MB goal doc builds in time linear in its size', { skip: !process.env.GOAL_DOCS_FUZZ && 'long run only (npm run fuzz)', timeout: 1_800_000 }, () => {
    const section = (i: number) => `## FY-${20 + (i % 5)}-Q${(i % 4) + 1}\n\n### Goal ${i}\n\n- **Owner**: Ann\n- **Milestones**:\n  - ~~Design [spec](#goal-${i})~~ Done: \`3.19\`\n  - Build **In progress**\n\n`;
    const make = (size: number) => {
      const parts: string[] = [];
      let length = 0;
      for (let i = 0; length < size; i++) {
        parts.push(section(i));
        length += parts[parts.length - 1].length;
      }
      return parts.join('');
    };
    const cpu = (text: string) => {
      const t = process.cpuUsage();
      const doc = buildGoalDoc(text, { uri: URI, version: 1 });
      computeDiagnostics(doc, defaultSettings());
      const used = process.cpuUsage(t);
      return { doc, ms: (used.user + used.system) / 1000 };
    };
    cpu(make(100_000));
    const one = cpu(make(1_000_000));
    const ten = cpu(make(10_000_000));
    assert.deepEqual(ten.doc.unanalysed, []);
    assert.ok(ten.ms < one.ms * 15, `1 MB ${Math.round(one.ms)} ms, 10 MB ${Math.round(ten.ms)} ms`);
    console.log(`# 10 MB goal doc: ${ten.doc.headings.length} headings in ${Math.round(ten.ms)} ms of CPU (1 MB: ${Math.round(one.ms)} ms)`);
  });

  it('a 10 MB document of only pathological parts is left out in bounded time', { timeout: 60_000 }, () => {
    const text = `${GOALS}\n## Export\n\n` + 'x'.repeat(10_000_000) + '\n';
    const { doc, codes, ms } = analyse(text);
    assert.deepEqual(codes, ['anchor.missing', 'file.not-analysed']);
    assert.equal(doc.headings.length, 4);
    assert.ok(ms < 5000, `${Math.round(ms)} ms`);
  });
});
