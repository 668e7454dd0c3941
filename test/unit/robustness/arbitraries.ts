// fast-check arbitraries of goal-doc-ish Markdown: lines built from the shapes real goal docs
// have (quarter and year headings, field bullets, struck and stamped items, TOC links, fences,
// tables, HTML) mixed with what breaks naive code (CRLF and lone CR, a BOM, lone surrogates,
// emoji, tabs, odd indentation), and edits of such texts.
import fc from 'fast-check';

/** How many runs a property gets: small in `npm test`, raised by `npm run fuzz` (GOAL_DOCS_FUZZ). */
export function runs(base: number): number {
  const factor = Number(process.env.GOAL_DOCS_FUZZ ?? 1);
  return Math.max(1, Math.round(base * (Number.isFinite(factor) && factor > 0 ? factor : 1)));
}

/**
 * fast-check parameters. `npm test` uses a fixed seed; the long run a new one each time (a failure
 * prints its seed: GOAL_DOCS_FUZZ_SEED=<seed> replays it, GOAL_DOCS_FUZZ_SHRINK=1 shrinks it).
 */
export function params(numRuns: number): fc.Parameters<unknown> {
  const given = process.env.GOAL_DOCS_FUZZ_SEED;
  const seed = given !== undefined ? Number(given) : process.env.GOAL_DOCS_FUZZ ? Date.now() % 2 ** 31 : 20240601;
  return { numRuns: runs(numRuns), seed, endOnFailure: !process.env.GOAL_DOCS_FUZZ_SHRINK };
}

const QUARTER_LABELS = ['FY-21-Q4', 'FY21-Q4', 'FY21Q4', 'CY21-Q4', 'FQ4', '2021-Q4', 'Q4 2021', 'FY22 Q4', 'FY-20-Q5', 'FY-19-Q1', 'FY21-Q1 OKRs', 'FY-2O-Q1'];
const YEAR_LABELS = ['2020', 'FY2021', 'FY-2021', 'CY2022', '1999'];
const WORDS = ['Ship', 'it', 'Upgrades', 'are', 'easy', 'Owner', 'Done', '🦄', 'ðŸ¦„', '✅', '🔄', '⏳', '🚫', 'x', '', ' ', '\t', 'Ünïcödé', '\uD800', '\uDC00', '\u200B', '+', '--', '&amp;', '`code`', '**b**', '_i_', '\\', '{#fiscal-year}'];
const SLUGS = ['fy-21-q4', 'FY-21-Q4', '2020', 'ship-it', 'ship-it-1', 'nowhere', '', 'fiscal-year', 'x', '🦄', '%F0%9F%A6%84', '%E0%A4%A'];
const PATHS = ['', 'goals.md', './goals_completed.md', 'other.md', 'missing.md', '../../../../etc/passwd', '../outside.md', 'sub/', 'dir', '/abs.md', 'https://example.com/a', 'mailto:a@b.c', '//host/x', 'a%20b.md', 'C:\\x.md', '%', '..'];

const word = fc.constantFrom(...WORDS);
const words = fc.array(word, { maxLength: 6 }).map((w) => w.join(' '));
/** Any UTF-16 text, lone surrogates and control characters included. */
const junk = fc.string({ unit: 'binary', maxLength: 12 });
const title = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...QUARTER_LABELS, ...YEAR_LABELS) },
  { weight: 4, arbitrary: words },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('1.', ''), words).map(([n, w]) => `${n} ${w}`) },
  { weight: 1, arbitrary: fc.tuple(words, fc.constantFrom(...PATHS)).map(([w, p]) => `[${w}](${p})`) },
  { weight: 1, arbitrary: fc.constantFrom('Milestones', 'Active goals', 'Completed goals', 'Short-term goals', 'Goals', 'Descoped outcomes') },
  { weight: 1, arbitrary: junk },
);
const link = fc.tuple(words, fc.constantFrom(...PATHS), fc.option(fc.constantFrom(...SLUGS), { nil: undefined })).map(([t, p, s]) => `[${t}](${p}${s === undefined ? '' : '#' + s})`);
const inline = fc.oneof({ weight: 3, arbitrary: words }, { weight: 2, arbitrary: link }, { weight: 1, arbitrary: junk });
const indent = fc.constantFrom('', '', '', '  ', '    ', '   ', '\t', '      ');
const bullet = fc.constantFrom('-', '*', '+', '1.', '2)', '10.');
const field = fc.constantFrom('Owner:', '**Owner:**', '**Owner**:', '**Owners:**', '**Status:**', '**Status**:', '**Outcomes**:', '**Outcome:**', '**Milestones**:', '**Problem:**', 'Discussions:', 'Dependencies:', 'Estimated completion:', '**Descoped outcomes**:');
const stamp = fc.constantFrom('Done: 3.19', 'Done: `3.20`', 'Done: `Dist: 2020.11.16`', '**Done!**', '=> Done', '_Descoped_: no time', 'Deprioritized', '**In progress**', '_Estimated: FY21-Q1_', 'ETA May 2021', '', '');
const item = fc.oneof(
  fc.tuple(fc.constantFrom('~~', ''), inline, fc.constantFrom('~~', ''), stamp).map(([a, t, b, s]) => `${a}${t}${b} ${s}`),
  fc.tuple(fc.constantFrom('[x] ', '[ ] ', '[X] ', '✅ ', '🔄 ', '⏳ ', '🚫 '), inline).map(([p, t]) => p + t),
  fc.tuple(field, inline).map(([f, v]) => `${f} ${v}`),
);

/** One line (or a short block) of a goal doc. */
export const line: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), title).map(([n, t]) => `${'#'.repeat(n)} ${t}`) },
  { weight: 5, arbitrary: fc.tuple(indent, bullet, item).map(([i, b, t]) => `${i}${b} ${t}`) },
  { weight: 2, arbitrary: fc.tuple(field, inline).map(([f, v]) => `${f} ${v}`) },
  { weight: 2, arbitrary: fc.tuple(indent, fc.constantFrom('-', '*'), fc.constantFrom(...SLUGS)).map(([i, b, s]) => `${i}${b} [**${s}**](#${s})`) },
  { weight: 3, arbitrary: inline },
  { weight: 3, arbitrary: fc.constant('') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '```', '~~~', '```js', '    indented code', '<!--', '-->', '<pre>', '</pre>', '<details>', '</details>', '<a name="fiscal-year"></a>', '<a id="x">',
      '| Goal | Status |', '|---|---|', '| Ship it | ✅ |', '| x | 🔄 In progress |', '> quote', '> - [x] quoted task', '---', '***', '[ref]: #fy-21-q4', '[ref]:', '  https://x', '[ref]', 'Setext', '===', '\u00a0', '\uFEFF',
      'OBJECTIVE: x', '1. **OBJECTIVE: Grow**', '   - KR: y => Done', '<https://example.com>', 'https://example.com/a_(b)', '![img](x.png)', '\\# not a heading',
    ),
  },
  { weight: 1, arbitrary: junk },
);

const lineEnding = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

/** A heading of a goal doc's skeleton: a year, a quarter or a goal, mostly at its usual level. */
const skeletonHeading = fc.oneof(
  fc.tuple(fc.constantFrom(2, 2, 2, 1, 3), fc.constantFrom(...YEAR_LABELS)).map(([n, t]) => ({ level: n, text: t })),
  fc.tuple(fc.constantFrom(3, 3, 3, 1, 2, 4), fc.constantFrom(...QUARTER_LABELS)).map(([n, t]) => ({ level: n, text: t })),
  fc.tuple(fc.constantFrom(4, 4, 3, 3, 2, 5), fc.oneof(words, fc.constantFrom('Ship it', 'Ship it', 'Upgrades are easy'))).map(([n, t]) => ({ level: n, text: t })),
);
/** A goal's body: field bullets, paragraphs and (nested) items. */
const skeletonBody = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom('', '', '  ', '    '), bullet, item).map(([i, b, t]) => `${i}${b} ${t}`) },
    { weight: 1, arbitrary: fc.tuple(field, inline).map(([f, v]) => `- ${f} ${v}`) },
    { weight: 1, arbitrary: line },
  ),
  { maxLength: 8 },
);

/** A document shaped like a real goal doc: a title, maybe a TOC (right or wrong), periods and goals. */
const skeletonLines: fc.Arbitrary<string[]> = fc
  .tuple(fc.array(fc.tuple(skeletonHeading, skeletonBody), { maxLength: 12 }), fc.boolean(), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...SLUGS)), { maxLength: 3 }))
  .map(([sections, withToc, wrongTocEntries]) => {
    const lines = ['# Team goals', '', 'See also our [completed goals](goals_completed.md).', ''];
    if (withToc) {
      for (const [h] of sections) if (h.level <= 3) lines.push(`${'  '.repeat(Math.max(0, h.level - 2))}- [${h.text}](#${h.text.toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-')})`);
      for (const [at, slug] of wrongTocEntries) lines.splice(4 + (at % (lines.length - 3)), 0, `- [${slug}](#${slug})`);
      lines.push('');
    }
    for (const [h, body] of sections) lines.push(`${'#'.repeat(h.level)} ${h.text}`, '', ...body, '');
    return lines;
  });

/** A goal-doc-ish document: lines with mixed line endings, sometimes a BOM. */
export const goalDocText: fc.Arbitrary<string> = fc
  .tuple(
    fc.boolean(),
    fc.oneof(fc.array(line, { maxLength: 40 }), skeletonLines, fc.tuple(skeletonLines, fc.array(fc.tuple(fc.nat(), line), { maxLength: 6 })).map(([l, noise]) => {
      const out = [...l];
      for (const [at, x] of noise) out.splice(at % (out.length + 1), 0, x);
      return out;
    })),
    fc.array(lineEnding, { minLength: 1, maxLength: 3 }),
    fc.boolean(),
  )
  .map(([bom, lines, endings, endsWithBreak]) => {
    let text = (bom ? '\uFEFF' : '') + lines.map((l, i) => l + endings[i % endings.length]).join('');
    if (!endsWithBreak) text = text.replace(/(\r\n|\r|\n)$/, '');
    return text;
  });

/** An edit of a text: at a relative position, delete up to `del` characters and insert `insert`. */
export interface TextEdit {
  at: number;
  del: number;
  insert: string;
}

export const textEdit: fc.Arbitrary<TextEdit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 80 })),
  insert: fc.oneof(
    { weight: 2, arbitrary: fc.constant('') },
    { weight: 3, arbitrary: line.map((l) => l + '\n') },
    { weight: 2, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '#', ' ', '~~', '[', ']', '(', ')', '`', '```\n', '- ', '  ', '>', '|', '\uD83E', '\uDD84', '\uFEFF', '#'.repeat(7)) },
    { weight: 1, arbitrary: junk },
  ),
});

/** Applies an edit; the position is a fraction of the text, so edits fit any text. */
export function applyTextEdit(text: string, e: TextEdit): string {
  const at = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.del));
}

/** A position in a text, as a fraction of its length (so it fits any text). */
export const where = fc.double({ min: 0, max: 1, noNaN: true });

/** A new heading name for rename: ordinary, odd, or one the feature must refuse. */
export const newName = fc.oneof(words, fc.constantFrom('', ' ', 'a\nb', 'FY-22-Q1', '#', '[x](y)', '~~', '\uD800', '🦄 Unicorns', 'a'.repeat(300)), junk);
