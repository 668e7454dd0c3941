// Start the next quarter (and carry open goals over), and carrying one goal over to the current
// quarter: a page in, the edit applied, the page out.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { nextQuarterCommand, planCarryOver, planNextQuarter } from '../../../server/src/codeActions/nextQuarter';
import { lifecycleActions } from '../../../server/src/codeActions/lifecycle';
import { wantsFor } from '../../../server/src/codeActions/index';
import { applyWorkspaceEdit, contextOf, pages, type Pages, uri } from './lifecycle';
import { dedent } from './helpers';

const PAGE = `
  # Ledger team goals

  - [**2021**](#2021)
    - [FY-21-Q4](#fy-21-q4)
    - [FY-21-Q3](#fy-21-q3)

  The [close](#month-end-close-takes-one-day) is late.

  ## 2021

  ### FY-21-Q4

  #### Month-end close takes one day

  - **Owner**: Priya
  - **Status**: In progress
  - **Milestones**:
    - ~~Publish the list.~~ Done: 25.04
    - Match refunds.

  #### Settlement files are validated

  - **Owner**: Bo
  - **Milestones**:
    - ~~Reject bad files.~~ Done: 25.05

  #### Ledger API is versioned

  - **Owner**: Tomasz
  - **Milestones**:
    - Generate clients.

  ### FY-21-Q3

  #### Month-end close takes one day

  - **Owner**: Priya
  - **Milestones**:
    - ~~Draft the plan.~~ Done: 25.01
`;

async function next(p: Pages, carryOver: boolean, name = 'goals.md'): Promise<string> {
  const r = await planNextQuarter(p.workspace.model(uri(name))!, contextOf(p), carryOver);
  assert.ok(!('refused' in r), 'refused' in r ? r.refused : '');
  return applyWorkspaceEdit(p, r.result.edit)[name]!;
}

describe('Start the next quarter', () => {
  it('inserts the quarter after the latest, with a new year heading where the year turns, in the page\'s order and style, with its TOC entries', async () => {
    assert.equal(await next(pages({ 'goals.md': PAGE }), false), dedent(PAGE).replace('- [**2021**](#2021)', '- [**2022**](#2022)\n  - [FY-22-Q1](#fy-22-q1)\n- [**2021**](#2021)').replace('## 2021\n', '## 2022\n\n### FY-22-Q1\n\n## 2021\n'));
  });

  it('inside the year where it does not turn; after the latest quarter in a page that lists oldest first', async () => {
    const oldestFirst = '# Goals\n\n### FY21Q2\n\n#### A\n\n- **Owner**: Ann\n\n### FY21Q3\n\n#### B\n\n- **Owner**: Bo\n';
    assert.equal(await next(pages({ 'goals.md': oldestFirst }), false), `${oldestFirst}\n### FY21Q4\n`);
    const inYear = dedent(PAGE).replace(/### FY-21-Q4[^]*?(?=### FY-21-Q3)/, '').replace('  - [FY-21-Q4](#fy-21-q4)\n', '');
    assert.match(await next(pages({ 'goals.md': inYear }), false), /- \[\*\*2021\*\*\]\(#2021\)\n {2}- \[FY-21-Q4\]\(#fy-21-q4\)\n {2}- \[FY-21-Q3\]\(#fy-21-q3\)\n[^]*## 2021\n\n### FY-21-Q4\n\n### FY-21-Q3\n/);
  });

  it('carries over the goals with open milestones, moved with a note on their Status line (or a Status line of their own)', async () => {
    assert.equal(await next(pages({ 'goals.md': PAGE }), true), dedent(`
      # Ledger team goals

      - [**2022**](#2022)
        - [FY-22-Q1](#fy-22-q1)
      - [**2021**](#2021)
        - [FY-21-Q4](#fy-21-q4)
        - [FY-21-Q3](#fy-21-q3)

      The [close](#month-end-close-takes-one-day) is late.

      ## 2022

      ### FY-22-Q1

      #### Month-end close takes one day

      - **Owner**: Priya
      - **Status**: In progress. Carried over from FY-21-Q4.
      - **Milestones**:
        - ~~Publish the list.~~ Done: 25.04
        - Match refunds.

      #### Ledger API is versioned

      - **Owner**: Tomasz
      - **Status**: Carried over from FY-21-Q4.
      - **Milestones**:
        - Generate clients.

      ## 2021

      ### FY-21-Q4

      #### Settlement files are validated

      - **Owner**: Bo
      - **Milestones**:
        - ~~Reject bad files.~~ Done: 25.05

      ### FY-21-Q3

      #### Month-end close takes one day

      - **Owner**: Priya
      - **Milestones**:
        - ~~Draft the plan.~~ Done: 25.01
    `));
  });

  it('notes where a goal came from under its heading in a page that writes no Status lines (one quarter: newest first)', async () => {
    const page = '# Goals\n\n### FY21Q2\n\n#### A\n\n- **Owner**: Ann\n- **Milestones**:\n  - Plan.\n';
    assert.equal(await next(pages({ 'goals.md': page }), true), '# Goals\n\n### FY21Q3\n\n#### A\n\nCarried over from FY21Q2.\n\n- **Owner**: Ann\n- **Milestones**:\n  - Plan.\n\n### FY21Q2\n');
  });

  it('is offered on a quarter heading, with and without carrying over; the command answers what it would do', async () => {
    const p = pages({ 'goals.md': PAGE });
    const doc = p.workspace.model(uri('goals.md'))!;
    const line = doc.quarters[1]!.heading.range.start.line;
    const request = { range: { start: { line, character: 4 }, end: { line, character: 4 } }, context: { diagnostics: [] } };
    const actions = await lifecycleActions(doc, request, contextOf(p), wantsFor(undefined));
    assert.deepEqual(actions.rest.map((a) => [a.title, a.kind]), [
      ['Start FY-22-Q1', 'refactor.rewrite'],
      ['Start FY-22-Q1, carrying over 2 goals with open milestones from FY-21-Q4', 'refactor.rewrite'],
    ]);
    const dry = await nextQuarterCommand(doc, { uri: doc.uri, version: 1, carryOver: true, dryRun: true }, contextOf(p));
    assert.deepEqual(dry, { label: 'FY-22-Q1', after: 'FY-21-Q4', openGoals: ['Month-end close takes one day', 'Ledger API is versioned'] });
    assert.deepEqual(await nextQuarterCommand(doc, { uri: doc.uri, version: 2, carryOver: true }, contextOf(p)), { message: 'The document changed since the command was started; run it again.' });
  });

  it('refuses a page with no quarter to follow', async () => {
    const p = pages({ 'goals.md': '# Goals\n\n## Active goals\n\n### A\n\n- **Owner**: Ann\n' });
    assert.deepEqual(await planNextQuarter(p.workspace.model(uri('goals.md'))!, contextOf(p), false), { refused: 'This page has no quarter heading with a year to follow (like ### FY-21-Q4).' });
  });
});

describe('Carry a goal over to the current quarter', () => {
  it('moves it into the current quarter (created in order), and retargets links whose duplicate suffix shifts', async () => {
    const page = dedent(`
      # Goals

      See [the open one](#ship-it) and [the done one](#ship-it-1).

      ### FY21Q3

      #### Ship it

      - **Owner**: Ann
      - **Milestones**:
        - Plan.

      ### FY21Q4

      #### Ship it

      - **Owner**: Bo
      - **Milestones**:
        - ~~Plan.~~ Done: 1.0
    `);
    const p = pages({ 'goals.md': page, 'notes.md': 'The [open one](goals.md#ship-it).\n' });
    const doc = p.workspace.model(uri('goals.md'))!;
    const r = await planCarryOver(doc, doc.goals[0]!, contextOf(p, { today: new Date(2022, 1, 14) }));
    assert.ok(!('refused' in r), 'refused' in r ? r.refused : '');
    assert.equal(r.label, 'FY22Q1');
    const out = applyWorkspaceEdit(p, r.result.edit);
    assert.equal(out['goals.md'], dedent(`
      # Goals

      See [the open one](#ship-it-1) and [the done one](#ship-it).

      ### FY21Q3

      ### FY21Q4

      #### Ship it

      - **Owner**: Bo
      - **Milestones**:
        - ~~Plan.~~ Done: 1.0

      ### FY22Q1

      #### Ship it

      Carried over from FY21Q3.

      - **Owner**: Ann
      - **Milestones**:
        - Plan.
    `));
    assert.equal(out['notes.md'], 'The [open one](goals.md#ship-it-1).\n');
  });
});
