// Move goal to the completed page: pages in → the one edit → every page's text out.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { CodeAction, TextDocumentEdit } from 'vscode-languageserver-types';
import { moveGoalAction, moveGoalCommand, planGoalMove } from '../../../server/src/codeActions/moveGoal';
import { lifecycleActions } from '../../../server/src/codeActions/lifecycle';
import { wantsFor } from '../../../server/src/codeActions/index';
import type { GoalDoc } from '../../../server/src/model/types';
import { computeDiagnostics } from '../../../server/src/diagnostics/index';
import { applyWorkspaceEdit, contextOf, pages, type Pages, uri } from './lifecycle';
import { dedent, settingsWith, TODAY } from './helpers';

const GOALS = `
  # Ledger team goals

  - [Active goals](#active-goals)
    - [Ship the ledger](#ship-the-ledger)
    - [Ship it](#ship-it)
    - [Ship it](#ship-it-1)

  See also our [completed goals](goals_completed.md). The [ledger](#ship-the-ledger) comes first; then [the second](#ship-it-1).

  ## Active goals

  ### Ship it

  - **Owner**: Ann
  - **Milestones**:
    - ~~Plan it.~~ Done: \`Dist: 2021.02.03\`

  ### Ship the ledger

  - **Owner**: Priya
  - **Milestones**:
    - ~~Write the schema.~~ Done: \`Dist: 2020.12.18\`
    - ~~Load the history.~~ Done: \`Dist: 2021.01.11\`

  ### Ship it

  - **Owner**: Bo
  - **Milestones**:
    - Plan it again.
`;

const COMPLETED = `
  # Ledger team completed goals

  See also our [current goals](goals.md).

  - [**2020**](#2020)
    - [FY-20-Q4](#fy-20-q4)

  ## 2020

  ### FY-20-Q4

  #### Ship it

  - **Owner**: Ann
  - **Milestones**:
    - ~~Plan it first.~~ Done: \`Dist: 2020.11.03\`

  See [the ledger's plan](goals.md#ship-the-ledger).
`;

const NOTES = `
  # Notes

  The [ledger](goals.md#ship-the-ledger), [the old one](goals_completed.md#ship-it), [the second](./goals.md#ship-it-1) and [the first](goals#ship-it).
`;

function ledger(files: Record<string, string> = {}): Pages {
  return pages({ 'goals.md': GOALS, 'goals_completed.md': COMPLETED, 'notes.md': NOTES, ...files }, ['goals.md']);
}

function goalNamed(p: Pages, title: string, nth = 0, name = 'goals.md'): { doc: GoalDoc; goal: GoalDoc['goals'][number] } {
  const doc = p.workspace.model(uri(name))!;
  const goal = doc.goals.filter((g) => g.heading.text === title)[nth];
  assert.ok(goal, `no goal ${title}`);
  return { doc, goal };
}

/** Moves the goal (the inferred quarter unless one is given) and returns every page the edit touched. */
async function move(p: Pages, title: string, options: Parameters<typeof contextOf>[1] & { nth?: number; quarter?: string } = {}): Promise<Record<string, string>> {
  const { doc, goal } = goalNamed(p, title, options.nth);
  if (options.quarter) {
    const result = await moveGoalCommand(doc, { uri: doc.uri, version: doc.version, line: goal.heading.range.start.line, quarter: options.quarter }, contextOf(p, options));
    assert.ok(result.edit, result.message);
    return applyWorkspaceEdit(p, result.edit);
  }
  const r = await planGoalMove(doc, goal, contextOf(p, options));
  assert.ok(!('refused' in r), 'refused' in r ? r.refused : '');
  return applyWorkspaceEdit(p, r.result.edit);
}

async function refusal(p: Pages, title: string, options: Parameters<typeof contextOf>[1] = {}, name = 'goals.md'): Promise<string> {
  const { doc, goal } = goalNamed(p, title, 0, name);
  const r = await planGoalMove(doc, goal, contextOf(p, options));
  assert.ok('refused' in r, 'expected a refusal');
  return r.refused;
}

describe('Move goal to the completed page', () => {
  it('files the goal under a new year and quarter, updates both TOCs and every link to it (same page, completed page, other files)', async () => {
    const out = await move(ledger(), 'Ship the ledger');
    assert.deepEqual(Object.keys(out).sort(), ['goals.md', 'goals_completed.md', 'notes.md']);
    assert.equal(out['goals.md'], dedent(`
      # Ledger team goals

      - [Active goals](#active-goals)
        - [Ship it](#ship-it)
        - [Ship it](#ship-it-1)

      See also our [completed goals](goals_completed.md). The [ledger](goals_completed.md#ship-the-ledger) comes first; then [the second](#ship-it-1).

      ## Active goals

      ### Ship it

      - **Owner**: Ann
      - **Milestones**:
        - ~~Plan it.~~ Done: \`Dist: 2021.02.03\`

      ### Ship it

      - **Owner**: Bo
      - **Milestones**:
        - Plan it again.
    `));
    assert.equal(out['goals_completed.md'], dedent(`
      # Ledger team completed goals

      See also our [current goals](goals.md).

      - [**2021**](#2021)
        - [FY-21-Q1](#fy-21-q1)
      - [**2020**](#2020)
        - [FY-20-Q4](#fy-20-q4)

      ## 2021

      ### FY-21-Q1

      #### Ship the ledger

      - **Owner**: Priya
      - **Milestones**:
        - ~~Write the schema.~~ Done: \`Dist: 2020.12.18\`
        - ~~Load the history.~~ Done: \`Dist: 2021.01.11\`

      ## 2020

      ### FY-20-Q4

      #### Ship it

      - **Owner**: Ann
      - **Milestones**:
        - ~~Plan it first.~~ Done: \`Dist: 2020.11.03\`

      See [the ledger's plan](#ship-the-ledger).
    `));
    assert.equal(out['notes.md'], dedent(`
      # Notes

      The [ledger](goals_completed.md#ship-the-ledger), [the old one](goals_completed.md#ship-it), [the second](./goals.md#ship-it-1) and [the first](goals#ship-it).
    `));
  });

  it('shifts duplicate suffixes on both pages: the second "Ship it" of goals.md becomes #ship-it, the old one of the completed page #ship-it-1', async () => {
    const out = await move(ledger(), 'Ship it');
    assert.match(out['goals.md']!, /- \[Ship the ledger\]\(#ship-the-ledger\)\n {2}- \[Ship it\]\(#ship-it\)\n\n/);
    assert.match(out['goals.md']!, /then \[the second\]\(#ship-it\)\./);
    assert.match(out['goals_completed.md']!, /### FY-21-Q1\n\n#### Ship it\n\n- \*\*Owner\*\*: Ann\n- \*\*Milestones\*\*:\n {2}- ~~Plan it\.~~ Done: `Dist: 2021\.02\.03`\n\n## 2020/);
    assert.equal(out['notes.md'], dedent(`
      # Notes

      The [ledger](goals.md#ship-the-ledger), [the old one](goals_completed.md#ship-it-1), [the second](./goals.md#ship-it) and [the first](goals_completed#ship-it).
    `));
  });

  it('appends the goal to the quarter it was finished in when the page has it, at that page\'s goal level', async () => {
    const out = await move(ledger(), 'Ship the ledger', { quarter: 'Q4 2020' });
    assert.match(out['goals_completed.md']!, /- \[\*\*2020\*\*\]\(#2020\)\n {2}- \[FY-20-Q4\]\(#fy-20-q4\)\n\n## 2020/);
    assert.match(out['goals_completed.md']!, /See \[the ledger's plan\]\(#ship-the-ledger\)\.\n\n#### Ship the ledger\n\n- \*\*Owner\*\*: Priya\n[^]*Done: `Dist: 2021\.01\.11`\n$/);
  });

  it('writes a new year and quarter in the page\'s own label style and order (oldest first, FY2020 / FY20 Q4)', async () => {
    const completed = `
      # Completed

      ## FY2019

      ### FY19 Q4

      #### Old one

      - **Owner**: Ann

      ## FY2020

      ### FY20 Q3

      #### Older one

      - **Owner**: Ann

      ### FY20 Q4

      #### Last one

      - **Owner**: Ann
    `;
    const out = await move(ledger({ 'goals_completed.md': completed }), 'Ship the ledger', { quarter: 'FY-21-Q2' });
    assert.equal(out['goals_completed.md'], dedent(`${completed}
      ## FY2021

      ### FY21 Q2

      #### Ship the ledger

      - **Owner**: Priya
      - **Milestones**:
        - ~~Write the schema.~~ Done: \`Dist: 2020.12.18\`
        - ~~Load the history.~~ Done: \`Dist: 2021.01.11\`
    `).replace(/\n\n## FY2021/, '\n\n## FY2021'));
  });

  it('puts a new quarter between its neighbours inside an existing year', async () => {
    const out = await move(ledger(), 'Ship the ledger', { quarter: 'FY-20-Q2' });
    assert.match(out['goals_completed.md']!, /- \[\*\*2020\*\*\]\(#2020\)\n {2}- \[FY-20-Q4\]\(#fy-20-q4\)\n {2}- \[FY-20-Q2\]\(#fy-20-q2\)\n/);
    assert.match(out['goals_completed.md']!, /See \[the ledger's plan\]\(#ship-the-ledger\)\.\n\n### FY-20-Q2\n\n#### Ship the ledger\n/);
  });

  it('infers the quarter from the latest dated Done stamp and the fiscal calendar, else from today', async () => {
    // A February fiscal year: 2021-01-11 is in the fourth quarter of FY21.
    const out = await move(ledger(), 'Ship the ledger', { settings: settingsWith((s) => (s.fiscalYearStartMonth = 2)) });
    assert.match(out['goals_completed.md']!, /## 2021\n\n### FY-21-Q4\n\n#### Ship the ledger/);
    // An open goal is moved as of today.
    const open = await move(ledger(), 'Ship it', { nth: 1, today: new Date(2021, 4, 20) });
    assert.match(open['goals_completed.md']!, /## 2021\n\n### FY-21-Q2\n\n#### Ship it\n\n- \*\*Owner\*\*: Bo/);
  });

  it('creates the completed page beside the goals page when there is none, with a title and a link back', async () => {
    const goals = GOALS.replace(' See also our [completed goals](goals_completed.md).', '');
    const p = pages({ 'team/goals.md': goals }, ['team/goals.md']);
    const { doc, goal } = goalNamed(p, 'Ship the ledger', 0, 'team/goals.md');
    const r = await planGoalMove(doc, goal, contextOf(p));
    assert.ok(!('refused' in r), 'refused' in r ? r.refused : '');
    const changes = r.result.edit.documentChanges!;
    assert.deepEqual(changes[1], { kind: 'create', uri: uri('team/goals_completed.md'), options: { overwrite: false, ignoreIfExists: false } });
    const out = applyWorkspaceEdit(p, r.result.edit);
    assert.equal(out['team/goals_completed.md'], dedent(`
      # Ledger team completed goals

      See also our [current goals](goals.md).

      ## 2021

      ### FY-21-Q1

      #### Ship the ledger

      - **Owner**: Priya
      - **Milestones**:
        - ~~Write the schema.~~ Done: \`Dist: 2020.12.18\`
        - ~~Load the history.~~ Done: \`Dist: 2021.01.11\`
    `));
    assert.match(out['team/goals.md']!, /The \[ledger\]\(goals_completed\.md#ship-the-ledger\) comes first/);
    const refused = await refusal(pages({ 'team/goals.md': goals }, ['team/goals.md']), 'Ship the ledger', { support: { documentChanges: true, createFiles: false, disabledActions: true } }, 'team/goals.md');
    assert.match(refused, /would create a page, and this editor cannot create files/);
  });

  it('takes the page the document links as its past goals, by the words around the link', async () => {
    const goals = GOALS.replace('See also our [completed goals](goals_completed.md).', 'We record past goals that we have completed [here](archive/done.md).');
    const out = await move(pages({ 'goals.md': goals, 'archive/done.md': COMPLETED.replace('(goals.md)', '(../goals.md)') }, ['goals.md']), 'Ship the ledger');
    assert.match(out['goals.md']!, /The \[ledger\]\(archive\/done\.md#ship-the-ledger\) comes first/);
    assert.match(out['archive/done.md']!, /### FY-21-Q1\n\n#### Ship the ledger\n/);
  });

  it('is offered on a goal heading, first and preferred when every milestone is done, and still offered otherwise', async () => {
    const p = ledger();
    const doc = p.workspace.model(uri('goals.md'))!;
    const at = (title: string, nth = 0) => {
      const line = doc.goals.filter((g) => g.heading.text === title)[nth]!.heading.range.start.line;
      return { range: { start: { line, character: 5 }, end: { line, character: 5 } }, context: { diagnostics: [] } };
    };
    const done = await lifecycleActions(doc, at('Ship the ledger'), contextOf(p), wantsFor(undefined));
    assert.deepEqual(done.first.map((a) => [a.title, a.kind, a.isPreferred]), [['Move goal to goals_completed.md (FY-21-Q1)', 'refactor.move', true]]);
    assert.deepEqual((done.first[0]!.data as { moveGoal: unknown }).moveGoal, { uri: uri('goals.md'), version: 1, line: 17 });
    const open = await lifecycleActions(doc, at('Ship it', 1), contextOf(p), wantsFor(undefined));
    assert.deepEqual(open.first, []);
    assert.deepEqual(open.rest.map((a) => [a.title, a.isPreferred]), [['Move goal to goals_completed.md (FY-21-Q1)', undefined]]);
    const quickFixesOnly = await lifecycleActions(doc, at('Ship the ledger'), contextOf(p), wantsFor(['quickfix']));
    assert.deepEqual([...quickFixesOnly.first, ...quickFixesOnly.rest], []);
  });

  it('is one edit, versioned for each file: the open page with its version, files on disk with null', async () => {
    const p = ledger();
    p.workspace.open.set(uri('goals_completed.md'), 4);
    const { doc, goal } = goalNamed(p, 'Ship the ledger');
    const r = await planGoalMove(doc, goal, contextOf(p));
    assert.ok(!('refused' in r));
    const versions = (r.result.edit.documentChanges as TextDocumentEdit[]).map((c) => [c.textDocument.uri.slice(uri('').length), c.textDocument.version]);
    assert.deepEqual(versions, [['goals.md', 1], ['goals_completed.md', 4], ['notes.md', null]]);
  });

  it('the command answers the choices (inferred quarter first, the page\'s quarters), takes any spelling, and refuses a stale version', async () => {
    const p = ledger();
    const { doc, goal } = goalNamed(p, 'Ship the ledger');
    const args = { uri: doc.uri, version: 1, line: goal.heading.range.start.line };
    assert.deepEqual(await moveGoalCommand(doc, args, contextOf(p)), { completedPage: 'goals_completed.md', createsPage: false, inferred: 'FY-21-Q1', inferredFrom: 'stamp', quarters: ['FY-20-Q4'] });
    const spelled = await moveGoalCommand(doc, { ...args, quarter: 'FY21Q3' }, contextOf(p));
    assert.match(applyWorkspaceEdit(p, spelled.edit)['goals_completed.md']!, /### FY-21-Q3\n\n#### Ship the ledger/);
    assert.deepEqual(await moveGoalCommand(doc, { ...args, version: 0, quarter: 'FY-21-Q1' }, contextOf(p)), { message: 'The document changed since the goal was chosen; run the command again.' });
    assert.deepEqual(await moveGoalCommand(doc, { ...args, quarter: 'soon' }, contextOf(p)), { message: "'soon' is not a quarter or half-year with a year (like FY-21-Q4, FY21Q4, Q4 2021 or FY22H2)." });
  });

  it('leaves both pages with no new diagnostic (and here one fewer: the two goals named "Ship it" of one section)', async () => {
    const codes = (q: Pages) => ['goals.md', 'goals_completed.md'].flatMap((n) => computeDiagnostics(q.workspace.model(uri(n))!, settingsWith(() => undefined), q.workspace, undefined, TODAY).map((d) => `${n} ${d.code}`));
    const p = ledger();
    assert.deepEqual(codes(p), ['goals.md goal.duplicate-title']);
    assert.deepEqual(codes(pages({ ...p.texts, ...(await move(p, 'Ship it')) })), []);
  });
});

describe('Move goal: what it refuses, with a reason', () => {
  const reasonOf = async (p: Pages, title: string, options: Parameters<typeof contextOf>[1] = {}) => {
    const { doc, goal } = goalNamed(p, title);
    const action = (await moveGoalAction(doc, goal, contextOf(p, options))) as CodeAction;
    assert.equal(action.edit, undefined, 'a refused move has no edit');
    return action.disabled?.reason;
  };

  it('a goal heading inside a list or a quote', async () => {
    for (const nested of ['## FY-21-Q1\n\n- ### Ship it later\n\n  - **Owner**: Ann\n', '### FY-21-Q1\n\n> #### Ship it later\n>\n> - **Owner**: Ann\n']) {
      const p = ledger({ 'goals.md': `# Team goals\n\n${nested}` });
      const doc = p.workspace.model(uri('goals.md'))!;
      const goal = doc.goals.find((g) => g.heading.text === 'Ship it later');
      assert.ok(goal, 'the model takes it for a goal');
      const r = await planGoalMove(doc, goal, contextOf(p));
      assert.ok('refused' in r && /inside a list or a quote/.test(r.refused), JSON.stringify(r));
    }
  });

  it('a completed page over goalDocs.maxFileSize, or one the parser cannot take', async () => {
    const small = settingsWith((s) => (s.maxFileSize = 100));
    const reason = await reasonOf(ledger(), 'Ship the ledger', { settingsOf: (u) => (u.endsWith('goals_completed.md') ? small : settingsWith(() => undefined)) });
    assert.match(reason!, /^goals_completed\.md has \d+ characters, more than goalDocs\.maxFileSize \(100\)/);
    const huge = ledger({ 'goals_completed.md': `${COMPLETED}\n${'word '.repeat(5000)}\n` });
    assert.match((await reasonOf(huge, 'Ship the ledger'))!, /^Goal Docs cannot analyse part of goals_completed\.md \(a paragraph is longer than 20,000 characters\)/);
  });

  it('a target quarter that the completed page has twice', async () => {
    const twice = ledger({ 'goals_completed.md': `${COMPLETED}\n### FY-21-Q1\n\n### FY21 Q1\n` });
    assert.match((await reasonOf(twice, 'Ship the ledger'))!, /^goals_completed\.md has 'FY-21-Q1' twice \(lines 2\d and 2\d\)/);
  });

  it('a move that would leave a new problem (two goals of one name in one quarter)', async () => {
    const same = ledger({ 'goals_completed.md': COMPLETED.replace('### FY-20-Q4', '### FY-21-Q1').replace('FY-20-Q4](#fy-20-q4)', 'FY-21-Q1](#fy-21-q1)').replace('## 2020', '## 2021').replace('**2020**](#2020)', '**2021**](#2021)') });
    assert.match((await reasonOf(same, 'Ship it'))!, /would leave a problem the pages do not have now \(goal\.duplicate-title: Ship it\)/);
  });

  it('an editor without versioned multi-file edits; disabled actions only where the editor shows them', async () => {
    assert.match((await reasonOf(ledger(), 'Ship the ledger', { support: { documentChanges: false, createFiles: false, disabledActions: true } }))!, /needs an editor that applies versioned edits/);
    const { doc, goal } = goalNamed(ledger(), 'Ship the ledger');
    assert.equal(await moveGoalAction(doc, goal, contextOf(ledger(), { support: { documentChanges: false, createFiles: false, disabledActions: false } })), undefined);
  });

  it('nothing on a completed-goals page itself', async () => {
    const p = ledger();
    const doc = p.workspace.model(uri('goals_completed.md'))!;
    assert.equal(await moveGoalAction(doc, doc.goals[0]!, contextOf(p)), undefined);
  });
});
