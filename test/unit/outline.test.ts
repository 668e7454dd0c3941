// The outline text (server/src/model/outline.ts) stands in for a whole parse in workspace
// symbols: wherever it is taken, the quarters and goals it gives (names, kinds, ranges, places)
// must be those of the page's model, and where a line scan cannot be sure it must not be taken.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { buildGoalDoc } from '../../server/src/model/build';
import { anchorsFromText, outlineText } from '../../server/src/model/outline';
import { type GoalDocOutline, outlineFromText, outlineOf } from '../../server/src/features/workspaceSymbols';
import { CORPUS_DIR, CORPUS_SKIP, corpusDocs, REPO_ROOT } from '../support/corpus';

const URI = 'file:///ws/goals.md';
const full = (text: string): GoalDocOutline => outlineOf(buildGoalDoc(text, { uri: URI, version: 1 }));

/** The outline of a page both ways; the text's own outline is undefined where it defers to the parse. */
function both(text: string): { quick: GoalDocOutline | undefined; whole: GoalDocOutline } {
  return { quick: outlineFromText(URI, text), whole: full(text) };
}

const PAGE = [
  '# Platform goals',
  '',
  '- [2021](#2021)',
  '  - [FY-21-Q1](#fy-21-q1)',
  '',
  '## 2021',
  '',
  '### FY-21-Q1',
  '',
  '#### [Faster builds](https://example.com/builds)',
  '',
  '#### Nightly reconciliation',
  '',
  '- **Owner**: Ann, Bo',
  '- **Milestones**:',
  '  - ~~Cache the deps~~ Done: `3.20`',
  '  - Split the suite',
  '',
  '**Status**: on track',
  'and a second line of status.',
  '',
  '### FY-21-Q2',
  '#### Release train',
  'Owner: Cy',
  '',
  '### Goal written at its quarter\'s level',
  '',
  '- Owner: Di',
  '',
  '## Other work',
  '',
  '### Not a goal',
  '',
  'Some text.',
  '',
  '### Fielded outside a quarter',
  '',
  '1. **Status**: open',
  '',
  '* item',
  '  - **Owner**: Ed',
  '',
].join('\n');

describe('outline text', () => {
  it('gives the quarters and goals of the whole parse, on its own lines, without parsing the page', () => {
    const { quick, whole } = both(PAGE);
    assert.ok(quick, 'this page needs no whole parse');
    assert.deepEqual(quick, whole);
    // What the symbols are, so that an empty outline on both sides could not pass.
    assert.deepEqual(
      whole.symbols.map((s) => `${s.kind} ${s.name} @${s.textRange.start.line} in ${s.container}`),
      [
        'quarter FY-21-Q1 @7 in 2021',
        'quarter FY-21-Q2 @21 in 2021',
        'goal Faster builds @9 in 2021 › FY-21-Q1',
        'goal Nightly reconciliation @11 in 2021 › FY-21-Q1',
        'goal Release train @22 in 2021 › FY-21-Q2',
        "goal Goal written at its quarter's level @25 in 2021",
        'goal Fielded outside a quarter @35 in Other work',
      ],
    );
    // The outline text is the headings and a line per goal field: prose adds nothing to it.
    const long = PAGE + '\nProse with words, **bold** and a [link](other.md).\n'.repeat(200);
    assert.ok(outlineText(long)!.text.length < long.length / 10);
    assert.deepEqual(outlineFromText(URI, long), full(long));
  });

  it('keeps its line numbers under CRLF and CR line endings', () => {
    for (const eol of ['\r\n', '\r']) {
      const text = PAGE.split('\n').join(eol);
      const { quick, whole } = both(text);
      assert.ok(quick);
      assert.deepEqual(quick, whole);
    }
  });

  it('leaves to the parse what a line scan cannot be sure of', () => {
    const cases: Record<string, string> = {
      'an indented fence, which may be in a list item or not': '## FY-21-Q1\n\n- a\n\n  ```sh\n# heading or code?\n  ```\n',
      'an indented HTML block': '## FY-21-Q1\n\n  <details>\n#### Hidden goal\n</details>\n',
      'a setext heading': 'FY-21-Q1\n--------\n\n#### Goal\n',
      'a heading in a list item': '## FY-21-Q1\n\n- item\n  #### Goal in an item\n',
      'a field behind a tab': '## FY-21-Q1\n\n#### Goal\n\n-\t**Owner**: A\n',
      'a field in a quote': '## FY-21-Q1\n\n#### Goal\n\n> - **Owner**: A\n',
      'a field in a ticked item': '## FY-21-Q1\n\n#### Goal\n\n- [x] **Owner**: A\n',
      'a reference link in a heading': '## FY-21-Q1\n\n#### [Goal][g]\n\n[g]: https://example.com\n',
      'a byte order mark': '\uFEFF## FY-21-Q1\n\n#### Goal\n',
      'a field after a line that may be code': '## FY-21-Q1\n\n#### Goal\n\n    code\nOwner: A\n',
      'an item numbered 2 after indented code and a blank line (micromark reads it as text)': '### Goal C\n    code\n\n2. Owner: Di\n',
      'a lone tag after a table row (micromark starts an HTML block there)': '| a |\n|---|\n</pre>\n#### Hidden\n',
    };
    for (const [what, text] of Object.entries(cases)) assert.equal(outlineText(text), undefined, what);
  });

  it("holds a page to the parser's limits chunk by chunk, as the parse does", () => {
    // 400 goals with a nested list each: 400 nested openings in 40 K characters is past the limit
    // of nested work for the page at once, and far within it for each goal's chunk.
    const goals = Array.from({ length: 400 }, (_, i) => `#### Goal ${i}\n\n- **Owner**: A\n  - and a nested item, with some words to make it longer\n- **Status**: open\n`);
    const text = `## FY-21-Q1\n\n${goals.join('\n')}`;
    const { quick, whole } = both(text);
    assert.ok(quick, 'no chunk is past the limits');
    assert.deepEqual(quick, whole);
    assert.equal(whole.symbols.length, 401);
    // A chunk past them (a paragraph of 20,000 characters and more) is left unanalysed by the parse: no outline text.
    assert.equal(outlineText(`${text}\n#### Last\n\n${'word '.repeat(4100)}\n`), undefined);
  });

  it('reads an empty item with a blank line after it (a template\'s `- `) as the parse does: it holds nothing and ends there', () => {
    const pages = [
      '### Up Next\n\n- \n\n### Funding requests\n\n-\n',
      '## FY-21-Q1\n\n#### Up Next\n-  \n\n#### Goal\n\n- **Owner**: A\n',
      '## FY-21-Q1\n\n#### Goal\n\n-\n\n  Owner: A\n',
      '## FY-21-Q1\n\n#### Goal\n\n- a\n\n  -\n\n  Owner: A\n',
      '## FY-21-Q1\n\n#### Goal\n\n---\n-\n\n===\n',
    ];
    for (const text of pages) {
      const { quick, whole } = both(text);
      assert.ok(quick, text);
      assert.deepEqual(quick, whole, text);
    }
    // Under text it is a setext underline, and it cannot interrupt a paragraph; text after it may be its content.
    for (const text of ['## FY-21-Q1\n\nText\n-\n', '## FY-21-Q1\n\n- a\n  -\n', '## FY-21-Q1\n\nText\n*\n\n#### Goal\n', '## FY-21-Q1\n\n-\nOwner: A\n']) assert.equal(outlineText(text), undefined, text);
  });

  it('skips a fence at the start of a line to its closing fence: what it holds is no heading and no field', () => {
    const text = '## FY-21-Q1\n\n```sh\n#### Not a goal\n- **Owner**: no one\n```\n\n#### Goal\n\n~~~~\n```\n#### Still code\n~~~~\nOwner: A\n';
    const { quick, whole } = both(text);
    assert.ok(quick);
    assert.deepEqual(quick, whole);
    assert.deepEqual(whole.symbols.map((s) => s.name), ['FY-21-Q1', 'Goal']);
  });

  it('skips an HTML block to its end, as CommonMark ends each kind, and reads inline HTML as text', () => {
    const text = [
      '## FY-21-Q1', '', '<details>', '#### Hidden in the block', '- **Owner**: no one', '', '#### Goal', '',
      '<!--', '#### In a comment', '', '-->', 'Owner: A', '', '#### Second goal', 'Text and <span>inline</span>', 'Status: lazy', '', '<b>', '#### Hidden after a lone tag', '',
      '<pre>', '', '#### In pre', '</pre>', '',
    ].join('\n');
    const { quick, whole } = both(text);
    assert.ok(quick);
    assert.deepEqual(quick, whole);
    assert.deepEqual(whole.symbols.map((s) => `${s.kind} ${s.name}`), ['quarter FY-21-Q1', 'goal Goal']);
  });

  it('reads a field where the parse does and only there', () => {
    // Lazy and continued lines are no fields; a paragraph after a blank line or a heading is.
    const goalsOf = (text: string) => full(text).symbols.filter((s) => s.kind === 'goal').map((s) => s.name);
    const lazy = '## Work\n\n### Fielded?\n\n- item\nOwner: A\n';
    const paragraph = '## Work\n\n### Fielded?\n\n- item\n\nOwner: A\n';
    assert.deepEqual(goalsOf(lazy), []);
    assert.deepEqual(goalsOf(paragraph), ['Fielded?']);
    assert.deepEqual(outlineFromText(URI, lazy), full(lazy));
    assert.deepEqual(outlineFromText(URI, paragraph), full(paragraph));
  });

  it('agrees with the whole parse on pages made at random from goal-doc lines', () => {
    // Lines of every kind the scan must place or defer on, in random order (a fuzz of 160,000
    // such pages found the cases the scan now defers on: micromark's lazy lines, tables, code).
    const pieces = [
      '## 2021', '### FY-21-Q1', '### FY-21-Q2', '#### Goal A', '#### Goal B', '### Goal C', '## Team work', '### Milestones', '#### Milestones',
      '- **Owner**: Ann', '- Owner: Bo', '**Status**: green', 'Outcomes:', '- **Milestones**:', '  - **Owner**: Cy', '  - step', '    - deeper step',
      '1. **Status**: open', '2. Owner: Di', '- [ ] task', '* item', '+ other item', 'Some text.', '  indented text', '    Owner: code?',
      '---', '***', '> quoted', '| a | b |', '|---|---|', '[ref]: https://example.com', '- ~~Done thing~~ Done: `3.2`', '```', '~~~', '```js', '  ```',
      '<!-- note -->', '<!--', '-->', '<div>', '</div>', '<details>', '<pre>', '</pre>', '<br>', '<span>x</span> text', '<a name="n"></a>', '  <div>', '<?php', '?>',
      '## [Linked](x.md)', '#### Goal {#g}', 'Owner:', '- Status: x', '-', '1.', '> - **Owner**: q', '=====', '-----', '  - **Status**: s', '   #### three spaces',
      '\t- **Owner**: tab', 'Text **Owner**: not', '<img src="x">', '<section>', '</section>', '<x-y a="b">', '- ', '*  ', '2.', '', '', '', '',
    ];
    // mulberry32: the same pages on every run.
    let state = 7;
    const random = (n: number) => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
    let taken = 0;
    let anchorsTaken = 0;
    for (let page = 0; page < 1500; page++) {
      const text = Array.from({ length: 3 + random(40) }, () => pieces[random(pieces.length)]!).join(page % 2 ? '\r\n' : '\n') + '\n';
      const { quick, whole } = both(text);
      if (quick) {
        taken++;
        assert.deepEqual(quick, whole, text);
      }
      const anchors = anchorsFromText(URI, text);
      if (anchors) {
        anchorsTaken++;
        assert.deepEqual(anchors, modelAnchors(text), text);
      }
    }
    assert.ok(taken > 300 && anchorsTaken > 300, `the outline text was taken for ${taken} of 1,500 pages, the anchors for ${anchorsTaken}`);
  });
});

/** Every Markdown file under a folder. */
function markdownUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) found.push(...markdownUnder(p));
    else if (name.endsWith('.md')) found.push(p);
  }
  return found;
}

/** What links into a page can reach, from its model. */
function modelAnchors(text: string) {
  const doc = buildGoalDoc(text, { uri: URI, version: 1 });
  return { headings: doc.headings.map((h) => ({ slug: h.slug, ids: h.ids, text: h.text, textRange: h.textRange })), htmlAnchors: doc.htmlAnchors };
}

describe('anchors from outline text', () => {
  it('gives the anchors of the whole parse: every heading, duplicate suffixes and explicit ids', () => {
    const text = PAGE + '\n## Other work\n\n### Renamed {#custom-id}\n\nText with `# code` and *emphasis*.\n';
    const quick = anchorsFromText(URI, text);
    assert.ok(quick);
    assert.deepEqual(quick, modelAnchors(text));
    assert.ok(quick.headings.some((h) => h.slug === 'other-work-1'));
    assert.ok(quick.headings.some((h) => h.ids.includes('custom-id')));
  });

  it('leaves a page with an <a> tag to the parse: its name and id anchors may be anywhere', () => {
    const text = '# Page\n\nSee <a name="the-spot"></a> here.\n';
    assert.equal(anchorsFromText(URI, text), undefined);
    assert.deepEqual(modelAnchors(text).htmlAnchors, ['the-spot']);
  });
});

describe('outline text on real pages', () => {
  it('gives every page of the corpus, the 2021 handbook, the dialects and the examples the symbols of its whole parse', { skip: CORPUS_SKIP }, () => {
    const pages = [...corpusDocs(), ...markdownUnder(path.join(CORPUS_DIR, '..', 'handbook-2021-06')), ...markdownUnder(path.join(CORPUS_DIR, '..', 'dialects')), ...markdownUnder(path.join(REPO_ROOT, 'examples'))];
    let taken = 0;
    let withSymbols = 0;
    let takenWithSymbols = 0;
    for (const file of pages) {
      const text = readFileSync(file, 'utf8');
      const { quick, whole } = both(text);
      if (whole.symbols.length) withSymbols++;
      if (!quick) continue;
      taken++;
      if (whole.symbols.length) takenWithSymbols++;
      assert.deepEqual(quick, whole, file);
    }
    console.log(`outline text: taken for ${taken} of ${pages.length} pages; for ${takenWithSymbols} of the ${withSymbols} with quarters or goals`);
    assert.ok(takenWithSymbols >= withSymbols * 0.8, `taken for ${takenWithSymbols} of ${withSymbols} pages with symbols`);
  });

  it('gives every page the anchors of its whole parse where it reads them from outline text', { skip: CORPUS_SKIP }, () => {
    const pages = [...corpusDocs(), ...markdownUnder(path.join(CORPUS_DIR, '..', 'handbook-2021-06')), ...markdownUnder(path.join(CORPUS_DIR, '..', 'dialects'))];
    let taken = 0;
    for (const file of pages) {
      const text = readFileSync(file, 'utf8');
      const quick = anchorsFromText(URI, text);
      if (!quick) continue;
      taken++;
      assert.deepEqual(quick, modelAnchors(text), file);
    }
    console.log(`anchors from outline text: taken for ${taken} of ${pages.length} pages`);
    assert.ok(taken >= pages.length / 2, `taken for ${taken} of ${pages.length}`);
  });
});
