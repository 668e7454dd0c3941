// Periods: quarters, half-years and years, as goal docs write them (see DOMAIN.md) and as the
// fiscal calendar counts them. One type (Period), one parse (parsePeriod for a label,
// readPeriodHeading for a heading that names a period among other words, periodsInPath for a
// folder or file name) and one format (formatPeriod).
//   labels:   `FY-21-Q4`, `FY21Q4`, `CY21-Q4`, `FQ4`, `2021-Q4`, `Q4 2021`, `FY22 Q4`, `Q2FY23`,
//             `FY22H2`, `2024 H1`, `2025h1`, `H2 FY22`, `2020`, `FY2021`, `FY-2021`;
//   headings: `FY21-Q1 OKRs`, `FY23 Q2: Foundations`, `Goals for FY22`, `SIG Docs Q2 2019 Planning`,
//             `Execution - Q1 2022`, `FY24 Q2 priorities (May - July)`, `Strategy for FY22H2:`,
//             `2023 Goals`, `Roadmap 2022`, `Annual plan for 2026`;
//   paths:    `okrs/fy23-q3/index.md`, `2025h1/async.md`, `TI-reports/2024/2024-Q4-BEST-WG.md`.

export type PeriodScheme = 'FY' | 'CY' | 'plain';
export type PeriodKind = 'quarter' | 'half' | 'year';

/** A quarter, a half-year or a year. */
export interface Period {
  kind: PeriodKind;
  /** `FY` (fiscal), `CY` (calendar) or `plain` (no prefix: read by the page's settings). */
  scheme: PeriodScheme;
  /** The full year (2021); undefined only for a quarter or half written without one (`Q1`, `FQ4`, `H2`). */
  year?: number;
  /** Which quarter (1-4) or half (1-2) of its year; 0 for a year. */
  number: number;
}

/** A period with its year: what the calendar computes with. */
export type DatedPeriod = Period & { year: number };

/** A period as a text writes it; the shape (`FY-YY-Qn`, `YYYYhn`) tells house styles apart. */
export interface PeriodLabel extends Period {
  shape: string;
}

export interface CalendarSettings {
  /** 1 = January. The month a fiscal year starts in. */
  fiscalYearStartMonth: number;
  /** How a year heading without FY/CY (`## 2020`) is read. */
  yearHeadings: 'fiscal' | 'calendar';
}

// --- Reading periods ---

/** Words that plan a period: with one of them, a year or a quarter among other words is the heading's subject. */
const PLAN_WORD = String.raw`(?:annual|OKRs?|objectives?|objectifs?|goals?|plans?|planning|priorities|priority|roadmap|focus|themes?|strategy|strategic|execution|commitments?|initiatives?|key\s+results?|targets?|milestones?|deliverables?)`;
const PLAN_WORDS = String.raw`(?:annual\s+)?(?:OKRs?(?:\s+plan)?|objectives?(?:\s+and\s+key\s+results)?|goals?|plan(?:ning)?|priorities|roadmap|focus|themes?)`;
// After a label: plan words, or a theme after a colon or a dash (`FY23 Q2: Foundations`, `FY23 Q2 – Scale`).
const SUFFIX = String.raw`(?:\s*[:\-–—]?\s*${PLAN_WORDS}\s*|\s*(?::|\s[-–—])\s+\S.*)?`;
// Before a label: `Goals for …`, `Design team goals for …`, `OKRs in …`.
const PREFIX = String.raw`(?:(?:[\p{L}&/]+\s+){0,4}(?:goals|okrs|objectives|priorities|plans?|focus)\s+(?:for|in)\s+)?`;

const YY = String.raw`(\d{4}|\d{2})`;
const SCHEME = String.raw`(FY|CY)`;

function fullYear(digits: string): number {
  return digits.length <= 2 ? 2000 + Number(digits) : Number(digits);
}

function schemeOf(prefix: string | undefined): PeriodScheme {
  if (!prefix) return 'plain';
  return prefix.toUpperCase().startsWith('C') ? 'CY' : 'FY';
}

function shapeOf(label: string): string {
  return label
    .replace(/Q\d/gi, 'Qn')
    .replace(/H\d/g, 'Hn')
    .replace(/h\d/g, 'hn')
    .replace(/\d{4}/g, 'YYYY')
    .replace(/\d{2}/g, 'YY');
}

type Parsed = Period;

const quarter = (scheme: PeriodScheme, year: number | undefined, n: number): Parsed => ({ kind: 'quarter', scheme, year, number: n });
const half = (scheme: PeriodScheme, year: number | undefined, n: number): Parsed => ({ kind: 'half', scheme, year, number: n });

/** The shapes of a quarter or half label; the prefix and suffix words around it are added below. */
const LABEL_PATTERNS: Array<{ label: string; build(m: string[]): Parsed }> = [
  // FY-21-Q4, FY21-Q4, FY21Q4, FY22 Q4, CY21-Q4, FY2021-Q4, 2021-Q4
  { label: String.raw`${SCHEME}?[\s'’-]?${YY}[\s-]*Q([0-9])`, build: (m) => quarter(schemeOf(m[1]), fullYear(m[2]!), Number(m[3])) },
  // Q4 2021, Q4 FY23, Q2FY23, Q4, Q1 '22
  { label: String.raw`Q([0-9])(?:[\s,-]*${SCHEME}?[\s'’-]?${YY})?`, build: (m) => quarter(schemeOf(m[2]), m[3] ? fullYear(m[3]) : undefined, Number(m[1])) },
  // FQ4 (a fiscal quarter without a year)
  { label: String.raw`FQ([0-9])`, build: (m) => quarter('FY', undefined, Number(m[1])) },
  // Half-years: FY22H2, FY22-H2, 2022 H2, CY22 H1, 2025h1
  { label: String.raw`${SCHEME}?[\s-]?${YY}[\s-]*H([0-9])`, build: (m) => half(schemeOf(m[1]), fullYear(m[2]!), Number(m[3])) },
  // H2 FY22, H1 2022, 2H FY22
  { label: String.raw`(?:H([0-9])|([0-9])H)[\s,-]*${SCHEME}?[\s-]?${YY}`, build: (m) => half(schemeOf(m[3]), fullYear(m[4]!), Number(m[1] ?? m[2])) },
];

const compiledLabels = LABEL_PATTERNS.map((p) => ({ re: new RegExp(String.raw`^${PREFIX}(${p.label})${SUFFIX}$`, 'iu'), build: p.build }));
const YEAR_LABEL = new RegExp(String.raw`^${PREFIX}(?:${SCHEME}[\s'’-]?${YY}|(\d{4}))${SUFFIX}$`, 'iu');

function stripDecoration(text: string): string {
  // Numbering and trailing punctuation do not change what period a heading names.
  return text.trim().replace(/^\d+\.\s+/, '').replace(/[.:]$/, '').trim();
}

function validNumber(p: Parsed): boolean {
  return p.kind === 'half' ? p.number === 1 || p.number === 2 : p.number >= 1 && p.number <= 4;
}

function plausibleYear(year: number): boolean {
  return year >= 1990 && year <= 2100;
}

/**
 * A text that is a period label, with at most the words a label carries (`FY21-Q1 OKRs`, `Goals
 * for FY22`, `FY23 Q2: Foundations`): the period, or `invalid` for a label that has a quarter's
 * or half's shape but cannot be one (`FY-20-Q5`, `Q0 2021`, `FY22H3`, `FY-2O-Q4`).
 */
export function parsePeriod(text: string): PeriodLabel | 'invalid' | undefined {
  const t = stripDecoration(text);
  for (const p of compiledLabels) {
    const m = p.re.exec(t);
    if (!m) continue;
    // m[1] is the label; the pattern's own groups follow it.
    const period = p.build([m[1]!, ...m.slice(2)]);
    if (!validNumber(period)) return 'invalid';
    return { ...period, shape: shapeOf(m[1]!.trim()) };
  }
  const y = YEAR_LABEL.exec(t);
  if (y) {
    if (y[3]) {
      const year = Number(y[3]);
      return plausibleYear(year) ? { kind: 'year', scheme: 'plain', year, number: 0, shape: 'YYYY' } : undefined;
    }
    return { kind: 'year', scheme: schemeOf(y[1]), year: fullYear(y[2]!), number: 0, shape: shapeOf(t.slice(t.search(/FY|CY/i))) };
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

// A dated quarter or half anywhere in a text, between word boundaries. Years are four digits
// unless a scheme prefix or an apostrophe says two is a year (`FY22`, `'22`).
const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}]|[.,/]\d)`;
const DATED_YEAR = String.raw`(?:${SCHEME}[\s'’-]?(\d{4}|\d{2})|['’](\d{2})|(\d{4}))`;
const DATED: Array<{ re: RegExp; build(m: RegExpExecArray): Parsed }> = [
  // FY24 Q2, 2019-Q2, FY22H2, 2025h1, 2024 H1
  { re: new RegExp(String.raw`${B}${DATED_YEAR}[\s-]*([QH])([0-9])${E}`, 'giu'), build: (m) => datedBuild(m[5]!, m[6]!, m[1], m[2] ?? m[3] ?? m[4]!) },
  // Q2 2019, Q1 '22, Q2FY23, H1 2022, H2 of FY22
  { re: new RegExp(String.raw`${B}([QH])([0-9])[\s,-]*(?:of\s+)?${DATED_YEAR}${E}`, 'giu'), build: (m) => datedBuild(m[1]!, m[2]!, m[3], m[4] ?? m[5] ?? m[6]!) },
];

function datedBuild(letter: string, n: string, scheme: string | undefined, year: string): Parsed {
  const y = fullYear(year);
  return letter.toUpperCase() === 'Q' ? quarter(schemeOf(scheme), y, Number(n)) : half(schemeOf(scheme), y, Number(n));
}

/** A year anywhere in a text: `FY22`, `FY-2021`, `CY21`, or four digits that are no date or version. */
const ANY_YEAR = new RegExp(String.raw`(?<!\d\s?[-–/]\s?)${B}(?:${SCHEME}[\s'’-]?(\d{4}|\d{2})|(\d{4}))(?![\p{L}\p{N}]|\s?[-–/.]\s?\d|:\d\d)`, 'giu');
const PLAN = new RegExp(String.raw`${B}${PLAN_WORD}${E}`, 'iu');

/** Dated quarters and halves in a text, in order. */
function datedPeriodsIn(text: string): Array<{ period: PeriodLabel; at: number; end: number }> {
  const found: Array<{ period: PeriodLabel; at: number; end: number }> = [];
  for (const { re, build } of DATED) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const p = build(m);
      if (!validNumber(p) || !plausibleYear(p.year!)) continue;
      if (found.some((f) => f.at < m!.index + m![0].length && m!.index < f.end)) continue;
      found.push({ period: { ...p, shape: shapeOf(m[0]) }, at: m.index, end: m.index + m[0].length });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

function yearsIn(text: string): Array<{ period: PeriodLabel; at: number }> {
  const found: Array<{ period: PeriodLabel; at: number }> = [];
  ANY_YEAR.lastIndex = 0;
  for (let m = ANY_YEAR.exec(text); m; m = ANY_YEAR.exec(text)) {
    const year = m[3] ? Number(m[3]) : fullYear(m[2]!);
    if (!plausibleYear(year)) continue;
    found.push({ period: { kind: 'year', scheme: m[3] ? 'plain' : schemeOf(m[1]), year, number: 0, shape: shapeOf(m[0]) }, at: m.index });
  }
  return found;
}

/** How a heading names its period: as its label (`FY21-Q1 OKRs`, `2020`) or among other words of a plan (`SIG Docs Q2 2019 Planning`). */
export interface PeriodHeading {
  label: PeriodLabel;
  role: 'label' | 'plan';
}

const MAX_PLAN_HEADING_WORDS = 10;

/** What every pattern above needs: `\d` is [0-9], with or without the `u` flag. */
const HAS_DIGIT = /[0-9]/;

/**
 * The period a heading stands for, `invalid` for a broken label, or undefined. A heading stands
 * for a period when it is the period's label (parsePeriod), or when it names one dated quarter or
 * half, or one year with a word of planning, among at most ten words that are not a question or
 * a date: `Execution - Q1 2022`, `FY24 Q2 priorities (May - July)`, `Strategy for FY22H2:`,
 * `2023 Goals`, `Roadmap 2022`. Two periods (`Q1 2022 vs Q1 2021`), a range (`2024 - 2025
 * Roadmap`) or a year among words of another kind (`2024 TAC Meeting Notes`) stand for none.
 * A heading that one of the team's `declared` templates reads is that template's period.
 */
export function readPeriodHeading(text: string, declared: readonly PeriodTemplate[] = []): PeriodHeading | 'invalid' | undefined {
  // The team's own templates first (goalDocs.periods): they say what its headings mean.
  const own = declared.length ? readDeclaredPeriod(text, declared) : undefined;
  if (own) return { label: own, role: 'label' };
  // Every label, dated period and year has a digit (a broken label too): most headings have none.
  if (!HAS_DIGIT.test(text)) return undefined;
  const label = parsePeriod(text);
  if (label) return label === 'invalid' ? label : { label, role: 'label' };
  const t = stripDecoration(text);
  if (/\?\s*$/.test(t) || t.split(/\s+/).length > MAX_PLAN_HEADING_WORDS) return undefined;
  const dated = datedPeriodsIn(t);
  if (dated.length === 1) return { label: dated[0]!.period, role: 'plan' };
  if (dated.length > 1) return undefined;
  const years = yearsIn(t);
  if (years.length === 1 && PLAN.test(t)) return { label: years[0]!.period, role: 'plan' };
  return undefined;
}

// --- Periods a team declares (goalDocs.periods): `Sprint {year}-{half}`, `{year} Cycle {quarter}` ---

/** A declared period heading, compiled by us into a bounded matcher: the user's text is data, never a pattern. */
export interface PeriodTemplate {
  /** As declared. */
  template: string;
  re: RegExp;
  kind: PeriodKind;
  scheme: PeriodScheme;
}

/**
 * What a declared template may be (settings/schema.ts checks it, and the config file's JSON schema
 * carries it): up to 60 characters, one `{year}`, at most one `{quarter}` or `{half}`, and no
 * other braces.
 */
export const PERIOD_TEMPLATE_PATTERN = String.raw`^(?=.*\{year\})(?!.*\{year\}.*\{year\})(?!.*\{(?:quarter|half)\}.*\{(?:quarter|half)\})(?:[^{}]|\{(?:year|quarter|half)\})+$`;
export const PERIOD_TEMPLATE_MAX_LENGTH = 60;
const TEMPLATE = new RegExp(PERIOD_TEMPLATE_PATTERN, 'u');

/**
 * The matcher of a template: its words literally (case ignored, any run of spaces for a space), a
 * year of four digits (or two after `FY` or `CY`, which set the scheme), a quarter 1-4, a half 1-2;
 * at the start of a heading, which may go on after a space or a colon or a dash. Undefined for a
 * template that is not one (PERIOD_TEMPLATE_PATTERN).
 */
export function compilePeriodTemplate(template: string): PeriodTemplate | undefined {
  if (template.length > PERIOD_TEMPLATE_MAX_LENGTH || !TEMPLATE.test(template)) return undefined;
  let source = '';
  let scheme: PeriodScheme = 'plain';
  let kind: PeriodKind = 'year';
  let before = '';
  for (const part of template.trim().split(/(\{year\}|\{quarter\}|\{half\})/)) {
    if (part === '{year}') {
      const prefix = /(FY|CY)[\s'’-]?$/i.exec(before);
      scheme = prefix ? schemeOf(prefix[1]) : 'plain';
      source += prefix ? String.raw`(?<year>\d{4}|\d{2})` : String.raw`(?<year>\d{4})`;
    } else if (part === '{quarter}') {
      kind = 'quarter';
      source += '(?<number>[1-4])';
    } else if (part === '{half}') {
      kind = 'half';
      source += '(?<number>[12])';
    } else {
      before = part;
      source += part.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&').replace(/\s+/g, String.raw`\s+`);
    }
  }
  return { template, re: new RegExp(String.raw`^${source}(?=$|[\s:\-–—])`, 'iu'), kind, scheme };
}

/** The period a heading names by one of the team's templates (the first that matches), or undefined. */
export function readDeclaredPeriod(text: string, templates: readonly PeriodTemplate[]): PeriodLabel | undefined {
  const t = stripDecoration(text);
  for (const p of templates) {
    const m = p.re.exec(t);
    if (!m?.groups) continue;
    const year = fullYear(m.groups.year!);
    if (!plausibleYear(year)) continue;
    return { kind: p.kind, scheme: p.scheme, year, number: p.kind === 'year' ? 0 : Number(m.groups.number), shape: shapeOf(m[0]) };
  }
  return undefined;
}

/**
 * The periods a file's path names, innermost first: a folder or file named for a quarter or a
 * half (`fy23-q3`, `2025h1`, `2024-Q4-BEST-WG`), else for a year (`roadmap/2021.md`). Dates
 * (`2023-12-15-decision.md`) name no period.
 */
export function periodsInPath(path: string): PeriodLabel[] {
  const segments = path.replace(/\\/g, '/').split('/').filter(Boolean);
  const out: PeriodLabel[] = [];
  for (let i = segments.length - 1; i >= 0; i--) {
    const name = segments[i]!.replace(/(\.[A-Za-z]+)+$/, '');
    if (!HAS_DIGIT.test(name) || /\d{4}[-_.]\d{2}[-_.]\d{2}/.test(name)) continue;
    const words = name.replace(/[_]+/g, ' ');
    const dated = datedPeriodsIn(words);
    if (dated.length === 1) {
      out.push(dated[0]!.period);
      continue;
    }
    const years = yearsIn(words.replace(/-/g, ' '));
    if (years.length === 1) out.push(years[0]!.period);
  }
  return out;
}

// --- Writing periods ---

/** One spelling of a period whatever the page's house style: `FY21 Q1`, `2025 H2`, `FY2021`, `FQ4`. */
export function formatPeriod(p: Period): string {
  const letter = p.kind === 'half' ? 'H' : 'Q';
  if (p.kind === 'year') return p.scheme === 'plain' ? String(p.year) : `${p.scheme}${p.year}`;
  if (p.year === undefined) return p.scheme === 'FY' ? `F${letter}${p.number}` : `${letter}${p.number}`;
  const yy = String(p.year % 100).padStart(2, '0');
  return p.scheme === 'plain' ? `${p.year} ${letter}${p.number}` : `${p.scheme}${yy} ${letter}${p.number}`;
}

/** One key per period whatever its spelling (`FY2021Q4`, `CY2021Q4`, `FY2022H2`, `Y2021`). */
export function periodKey(p: DatedPeriod): string {
  if (p.kind === 'year') return `Y${p.year}`;
  return `${p.scheme === 'CY' ? 'CY' : 'FY'}${p.year}${p.kind === 'half' ? 'H' : 'Q'}${p.number}`;
}

/**
 * The period a text names (`2021`, `FY2021`, `FY-21-Q4`, `FY21Q4`) as periodKey spells it: how a
 * TOC entry `FY21 Q4` finds the heading `FY-21-Q4`.
 */
export function periodKeyOfText(text: string): string | undefined {
  return periodKeyOfHeading(readPeriodHeading(text));
}

/** The key of the dated period a heading reading names, if any. */
export function periodKeyOfHeading(heading: PeriodHeading | 'invalid' | null | undefined): string | undefined {
  return heading && heading !== 'invalid' && heading.label.year !== undefined ? periodKey(heading.label as DatedPeriod) : undefined;
}

// --- The calendar ---

/** Months since year 0 of a date's month (year * 12 + month index). */
export function monthOf(date: Date): number {
  return date.getFullYear() * 12 + date.getMonth();
}

/**
 * The first month of a period as months since year 0. A fiscal year is named after the calendar
 * year in which it ends, as is most common (with a February start, FY21 runs from February 2020
 * to January 2021); a `plain` year is read as the settings say (`yearHeadings`) where it is a
 * year, and as fiscal where it is a quarter's or a half's.
 */
export function periodStartMonth(p: DatedPeriod, settings: CalendarSettings): number {
  const fiscal = p.scheme === 'FY' || (p.scheme === 'plain' && (p.kind !== 'year' || settings.yearHeadings === 'fiscal'));
  const start = fiscal ? settings.fiscalYearStartMonth - 1 : 0;
  const yearStart = start === 0 ? p.year * 12 : (p.year - 1) * 12 + start;
  if (p.kind === 'year') return yearStart;
  return yearStart + (p.kind === 'half' ? (p.number - 1) * 6 : (p.number - 1) * 3);
}

/** How many months a period covers. */
export function periodMonths(p: Period): number {
  return p.kind === 'year' ? 12 : p.kind === 'half' ? 6 : 3;
}

/**
 * A sortable key for the order of periods (newest or oldest first): a half sits between its two
 * quarters, a year after its last quarter.
 */
export function periodOrderKey(p: Period): number | undefined {
  if (p.year === undefined) return undefined;
  if (p.kind === 'year') return p.year * 4 + 4.5;
  return p.year * 4 + (p.kind === 'half' ? (p.number === 1 ? 1.5 : 3.5) : p.number);
}

/** The quarter or half a date falls in: a calendar one for `CY`, else a fiscal one (periodStartMonth's reading, inverted). */
export function periodOfDate(date: Date, kind: 'quarter' | 'half', scheme: PeriodScheme, settings: CalendarSettings): DatedPeriod {
  const start = scheme === 'CY' ? 0 : settings.fiscalYearStartMonth - 1;
  const sinceStart = monthOf(date) - start;
  const startYear = Math.floor(sinceStart / 12);
  const months = sinceStart - startYear * 12;
  const number = kind === 'half' ? Math.floor(months / 6) + 1 : Math.floor(months / 3) + 1;
  return { kind, scheme, year: start === 0 ? startYear : startYear + 1, number };
}

/** The period after `p`: the next quarter, half or year. */
export function followingPeriod(p: DatedPeriod): DatedPeriod {
  const last = p.kind === 'year' ? 0 : p.kind === 'half' ? 2 : 4;
  if (p.number >= last) return { ...p, year: p.year + 1, number: p.kind === 'year' ? 0 : 1 };
  return { ...p, number: p.number + 1 };
}

/** Whether a period is over on `today`: its last month is before today's month. */
export function periodHasEnded(p: DatedPeriod, settings: CalendarSettings, today: Date): boolean {
  return periodStartMonth(p, settings) + periodMonths(p) <= monthOf(today);
}

/** The last day of a period, for messages ("ended on 31 December 2020"). */
export function periodEndDate(p: DatedPeriod, settings: CalendarSettings): Date {
  const next = periodStartMonth(p, settings) + periodMonths(p);
  return new Date(Math.floor(next / 12), next % 12, 0);
}

/** Whether a quarter or half belongs in a year section, under the calendar settings. */
export function periodFitsYear(p: Period, year: { year: number; scheme: PeriodScheme }, settings: CalendarSettings): boolean {
  if (p.year === undefined) return true;
  const yearIsFiscal = year.scheme === 'FY' || (year.scheme === 'plain' && settings.yearHeadings === 'fiscal');
  if (yearIsFiscal && p.scheme !== 'CY') return p.year === year.year;
  // Compare months: the period's months must touch the calendar (or fiscal) year.
  const first = periodStartMonth(p as DatedPeriod, settings);
  const last = first + periodMonths(p) - 1;
  const yearFirst = yearIsFiscal ? periodStartMonth({ kind: 'year', scheme: 'FY', year: year.year, number: 0 }, settings) : year.year * 12;
  return last >= yearFirst && first <= yearFirst + 11;
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
 * The year offset (period label year − year heading year) most periods filed under a year
 * follow, if more than half do: a page may consistently file fiscal quarters under the calendar
 * year before (`FY-22-Q1` under `## 2021`).
 */
export function yearOffsetHabit(filed: Array<{ label: Period; year: number }>): number | undefined {
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
function relabel(label: string, p: DatedPeriod): string {
  const out = label.replace(/(?<![0-9])(\d{4}|\d{2})(?![0-9])/, (y) => yearDigits(p.year, y.length));
  if (p.kind === 'half') return /H\d/i.test(out) ? out.replace(/(H)\d/i, `$1${p.number}`) : out.replace(/\d(H)/i, `${p.number}$1`);
  return out.replace(/(Q)(\d)/i, (_, q: string) => `${q}${p.number}`);
}

/** Suffix words a heading may keep for another period (`OKRs`, `goals`), unlike a theme (`: Foundations`). */
const PLAN_SUFFIX = new RegExp(String.raw`^\s*[:\-–—]?\s*${PLAN_WORDS}\s*$`, 'iu');

/**
 * The heading text of period `p` written like `reference`, another quarter or half heading of
 * the page: the same label shape, separators, case, prefix (`Goals for`) and plan words (`OKRs`);
 * a theme after a colon or a dash is the other period's own and is left out. Undefined when
 * `reference` is no such label.
 */
export function periodHeadingLike(reference: string, p: DatedPeriod): string | undefined {
  const text = reference.trim().replace(/[.:]$/, '');
  const numbering = /^\d+\.\s+/.exec(text)?.[0] ?? '';
  const body = text.slice(numbering.length);
  for (const c of compiledLabels) {
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

/** A label in the most common house style (`FY-21-Q4`, `FY22H2`), for a page with no period to copy. */
export function defaultPeriodLabel(p: DatedPeriod): string {
  const prefix = p.scheme === 'CY' ? 'CY' : 'FY';
  if (p.kind === 'year') return `${prefix}${p.year}`;
  return p.kind === 'half' ? `${prefix}${yearDigits(p.year, 2)}H${p.number}` : `${prefix}-${yearDigits(p.year, 2)}-Q${p.number}`;
}
