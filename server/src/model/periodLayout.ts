// Where a quarter goes in a page, as the page lays out its own periods: which year section it
// belongs to (the calendar settings, or the page's habit when none of its quarters follows the
// settings), the page's order (newest or oldest first), the levels of its year and quarter
// headings, and the way it writes their labels (copied from its newest quarter and year).
import type { GoalDoc, Heading, Quarter, Year } from './types';
import {
  type CalendarSettings,
  type DatedPeriod,
  defaultPeriodLabel,
  periodDirection,
  periodFitsYear,
  periodHeadingLike,
  periodKey,
  periodOfDate,
  periodOrderKey,
  periodStartMonth,
  yearHeadingLike,
  yearOffsetHabit,
} from './periods';
import { lineStartAt, skipWhitespaceBack } from './text';

/** A quarter (or half) of a page with the period it stands for: its label's year, else its year heading's. */
export interface PlacedQuarter {
  quarter: Quarter;
  numbers: DatedPeriod;
  key: number;
}

/** The period a quarter or half heading stands for, with its year (the label's, else its year heading's). */
export function quarterNumbers(q: Quarter): DatedPeriod | undefined {
  const year = q.label.year ?? q.year?.year;
  if (year === undefined) return undefined;
  return { kind: q.label.kind, scheme: q.label.scheme, year, number: q.label.number };
}

/** The page's quarters that name a year, in document order. */
export function placedQuarters(doc: GoalDoc): PlacedQuarter[] {
  const placed: PlacedQuarter[] = [];
  for (const quarter of doc.quarters) {
    const numbers = quarterNumbers(quarter);
    const key = numbers && periodOrderKey(numbers);
    if (numbers && key !== undefined) placed.push({ quarter, numbers, key });
  }
  return placed;
}

/** The page's quarters standing for the same period as `p` (one, or several when it is written twice). */
export function quartersOf(doc: GoalDoc, p: DatedPeriod): Quarter[] {
  const key = periodKey(p);
  return placedQuarters(doc).filter((q) => periodKey(q.numbers) === key).map((q) => q.quarter);
}

/** The newest of the page's quarters, if any names a year. */
export function newestQuarter(doc: GoalDoc): PlacedQuarter | undefined {
  let newest: PlacedQuarter | undefined;
  for (const q of placedQuarters(doc)) if (!newest || q.key > newest.key) newest = q;
  return newest;
}

/** Where a quarter's own part of the page ends: after its section and the goals filed under it (a goal at its level included). */
export function quarterExtentEnd(q: Quarter): number {
  return Math.max(q.heading.sectionSpan.end, ...q.goals.map((g) => g.sectionSpan.end));
}

function mostCommon(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}

/** Newest first unless the page's quarters (else its years) run the other way. */
function newestFirst(doc: GoalDoc): boolean {
  const direction = periodDirection(placedQuarters(doc).map((q) => q.key)) ?? periodDirection(doc.years.map((y) => y.year));
  return direction !== 'oldest-first';
}

/**
 * The year heading a quarter belongs under in this page: by the calendar settings, unless the
 * page files its quarters consistently otherwise (none fits the settings, most share one year
 * offset: the page's habit, which period.year accepts too).
 */
export function yearNumberFor(doc: GoalDoc, p: DatedPeriod, settings: CalendarSettings): number {
  const filed = doc.quarters.filter((q) => q.year && q.label.year !== undefined);
  const fits = filed.some((q) => periodFitsYear(q.label, { year: q.year!.year, scheme: q.year!.scheme }, settings));
  const habit = yearOffsetHabit(filed.map((q) => ({ label: q.label, year: q.year!.year })));
  if (filed.length && !fits && habit !== undefined && p.scheme !== 'CY') return p.year - habit;
  const scheme = doc.years[0]?.scheme ?? 'plain';
  const yearIsFiscal = scheme === 'FY' || (scheme === 'plain' && settings.yearHeadings === 'fiscal');
  if (yearIsFiscal && p.scheme !== 'CY') return p.year;
  const first = periodStartMonth(p, settings);
  const firstDay = new Date(Math.floor(first / 12), first % 12, 1);
  return yearIsFiscal ? periodOfDate(firstDay, 'quarter', 'FY', settings).year : firstDay.getFullYear();
}

/** A heading the placement writes: its level and text. */
export interface NewHeading {
  level: number;
  text: string;
}

export type QuarterPlace =
  /** The page has the quarter: goals go at the end of its part, one level below its heading. */
  | { kind: 'existing'; quarter: Quarter; end: number; goalLevel: number }
  /** The page has it more than once: nothing can tell which is meant. */
  | { kind: 'ambiguous'; quarters: Quarter[] }
  /**
   * The page lacks it: `headings` (the quarter, after its year heading when that is new too) go
   * before the line starting at `at` when `before`, else after the content ending at `at`.
   */
  | { kind: 'new'; at: number; before: boolean; headings: NewHeading[]; goalLevel: number };

/** How a page writes its periods, or how the `style` page does where this one has none yet. */
interface PeriodStyle {
  usesYears: boolean;
  yearLevel: number;
  quarterLevel: number;
  labelReference?: Heading;
  yearReference?: Year;
}

function periodStyle(doc: GoalDoc, style: GoalDoc | undefined): PeriodStyle {
  const source = doc.quarters.length || doc.years.length || !style ? doc : style;
  const usesYears = source.years.length > 0 || source.quarters.length === 0;
  const yearLevel = mostCommon(doc.years.map((y) => y.heading.level)) ?? 2;
  const ownQuarterLevel = mostCommon(doc.quarters.map((q) => q.heading.level));
  const quarterLevel = Math.max(ownQuarterLevel ?? (usesYears ? yearLevel + 1 : 2), usesYears ? yearLevel + 1 : 1);
  const newest = newestQuarter(source) ?? newestQuarter(doc);
  const years = doc.years.length ? doc.years : (style?.years ?? []);
  const yearReference = [...years].sort((a, b) => b.year - a.year)[0];
  return { usesYears, yearLevel, quarterLevel, labelReference: newest?.quarter.heading, yearReference };
}

/** The label of `p` as the page (or `style`) writes its newest quarter. */
export function quarterLabelFor(doc: GoalDoc, p: DatedPeriod, style?: GoalDoc): string {
  const reference = periodStyle(doc, style).labelReference;
  return (reference && periodHeadingLike(reference.text, p)) ?? defaultPeriodLabel(p);
}

/**
 * Where period `p` goes in `doc`: its existing quarter, or a new quarter heading (with its
 * year heading when the page has years and lacks that one) in the page's order, levels and
 * label style. `style` is the page whose style a page without periods of its own copies.
 */
export function placeQuarter(doc: GoalDoc, p: DatedPeriod, settings: CalendarSettings, style?: GoalDoc): QuarterPlace {
  const same = quartersOf(doc, p);
  if (same.length > 1) return { kind: 'ambiguous', quarters: same };
  if (same.length === 1) return { kind: 'existing', quarter: same[0]!, end: quarterExtentEnd(same[0]!), goalLevel: same[0]!.heading.level + 1 };

  const s = periodStyle(doc, style);
  const quarterHeading: NewHeading = { level: s.quarterLevel, text: quarterLabelFor(doc, p, style) };
  const goalLevel = s.quarterLevel + 1;
  const key = periodOrderKey(p)!;
  const down = newestFirst(doc);
  const comesAfter = (k: number) => (down ? k < key : k > key);
  const before = (h: Heading) => ({ at: lineStartAt(doc.text, h.span.start), before: true });
  const after = (end: number) => ({ at: end, before: false });

  if (s.usesYears) {
    const number = yearNumberFor(doc, p, settings);
    const year = doc.years.find((y) => y.year === number);
    if (year) {
      const next = placedQuarters(doc).find((q) => q.quarter.year === year && comesAfter(q.key));
      const where = next ? before(next.quarter.heading) : after(year.heading.sectionSpan.end);
      return { kind: 'new', ...where, headings: [quarterHeading], goalLevel };
    }
    const yearText = s.yearReference ? yearHeadingLike(s.yearReference.heading.text, number) : String(number);
    const headings = [{ level: s.yearLevel, text: yearText }, quarterHeading];
    const nextYear = doc.years.find((y) => (down ? y.year < number : y.year > number));
    const lastYear = doc.years[doc.years.length - 1];
    const where = nextYear ? before(nextYear.heading) : lastYear ? after(lastYear.heading.sectionSpan.end) : bodyStart(doc);
    return { kind: 'new', ...where, headings, goalLevel };
  }
  const quarters = placedQuarters(doc);
  const next = quarters.find((q) => comesAfter(q.key));
  const last = quarters[quarters.length - 1];
  const where = next ? before(next.quarter.heading) : last ? after(quarterExtentEnd(last.quarter)) : bodyStart(doc);
  return { kind: 'new', ...where, headings: [quarterHeading], goalLevel };
}

/** Where a page without periods gets its first: before its first heading below the title, else after its last content. */
function bodyStart(doc: GoalDoc): { at: number; before: boolean } {
  const first = doc.headings.find((h) => h.level > 1 || h.index > 0);
  return first ? { at: lineStartAt(doc.text, first.span.start), before: true } : { at: skipWhitespaceBack(doc.text, doc.text.length), before: false };
}
