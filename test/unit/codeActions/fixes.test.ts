// Every diagnostic with a fix: diagnostics → its quick fixes → apply → the whole new text.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { apply, codesOf, dedent, find, fixesFor, fixture, titles } from './helpers';

describe('anchor fixes', () => {
  it('anchor.missing offers one "Change to #slug" per candidate, best first and preferred', () => {
    const f = fixture(`
      # Goals

      See [the plan](#fy-24-q3).

      ## FY-24-Q2

      ## FY-24-Q4
    `);
    const { actions } = fixesFor(f, 'anchor.missing');
    assert.deepEqual(titles(actions), ['Change to #fy-24-q2', 'Change to #fy-24-q4']);
    assert.equal(actions[0].isPreferred, true);
    assert.equal(actions[1].isPreferred, undefined);
    assert.equal(apply(f, actions[1]), f.text.replace('(#fy-24-q3)', '(#fy-24-q4)'));
  });

  it('anchor.case changes the fragment to the exact slug', () => {
    const f = fixture('# T\n\n[q](#FY-24-Q2) and [r](goals.md)\n\n## FY-24-Q2\n');
    const { actions } = fixesFor(f, 'anchor.case');
    assert.deepEqual(titles(actions), ['Change to #fy-24-q2']);
    assert.equal(apply(f, actions[0]), f.text.replace('(#FY-24-Q2)', '(#fy-24-q2)'));
  });
});

const TOC = `
  # Completed goals

  - [**2020**](#2020)
    - [FY-20-Q4](#FY-20-Q1)
    - [FY-20-Q1](#fy-20-q1)
    - [Gone](#gone)

  ## 2020

  ### FY-20-Q4

  ### FY-20-Q2

  ### FY-20-Q1

  #### A goal

  - **Owner**: Dave

  ## 2019

  ### FY-19-Q4
`;

const TOC_UPDATED = dedent(TOC).replace(
  dedent(`
    - [**2020**](#2020)
      - [FY-20-Q4](#FY-20-Q1)
      - [FY-20-Q1](#fy-20-q1)
      - [Gone](#gone)
  `),
  dedent(`
    - [**2020**](#2020)
      - [FY-20-Q4](#fy-20-q4)
      - [FY-20-Q2](#fy-20-q2)
      - [FY-20-Q1](#fy-20-q1)
    - [**2019**](#2019)
      - [FY-19-Q4](#fy-19-q4)
  `),
);

describe('table of contents', () => {
  for (const code of ['toc.missing-entry', 'anchor.missing', 'toc.entry-mismatch']) {
    it(`${code} → "Update table of contents" regenerates the TOC in place, keeping nesting and bold years`, () => {
      const f = fixture(TOC);
      const { actions } = fixesFor(f, code);
      const update = find(actions, 'Update table of contents');
      assert.equal(apply(f, update), TOC_UPDATED);
      assert.deepEqual(codesOf(TOC_UPDATED), []);
    });
  }

  it('edits only the TOC lines that change', () => {
    const f = fixture(TOC);
    const { actions } = fixesFor(f, 'toc.missing-entry');
    const edits = (actions[0].edit?.documentChanges?.[0] as { edits: Array<{ range: { start: { line: number } } }> }).edits;
    // The mended Q4 entry with the new Q2 one, and the stale entry replaced by 2019's.
    assert.deepEqual(edits.map((e) => e.range.start.line), [3, 5]);
  });

  it('a TOC link that reaches no heading is fixed to the heading its entry names, also in Fix all', () => {
    const f = fixture('# Completed\n\n- [**2021**](#2021)\n  - [FY-21-Q4](#fy-21-q4)\n\n## FY2021\n\n### FY-21-Q4\n');
    const { actions } = fixesFor(f, 'anchor.missing');
    assert.deepEqual(titles(actions), ['Change to #fy2021', 'Update table of contents']);
    assert.equal(apply(f, actions[0]), f.text.replace('(#2021)', '(#fy2021)'));
    assert.equal(apply(f, actions[1]), f.text.replace('(#2021)', '(#fy2021)'));
  });

  it('toc.entry-mismatch also offers the one-link fix, preferred', () => {
    const f = fixture(TOC);
    const { actions } = fixesFor(f, 'toc.entry-mismatch');
    assert.deepEqual(titles(actions), ['Change to #fy-20-q4', 'Update table of contents']);
    assert.equal(actions[0].isPreferred, true);
    assert.equal(apply(f, actions[0]), f.text.replace('[FY-20-Q4](#FY-20-Q1)', '[FY-20-Q4](#fy-20-q4)'));
  });

  it('keeps bold outside the link, `*` bullets and a custom label', () => {
    const raw = `
      # T

      * **[Year 2021](#2021)**
          * [Q4](#fy-21-q4)

      ## 2021

      ### FY-21-Q4

      ### FY-21-Q3

      ## 2020
    `;
    const f = fixture(raw);
    const { actions } = fixesFor(f, 'toc.missing-entry');
    assert.equal(apply(f, actions[0]), f.text.replace('    * [Q4](#fy-21-q4)\n', '    * [Q4](#fy-21-q4)\n    * [FY-21-Q3](#fy-21-q3)\n* **[2020](#2020)**\n'));
  });
});

describe('goal fixes', () => {
  it('goal.heading-level moves the goal and its sub-headings one level down', () => {
    const raw = `
      ## 2021

      ### FY-21-Q1

      ### Any engineer can release

      - **Owner**: Dave

      #### Milestones

      - Ship it.

      ### FY-20-Q4
    `;
    const f = fixture(raw);
    const { actions } = fixesFor(f, 'goal.heading-level');
    assert.deepEqual(titles(actions), ['Make the goal a level-4 heading (####) with its 1 sub-heading']);
    const fixed = apply(f, actions[0]);
    assert.equal(fixed, f.text.replace('### Any engineer', '#### Any engineer').replace('#### Milestones', '##### Milestones'));
    assert.ok(!codesOf(fixed).some((c) => c.endsWith('goal.heading-level')));
  });

  it('goal.heading-level leaves the sibling goals after a misplaced goal where they are', () => {
    // The shape of a real completed-goals page: a goal pasted at its quarter's level, followed
    // by the quarter's other goals at the goal level.
    const raw = `
      ## 2020

      ### FY-21-Q4

      ### Any engineer can create a release

      - **Owner**: Dave, Robert

      #### Background

      Releases are manual.

      #### Automatic e2e testing

      - Owner: Dave

      #### CI that can run Docker

      - Owner: Dave

      ##### Notes

      Flaky.

      ### FY-21-Q3
    `;
    const f = fixture(raw);
    const goals = f.doc.goals.map((g) => [g.heading.text, g.quarter?.heading.text, g.owners.join(', ')]);
    assert.deepEqual(goals, [
      ['Any engineer can create a release', 'FY-21-Q4', 'Dave, Robert'],
      ['Automatic e2e testing', 'FY-21-Q4', 'Dave'],
      ['CI that can run Docker', 'FY-21-Q4', 'Dave'],
    ]);
    const { actions } = fixesFor(f, 'goal.heading-level');
    assert.deepEqual(titles(actions), ['Make the goal a level-4 heading (####) with its 1 sub-heading']);
    const fixed = apply(f, actions[0]);
    assert.equal(fixed, f.text.replace('### Any engineer', '#### Any engineer').replace('#### Background', '##### Background'));
    assert.deepEqual(codesOf(fixed), []);
  });

  it('goal.owner-missing adds an Owner bullet first in the field list, spelled as the document spells it', () => {
    const raw = `
      ### First goal

      - Owner: Ann
      - Status: done

      ### Second goal

      Some words.

      - Status: started
      - Milestones:
        - Ship it.
    `;
    const f = fixture(raw);
    const { actions } = fixesFor(f, 'goal.owner-missing');
    assert.deepEqual(titles(actions), ['Add "- Owner: TBD"']);
    assert.equal(apply(f, actions[0]), f.text.replace('- Status: started', '- Owner: TBD\n- Status: started'));
  });

  it('goal.owner-missing starts a list after the text of a goal that has none', () => {
    const f = fixture('### FY-21-Q1\n\n#### A\n\n- **Owner**: Ann\n\n#### B\n\nWords about B.\n\n#### C\n\n- **Owner**: Cy\n');
    const { actions } = fixesFor(f, 'goal.owner-missing');
    assert.equal(apply(f, actions[0]), f.text.replace('Words about B.', 'Words about B.\n\n- **Owner**: TBD'));
  });

  it('goal.owner-missing adds the Owner to the initiative that lacks one, not to its objective', () => {
    const f = fixture('## 2031 Q2\n\n### Objective: Faster support\n\n#### Initiative: Bot\n\n- **Owner**: Kim\n- Ship the bot\n\n#### Initiative: Hours\n\n- Weekly office hours\n');
    const { actions } = fixesFor(f, 'goal.owner-missing');
    assert.deepEqual(titles(actions), ['Add "- **Owner**: TBD"']);
    assert.equal(apply(f, actions[0]), f.text.replace('- Weekly office hours', '- **Owner**: TBD\n- Weekly office hours'));
  });

  it('goal.owner-missing fills an empty Owner', () => {
    const f = fixture('### A\n\n- **Owner**: Ann\n\n### B\n\n- **Owner**:\n- **Status**: open\n');
    const { actions } = fixesFor(f, 'goal.owner-missing');
    assert.deepEqual(titles(actions), ['Fill the empty Owner with "TBD"']);
    assert.equal(apply(f, actions[0]), f.text.replace('- **Owner**:\n', '- **Owner**: TBD\n'));
  });
});

const MILESTONES = `
  ### Goal

  - **Owner**: Ann
  - **Milestones**:
    - ~~Profile the job.~~ Done: 24.10
    - ~~Split the batches.~~ Done: 24.11
    - ~~Alert the on-call engineer.~~ Done: 24.12
    - ~~Repair the 41 entries.~~
    - Report violations. Done: 24.09
    - ~~Book refunds.~~ Done: \`23.05\`
`;

describe('milestone fixes', () => {
  it('milestone.struck-without-marker → add a Done stamp, or mark it descoped', () => {
    const f = fixture(MILESTONES);
    const { actions } = fixesFor(f, 'milestone.struck-without-marker');
    assert.deepEqual(titles(actions), ['Mark done: add "Done: 24.12"', 'Mark descoped: add "_Descoped_: TBD"']);
    assert.equal(apply(f, actions[0]), f.text.replace('~~Repair the 41 entries.~~', '~~Repair the 41 entries.~~ Done: 24.12'));
    assert.equal(apply(f, actions[1]), f.text.replace('~~Repair the 41 entries.~~', '~~Repair the 41 entries.~~ _Descoped_: TBD'));
  });

  it('milestone.done-not-struck → strike it', () => {
    const f = fixture(MILESTONES);
    const { actions } = fixesFor(f, 'milestone.done-not-struck');
    assert.deepEqual(titles(actions), ['Strike the done item through']);
    assert.equal(apply(f, actions[0]), f.text.replace('- Report violations. Done: 24.09', '- ~~Report violations.~~ Done: 24.09'));
  });

  it('milestone.done-style → restamp in the house style', () => {
    const f = fixture(MILESTONES);
    const { actions } = fixesFor(f, 'milestone.done-style');
    assert.deepEqual(titles(actions), ['Restamp as "Done: 23.05"']);
    assert.equal(apply(f, actions[0]), f.text.replace('Done: `23.05`', 'Done: 23.05'));
  });
});

describe('text and period fixes', () => {
  it('text.mojibake → the repaired text', () => {
    const f = fixture('## Goals\n\n- **Owner**: Ann ðŸ¦„unicorns\n');
    const { actions } = fixesFor(f, 'text.mojibake');
    assert.equal(actions.length, 1);
    assert.equal(apply(f, actions[0]), f.text.replace('ðŸ¦„', '🦄'));
  });

  const PERIODS = `
    ## 2019

    ### FY-19-Q2

    #### Goal two

    ### FY-19-Q1

    #### Goal one

    ### FY-19-Q4

    #### Goal four

    ### FY-19-Q3
  `;

  it('period.order moves a quarter, with its goals, above the siblings it belongs before', () => {
    const f = fixture(PERIODS);
    const { actions } = fixesFor(f, 'period.order');
    assert.deepEqual(titles(actions), ['Move "FY-19-Q4" above "FY-19-Q2"']);
    const fixed = apply(f, actions[0]);
    assert.equal(fixed, dedent('## 2019\n\n### FY-19-Q4\n\n#### Goal four\n\n### FY-19-Q2\n\n#### Goal two\n\n### FY-19-Q1\n\n#### Goal one\n\n### FY-19-Q3\n'));
  });

  it('period.order moves the last section of the document, keeping its ending', () => {
    const f = fixture('## 2019\n\n### FY-19-Q4\n\n### FY-19-Q3\n\ntext\n\n### FY-19-Q1\n\n### FY-19-Q2\n\nlast\n');
    const { actions } = fixesFor(f, 'period.order');
    assert.deepEqual(titles(actions), ['Move "FY-19-Q2" above "FY-19-Q1"']);
    assert.equal(apply(f, actions[0]), '## 2019\n\n### FY-19-Q4\n\n### FY-19-Q3\n\ntext\n\n### FY-19-Q2\n\nlast\n\n### FY-19-Q1\n');
    assert.deepEqual(codesOf(apply(f, actions[0])), []);
  });
});
