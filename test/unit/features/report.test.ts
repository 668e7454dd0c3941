// The goals report: models in, Markdown and JSON out.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { goalsReport, reportJson, reportMarkdown } from '../../../server/src/features/report';
import { dedent, model } from '../../support/fixture';

const GOALS = dedent(`
  # Ledger team goals

  ## 2021

  ### FY-21-Q2

  #### Month-end close takes one day

  - **Owner**: Priya, Tomasz
  - **Milestones**:
    - ~~Publish the list.~~ Done: \`Dist: 2021.04.02\`
    - ~~[Match refunds](https://example.com/7).~~ Done: 3.20
    - ~~Show progress.~~ _Descoped_: no dashboard
    - Close in a day. **In progress**

  ### FY-21-Q1

  #### Ledger API is versioned

  - **Owner**: Tomasz
  - **Milestones**:
    - ✅ Describe it
    - 🔄 Generate clients

  ## Ideas

  ### Faster exports

  - **Milestones**:
    - Measure them.
`);

const COMPLETED = dedent(`
  # Completed

  ## 2021

  ### FY21 Q1

  #### Refunds post to the right period

  - Owner: Amara
  - Milestones:
    - ~~Book by the original period.~~ Done: 3.19
`);

const sources = () => [
  { doc: model(GOALS, 'file:///ws/goals.md'), path: 'goals.md' },
  { doc: model(COMPLETED, 'file:///ws/goals_completed.md'), path: 'goals_completed.md' },
];

describe('goals report', () => {
  it('groups goals by period across pages (any spelling of a quarter), newest first, with owners and milestones done, open, descoped', () => {
    const r = goalsReport(sources());
    assert.deepEqual(r.periods.map((p) => [p.period, p.label, p.goals.map((g) => `${g.file}:${g.line} ${g.title}`)]), [
      ['FY2021Q2', 'FY-21-Q2', ['goals.md:7 Month-end close takes one day']],
      ['FY2021Q1', 'FY-21-Q1', ['goals.md:18 Ledger API is versioned', 'goals_completed.md:7 Refunds post to the right period']],
      ['none', 'Not filed under a quarter', ['goals.md:27 Faster exports']],
    ]);
    const close = r.periods[0]!.goals[0]!;
    assert.deepEqual(close, {
      title: 'Month-end close takes one day',
      file: 'goals.md',
      line: 7,
      owners: ['Priya', 'Tomasz'],
      done: [{ text: 'Publish the list', stamp: 'Dist: 2021.04.02' }, { text: 'Match refunds', stamp: '3.20' }],
      open: [{ text: 'Close in a day' }],
      descoped: [{ text: 'Show progress' }],
    });
    assert.deepEqual(r.periods[1]!.goals[0]!.done, [{ text: 'Describe it' }]);
    assert.deepEqual(r.owners, [
      { owner: 'Amara', goals: 1, done: 1, open: 0, descoped: 0 },
      { owner: 'Priya', goals: 1, done: 2, open: 1, descoped: 1 },
      { owner: 'Tomasz', goals: 2, done: 3, open: 2, descoped: 1 },
    ]);
  });

  it('keeps one period when asked', () => {
    const r = goalsReport(sources(), { period: { kind: 'quarter', scheme: 'FY', year: 2021, number: 1 } });
    assert.equal(r.period, 'FY2021Q1');
    assert.deepEqual(r.periods.map((p) => p.goals.length), [2]);
    assert.deepEqual(r.owners.map((o) => o.owner), ['Amara', 'Tomasz']);
  });

  it('reads as Markdown that Goal Docs does not check, and as JSON', () => {
    const r = goalsReport(sources(), { period: { kind: 'quarter', scheme: 'FY', year: 2021, number: 2 } });
    assert.equal(reportMarkdown(r), [
      '<!-- goal-docs: off -->',
      '# Goals report',
      '',
      'FY-21-Q2 only: 1 goal in 1 period.',
      '',
      '## FY-21-Q2',
      '',
      '### Month-end close takes one day',
      '',
      'goals.md:7 · Priya, Tomasz · 2 done, 1 open, 1 descoped',
      '',
      '- Done: Publish the list (`Dist: 2021.04.02`)',
      '- Done: Match refunds (`3.20`)',
      '- Open: Close in a day',
      '- Descoped: Show progress',
      '',
      '## Totals per owner',
      '',
      '| Owner | Goals | Done | Open | Descoped |',
      '| --- | ---: | ---: | ---: | ---: |',
      '| Priya | 1 | 2 | 1 | 1 |',
      '| Tomasz | 1 | 2 | 1 | 1 |',
      '',
    ].join('\n'));
    assert.deepEqual(JSON.parse(reportJson(r)), JSON.parse(JSON.stringify(r)));
    assert.equal(model(reportMarkdown(r), 'file:///ws/report.md').markers[0]?.value, 'off');
  });
});

// Other teams' plans, in fixtures written for this test in the shapes of ../shared/dialects.
const OKRS = dedent(`
  ---
  title: "FY24-Q2 OKRs"
  ---

  ### 1. CEO: Grow recurring revenue.

  1. VP Sales: [Close the pipeline gap](https://example.com/1)
      1. Sales Ops: Clean up the forecast => 80%
  1. **CEO KR:** Reach 120% net retention. => Done
  1. CFO: Model pricing for the new tier
`);

const TABLE = dedent(`
  # Platform goals

  ## FY24 Q2

  | Goal | Owner | Status |
  | --- | --- | --- |
  | Cut hosting costs | VP Sales | ✅ |
  | Hire two SREs | Bo | In progress |
`);

const PROPOSAL = dedent(`
  # Async code review

  | Field | Value |
  | --- | --- |
  | Point of contact | @bo (and friends) |
  | Status | Accepted |

  ## Out of scope

  - Replacing pair programming.

  ## Definition of done

  - [x] Guide published
  - [ ] Two teams use it
`);

const plans = () => [
  { doc: model(OKRS, 'file:///ws/okrs/index.md'), path: 'okrs/index.md' },
  { doc: model(TABLE, 'file:///ws/platform/goals.md'), path: 'platform/goals.md' },
  { doc: model(PROPOSAL, 'file:///ws/2024h1/async.md'), path: '2024h1/async.md' },
];

describe('goals report on other teams’ plans', () => {
  it('shows objectives with their key results, initiatives and scores, table rows and a per-goal page under their periods', () => {
    const r = goalsReport(plans());
    assert.deepEqual(r.periods.map((p) => [p.period, p.label, p.goals.map((g) => `${g.file}:${g.line} ${g.kind ?? 'goal'} ${g.title}`)]), [
      ['FY2024Q2', 'FY24-Q2 OKRs', ['okrs/index.md:5 objective 1. CEO: Grow recurring revenue.', 'platform/goals.md:7 goal Cut hosting costs', 'platform/goals.md:8 goal Hire two SREs']],
      ['FY2024H1', '2024 H1', ['2024h1/async.md:1 goal Async code review']],
    ]);
    const objective = r.periods[0]!.goals[0]!;
    assert.deepEqual(objective, {
      title: '1. CEO: Grow recurring revenue.',
      file: 'okrs/index.md',
      line: 5,
      owners: ['CEO'],
      done: [{ text: 'Reach 120% net retention' }],
      open: [],
      descoped: [],
      kind: 'objective',
      parts: [
        {
          title: 'Close the pipeline gap',
          file: 'okrs/index.md',
          line: 7,
          owners: ['VP Sales'],
          done: [],
          open: [],
          descoped: [],
          kind: 'keyResult',
          parts: [{ title: 'Clean up the forecast', file: 'okrs/index.md', line: 8, owners: ['Sales Ops'], done: [], open: [], descoped: [], kind: 'initiative', score: '80%' }],
        },
        { title: 'Reach 120% net retention', file: 'okrs/index.md', line: 9, owners: ['CEO'], done: [], open: [], descoped: [], kind: 'keyResult', status: 'Done', state: 'done' },
        { title: 'Model pricing for the new tier', file: 'okrs/index.md', line: 10, owners: ['CFO'], done: [], open: [], descoped: [], kind: 'keyResult' },
      ],
    });
    // A score is progress, never an open milestone; a row's or a key result's own mark counts once for its owner.
    assert.deepEqual(r.owners, [
      { owner: 'Bo', goals: 1, done: 0, open: 1, descoped: 0 },
      { owner: 'bo (and friends)', goals: 1, done: 1, open: 1, descoped: 0 },
      { owner: 'CEO', goals: 2, done: 2, open: 0, descoped: 0 },
      { owner: 'CFO', goals: 1, done: 0, open: 0, descoped: 0 },
      { owner: 'Sales Ops', goals: 1, done: 0, open: 0, descoped: 0 },
      { owner: 'VP Sales', goals: 2, done: 1, open: 0, descoped: 0 },
    ]);
  });

  it('writes the parts as a nested list with owners, scores and states, and a per-goal page with its status', () => {
    const markdown = reportMarkdown(goalsReport(plans()));
    assert.ok(
      markdown.includes(
        [
          '### 1. CEO: Grow recurring revenue.',
          '',
          'okrs/index.md:5 · objective · CEO · 1 done, 0 open, 0 descoped',
          '',
          '- Key result: Close the pipeline gap · VP Sales · 1 initiative',
          '  - Initiative: Clean up the forecast · Sales Ops · 80%',
          '- Key result: Reach 120% net retention · CEO · Done',
          '- Key result: Model pricing for the new tier · CFO',
          '',
          '### Cut hosting costs',
          '',
          'platform/goals.md:7 · VP Sales · ✅',
          '',
        ].join('\n'),
      ),
      markdown,
    );
    assert.ok(
      markdown.includes(['## 2024 H1', '', '### Async code review', '', '2024h1/async.md:1 · bo (and friends) · Accepted · 1 done, 1 open, 0 descoped', '', '- Criterion: Guide published · done', '- Criterion: Two teams use it · open', ''].join('\n')),
      markdown,
    );
  });
});

describe('goals report on one-effort pages and schedules', () => {
  const group = dedent(`
    ---
    title: "Billing Migration Working Group"
    ---

    | Property | Value |
    |----------|-------|
    | Date Created | 2023-03-01 |
    | Target End Date | EO FY24 |

    ## Exit Criteria

    1. ✅ Pick the new billing provider
    1. Retire the old billing jobs

    ## Roles and Responsibilities

    | Working Group Role | Person |
    |--------------------|--------|
    | DRI | Eli Moss |
  `);
  const schedule = dedent(`
    # Schedule

    ## Past

    | Due date | Spec. | Description |
    | --- | --- | --- |
    | Nov 30, 2021 | Core 2.0 | Freeze the core vocabulary |
  `);

  it('shows a working group as one goal with its DRI, its period and its criteria, and a schedule row with its due date', () => {
    const r = goalsReport([
      { doc: model(group, 'file:///ws/wg/billing.md'), path: 'wg/billing.md' },
      { doc: model(schedule, 'file:///ws/planning/schedule.md'), path: 'planning/schedule.md' },
    ]);
    const markdown = reportMarkdown(r);
    assert.ok(
      markdown.includes(
        ['## FY2024', '', '### Billing Migration Working Group', '', 'wg/billing.md:1 · Eli Moss · 1 done, 1 open, 0 descoped', '', '- Criterion: Pick the new billing provider · done', '- Criterion: Retire the old billing jobs · open', ''].join('\n'),
      ),
      markdown,
    );
    assert.ok(markdown.includes(['## 2021', '', '### Freeze the core vocabulary (Core 2.0)', '', 'planning/schedule.md:7 · no owner · due Nov 30, 2021', ''].join('\n')), markdown);
    assert.deepEqual(r.owners, [{ owner: 'Eli Moss', goals: 1, done: 1, open: 1, descoped: 0 }]);
    assert.equal(r.periods[1]!.goals[0]!.due, 'Nov 30, 2021');
  });
});
