// Goals written in tables: a goal table's rows (a goal or criteria column beside an owner, status,
// progress, completed-date or due-date column: `| # | Progress | DRI | Criteria |`, a schedule's
// `| Due date | Spec. | Description |`), and the metadata of a page that is one goal (`| Point of
// contact | @ana |`, `| Status | Accepted |`, a working group's `| Property | Value |` with its
// dates, an HTML table of summary fields, front matter with a status).
import type { GoalDoc, Span, Table, TableRow } from './types';
import type { MilestoneState } from './done';
import { parseOwners } from './fields';
import { type DatedPeriod, parsePeriod } from './periods';
import { kindOfLabel, type PlanKind, type PlanStatus, plainWords, statusOfWords } from './planWords';
import { DONE_EMOJI } from './milestones';
import { isProjectPage, rolesTableOwners, staffingLeads } from './planPeople';

/** Which column of a goal table holds what. */
export interface GoalTableColumns {
  title: number;
  kind: PlanKind;
  owner?: number;
  status?: number;
  progress?: number;
  completed?: number;
  /** When the row is due (`Due date`): shown as written, its year the period the row is filed under. */
  due?: number;
  /** What the row is about (a schedule's `Spec.`), beside its title. */
  subject?: number;
}

const STRONG_TITLE = /^(?:goals?|objectives?|okrs?|krs?|key results?|deliverables?|criteria|exit criteria|success criteria|milestones?|initiatives?|epics?|outcomes?)$/i;
const WEAK_TITLE = /^(?:items?|tasks?|work items?|projects?|features?|description|what|name)$/i;
const OWNER_COLUMN = /^(?:owners?|dris?|leads?|assignees?|responsible|point of contact|poc|champions?|who)$/i;
const STATUS_COLUMN = /^(?:status|state)$/i;
const PROGRESS_COLUMN = /^(?:progress|%|percent(?:age)?|% done|% complete|score|grade)$/i;
const COMPLETED_COLUMN = /^(?:completed(?: date| on)?|date completed|done(?: date| on)?|finished(?: on)?)$/i;
const DUE_COLUMN = /^(?:due(?: date| by| on)?|deadline|target date)$/i;
const SUBJECT_COLUMN = /^(?:spec\.?|specs?|specifications?|documents?|deliverables?|components?|areas?|topics?)$/i;

function columnName(cell: string): string {
  return plainWords(cell).toLowerCase();
}

/** The columns of a goal table, or undefined for a table of something else (a glossary, a schedule, a team list). */
export function goalTableColumns(table: Table): GoalTableColumns | undefined {
  if (table.rows.length === 0) return undefined;
  const names = table.header.cells.map((c) => columnName(c.text));
  const find = (re: RegExp) => {
    const i = names.findIndex((n) => re.test(n));
    return i >= 0 ? i : undefined;
  };
  const strong = find(STRONG_TITLE);
  const title = strong ?? find(WEAK_TITLE);
  if (title === undefined) return undefined;
  const columns: GoalTableColumns = { title, kind: 'goal', owner: find(OWNER_COLUMN), status: find(STATUS_COLUMN), progress: find(PROGRESS_COLUMN), completed: find(COMPLETED_COLUMN), due: find(DUE_COLUMN) };
  // A status beside a weak title column is any list's (documents, RFCs); a goal table tracks goals.
  const tracked = columns.owner !== undefined || columns.progress !== undefined || columns.completed !== undefined || columns.due !== undefined || (strong !== undefined && columns.status !== undefined);
  if (!tracked) return undefined;
  const label = names[title]!.replace(/^(?:exit|success)\s+/, '').replace(/s$/, '');
  const subject = find(SUBJECT_COLUMN);
  if (columns.due !== undefined && subject !== undefined && subject !== title) columns.subject = subject;
  columns.kind = kindOfLabel(label) ?? (/^(?:epic|project)$/.test(label) ? 'initiative' : /^criteri(?:a|on)$/.test(label) ? 'criterion' : label === 'deliverable' ? 'deliverable' : 'goal');
  return columns;
}

/** What a status cell shows: words (`Done`, `In progress`) or a status emoji (✅, 🟡, ❌). */
export function statusOfCell(text: string): PlanStatus | undefined {
  const words = plainWords(text);
  const lead = /^[\p{Extended_Pictographic}\uFE0F]+/u.exec(words)?.[0];
  if (lead) {
    const emoji = lead.replace(/\uFE0F/g, '');
    const state: MilestoneState | undefined = [...DONE_EMOJI].some((e) => e.replace(/\uFE0F/g, '') === emoji) ? 'done' : emoji === '🚫' ? 'descoped' : /[🟡🔄⏳🚧⚠🔴❌🟢]/u.test(emoji) ? 'open' : undefined;
    const rest = statusOfWords(words.slice(lead.length));
    return { text: words, state: rest?.state ?? state };
  }
  return statusOfWords(words);
}

export interface RowReading {
  title: string;
  owners: string[];
  score?: string;
  status?: PlanStatus;
  state?: MilestoneState;
  /** The due date as written (`Nov 30, 2021`, `ASAP`). */
  due?: string;
  /** The year of the due date, when it names one. */
  duePeriod?: DatedPeriod;
}

const NO_DATE = /^(?:tbd|tba|n\/a|-+|–|—|\?|none|ongoing|pending)?$/i;

/** A goal table's row: its goal, owners, status and progress as the row writes them. */
export function readRow(row: TableRow, columns: GoalTableColumns): RowReading | undefined {
  const cell = (i: number | undefined) => (i === undefined ? undefined : row.cells[i]?.text);
  // A struck title stays struck: a schedule strikes what it dropped or moved, and does not say which.
  let title = plainWords((cell(columns.title) ?? '').replace(/<(s|strike|del)>([\s\S]*?)<\/\1>/gi, '~~$2~~'), true);
  if (!title.replace(/~/g, '').trim()) return undefined;
  const subject = plainWords(cell(columns.subject) ?? '');
  if (subject && /\p{L}/u.test(subject) && !/^(?:all|any|none|n\/a|-+)$/i.test(subject)) title = `${title} (${subject})`;
  const reading: RowReading = { title, owners: [] };
  const due = plainWords(cell(columns.due) ?? '');
  if (due && !NO_DATE.test(due)) {
    reading.due = due;
    reading.duePeriod = periodOfDate(due);
  }
  const owner = cell(columns.owner);
  if (owner) reading.owners = parseOwners(owner).filter((o) => !/^(?:tbd|tba|n\/a|none|-+)$/i.test(o));
  const status = cell(columns.status);
  if (status) reading.status = statusOfCell(status);
  const progress = plainWords(cell(columns.progress) ?? '');
  if (/^\d{1,3}(?:\.\d+)?\s*%$|^(?:0?\.\d+|1(?:\.0+)?)$/.test(progress)) reading.score = progress.replace(/\s+%/, '%');
  else if (progress && !reading.status) reading.status = statusOfCell(progress);
  reading.state = reading.status?.state;
  const completed = cell(columns.completed);
  if (!reading.state && completed !== undefined && columns.completed !== undefined) reading.state = NO_DATE.test(plainWords(completed)) ? 'open' : /\d/.test(completed) ? 'done' : undefined;
  return reading;
}

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
/** A date with a year: `2022-09-18`, `Nov 30, 2021`, `mid-March, 2022`, `4 November 2025`, `June 6-10, 2022`. */
const DATE_YEAR = new RegExp(String.raw`^(?:(\d{4})-\d{1,2}(?:-\d{1,2})?\b|.*\b${MONTH}\b[^|]{0,20}?\b(\d{4})\b)`, 'i');

/**
 * The period a date or a deadline names: a period as written (`FY23`, `EO FY23`, `End of Q3
 * FY24`), else the year of a date (`Nov 30, 2021` → 2021); nothing for `ASAP` or `TBD`.
 */
export function periodOfDate(text: string): DatedPeriod | undefined {
  const words = plainWords(text).replace(/^(?:eo|eoy|end of|by(?: the)? end of|by)\s+/i, '').trim();
  const period = parsePeriod(words);
  if (period && period !== 'invalid') return period.year === undefined ? undefined : { kind: period.kind, scheme: period.scheme, year: period.year, number: period.number };
  const date = DATE_YEAR.exec(words);
  const year = date && Number(date[1] ?? date[2]);
  return year && year > 1990 && year < 2100 ? { kind: 'year', scheme: 'plain', year, number: 0 } : undefined;
}

// --- A page that is one goal: its metadata ---

export interface PageMetadata {
  status?: PlanStatus;
  owners: string[];
  /** Where the metadata is written (a table, the front matter). */
  span: Span;
  /** The period its end date names (`Target End Date | EO FY23`), when it names one. */
  ends?: DatedPeriod;
}

const STATUS_KEY = /^(?:status|state|stage|(?:deliverable|project|goal|proposal|initiative)\s+status|progress)$/i;
const OWNER_KEY = /^(?:owners?|dris?|directly responsible individuals?|point of contact|poc|leads?|responsible(?: parties| party| people)?|assignees?|champions?|accountable)$/i;
/** Keys of a time-boxed effort's table: when it started and when it is to end. */
const START_KEY = /^(?:date created|created|start date|started|date started|date restarted)$/i;
const END_KEY = /^(?:(?:target|actual|planned)\s+)?end date$|^(?:target|due) date$/i;

interface KeyValue {
  key: string;
  value: string;
  /** The value's owners, one per list item or line where the value is a list. */
  owners?: string[];
}

function metadataOf(pairs: KeyValue[], span: Span): PageMetadata | undefined {
  const meta: PageMetadata = { owners: [], span };
  let timeBoxed = 0;
  for (const { key, value, owners } of pairs) {
    const k = plainWords(key).replace(/:$/, '').trim();
    if (STATUS_KEY.test(k) && !meta.status) meta.status = statusOfCell(value);
    else if (OWNER_KEY.test(k) && meta.owners.length === 0) meta.owners = owners ?? parseOwners(plainWords(value));
    else if (START_KEY.test(k) || END_KEY.test(k)) {
      timeBoxed++;
      if (END_KEY.test(k)) meta.ends ??= periodOfDate(value);
    }
  }
  return meta.status || meta.owners.length || timeBoxed >= 2 ? meta : undefined;
}

/**
 * A two-column table read as keys and values (its header is a pair too: `| Status | Accepted |`).
 * A row of one cell is a value's line broken in two (`| Slack | [#wg](…)` over `(internal) |`).
 */
function keyValueTable(table: Table): KeyValue[] | undefined {
  if (table.header.cells.length !== 2 || table.rows.some((r) => r.cells.length > 2)) return undefined;
  return [table.header, ...table.rows].filter((r) => r.cells.length === 2).map((r) => ({ key: r.cells[0]!.text, value: r.cells[1]!.text }));
}

const HTML_TABLE = /<table\b[\s\S]{0,20000}?<\/table>/gi;
const HTML_ROW = /<tr\b[^>]*>([\s\S]*?)<\/tr>/gi;
const HTML_CELL = /<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/gi;

/** The owners of an HTML cell that lists people (`<li>Ana - Design</li>`), a role after a dash left out. */
function ownersOfHtml(cell: string): string[] {
  return cell
    .split(/<li\b[^>]*>|<br\s*\/?>|<\/p>/i)
    .map((part) => plainWords(part).replace(/\s+[-–—]\s+.*$/, '').trim())
    .filter((name) => name.length > 0 && name.length <= 60);
}

function htmlKeyValues(html: string): KeyValue[] {
  const pairs: KeyValue[] = [];
  for (const row of html.matchAll(HTML_ROW)) {
    const cells = [...row[1]!.matchAll(HTML_CELL)].map((c) => c[1]!);
    if (cells.length === 2) pairs.push({ key: cells[0]!, value: plainWords(cells[1]!), owners: /<li\b|<br\b/i.test(cells[1]!) ? ownersOfHtml(cells[1]!) : undefined });
  }
  return pairs;
}

function inCode(doc: GoalDoc, offset: number): boolean {
  return doc.codeSpans.some((c) => c.start <= offset && offset < c.end);
}

/**
 * The metadata that makes a page one goal: a key/value table (or an HTML one) with a status or an
 * owner, or the start and end dates of a time-boxed effort (its owner the DRI of its roles table);
 * else front matter with a status; else a project page's sections (its owners its leads).
 */
export function pageMetadata(doc: GoalDoc): PageMetadata | undefined {
  const meta = writtenMetadata(doc);
  // A working group names its DRI in its roles table, not among its attributes.
  if (meta && !meta.owners.length) meta.owners = rolesTableOwners(doc);
  if (meta || !isProjectPage(doc)) return meta;
  return { owners: staffingLeads(doc), span: { start: 0, end: 0 } };
}

function writtenMetadata(doc: GoalDoc): PageMetadata | undefined {
  for (const table of doc.tables) {
    const pairs = keyValueTable(table);
    const meta = pairs && metadataOf(pairs, table.span);
    if (meta) return meta;
  }
  if (doc.text.includes('<table')) {
    for (const m of doc.text.matchAll(HTML_TABLE)) {
      if (inCode(doc, m.index)) continue;
      const meta = metadataOf(htmlKeyValues(m[0]), { start: m.index, end: m.index + m[0].length });
      if (meta) return meta;
    }
  }
  const fm = doc.frontMatter;
  if (fm?.fields.has('status')) {
    const pairs = [...fm.fields.entries()].map(([key, value]) => ({ key, value }));
    return metadataOf(pairs, fm.span);
  }
  return undefined;
}
