// After any sequence of edits, the model built by reusing the previous version's chunks must equal
// a full parse of the same text: the incremental path may only ever be faster, never different.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildGoalDoc, forgetRecentChunks, isSuperseded, parseGoalDoc, recentChunkStats } from '../../server/src/model/build';
import { evidenceOf } from '../../server/src/model/evidence';
import type { GoalDoc, Heading } from '../../server/src/model/types';
import { computeDiagnostics } from '../../server/src/diagnostics/index';
import { defaultSettings } from '../../server/src/settings/schema';
import { CORPUS_SKIP, corpusDocs } from '../support/corpus';
import { dedent } from '../support/fixture';

/** Everything a feature can read of a model, with links between objects as heading indexes. */
function project(doc: GoalDoc): unknown {
  const h = (x: Heading | undefined) => x?.index;
  const items = (ms: GoalDoc['items']): unknown => ms.map((m) => ({ ...m, children: items(m.children) }));
  return JSON.parse(
    JSON.stringify({
      lineStarts: doc.lineStarts,
      headings: doc.headings.map((x) => ({ ...x, explicitId: undefined })),
      links: doc.links,
      htmlAnchors: doc.htmlAnchors,
      toc: doc.toc,
      years: doc.years.map((y) => ({ heading: h(y.heading), year: y.year, scheme: y.scheme, quarters: y.quarters.map((q) => h(q.heading)) })),
      quarters: doc.quarters.map((q) => ({ heading: h(q.heading), label: q.label, year: h(q.year?.heading), goals: q.goals.map((g) => h(g.heading)) })),
      goals: doc.goals.map((g) => ({ ...g, heading: h(g.heading), quarter: h(g.quarter?.heading), section: h(g.section), items: items(g.items), fields: g.fields.map((f) => ({ ...f, items: items(f.items) })) })),
      badQuarterLabels: doc.badQuarterLabels.map(h),
      items: items(doc.items),
      mojibake: doc.mojibake,
      codeSpans: doc.codeSpans,
      evidence: evidenceOf(doc),
      markers: doc.markers,
    }),
  );
}

/** A small deterministic PRNG (mulberry32), so a failure can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Snippets that change structure where it matters: headings, fences, lists, strikes, links,
// reference definitions, HTML comments, line endings.
const SNIPPETS = ['x', ' ', '\n', '\n\n', '## FY-24-Q1\n\n', '\n#### New goal\n\n- Owner: Zed\n', '```\n', '~~', '- ~~Item~~ Done: 3.1\n', '[a](#fy-24-q1)', '[ref]: #x\n', '<!--\n', '-->\n', '<!-- goal-docs: off -->\n', '\r\n', '# ', '\n> quote\n', '1. ✅ Step\n', '[ref]'];

function randomEdit(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (text.length + 1));
  if (rnd() < 0.35 && text.length > 0) {
    const len = Math.min(text.length - at, 1 + Math.floor(rnd() * 40));
    return text.slice(0, at) + text.slice(at + len);
  }
  return text.slice(0, at) + SNIPPETS[Math.floor(rnd() * SNIPPETS.length)] + text.slice(at);
}

function checkSequence(start: string, seed: number, steps: number): void {
  const rnd = prng(seed);
  let text = start;
  let parsed = parseGoalDoc(text, { uri: 'file:///ws/goals.md', version: 0 });
  for (let step = 1; step <= steps; step++) {
    text = randomEdit(text, rnd);
    const previous = parsed;
    parsed = parseGoalDoc(text, { uri: 'file:///ws/goals.md', version: step, previous });
    assert.ok(isSuperseded(previous.model) && !isSuperseded(parsed.model), 'the model a version was built from is marked superseded');
    const doc = parsed.model;
    const full = buildGoalDoc(text, { uri: 'file:///ws/goals.md', version: step, wholeDocument: true });
    const where = `seed ${seed}, step ${step}`;
    assert.deepEqual(project(doc), project(full), `model differs from a whole-document parse (${where})`);
    assert.deepEqual(computeDiagnostics(doc, defaultSettings()), computeDiagnostics(full, defaultSettings()), `diagnostics differ (${where})`);
  }
}

const FIXTURE = dedent(`
  # Goals

  - [**2024**](#2024)
    - [FY-24-Q2](#fy-24-q2)

  ## 2024

  ### FY-24-Q2

  #### Ship it [now][ref]

  - **Owner**: Ann
  - **Milestones**:
    - ~~Design~~ Done: 3.19
    - Build **In progress**

  \`\`\`
  ## not a heading

  ## still code
  \`\`\`

  <!--
  ## commented out
  -->

  ### FY-24-Q1

  #### Ship it [now][ref]

  - Owner:

  [ref]: https://example.com
`);

describe('incremental model', () => {
  it('parses every corpus doc in chunks exactly as in one piece', { skip: CORPUS_SKIP }, () => {
    for (const file of corpusDocs()) {
      const text = readFileSync(file, 'utf8');
      const chunked = buildGoalDoc(text, { uri: 'file:///ws/goals.md', version: 1 });
      const whole = buildGoalDoc(text, { uri: 'file:///ws/goals.md', version: 1, wholeDocument: true });
      assert.deepEqual(project(chunked), project(whole), file);
    }
  });

  it('resolves a reference in another chunk past a line that only looks like its definition', () => {
    // `[ref]:1. Step` has no valid title, so it is text; the definition is the later `[ref]: …`.
    const text = '# Goals\n\n[ref]:1. ✅ Step\n\n## Ship it [now][ref]\n\n- Owner: Ann\n\n## Links\n\n[ref]: https://example.com\n';
    const chunked = buildGoalDoc(text, { uri: 'file:///ws/goals.md', version: 1 });
    const whole = buildGoalDoc(text, { uri: 'file:///ws/goals.md', version: 1, wholeDocument: true });
    assert.equal(whole.headings[1]!.text, 'Ship it now');
    assert.deepEqual(project(chunked), project(whole));
  });

  it('never starts a chunk inside code that a comment in a list item hid from the splitter', () => {
    // The comment opened in the list item ends with the item; the fence after it is open to the
    // end. The splitter, skipping to the first `-->`, would see `## also code` as a heading.
    const text = '# Goals\n\n- item\n  <!--\n- next\n\n## Code\n\n```\n<!--\n## inside code\n-->\n\n## also code\n';
    const chunked = buildGoalDoc(text, { uri: 'file:///ws/goals.md', version: 1 });
    const whole = buildGoalDoc(text, { uri: 'file:///ws/goals.md', version: 1, wholeDocument: true });
    assert.deepEqual(whole.headings.map((h) => h.text), ['Goals', 'Code']);
    assert.deepEqual(project(chunked), project(whole));
  });

  it('equals a full parse after random edits of an inline fixture', () => {
    const seeds = Number(process.env.GOAL_DOCS_PROPERTY_SEEDS ?? 30);
    for (let seed = 1; seed <= seeds; seed++) checkSequence(FIXTURE, seed, 25);
  });

  it('equals a full parse after random edits of a document of many sections', () => {
    // Far more chunks than the edit touches: the chunks before and after it are taken over
    // without being looked at again, which this checks against a full parse.
    const sections = Array.from({ length: 24 }, (_, i) => `### FY-2${i % 5}-Q${(i % 4) + 1}\n\n#### Goal ${i} [now][ref]\n\n- Owner: Ann\n- ~~Step ${i}~~ Done: 3.${i}\n\n`).join('');
    const seeds = Math.max(4, Math.round(Number(process.env.GOAL_DOCS_PROPERTY_SEEDS ?? 30) / 3));
    for (let seed = 1; seed <= seeds; seed++) checkSequence(`# Goals\n\n${sections}[ref]: https://example.com\n`, 5000 + seed, 20);
  });

  it('reuses unchanged chunks instead of parsing them again', () => {
    const v1 = parseGoalDoc(FIXTURE, { uri: 'file:///a.md', version: 1 });
    const edited = FIXTURE.replace('Build **In progress**', 'Build it **In progress**');
    const v2 = parseGoalDoc(edited, { uri: 'file:///a.md', version: 2, previous: v1 });
    const reused = v2.chunks.filter((c) => v1.chunks.includes(c)).length;
    assert.equal(reused, v2.chunks.length - 1, 'all chunks but the edited one are reused');
  });

  it('equals a full parse after random edits of every corpus doc', { skip: CORPUS_SKIP }, () => {
    const docs = corpusDocs();
    docs.forEach((file, i) => checkSequence(readFileSync(file, 'utf8'), 1000 + i, 6));
  });
});

describe('chunks shared between documents', () => {
  // Another page holding the same chunks, shifted: a new intro before them, one goal's section dropped.
  const relative = (text: string) => `# Another page\n\nWritten later.\n\n${text.replace(/#### Ship it \[now\]\[ref\]\n\n- Owner:\n/, '')}`;

  it('gives a document copies of the chunks another one parsed, equal to its own parse, and leaves the other as it was', () => {
    forgetRecentChunks();
    const first = buildGoalDoc(FIXTURE, { uri: 'file:///ws/a.md', version: 1 });
    const before = project(first);
    const second = buildGoalDoc(relative(FIXTURE), { uri: 'file:///ws/b.md', version: 1 });
    assert.ok(recentChunkStats().copies > 0, 'no chunk was copied');
    assert.deepEqual(project(first), before, 'building the second document moved the first one');
    assert.ok(second.headings.every((h) => !first.headings.includes(h)), 'a heading object is shared between the two documents');
    forgetRecentChunks();
    const alone = buildGoalDoc(relative(FIXTURE), { uri: 'file:///ws/b.md', version: 1 });
    assert.equal(recentChunkStats().copies, 0);
    assert.deepEqual(project(second), project(alone));
    assert.deepEqual(computeDiagnostics(second, defaultSettings()), computeDiagnostics(alone, defaultSettings()));
  });

  it('builds every corpus doc, after all the others, as it builds it alone', { skip: CORPUS_SKIP }, () => {
    const texts = corpusDocs().map((file) => readFileSync(file, 'utf8'));
    forgetRecentChunks();
    const shared = texts.map((text, i) => {
      const doc = buildGoalDoc(text, { uri: `file:///ws/${i}.md`, version: 1 });
      // A shifted relative of each page too, as versions of one page are.
      buildGoalDoc(relative(text), { uri: `file:///ws/${i}-b.md`, version: 1 });
      return { text, doc, seen: project(doc) };
    });
    assert.ok(recentChunkStats().copies > texts.length, `only ${recentChunkStats().copies} chunks were copied`);
    for (const [i, { text, doc, seen }] of shared.entries()) {
      assert.deepEqual(project(doc), seen, `doc ${i} moved after others were built`);
      forgetRecentChunks();
      assert.deepEqual(seen, project(buildGoalDoc(text, { uri: `file:///ws/${i}.md`, version: 1 })), `doc ${i} differs from its parse alone`);
    }
  });
});
