import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { computeDiagnostics } from '../../server/src/diagnostics/index';
import type { LinkedFiles } from '../../server/src/workspace/linkedFiles';
import { defaultSettings, type GoalDocsSettings, readSettings } from '../../server/src/settings/schema';
import { dedent, model } from '../support/fixture';

function diagnose(text: string, settings: GoalDocsSettings = defaultSettings(), files?: LinkedFiles) {
  return computeDiagnostics(model(dedent(text), 'file:///ws/goals.md'), settings, files);
}

/** `line:code` for each diagnostic, lines 1-based as an editor shows them. */
function codes(text: string, settings?: GoalDocsSettings, files?: LinkedFiles): string[] {
  return diagnose(text, settings, files).map((d) => `${d.range.start.line + 1}:${d.code}`);
}

describe('anchors', () => {
  it('reports a missing anchor with the closest headings as related information', () => {
    const [d] = diagnose(`
      # Goals

      See [the plan](#fy-24-q3).

      ## FY-24-Q2
    `);
    assert.equal(d.code, 'anchor.missing');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.match(String(d.message), /No heading has the anchor #fy-24-q3; did you mean #fy-24-q2/);
    assert.deepEqual(d.range, { start: { line: 2, character: 16 }, end: { line: 2, character: 24 } });
    assert.deepEqual((d.data as { candidates: string[] }).candidates, ['fy-24-q2']);
    assert.equal(d.relatedInformation?.[0].location.range.start.line, 4);
  });

  it('reports an anchor that matches only if case is ignored', () => {
    const [d] = diagnose('# T\n\n[q](#FY-24-Q2)\n\n## FY-24-Q2\n');
    assert.equal(d.code, 'anchor.case');
    assert.deepEqual(d.data, { fragment: 'FY-24-Q2', slug: 'fy-24-q2', code: 'anchor.case' });
  });

  it('accepts exact slugs, duplicate suffixes, explicit ids and html anchors', () => {
    assert.deepEqual(
      codes(`
        # T

        [a](#x) [b](#x-1) [c](#custom) [d](#old-name) [e](#)

        ## X

        ## X

        ## Renamed {#custom}

        <a name="old-name"></a>
      `),
      [],
    );
  });
});

describe('table of contents', () => {
  const doc = `
    # Team goals

    - [**2024**](#2024)
      - [FY-24-Q2](#fy-24-q1)
      - [FY-24-Q1](#fy-24-q1)
      - [FY-23-Q4](#fy-23-q4)

    ## 2024

    ### FY-24-Q3

    ### FY-24-Q2

    ### FY-24-Q1
  `;

  it('reports entries that link elsewhere, dead links and missing quarters', () => {
    const all = diagnose(doc);
    assert.deepEqual(
      all.map((d) => `${d.range.start.line + 1}:${d.code}`),
      ['4:toc.entry-mismatch', '6:anchor.missing', '10:toc.missing-entry'],
    );
    assert.equal(all[1].severity, DiagnosticSeverity.Error);
    assert.equal(all[0].message, "TOC entry 'FY-24-Q2' links to #fy-24-q1, which is the heading 'FY-24-Q1'; the heading 'FY-24-Q2' is #fy-24-q2");
    assert.equal(all[2].message, "Quarter 'FY-24-Q3' has no entry in the table of contents");
  });

  it('reports a TOC link that reaches no heading as anchor.missing, an error, naming the heading the entry is for', () => {
    const [d] = diagnose('# Completed\n\n- [**2021**](#2021)\n  - [FY-21-Q4](#fy-21-q4)\n\n## FY2021\n\n### FY-21-Q4\n');
    assert.equal(`${d.range.start.line + 1}:${d.code}`, '3:anchor.missing');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(d.message, "TOC entry '2021' links to #2021, and no heading has that anchor; the heading 'FY2021' is #fy2021");
    assert.deepEqual((d.data as { candidates: string[] }).candidates, ['fy2021']);
  });

  it('checks nothing as a TOC where the document has none', () => {
    assert.deepEqual(codes('# T\n\n## 2024\n\n### FY-24-Q1\n'), []);
  });
});

describe('periods', () => {
  it('reports a malformed quarter label', () => {
    assert.deepEqual(codes('## 2024\n\n### FY-24-Q5\n'), ['3:period.label']);
  });

  it('reports a quarter filed under the wrong year, under the calendar settings', () => {
    const text = `
      ## 2024

      ### FY-24-Q4

      ## 2023

      ### FY-24-Q1
    `;
    assert.deepEqual(codes(text), ['7:period.year']);
    assert.match(String(diagnose(text)[0].message), /filed under '2023', but it belongs to fiscal year 2024 \(starting in January\)/);
    // With a February fiscal start and calendar year headings, FY24 runs Feb 2023 – Jan 2024:
    // Q1 falls in 2023 and Q4 reaches into 2024, so both are where they belong.
    const settings = readSettings({ fiscalYearStartMonth: 2, yearHeadings: 'calendar' }).settings;
    assert.deepEqual(codes(text, settings), []);
  });

  it('accepts a document that consistently files quarters one year off', () => {
    assert.deepEqual(codes('## 2023\n\n### FY-24-Q2\n\n### FY-24-Q1\n\n## 2022\n\n### FY-23-Q4\n'), []);
  });

  it('reports a quarter out of the order the document keeps', () => {
    const all = diagnose(`
      ### FY-24-Q3

      ### FY-24-Q2

      ### FY-23-Q4

      ### FY-24-Q1
    `);
    assert.deepEqual(all.map((d) => `${d.range.start.line + 1}:${d.code}`), ['7:period.order']);
    assert.match(String(all[0].message), /lists newest first, and it comes after the older 'FY-23-Q4'/);
  });
});

describe('goals', () => {
  it('reports a goal heading at its quarter level', () => {
    const [d] = diagnose('## 2024\n\n### FY-24-Q1\n\n### Ship it\n\n- Owner: Ann\n');
    assert.equal(d.code, 'goal.heading-level');
    assert.deepEqual(d.data, { slug: 'ship-it', level: 3, expectedLevel: 4, code: 'goal.heading-level' });
  });

  it('reports goals without an owner, or with an empty one, where siblings have one', () => {
    const text = `
      ### FY-24-Q1

      #### Ship it

      - **Owner**: Ann

      #### Test it

      - **Status**: started

      #### Document it

      - **Owner**:
    `;
    assert.deepEqual(codes(text), ['7:goal.owner-missing', '13:goal.owner-missing']);
    assert.match(String(diagnose(text)[1].message), /has an empty Owner field/);
  });

  it('asks for an owner only where most sibling goals of the same kind carry one', () => {
    // Objectives (H3) carry no owners; their initiatives (H4) do, but one: only that one is reported.
    const okr = `
      ## 2031 Q2

      ### Objective: Faster support

      #### Initiative: Triage bot

      - **Owner**: Kim

      #### Initiative: Macros

      - **Owner**: Lee

      #### Initiative: Office hours

      Weekly.

      ### Objective: Happier customers

      #### Initiative: Survey

      - **Owner**: Kim
    `;
    const found = diagnose(okr).filter((d) => d.code === 'goal.owner-missing');
    assert.deepEqual(found.map((d) => d.range.start.line), [12]);
    assert.match(String(found[0]!.message), /unlike the 2 goals beside it/);
    // One goal in three with an owner is no convention: nothing is said.
    const loose = '## 2031 Q2\n\n### Ship it\n\n- **Owner**: Ann\n\n### Test it\n\nSoon.\n\n### Document it\n\nLater.\n';
    assert.deepEqual(codes(loose), []);
  });

  it('gives no owner noise to a document whose goals have no owners', () => {
    assert.deepEqual(codes('## Goals\n\n### Ship it\n\n1. ✅ Parser\n2. 🔄 Writer\n'), []);
  });

  it('reports two goals of one quarter with one title', () => {
    const [d] = diagnose('### FY-24-Q2\n\n#### Ship it\n\n- Owner: A\n\n#### Ship it\n\n- Owner: B\n');
    assert.equal(d.code, 'goal.duplicate-title');
    assert.match(String(d.message), /of the same quarter 'FY-24-Q2'; GitHub gives it the anchor #ship-it-1, and links to #ship-it reach the first one/);
  });

  it("leaves alone a quarterly report's two sections of one title that nothing links to", () => {
    const report = '# 2031 Q2 Search WG\n\n## Ranking\n\nWe ranked.\n\n## Questions for the board\n\nNone.\n\n## Indexing\n\nWe indexed.\n\n## Questions for the board\n\nStill none.\n';
    assert.deepEqual(codes(report), []);
    // Once a link names them, the second cannot be reached by its title.
    assert.deepEqual(codes(report.replace('We ranked.', 'We ranked (see [questions](#questions-for-the-board)).')), ['15:goal.duplicate-title']);
  });

  it('leaves a title repeated in every quarter or iteration alone, unless a link reaches the wrong one', () => {
    const quarters = '### FY-24-Q2\n\n#### Ship it\n\n- Owner: A\n\n### FY-24-Q1\n\n#### Ship it\n\n- Owner: B\n';
    assert.deepEqual(codes(quarters), []);
    const iteration = (dates: string, note = '') => `## ${dates}\n\n### Ranking\n\n- **Owner(s):** Ana\n- **Outcomes:**\n  - Better results${note}\n\n`;
    const log = `# Log\n\n${iteration('2024-03-15 to 2024-03-26')}${iteration('2024-03-01 to 2024-03-12')}`;
    assert.deepEqual(codes(log), []);
    // A link in the second iteration to #ranking reaches the first iteration's goal.
    const linked = `# Log\n\n${iteration('2024-03-15 to 2024-03-26')}${iteration('2024-03-01 to 2024-03-12', ' (see [ranking](#ranking))')}`;
    const [d] = diagnose(linked);
    assert.equal(`${d.range.start.line + 1}:${d.code}`, '17:goal.duplicate-title');
    assert.match(String(d.message), /#ranking reaches the goal 'Ranking' on line 5, the first with that title; the goal of that title under '2024-03-01 to 2024-03-12' is #ranking-1/);
  });
});

describe('milestones', () => {
  const house = `
    #### Ship it

    - **Owner**: Ann
    - **Milestones**:
      - ~~Design~~ Done: 3.19
      - ~~Build~~ Done: 3.20
      - ~~Test~~ Done: 3.21
      - ~~Review~~
      - Release Done: 3.22
      - ~~Announce~~ Done: \`3.23\`
      - ~~Old estimate 3.1~~ 3.2 update: slipped a release
      - ~~Drop Windows~~ _Descoped_: no users
  `;

  it('reports struck items without a marker, stamps not struck, and stamps off the house style', () => {
    assert.deepEqual(codes(house), ['8:milestone.struck-without-marker', '9:milestone.done-not-struck', '10:milestone.done-style']);
  });

  it('gives no noise to a consistent emoji convention', () => {
    assert.deepEqual(codes('### Ship it\n\n- **Owner**: Ann\n- **Milestones**:\n  1. ✅ Parser\n  2. 🔄 Writer\n  3. ⏳ Docs\n'), []);
  });
});

describe('text and file links', () => {
  it('reports mojibake with its repair', () => {
    const [d] = diagnose('# T\n\nA cafÃ© owner\n');
    assert.equal(d.code, 'text.mojibake');
    assert.equal((d.data as { repaired: string }).repaired, 'é');
  });

  it('leaves French guillemets after an accented letter alone, and still reports à read as Ã and a no-break space', () => {
    // `é\u00a0»` has the bytes of 頻 when read as Windows-1252; a French page writes it on purpose.
    assert.deepEqual(codes('# T\n\nUne « rétroactivité\u00a0» au trimestre.\n'), []);
    const [d] = diagnose('# T\n\nVoilÃ\u00a0 tout\n');
    assert.equal((d?.data as { repaired: string } | undefined)?.repaired, 'à');
  });

  it('reports links to missing files and to missing anchors in other files', () => {
    const other = model('# Other\n\n## Weekly sync\n', 'file:///ws/other.md');
    const files: LinkedFiles = {
      stat: (uri) => (uri === 'file:///ws/other.md' ? 'file' : uri === 'file:///ws/team' ? 'directory' : undefined),
      model: (uri) => (uri === other.uri ? other : undefined),
      anchors: (uri) => (uri === other.uri ? other : undefined),
    };
    assert.deepEqual(
      codes('# T\n\n[a](other.md#weekly-sync) [b](other.md#monthly-sync) [c](gone.md) [d](team) [e](https://x.io/a.md) [f](/abs/page)\n', undefined, files),
      ['3:link.file-anchor-missing', '3:link.file-missing'],
    );
    const [web] = diagnose('# T\n\n[notes](notes.example.org/weekly)\n', undefined, files);
    assert.match(String(web?.message), /does not exist; a web address needs https:\/\/ in front/);
  });
});

describe('severities from settings', () => {
  it('turns a rule off or changes its severity', () => {
    const text = '# T\n\n[q](#FY-24-Q2)\n\n## FY-24-Q2\n';
    assert.deepEqual(codes(text, readSettings({ rules: { 'anchor.case': 'off' } }).settings), []);
    assert.equal(diagnose(text, readSettings({ rules: { 'anchor.case': 'error' } }).settings)[0].severity, DiagnosticSeverity.Error);
  });
});
