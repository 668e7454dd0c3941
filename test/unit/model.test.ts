import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import GithubSlugger from 'github-slugger';
import { allMilestones } from '../../server/src/model/milestones';
import { milestoneState } from '../../server/src/model/done';
import { formatPeriod, parsePeriod, periodsInPath, readPeriodHeading } from '../../server/src/model/periods';
import { dedent, model } from '../support/fixture';
import { maskForParse } from '../../server/src/model/mask';
import { summarize } from '../../server/src/model/pageScan';
import { closesFence, fenceOpenedBy } from '../../server/src/model/text';

const SAMPLE = dedent(`
  # Platform team goals

  - [**2024**](#2024)
    - [FY-24-Q2](#fy-24-q2)

  ## 2024

  ### FY-24-Q2

  #### Faster builds

  - **Owner**: Ann, Bo
  - **Milestones**:
    - ~~[Cache layers](https://example.com/1).~~ Done: \`3.20\`
      - ~~Measure first~~
    - ~~Shard the tests~~ Done: 3.19
    - Remote execution **In progress**
    - ~~Drop Bazel~~ _Descoped_: too costly
  - **Outcomes**:
    - [x] CI under ten minutes
    - [ ] Flaky tests quarantined

  #### Faster builds

  - Owner:
`);

describe('model: headings and anchors', () => {
  it('gives GitHub slugs with duplicates suffixed in document order', () => {
    const doc = model(SAMPLE);
    assert.deepEqual(
      doc.headings.map((h) => h.slug),
      ['platform-team-goals', '2024', 'fy-24-q2', 'faster-builds', 'faster-builds-1'],
    );
    assert.deepEqual(
      doc.headings.map((h) => h.kind),
      ['other', 'year', 'quarter', 'goal', 'goal'],
    );
  });

  it('counts duplicate slugs exactly as github-slugger does', () => {
    const titles = ['A', 'A', 'A-1', 'A', 'a 1', 'B', 'A-2', 'A', 'Ship it!', 'Ship it', 'ship-it-1', 'Ship it'];
    const slugger = new GithubSlugger();
    const doc = model(titles.map((t) => `## ${t}\n`).join('\n'));
    assert.deepEqual(doc.headings.map((h) => h.slug), titles.map((t) => slugger.slug(t)));
  });

  it('drops emoji and punctuation like GitHub and keeps explicit ids', () => {
    const doc = model('## ✅ Ship it! (v2) + more\n\n## Fiscal year {#fiscal-year}\n');
    assert.equal(doc.headings[0].slug, '-ship-it-v2--more');
    assert.deepEqual(doc.headings[1].ids, ['fiscal-year', 'fiscal-year']);
    assert.equal(doc.headings[1].text, 'Fiscal year');
  });

  it('locates heading text and sections', () => {
    const doc = model(SAMPLE);
    const quarter = doc.headings[2];
    assert.deepEqual(quarter.textRange, { start: { line: 7, character: 4 }, end: { line: 7, character: 12 } });
    assert.ok(quarter.sectionRange.end.line >= 24, 'the quarter section runs to the end of its goals');
  });
});

describe('model: links and TOC', () => {
  it('splits path and fragment and locates the fragment in the source', () => {
    const doc = model('See [x](other.md#Some-Part) and [y](#here "t") and <a href="#there">z</a>.\n\n[ref]: ./a.md#b\n');
    const rows = doc.links.map((l) => [l.kind, l.path, l.fragment, doc.text.slice(l.fragmentSpan!.start, l.fragmentSpan!.end)]);
    assert.deepEqual(rows, [
      ['inline', 'other.md', 'Some-Part', 'Some-Part'],
      ['inline', '', 'here', 'here'],
      ['html', '', 'there', 'there'],
      ['definition', './a.md', 'b', 'b'],
    ]);
  });

  it('finds the TOC with its nesting and bullet', () => {
    const toc = model(SAMPLE).toc!;
    assert.deepEqual(
      toc.entries.map((e) => [e.depth, e.text, e.link.fragment]),
      [
        [0, '2024', '2024'],
        [1, 'FY-24-Q2', 'fy-24-q2'],
      ],
    );
    assert.equal(toc.bullet, '-');
    assert.equal(toc.indent, 2);
  });

  it('does not take an ordinary list of links for a TOC', () => {
    assert.equal(model('# T\n\n- [docs](https://x.io)\n- [more](other.md)\n').toc, undefined);
  });
});

describe('model: periods', () => {
  it('parses the quarter and half-year label shapes of real goal docs', () => {
    const cases: Array<[string, 'quarter' | 'half', number | undefined, number, string]> = [
      ['FY-21-Q4', 'quarter', 2021, 4, 'FY'],
      ['FY21-Q4', 'quarter', 2021, 4, 'FY'],
      ['FY21Q4', 'quarter', 2021, 4, 'FY'],
      ['CY21-Q4', 'quarter', 2021, 4, 'CY'],
      ['FQ4', 'quarter', undefined, 4, 'FY'],
      ['2021-Q4', 'quarter', 2021, 4, 'plain'],
      ['Q4 2021', 'quarter', 2021, 4, 'plain'],
      ['FY22 Q4', 'quarter', 2022, 4, 'FY'],
      ['FY21-Q1 OKRs', 'quarter', 2021, 1, 'FY'],
      ['FY22Q2 OKR Plan', 'quarter', 2022, 2, 'FY'],
      ['Q2FY23', 'quarter', 2023, 2, 'FY'],
      ['FY22H2', 'half', 2022, 2, 'FY'],
      ['2024 H1', 'half', 2024, 1, 'plain'],
      ['2025h1', 'half', 2025, 1, 'plain'],
      ['H2 FY22', 'half', 2022, 2, 'FY'],
    ];
    for (const [text, kind, year, number, scheme] of cases) {
      const label = parsePeriod(text);
      assert.ok(label && label !== 'invalid', text);
      assert.deepEqual([label.kind, label.year, label.number, label.scheme], [kind, year, number, scheme], text);
    }
  });

  it('rejects impossible periods and ignores ordinary headings', () => {
    assert.equal(parsePeriod('FY-20-Q5'), 'invalid');
    assert.equal(parsePeriod('FY-2O-Q4'), 'invalid');
    assert.equal(parsePeriod('FY22H3'), 'invalid');
    assert.equal(parsePeriod('Notes'), undefined);
    assert.equal(parsePeriod('FY22 OKR: ship 3 things in Q1'), undefined);
  });

  it('parses year headings as periods of kind year', () => {
    const year = (text: string) => {
      const p = parsePeriod(text);
      return p && p !== 'invalid' && p.kind === 'year' ? [p.year, p.scheme] : p;
    };
    assert.deepEqual(year('2020'), [2020, 'plain']);
    assert.deepEqual(year('FY2021'), [2021, 'FY']);
    assert.deepEqual(year('FY-2021'), [2021, 'FY']);
    assert.deepEqual(year('Goals for FY22'), [2022, 'FY']);
    assert.equal(year('Roadmap'), undefined);
    assert.equal(year('404'), undefined);
  });

  it('reads a period among the words of a heading that plans it, and no period in other headings', () => {
    const read = (text: string) => {
      const h = readPeriodHeading(text);
      return h && h !== 'invalid' ? `${formatPeriod(h.label)} (${h.role})` : h;
    };
    assert.equal(read('SIG Docs Q2 2019 Planning'), '2019 Q2 (plan)');
    assert.equal(read('Execution - Q1 2022'), '2022 Q1 (plan)');
    assert.equal(read('FY24 Q2 priorities (May - July)'), 'FY24 Q2 (plan)');
    assert.equal(read('Strategy for FY22H2:'), 'FY22 H2 (plan)');
    assert.equal(read('2023 Goals'), '2023 (label)');
    assert.equal(read('Roadmap 2022'), '2022 (plan)');
    assert.equal(read('Annual plan for 2026'), '2026 (label)');
    assert.equal(read('FY23 Q3 CEO OKR:'), 'FY23 Q3 (plan)');
    // A year among words that plan nothing, a range, a date, a version, a question: no period.
    assert.equal(read('2024 OpenSSF TAC Meeting Notes'), undefined);
    assert.equal(read('OPEA 2024 - 2025 Roadmap'), undefined);
    assert.equal(read('Release 2021-03-04'), undefined);
    assert.equal(read('Python 3.10 support'), undefined);
    assert.equal(read('What changed in Q1 2022?'), undefined);
    assert.equal(read('Q1 2022 compared with Q1 2021'), undefined);
  });

  it('writes each period one way: a half as a half, not as its first quarter', () => {
    const format = (text: string) => {
      const p = parsePeriod(text);
      return p && p !== 'invalid' ? formatPeriod(p) : p;
    };
    assert.deepEqual(['FY25H2', 'FY-21-Q1', 'Q4 2021', '2024 H1', 'FQ4', 'FY2021', '2020'].map(format), ['FY25 H2', 'FY21 Q1', '2021 Q4', '2024 H1', 'FQ4', 'FY2021', '2020']);
  });

  it('finds the period a folder or file name gives, and none in dates', () => {
    const paths = (p: string) => periodsInPath(p).map(formatPeriod);
    assert.deepEqual(paths('company/okrs/fy23-q3/index.html.md'), ['FY23 Q3']);
    assert.deepEqual(paths('2025h1/async.md'), ['2025 H1']);
    assert.deepEqual(paths('TI-reports/2024/2024-Q4-BEST-WG.md'), ['2024 Q4', '2024']);
    assert.deepEqual(paths('archived/roadmap/2021.md'), ['2021']);
    assert.deepEqual(paths('decisions/adr/2023-12-15-reporting.md'), []);
    assert.deepEqual(paths('docs/process.md'), []);
  });
});

describe('model: goals, fields and milestones', () => {
  it('files goals under their quarter with owners and fields', () => {
    const doc = model(SAMPLE);
    const [first, second] = doc.goals;
    assert.deepEqual([first.quarter?.label.kind, first.quarter?.label.number], ['quarter', 2]);
    assert.deepEqual(first.owners, ['Ann', 'Bo']);
    assert.deepEqual(first.fields.map((f) => f.name), ['owner', 'milestones', 'outcomes']);
    assert.equal(second.fields[0].value, '');
    assert.deepEqual(second.owners, []);
  });

  it('reads strike-through, Done stamps, Descoped markers, status tails and task boxes', () => {
    const doc = model(SAMPLE);
    const rows = [...allMilestones(doc.goals[0].items)].map((m) => ({
      text: m.text.slice(0, 10),
      struck: m.struck,
      done: m.done && [m.done.style, m.done.version],
      descoped: !!m.descoped,
      status: m.status?.kind,
      box: m.checkbox?.checked,
      whole: m.whollyStruck,
      state: milestoneState(doc, m),
      field: m.field,
    }));
    assert.deepEqual(rows, [
      { text: 'Cache laye', struck: true, done: ['code', '3.20'], descoped: false, status: undefined, box: undefined, whole: true, state: 'done', field: 'milestones' },
      { text: 'Measure fi', struck: true, done: undefined, descoped: false, status: undefined, box: undefined, whole: true, state: 'open', field: 'milestones' },
      { text: 'Shard the ', struck: true, done: ['plain', '3.19'], descoped: false, status: undefined, box: undefined, whole: true, state: 'done', field: 'milestones' },
      { text: 'Remote exe', struck: false, done: undefined, descoped: false, status: 'in-progress', box: undefined, whole: false, state: 'open', field: 'milestones' },
      { text: 'Drop Bazel', struck: true, done: undefined, descoped: true, status: undefined, box: undefined, whole: true, state: 'descoped', field: 'milestones' },
      { text: 'CI under t', struck: false, done: undefined, descoped: false, status: undefined, box: true, whole: false, state: 'done', field: 'outcomes' },
      { text: 'Flaky test', struck: false, done: undefined, descoped: false, status: undefined, box: false, whole: false, state: 'open', field: 'outcomes' },
    ]);
  });

  it('reads status emoji and paragraph fields followed by a numbered list', () => {
    const doc = model(dedent(`
      ## Goals

      ### Ship the importer

      **Milestones:**

      1. ✅ Parser
      1. 🔄 Writer
    `));
    const goal = doc.goals[0];
    const field = goal.fields.find((f) => f.name === 'milestones')!;
    assert.equal(field.form, 'paragraph');
    assert.deepEqual(field.items.map((m) => [m.marker, m.status?.text, milestoneState(doc, m)]), [
      ['1.', '✅', 'done'],
      ['1.', '🔄', 'open'],
    ]);
  });

  it('recognises a goal written at its quarter level', () => {
    const doc = model('## 2024\n\n### FY-24-Q1\n\n### Ship it\n\n- Owner: Ann\n');
    assert.deepEqual(doc.goals[0].misplacedLevel, { expected: 4 });
    assert.equal(doc.goals[0].quarter?.heading.text, 'FY-24-Q1');
  });
});

describe('model: odd input', () => {
  it('keeps offsets right after a BOM and with CRLF line endings', () => {
    const doc = model('\uFEFF# Title\r\n\r\n## FY-24-Q1\r\n\r\nSee [q](#fy-24-q1).\r\n');
    assert.deepEqual(doc.headings[1].textRange, { start: { line: 2, character: 3 }, end: { line: 2, character: 11 } });
    const link = doc.links[0];
    assert.equal(doc.text.slice(link.fragmentSpan!.start, link.fragmentSpan!.end), 'fy-24-q1');
    assert.deepEqual(link.fragmentRange!.start, { line: 4, character: 9 });
  });

  it('finds mojibake outside code and knows the repair', () => {
    const doc = model('Party ðŸ¦„ time and cafÃ©\n\n```\nðŸ¦„ in code\n```\n');
    assert.deepEqual(doc.mojibake.map((m) => [m.text, m.repaired]), [
      ['ðŸ¦„', '🦄'],
      ['Ã©', 'é'],
    ]);
  });

  it('builds a model for empty and binary text', () => {
    assert.equal(model('').headings.length, 0);
    assert.doesNotThrow(() => model('\u0000\u0001\uFFFD#\u0000 x\n'.repeat(50)));
  });
});

describe('model: what the parser is not given, and what links may reach', () => {
  it('reads front matter as data: its closing line makes no heading of its last field', () => {
    const doc = model('---\ntitle: "FY31-Q3 OKRs"\nlayout: page\n---\n\n## Goals\n\n- Ship\n', 'file:///ws/okrs/index.md');
    assert.deepEqual(doc.headings.map((h) => h.text), ['Goals']);
    assert.equal(doc.frontMatter?.fields.get('title'), 'FY31-Q3 OKRs');
    // Offsets are the page's own: the heading is on line 6.
    assert.equal(doc.headings[0]!.range.start.line, 5);
  });

  it('leaves an MDX page’s imports, exports and JSX blocks out, and reads its Markdown', () => {
    const text = "import Chart from './chart'\nexport const meta = { team: 'search' }\n\n# Search goals\n\n<Chart\n  data={[1, 2]}\n/>\n\n## FY31-Q1\n\n- Faster ranking\n";
    const doc = model(text, 'file:///ws/search/goals.mdx');
    assert.deepEqual(doc.headings.map((h) => h.text), ['Search goals', 'FY31-Q1']);
    assert.equal(doc.mdx, true);
    assert.deepEqual(doc.items.map((m) => m.text), ['Faster ranking']);
    // The same text as plain Markdown keeps its JSX as HTML and its import as a paragraph.
    assert.equal(model(text, 'file:///ws/search/goals.md').mdx, undefined);
  });

  it('blanks every JSX block of an MDX page, offsets kept, and leaves JSX-looking lines in code alone', () => {
    const blocks = Array.from({ length: 40 }, (_, i) => `<Note n={${i}} />\n\n## Goal ${i}\n\n- **Owner**: Kim\n`).join('\n');
    const text = `# Plans\n\n## FY31-Q1\n\n${blocks}\n\`\`\`jsx\n<Chart />\n\`\`\`\n`;
    const masked = maskForParse(text, 'goals.mdx');
    assert.equal(masked.text.length, text.length);
    assert.equal(masked.text.split('\n').length, text.split('\n').length);
    assert.equal((masked.text.match(/<Note/g) ?? []).length, 0);
    assert.equal((masked.text.match(/## Goal \d+/g) ?? []).length, 40);
    assert.ok(masked.text.includes('```jsx\n<Chart />\n```'), 'a fenced block is code, not JSX');
  });

  it('reads a line of backticks whose info string holds a backtick as text, not a fence, in the scan as in the parse', () => {
    const text = '``` x`y\n\n## Q1 2024 Goals\n\n- KR 1: ship it\n';
    const summary = summarize(text);
    assert.deepEqual(summary.headings.map((h) => h.text), model(text).headings.map((h) => h.text));
    assert.deepEqual(summary.headings.map((h) => h.text), ['Q1 2024 Goals']);
    assert.equal(summary.keyResults, 1);
    assert.equal(fenceOpenedBy('``` x`y'), undefined);
    assert.equal(fenceOpenedBy('~~~ x`y'), '~~~');
    assert.equal(closesFence('  ````  ', '```'), true);
    assert.equal(closesFence('``` js', '```'), false);
    assert.equal(closesFence('~~~', '```'), false);
  });

  it('takes an id or a name on any HTML element as a link target, as GitHub does', () => {
    const doc = model('# Page\n\n<img id="team-photo" src="t.png">\n\n<div name="appendix"></div>\n\n<span data-id="not-this"></span>\n');
    assert.deepEqual(doc.htmlAnchors, ['team-photo', 'appendix']);
  });
});
