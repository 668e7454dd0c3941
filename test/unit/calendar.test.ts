// The fiscal calendar forwards (the quarter a date falls in, the next one, when one ends), labels
// written as a page writes them, where a quarter goes in a page, and completed-goals pages.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { followingPeriod, periodHasEnded, periodHeadingLike, periodOfDate, periodStartMonth, yearHeadingLike } from '../../server/src/model/periods';
import { placeQuarter, yearNumberFor } from '../../server/src/model/periodLayout';
import { completedPageFileName, completedPageLinks, completedPageTitle, isCompletedPage } from '../../server/src/model/completedPage';
import { defaultSettings } from '../../server/src/settings/schema';
import { model } from '../support/fixture';

const calendar = (fiscalYearStartMonth: number, yearHeadings: 'fiscal' | 'calendar' = 'fiscal') => ({ fiscalYearStartMonth, yearHeadings });

describe('the fiscal calendar, forwards', () => {
  it('names the quarter a date falls in, the inverse of quarterStartMonth, for every start month', () => {
    for (let start = 1; start <= 12; start++) {
      for (let m = 0; m < 36; m++) {
        const date = new Date(2020, m, 15);
        const q = periodOfDate(date, 'quarter', 'FY', calendar(start));
        const first = periodStartMonth(q, calendar(start));
        const month = date.getFullYear() * 12 + date.getMonth();
        assert.ok(first <= month && month < first + 3, `start ${start}, ${date.toDateString()}: FY${q.year} Q${q.number}`);
      }
    }
    // With a February start, FY21 runs from February 2020 to January 2021.
    assert.deepEqual(periodOfDate(new Date(2021, 0, 25), 'quarter', 'FY', calendar(2)), { kind: 'quarter', scheme: 'FY', year: 2021, number: 4 });
    assert.deepEqual(periodOfDate(new Date(2021, 0, 25), 'quarter', 'FY', calendar(1)), { kind: 'quarter', scheme: 'FY', year: 2021, number: 1 });
    assert.deepEqual(periodOfDate(new Date(2021, 0, 25), 'quarter', 'CY', calendar(2)), { kind: 'quarter', scheme: 'CY', year: 2021, number: 1 });
    // Halves of a February fiscal year: H2 of FY25 runs from August 2024 to January 2025.
    assert.deepEqual(periodOfDate(new Date(2024, 9, 1), 'half', 'FY', calendar(2)), { kind: 'half', scheme: 'FY', year: 2025, number: 2 });
  });

  it('follows a quarter with the next, and a half with the next half', () => {
    assert.deepEqual(followingPeriod({ kind: 'quarter', scheme: 'FY', year: 2021, number: 4 }), { kind: 'quarter', scheme: 'FY', year: 2022, number: 1 });
    assert.deepEqual(followingPeriod({ kind: 'quarter', scheme: 'FY', year: 2021, number: 2 }), { kind: 'quarter', scheme: 'FY', year: 2021, number: 3 });
    assert.deepEqual(followingPeriod({ kind: 'half', scheme: 'FY', year: 2022, number: 2 }), { kind: 'half', scheme: 'FY', year: 2023, number: 1 });
  });

  it('knows when a period has ended', () => {
    const q2 = { kind: 'quarter' as const, scheme: 'FY' as const, year: 2021, number: 2 };
    assert.equal(periodHasEnded(q2, calendar(1), new Date(2021, 5, 30)), false);
    assert.equal(periodHasEnded(q2, calendar(1), new Date(2021, 6, 1)), true);
  });
});

describe('labels as the page writes them', () => {
  it('keeps the shape, separators, prefix and plan words of another quarter heading, not its theme', () => {
    const p = { kind: 'quarter' as const, scheme: 'FY' as const, year: 2022, number: 1 };
    const cases: Array<[string, string]> = [
      ['FY-21-Q4', 'FY-22-Q1'],
      ['FY21Q4', 'FY22Q1'],
      ['FY2021-Q4', 'FY2022-Q1'],
      ['Q4 2021', 'Q1 2022'],
      ['FY21 Q4 OKRs', 'FY22 Q1 OKRs'],
      ['FY21-Q4: Foundations', 'FY22-Q1'],
      ['Goals for FY21 Q4', 'Goals for FY22 Q1'],
      ['FQ4', 'FQ1'],
    ];
    for (const [reference, written] of cases) assert.equal(periodHeadingLike(reference, p), written, reference);
    assert.equal(periodHeadingLike('FY22H1', { kind: 'half', scheme: 'FY', year: 2022, number: 2 }), 'FY22H2');
    assert.equal(periodHeadingLike('Roadmap', p), undefined);
    assert.equal(yearHeadingLike('FY-2021', 2022), 'FY-2022');
    assert.equal(yearHeadingLike('FY21', 2022), 'FY22');
  });
});

describe('where a quarter goes', () => {
  const page = model('# Done\n\n## 2021\n\n### FY-21-Q2\n\n#### A\n\n### FY-21-Q1\n\n## 2020\n\n### FY-20-Q4\n', 'file:///ws/goals_completed.md');

  it('an existing quarter, a new one inside its year, a new year in order', () => {
    const existing = placeQuarter(page, { kind: 'quarter', scheme: 'FY', year: 2021, number: 1 }, defaultSettings());
    assert.equal(existing.kind === 'existing' && existing.quarter.heading.text, 'FY-21-Q1');
    const inYear = placeQuarter(page, { kind: 'quarter', scheme: 'FY', year: 2021, number: 3 }, defaultSettings());
    assert.deepEqual(inYear.kind === 'new' && [page.text.slice(inYear.at, inYear.at + 12), inYear.before, inYear.headings, inYear.goalLevel], ['### FY-21-Q2', true, [{ level: 3, text: 'FY-21-Q3' }], 4]);
    const newYear = placeQuarter(page, { kind: 'quarter', scheme: 'FY', year: 2019, number: 4 }, defaultSettings());
    assert.deepEqual(newYear.kind === 'new' && [newYear.at, newYear.before, newYear.headings], [page.text.length - 1, false, [{ level: 2, text: '2019' }, { level: 3, text: 'FY-19-Q4' }]]);
  });

  it('files a quarter under the year the settings say, unless the page keeps another habit that no quarter of it breaks', () => {
    const february = calendar(2, 'calendar');
    assert.equal(yearNumberFor(page, { kind: 'quarter', scheme: 'FY', year: 2022, number: 1 }, calendar(1)), 2022);
    assert.equal(yearNumberFor(page, { kind: 'quarter', scheme: 'FY', year: 2022, number: 1 }, february), 2021);
    // Every quarter one year off its year heading: the page's own habit.
    const offByOne = model('# Done\n\n## 2020\n\n### FY-21-Q2\n\n### FY-21-Q1\n', 'file:///ws/goals_completed.md');
    assert.equal(yearNumberFor(offByOne, { kind: 'quarter', scheme: 'FY', year: 2021, number: 3 }, calendar(1)), 2020);
  });
});

describe('completed-goals pages', () => {
  it('are known by their file name or title; a goals page names its own by a link and the words around it', () => {
    assert.equal(isCompletedPage(model('# Team goals\n', 'file:///ws/goals_completed.md')), true);
    assert.equal(isCompletedPage(model('# Distribution team completed goals\n', 'file:///ws/history.md')), true);
    assert.equal(isCompletedPage(model('# Team goals\n', 'file:///ws/goals.md')), false);
    const doc = model('# Goals\n\nSee the [roadmap](roadmap.md). We record past goals that we have completed [here](archive.md); [done](done.md).\n', 'file:///ws/goals.md');
    assert.deepEqual(completedPageLinks(doc).map((l) => l.path), ['archive.md', 'done.md']);
    assert.equal(completedPageFileName('file:///ws/team/goals.md'), 'goals_completed.md');
    assert.equal(completedPageFileName('file:///ws/okrs.md'), 'okrs_goals_completed.md');
    assert.equal(completedPageTitle(model('# Distribution team goals\n')), 'Distribution team completed goals');
    assert.equal(completedPageTitle(model('# Goals\n')), 'Completed goals');
  });
});
