// period.ended-open on a pinned day, and its three fixes: move the goal to the completed page,
// carry it over to the current quarter, descope what is left.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { computeDiagnostics } from '../../../server/src/diagnostics/index';
import { provideCodeActions, wantsFor } from '../../../server/src/codeActions/index';
import { lifecycleActions } from '../../../server/src/codeActions/lifecycle';
import { defaultSettings } from '../../../server/src/settings/schema';
import { model } from '../../support/fixture';
import { applyWorkspaceEdit, contextOf, pages, uri } from './lifecycle';
import { apply, dedent, settingsWith } from './helpers';

const PAGE = dedent(`
  # Ledger team goals

  See also our [completed goals](goals_completed.md).

  ## 2021

  ### FY-21-Q2

  #### Month-end close takes one day

  - **Owner**: Priya
  - **Milestones**:
    - ~~Publish the list.~~ Done: 25.04
    - Match refunds.
    - Show progress.

  #### Settlement files are validated

  - **Owner**: Bo
  - **Milestones**:
    - ~~Reject bad files.~~ Done: 25.05

  ### FY-21-Q1

  #### Ledger API is versioned

  - **Owner**: Tomasz
  - **Milestones**:
    - ~~Describe it.~~ Done: 25.02
`);

const COMPLETED = '# Ledger team completed goals\n\n## 2021\n\n### FY-21-Q1\n\n#### Older\n\n- **Owner**: Ann\n- **Milestones**:\n  - Left open.\n';

const codesOn = (text: string, today: Date, settings = defaultSettings(), name = 'goals.md') =>
  computeDiagnostics(model(text, uri(name)), settings, undefined, undefined, today).filter((d) => d.code === 'period.ended-open').map((d) => `${d.range.start.line + 1}: ${d.message}`);

describe('period.ended-open', () => {
  it('reports a goal with open milestones once its quarter has ended, not before, and not a finished goal', () => {
    assert.deepEqual(codesOn(PAGE, new Date(2021, 5, 30)), []);
    assert.deepEqual(codesOn(PAGE, new Date(2021, 6, 1)), [
      "9: Quarter 'FY-21-Q2' ended on 30 June 2021, and its goal 'Month-end close takes one day' still has 2 open milestones: move it to the completed page, carry it over or descope what is left",
    ]);
  });

  it('reads the fiscal calendar: with a February start, FY-21-Q2 ends on 31 July 2020', () => {
    const february = settingsWith((s) => (s.fiscalYearStartMonth = 2));
    assert.deepEqual(codesOn(PAGE, new Date(2020, 6, 31), february), []);
    assert.match(codesOn(PAGE, new Date(2020, 7, 1), february)[0]!, /ended on 31 July 2020/);
  });

  it('says nothing on an OKR log that scores its key results, or on a page that marks nothing done', () => {
    const log = '# Support OKRs\n\n## 2030 Q1\n\n### Objective: Faster answers\n\n- [x] KR: A reply bot\n- KR: First reply in an hour => 80%\n- KR: Grade: .7 on the survey\n\n## 2030 Q2\n\n### Objective: Fewer tickets\n\n- KR: A help centre => 40%\n';
    assert.deepEqual(codesOn(log, new Date(2031, 0, 1)), []);
    const unmarked = '# Plans\n\n## 2030 Q1\n\n### Search\n\n- **Owner**: Kim\n- **Milestones**:\n  - Index it.\n  - Rank it.\n';
    assert.deepEqual(codesOn(unmarked, new Date(2031, 0, 1)), []);
    // The same page once it marks one item done keeps its items' state: the other open one counts.
    assert.equal(codesOn(unmarked.replace('- Index it.', '- ~~Index it.~~ Done: 30.02'), new Date(2031, 0, 1)).length, 1);
  });

  it('is information by default, configurable, and silent on a completed-goals page', () => {
    const [d] = computeDiagnostics(model(PAGE, uri('goals.md')), defaultSettings(), undefined, undefined, new Date(2022, 0, 1)).filter((x) => x.code === 'period.ended-open');
    assert.equal(d!.severity, 3);
    assert.deepEqual(d!.data, { slug: 'month-end-close-takes-one-day', quarter: 'fy-21-q2', open: 2, code: 'period.ended-open' });
    assert.deepEqual(codesOn(PAGE, new Date(2022, 0, 1), settingsWith((s) => (s.rules['period.ended-open'] = 'off'))), []);
    assert.deepEqual(codesOn(COMPLETED, new Date(2022, 0, 1), defaultSettings(), 'goals_completed.md'), []);
  });
});

describe("period.ended-open's fixes", () => {
  const today = new Date(2021, 7, 16);
  const diagnostic = (): Diagnostic => computeDiagnostics(model(PAGE, uri('goals.md'), 1), defaultSettings(), undefined, undefined, today).find((d) => d.code === 'period.ended-open')!;

  it('offers, in this order: move the goal to the completed page, carry it over to the current quarter, descope what is left', async () => {
    const p = pages({ 'goals.md': PAGE, 'goals_completed.md': COMPLETED }, ['goals.md']);
    const doc = p.workspace.model(uri('goals.md'))!;
    const d = diagnostic();
    const request = { range: d.range, context: { diagnostics: [d], only: ['quickfix'] } };
    const life = await lifecycleActions(doc, request, contextOf(p, { today }), wantsFor(['quickfix']));
    const own = provideCodeActions(doc, request, defaultSettings(), undefined, { today });
    assert.deepEqual([...life.first, ...own].map((a) => [a.title, a.kind, a.diagnostics?.length]), [
      ['Move goal to goals_completed.md (FY-21-Q3)', 'quickfix', 1],
      ['Carry the goal over to FY-21-Q3', 'quickfix', 1],
      ['Descope the 2 open milestones', 'quickfix', 1],
    ]);

    const moved = applyWorkspaceEdit(p, life.first[0]!.edit);
    assert.match(moved['goals_completed.md']!, /^# Ledger team completed goals\n\n## 2021\n\n### FY-21-Q3\n\n#### Month-end close takes one day\n/);
    assert.doesNotMatch(moved['goals.md']!, /Month-end close/);

    const carried = applyWorkspaceEdit(p, life.first[1]!.edit)['goals.md']!;
    assert.match(carried, /## 2021\n\n### FY-21-Q3\n\n#### Month-end close takes one day\n\nCarried over from FY-21-Q2\.\n\n- \*\*Owner\*\*: Priya\n[^]*### FY-21-Q2\n\n#### Settlement files are validated\n/);
    assert.deepEqual(codesOn(carried, today), []);

    const descoped = apply({ text: PAGE, doc, range: d.range }, own[0]);
    assert.match(descoped, / {2}- ~~Match refunds\.~~ _Descoped_: TBD\n {2}- ~~Show progress\.~~ _Descoped_: TBD\n/);
    assert.deepEqual(codesOn(descoped, today), []);
  });

  it('counts a scored item as progress, not open work, in the finding and its descope fix alike', () => {
    const scored = PAGE.replace('  - Show progress.', '  - Show progress => 60%');
    const [d] = computeDiagnostics(model(scored, uri('goals.md'), 1), defaultSettings(), undefined, undefined, today).filter((x) => x.code === 'period.ended-open');
    assert.match(String(d!.message), /still has 1 open milestone:/);
    const doc = model(scored, uri('goals.md'), 1);
    const own = provideCodeActions(doc, { range: d!.range, context: { diagnostics: [d!], only: ['quickfix'] } }, defaultSettings(), undefined, { today });
    assert.deepEqual(own.map((a) => a.title), ['Descope the open milestone']);
    const descoped = apply({ text: scored, doc, range: d!.range }, own[0]);
    assert.match(descoped, / {2}- ~~Match refunds\.~~ _Descoped_: TBD\n {2}- Show progress => 60%\n/);
    assert.deepEqual(codesOn(descoped, today), []);
  });
});
