// Year, half-year and quarter labels as goal docs write them (see DOMAIN.md): `FY-21-Q4`,
// `FY21Q4`, `CY21-Q4`, `FQ4`, `2021-Q4`, `Q4 2021`, `FY22 Q4`, `Q2FY23`, `FY21-Q1 OKRs`,
// `FY23 Q2: Foundations`, `FY23 Q2 focus`, `Design team goals for Q4, FY23`, `FY22H2`, `## FY2021`,
// `FY2022 Annual OKRs`.
import type { PeriodScheme, QuarterLabel } from './types';

export interface YearLabel {
  year: number;
  scheme: PeriodScheme;
}

// Words that may follow a period label in a heading without making it something else, and a
// theme after a colon or a dash (`FY23 Q2: Foundations`, `FY23 Q2 – Scale`).
const PLAN_WORDS = String.raw`(?:annual\s+)?(?:OKRs?(?:\s+plan)?|objectives?(?:\s+and\s+key\s+results)?|goals?|plan(?:ning)?|priorities|roadmap|focus|themes?)`;
const SUFFIX = String.raw`(?:\s*[:\-–—]?\s*${PLAN_WORDS}\s*|\s*(?::|\s[-–—])\s+\S.*)?`;
// `Goals for …`, `Design team goals for …`, `OKRs in …`: a few words, then a goal word and for/in.
const PREFIX = String.raw`(?:(?:[\p{L}&/]+\s+){0,4}(?:goals|okrs|objectives|priorities|plans?|focus)\s+(?:for|in)\s+)?`;

function fullYear(digits: string): number {
  const n = Number(digits);
  return digits.length <= 2 ? 2000 + n : n;
}

function schemeOf(prefix: string | undefined): PeriodScheme {
  if (!prefix) return 'plain';
  return prefix.toUpperCase().startsWith('C') ? 'CY' : 'FY';
}

function shapeOf(label: string): string {
  return label
    .replace(/Q\d/gi, 'Qn')
    .replace(/H\d/gi, 'Hn')
    .replace(/\d{4}/g, 'YYYY')
    .replace(/\d{2}/g, 'YY');
}

type Parsed = Omit<QuarterLabel, 'shape'>;

/** A pattern for the label itself; the prefix and suffix words around it are added below. */
const QUARTER_PATTERNS: Array<{ label: string; build(m: string[]): Parsed }> = [
  // FY-21-Q4, FY21-Q4, FY21Q4, FY22 Q4, CY21-Q4, FY2021-Q4, 2021-Q4
  {
    label: String.raw`(FY|CY)?[\s'’-]?(\d{4}|\d{2})[\s-]*Q([0-9])`,
    build: (m) => ({ scheme: m[1] ? schemeOf(m[1]) : 'plain', year: fullYear(m[2]!), quarter: Number(m[3]) }),
  },
  // Q4 2021, Q4 FY23, Q2FY23, Q4, Q4, FY23
  {
    label: String.raw`Q([0-9])(?:[\s,-]*(FY|CY)?[\s'’-]?(\d{4}|\d{2}))?`,
    build: (m) => ({ scheme: schemeOf(m[2]), year: m[3] ? fullYear(m[3]) : undefined, quarter: Number(m[1]) }),
  },
  // FQ4 (a fiscal quarter without a year)
  { label: String.raw`FQ([0-9])`, build: (m) => ({ scheme: 'FY', quarter: Number(m[1]) }) },
  // Half-years: FY22H2, FY22-H2, 2022 H2, CY22 H1
  {
    label: String.raw`(FY|CY)?[\s-]?(\d{4}|\d{2})[\s-]*H([0-9])`,
    build: (m) => half(m[1] ? schemeOf(m[1]) : 'plain', fullYear(m[2]!), Number(m[3])),
  },
  // H2 FY22, H1 2022, 2H FY22
  {
    label: String.raw`(?:H([0-9])|([0-9])H)[\s,-]*(FY|CY)?[\s-]?(\d{4}|\d{2})`,
    build: (m) => half(schemeOf(m[3]), fullYear(m[4]!), Number(m[1] ?? m[2])),
  },
];

/** A half-year as the label of its first quarter (H1 → Q1, H2 → Q3), marked as a half. */
function half(scheme: PeriodScheme, year: number, n: number): Parsed {
  return { scheme, year, quarter: n === 1 ? 1 : n === 2 ? 3 : 0, half: n };
}

const compiled = QUARTER_PATTERNS.map((p) => ({ re: new RegExp(String.raw`^${PREFIX}(${p.label})${SUFFIX}$`, 'iu'), build: p.build }));

function stripDecoration(text: string): string {
  // Numbering and trailing punctuation do not change what period a heading names.
  return text.trim().replace(/^\d+\.\s+/, '').replace(/[.:]$/, '').trim();
}

/**
 * Parses a heading text as a quarter (or half-year) label. Returns `invalid` for a label that has
 * a quarter's shape but cannot be one (`FY-20-Q5`, `Q0 2021`, `FY22H3`).
 */
export function parseQuarterLabel(text: string): QuarterLabel | 'invalid' | undefined {
  const t = stripDecoration(text);
  for (const p of compiled) {
    const m = p.re.exec(t);
    if (!m) continue;
    // m[1] is the label; the pattern's own groups follow it.
    const label = p.build([m[1]!, ...m.slice(2)]);
    if (label.half !== undefined ? label.quarter === 0 : label.quarter < 1 || label.quarter > 4) return 'invalid';
    return { ...label, shape: shapeOf(m[1]!.trim()) };
  }
  if (looksLikeBrokenQuarterLabel(t)) return 'invalid';
  return undefined;
}

/**
 * A short heading made of a fiscal prefix, digits and a Q that no pattern accepts: most likely
 * a typo in a quarter label (`FY-2O-Q4`, `FY20-4Q`, `FY-20-Q`).
 */
function looksLikeBrokenQuarterLabel(t: string): boolean {
  if (t.length > 12 || /\s{2,}/.test(t)) return false;
  return /^(FY|CY)[\s-]?[\dOo]{1,4}[\s-]*(Q[\dA-Za-z]?|\dQ)$/i.test(t) && /\d/.test(t);
}

const YEAR = new RegExp(String.raw`^${PREFIX}(?:(FY|CY)[\s'’-]?(\d{4}|\d{2})|(\d{4}))${SUFFIX}$`, 'iu');

/** `2020`, `FY2021`, `FY-2021`, `FY21`, `CY2021`, `Goals for FY22`, `FY2022 Annual OKRs`. */
export function parseYearLabel(text: string): YearLabel | undefined {
  const t = stripDecoration(text);
  const m = YEAR.exec(t);
  if (!m) return undefined;
  if (m[3]) {
    const year = Number(m[3]);
    return year >= 1990 && year <= 2100 ? { year, scheme: 'plain' } : undefined;
  }
  return { year: fullYear(m[2]), scheme: schemeOf(m[1]) };
}

export interface CalendarSettings {
  /** 1 = January. The month a fiscal year starts in. */
  fiscalYearStartMonth: number;
  /** How a year heading without FY/CY (`## 2020`) is read. */
  yearHeadings: 'fiscal' | 'calendar';
}

/**
 * The first month of a quarter as months since year 0 (year * 12 + month index). A fiscal year
 * is named after the calendar year in which it ends, as is most common (with a February start,
 * FY21 runs from February 2020 to January 2021).
 */
export function quarterStartMonth(label: QuarterLabel, year: number, settings: CalendarSettings): number {
  const q = label.quarter - 1;
  if (label.scheme === 'CY') return year * 12 + q * 3;
  const start = settings.fiscalYearStartMonth - 1;
  const fiscalYearStart = start === 0 ? year * 12 : (year - 1) * 12 + start;
  return fiscalYearStart + q * 3;
}

/** A sortable key for comparing quarters' order (newest first or oldest first); a half-year sits between its two quarters. */
export function quarterOrderKey(label: QuarterLabel): number | undefined {
  if (label.year === undefined) return undefined;
  return label.year * 4 + label.quarter + (label.half !== undefined ? 0.5 : 0);
}

/** How many months a quarter label covers: 3, or 6 for a half-year. */
export function periodMonths(label: QuarterLabel): number {
  return label.half !== undefined ? 6 : 3;
}

/** Whether a quarter belongs in a year section, under the calendar settings. */
export function quarterFitsYear(label: QuarterLabel, year: YearLabel, settings: CalendarSettings): boolean {
  if (label.year === undefined) return true;
  const yearIsFiscal = year.scheme === 'FY' || (year.scheme === 'plain' && settings.yearHeadings === 'fiscal');
  if (yearIsFiscal && label.scheme !== 'CY') return label.year === year.year;
  // Compare months: the quarter's three months must touch the calendar (or fiscal) year.
  const first = quarterStartMonth(label, label.year, settings);
  const last = first + periodMonths(label) - 1;
  const yearFirst = yearIsFiscal
    ? quarterStartMonth({ scheme: 'FY', quarter: 1, shape: '' }, year.year, settings)
    : year.year * 12;
  return last >= yearFirst && first <= yearFirst + 11;
}

/**
 * The period a text names (`2021`, `FY2021`, `FY-21-Q4`, `FY21Q4`), as a key equal for every
 * spelling of one period: how a TOC entry `FY21 Q4` finds the heading `FY-21-Q4`.
 */
export function periodKey(text: string): string | undefined {
  return periodKeyOf(parseQuarterLabel(text), parseYearLabel(text));
}

/** periodKey from labels already parsed (a heading's, once per chunk). */
export function periodKeyOf(q: QuarterLabel | 'invalid' | undefined, y: YearLabel | undefined): string | undefined {
  if (q && q !== 'invalid' && q.year !== undefined) return periodNumbersKey({ ...q, year: q.year });
  return y ? `Y${y.year}` : undefined;
}

// --- Dates and the periods after one another ---

/** A quarter (or half-year) by its numbers alone: what the calendar computes and a label is written from. */
export interface PeriodNumbers {
  scheme: PeriodScheme;
  year: number;
  /** 1-4; for a half-year, its first quarter (H1 → 1, H2 → 3). */
  quarter: number;
  half?: number;
}

/** Months since year 0 of a date's month (year * 12 + month index), as quarterStartMonth counts. */
export function monthOf(date: Date): number {
  return date.getFullYear() * 12 + date.getMonth();
}

/**
 * The quarter a date falls in: a calendar quarter for `CY`, else a fiscal one named after the
 * calendar year its fiscal year ends in (quarterStartMonth's reading, inverted).
 */
export function quarterOfDate(date: Date, scheme: PeriodScheme, settings: CalendarSettings): PeriodNumbers {
  const start = scheme === 'CY' ? 0 : settings.fiscalYearStartMonth - 1;
  const sinceStart = monthOf(date) - start;
  const startYear = Math.floor(sinceStart / 12);
  const quarter = Math.floor((sinceStart - startYear * 12) / 3) + 1;
  return { scheme, year: start === 0 ? startYear : startYear + 1, quarter };
}

/** The period after `p`: the next quarter, or for a half-year the next half. */
export function followingPeriod(p: PeriodNumbers): PeriodNumbers {
  if (p.half !== undefined) return p.half === 1 ? { ...p, quarter: 3, half: 2 } : { ...p, year: p.year + 1, quarter: 1, half: 1 };
  return p.quarter === 4 ? { ...p, year: p.year + 1, quarter: 1 } : { ...p, quarter: p.quarter + 1 };
}

/** Whether a period is over on `today`: its last month is before today's month. */
export function periodHasEnded(p: PeriodNumbers, settings: CalendarSettings, today: Date): boolean {
  const label: QuarterLabel = { ...p, shape: '' };
  return quarterStartMonth(label, p.year, settings) + periodMonths(label) <= monthOf(today);
}

/** The first day after a period, for messages ("ended on 31 December 2020" is the day before). */
export function periodEndDate(p: PeriodNumbers, settings: CalendarSettings): Date {
  const label: QuarterLabel = { ...p, shape: '' };
  const next = quarterStartMonth(label, p.year, settings) + periodMonths(label);
  return new Date(Math.floor(next / 12), next % 12, 0);
}

/** One key per period whatever its spelling (`FY2021Q4`, `CY2021Q4`, `FY2022H2`): periodKeyOf's, from numbers. */
export function periodNumbersKey(p: PeriodNumbers): string {
  return `${p.scheme === 'CY' ? 'CY' : 'FY'}${p.year}${p.half !== undefined ? `H${p.half}` : `Q${p.quarter}`}`;
}

/**
 * Which way a list of periods runs (order keys in document order): the way most neighbouring
 * pairs go, or undefined when as many go each way.
 */
export function periodDirection(keys: number[]): 'newest-first' | 'oldest-first' | undefined {
  let down = 0;
  let up = 0;
  for (let i = 1; i < keys.length; i++) {
    if (keys[i]! < keys[i - 1]!) down++;
    else if (keys[i]! > keys[i - 1]!) up++;
  }
  return down === up ? undefined : down > up ? 'newest-first' : 'oldest-first';
}

/**
 * The year offset (quarter label year − year heading year) most quarters filed under a year
 * follow, if more than half do: a page may consistently file fiscal quarters under the
 * calendar year before (`FY-22-Q1` under `## 2021`).
 */
export function yearOffsetHabit(filed: Array<{ label: QuarterLabel; year: number }>): number | undefined {
  const dated = filed.filter((f) => f.label.year !== undefined);
  const offsets = new Map<number, number>();
  for (const f of dated) offsets.set(f.label.year! - f.year, (offsets.get(f.label.year! - f.year) ?? 0) + 1);
  return [...offsets.entries()].find(([, n]) => n * 2 > dated.length)?.[0];
}

// --- Writing labels as a page writes them ---

/** A number written in the width it had (`21` or `2021`). */
function yearDigits(year: number, width: number): string {
  return width <= 2 ? String(year % 100).padStart(2, '0') : String(year);
}

/** A label's own text (`FY-21-Q1`) with another period's numbers in it, spelled the same. */
function relabel(label: string, p: PeriodNumbers): string {
  let out = label.replace(/(?<![0-9])(\d{4}|\d{2})(?![0-9])/, (y) => yearDigits(p.year, y.length));
  if (p.half !== undefined) out = /H\d/i.test(out) ? out.replace(/(H)\d/i, `$1${p.half}`) : out.replace(/\d(H)/i, `${p.half}$1`);
  else out = out.replace(/(Q)(\d)/i, (_, q: string) => `${q}${p.quarter}`);
  return out;
}

/** Suffix words a heading may keep for another period (`OKRs`, `goals`), unlike a theme (`: Foundations`). */
const PLAN_SUFFIX = new RegExp(String.raw`^\s*[:\-–—]?\s*${PLAN_WORDS}\s*$`, 'iu');

/**
 * The heading text of period `p` written like `reference`, another quarter heading of the page:
 * the same label shape, separators, case, prefix (`Goals for`) and plan words (`OKRs`); a theme
 * after a colon or a dash is the other quarter's own and is left out. Undefined when
 * `reference` is no quarter label.
 */
export function quarterHeadingLike(reference: string, p: PeriodNumbers): string | undefined {
  const text = reference.trim().replace(/[.:]$/, '');
  const numbering = /^\d+\.\s+/.exec(text)?.[0] ?? '';
  const body = text.slice(numbering.length);
  for (const c of compiled) {
    const m = c.re.exec(body.trim());
    if (!m) continue;
    const label = m[1]!.trim();
    const at = body.indexOf(label);
    if (at < 0) return undefined;
    const suffix = body.slice(at + label.length);
    return `${body.slice(0, at)}${relabel(label, p)}${PLAN_SUFFIX.test(suffix) ? suffix.trimEnd() : ''}`;
  }
  return undefined;
}

/** A year heading's text written like `reference` (`2020`, `FY2021`, `FY-21`) for another year. */
export function yearHeadingLike(reference: string, year: number): string {
  return reference.trim().replace(/(?<![0-9])(\d{4}|\d{2})(?![0-9])/, (y) => yearDigits(year, y.length));
}

/** A label in the most common house style (`FY-21-Q4`), for a page with no quarter to copy. */
export function defaultQuarterLabel(p: PeriodNumbers): string {
  const prefix = p.scheme === 'CY' ? 'CY' : 'FY';
  return p.half !== undefined ? `${prefix}${yearDigits(p.year, 2)}H${p.half}` : `${prefix}-${yearDigits(p.year, 2)}-Q${p.quarter}`;
}
