// period.label, period.year, period.order: quarters and years in the right place.
import type { GoalDoc, Heading, Quarter } from '../model/types';
import { type CalendarSettings, periodDirection, periodFitsYear, periodOrderKey, yearOffsetHabit } from '../model/periods';
import { type FindingOf, quote } from './finding';
import { defineRule } from './rule';

export const periodLabel = defineRule({
  code: 'period.label',
  severity: 'warning',
  meaning: 'A heading shaped like a quarter label that is not a valid one (`FY-20-Q5`).',
  fixes: {},
  data: { text: 'string' },
});

export const periodOrder = defineRule({
  code: 'period.order',
  severity: 'warning',
  meaning: 'A quarter or year out of the order (newest or oldest first) the rest of the document keeps.',
  fixes: { moveSection: 'move the section into order' },
  data: { slug: 'string', before: 'string', newestFirst: 'boolean' },
});

export const periodYear = defineRule({
  code: 'period.year',
  severity: 'warning',
  meaning: 'A quarter filed under a year section its fiscal year does not belong to.',
  fixes: {},
  data: { slug: 'string', year: 'number' },
});

export const periodRules = [periodLabel, periodOrder, periodYear] as const;
type PeriodFinding = FindingOf<(typeof periodRules)[number]>;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Ordered {
  heading: Heading;
  key: number;
}

/**
 * Finds the items that break the document's own order (newest or oldest first, model/periods.ts
 * periodDirection): an item older (or newer) than the one above it against that direction.
 */
function orderFindings(items: Ordered[], what: string): PeriodFinding[] {
  const direction = periodDirection(items.map((i) => i.key));
  if (!direction) return [];
  const newestFirst = direction === 'newest-first';
  const findings: PeriodFinding[] = [];
  for (let i = 1; i < items.length; i++) {
    const prev = items[i - 1];
    const cur = items[i];
    const wrong = newestFirst ? cur.key > prev.key : cur.key < prev.key;
    if (!wrong) continue;
    findings.push({
      code: 'period.order',
      range: cur.heading.textRange,
      message: `${what} ${quote(cur.heading.text)} is out of order: this document lists ${newestFirst ? 'newest' : 'oldest'} first, and it comes after the ${newestFirst ? 'older' : 'newer'} ${quote(prev.heading.text)}`,
      data: { slug: cur.heading.slug, before: prev.heading.slug, newestFirst },
    });
  }
  return findings;
}

function describeYearMismatch(q: Quarter, settings: CalendarSettings): string {
  const label = q.label;
  const fyStart = MONTHS[settings.fiscalYearStartMonth - 1];
  const scheme = label.scheme === 'CY' ? 'calendar year' : `fiscal year ${label.year} (starting in ${fyStart})`;
  return `Quarter ${quote(q.heading.text)} is filed under ${quote(q.year!.heading.text)}, but it belongs to ${scheme}`;
}

export function periodFindings(doc: GoalDoc, settings: CalendarSettings): PeriodFinding[] {
  const findings: PeriodFinding[] = [];
  for (const h of doc.badQuarterLabels) {
    findings.push({
      code: 'period.label',
      range: h.textRange,
      message: `${quote(h.text)} looks like a quarter label but is not one; quarter labels look like FY-21-Q4, FY21Q4 or Q4 2021, with quarters Q1 to Q4`,
      data: { text: h.text },
    });
  }
  // A document may consistently name quarters one year off its year headings (calendar-year
  // sections holding fiscal quarters named by the year they end in). Such a document gets no
  // noise; a quarter that breaks both the settings and the document's own habit does.
  const filed = doc.quarters.filter((q) => q.year && q.label.year !== undefined);
  const habit = yearOffsetHabit(filed.map((q) => ({ label: q.label, year: q.year!.year })));
  for (const q of filed) {
    if (periodFitsYear(q.label, { year: q.year!.year, scheme: q.year!.scheme }, settings)) continue;
    if (habit !== undefined && q.label.year! - q.year!.year === habit) continue;
    findings.push({
      code: 'period.year',
      range: q.heading.textRange,
      message: describeYearMismatch(q, settings),
      data: { slug: q.heading.slug, year: q.year!.year },
    });
  }
  const quarters: Ordered[] = [];
  for (const q of doc.quarters) {
    const key = periodOrderKey(q.label);
    if (key !== undefined) quarters.push({ heading: q.heading, key });
  }
  findings.push(...orderFindings(quarters, 'Quarter'));
  findings.push(...orderFindings(doc.years.map((y) => ({ heading: y.heading, key: y.year })), 'Year'));
  return findings;
}
