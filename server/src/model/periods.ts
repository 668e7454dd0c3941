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
  if (q && q !== 'invalid' && q.year !== undefined) return `${q.scheme === 'CY' ? 'CY' : 'FY'}${q.year}${q.half !== undefined ? `H${q.half}` : `Q${q.quarter}`}`;
  return y ? `Y${y.year}` : undefined;
}
