// A page read line by line, without the Markdown parser, and kept as a small summary: its
// headings (each with what it holds before the next one), and counts of the kinds of lines,
// items and tables that say whether it is a goal doc (evidence.ts). The editor keeps one summary
// per parsed chunk (fragment.ts), reused while the chunk's text is unchanged, so a keystroke
// summarises one chunk; the CLI and the workspace index summarise a file's text in one pass and
// judge it without a parse (the parser reads about 200 KB a second; this, megabytes).
import type { FieldName, PageSummary, SummaryHeading, SummaryTable } from './types';

export type { PageSummary, SummaryHeading, SummaryTable };
import { fieldNameOf, matchField } from './fields';
import { DEFAULT_DIALECT, type Dialect } from './dialect';
import { readDeclaredPeriod } from './periods';
import { SCORE, STATUS_EMOJI } from './milestones';
import { closesFence, fenceOpenedBy } from './text';

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const TASK = /^\[([ xX])\][ \t]+/;
const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const THEMATIC_BREAK = /^[ \t]*(?:[-*_][ \t]*){3,}$/;
const LINE_PREFIX = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?/;

/** A line that states a key result: `KR: …`, `- **KR 2:** …`, `1. **CEO KR:** …`, `✅ **KR 1**: …`, `Key result: …`. */
export const KEY_RESULT_LINE = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?(?:[^\sA-Za-z0-9*_]{1,3}[ \t]+)?(?:\*\*|__)?(?:[A-Z][\w&/.,-]*[ \t]+){0,3}(?:KR|Key results?)[ \t]*(?:\d+(?:\.\d+)*)?[ \t]*(?::|(?:\*\*|__)[ \t]*:|:[ \t]*(?:\*\*|__))/;
/** A deadline paragraph that plans a period: `By end of Q1:`, `End of Q4+:`, `**By Q3 2024:**`. */
const DEADLINE = /^[ \t]*(?:\*\*|__)?(?:by\s+(?:the\s+)?end\s+of|end\s+of|by|before|until)\s+(?:Q[1-4]|H[12]|(?:FY|CY)?\s?\d{2,4})\b[^\n]{0,30}:/i;
/** A paragraph that labels the list after it: `OKRs:`, `**Goals:**`. */
const GOAL_LABEL = /^\s*(?:\*\*|__)?(?:okrs?|goals?|objectives?|key results?|deliverables?|milestones?)\s*(?::\s*(?:\*\*|__)?|(?:\*\*|__)\s*:)\s*$/i;
/** Stamps as the model reads them in an item (`Done: 3.20`, `**Done!**`, `=> Done`). */
const DONE_STAMP = /=>\s*Done\b|(\*\*|__)Done!?\1|\bDone!|\bDone\s*:\s*(?:`|[0-9])/;
const DESCOPED = /(?<![A-Za-z])(?:Descoped|De-scoped|Deprioriti[sz]ed|Won'?t do|Not doing)(?![A-Za-z])/i;
/** A status word a progress cell or a prefix holds: `Done`, `*DONE:*`, `In progress`, `Complete`. */
const STATUS_WORD = /^(?:\*|_)*(?:done|complete[d]?|finished|shipped|in[ -]progress|on[ -]track|at[ -]risk|blocked|not started|started|accepted|delayed|dropped|cancell?ed)\b/i;
/** A role or a name leading an item as its owner: `CMO: …`, `**CFO**: …`, `VP Engineering: …`, `[ana] …`, `@ana: …`. */
export const ROLE_PREFIX = /^(?:(?:\*\*|__)?(?:[A-Z]{2,6}|(?:Chief|VP|SVP|EVP|Head|Director|Senior Director|Sr\.? Director|Manager|Lead)\b[^:*\n]{0,40})(?:\*\*|__)?\s*:|\[[\w .-]{2,30}\]\s|@[\w-]+(?:\/[\w-]+)?\s*:)/;
/** An owner named inside an item, after its text: `… **DRI:** Ana`, `… (Owner: @ana)`. (One that leads it is a field.) */
const INNER_OWNER = /\S\s+\(?(?:\*\*|__)?(?:DRI|Owners?|Point of contact)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*[@\[\p{Lu}]/u;
/** A section that names who does the work: `Required staffing`, `Sponsors`, `Leads`. */
const STAFFING = /^(?:required\s+)?staffing$|^(?:project\s+)?(?:leads?|sponsors?|dris?)$/i;
const HANDLE_ITEM = /^@[\w-]+(?:\s*\([^)]{0,60}\))?\s*$/;
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
/** An item led by a date and a separator, as a schedule writes them. */
const DATED_ITEM = new RegExp(String.raw`^(?:\*\*|__)?(?:\d{4}-\d{2}-\d{2}|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+${MONTH}\s+\d{4}|${MONTH}\s*[-–]\s*${MONTH}\s+\d{4})(?:\*\*|__)?\s*(?::|[-–—]\s)`, 'i');
const LINK_ONLY = /^\s*\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])?[\s.,;]*$/;
const HTML_STATUS_CELL = /<t[dh][^>]*>\s*(?:<[^>]+>\s*)*(?:status|state)\s*(?:<[^>]+>\s*)*<\/t[dh]>/i;
const HTML_KEY_CELL = /<t[dh][^>]*>\s*(?:<[^>]+>\s*)*(?:owners?|dris?|leads?|point of contact|target[^<]*|due[^<]*|teams?)\s*(?:<[^>]+>\s*)*<\/t[dh]>/i;
const STATUS_LEADS = new RegExp(`^(?:${STATUS_EMOJI.map((e) => e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'u');

/** What plainInline may take out or change beside white space: a text without any is only spaced. */
const INLINE_MARKUP = /[[<*_`{&]/;

/** A line of inline Markdown as read text: emphasis, code ticks, link targets, images and tags left out. */
export function plainInline(source: string): string {
  // Most headings and table cells hold no markup: every rule below but the last two needs one of these characters.
  if (!INLINE_MARKUP.test(source)) return source.replace(/\s+/g, ' ').trim();
  return source
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\s](?:[^*_]*[^*_\s])?)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/\s*\{#[^\s}]+\}\s*$/, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function cellsOf(line: string): string[] {
  const t = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return t.split(/(?<!\\)\|/).map((c) => plainInline(c.trim()));
}

/** The last UTF-16 unit of each status emoji: a text that ends in none of them ends in no status emoji. */
const STATUS_LAST_UNITS = new Set(STATUS_EMOJI.map((e) => e.charCodeAt(e.length - 1)));

/** Whether a text ends in a status emoji, dots and white space aside (STATUS_ENDS, without trying it at every position). */
function endsWithStatus(text: string): boolean {
  // trimEnd takes what \s matches.
  let t = text.trimEnd();
  while (t.endsWith('.')) t = t.slice(0, -1).trimEnd();
  return STATUS_LAST_UNITS.has(t.charCodeAt(t.length - 1)) && STATUS_EMOJI.some((e) => t.endsWith(e));
}

function hasProgressMark(source: string, checkbox: boolean): boolean {
  if (checkbox) return true;
  // Each regular expression runs only where the words it needs are: DONE_STAMP's `Done` is
  // case-sensitive; DESCOPED and SCORE ignore the case of ASCII letters only, which lower-casing keeps.
  if (source.includes('Done') && DONE_STAMP.test(source)) return true;
  const lower = source.toLowerCase();
  if ((lower.includes('scoped') || lower.includes('priorit') || lower.includes('won') || lower.includes('not doing')) && DESCOPED.test(source)) return true;
  const text = source.replace(/^[*_\s]+/, '');
  return STATUS_LEADS.test(text) || endsWithStatus(text) || ((lower.includes('%') || lower.includes('grade') || lower.includes('score')) && SCORE.test(text)) || STATUS_WORD.test(text);
}

/** A table cell that states progress: a status word or emoji, a stamp, a ticked box, a share done (`78%`). */
function isProgressCell(cell: string): boolean {
  const text = plainInline(cell);
  return /^\d{1,3}(?:\.\d+)?\s*%$/.test(text) || /^\[[xX]\]/.test(text) || hasProgressMark(text, false);
}

/** Whitespace-separated words of a line (a loop over its characters: this runs on every line). */
function countWords(line: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    const space = c === 32 || c === 9;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

export function emptySummary(): PageSummary {
  return { headings: [], preambleLines: 0, lines: 0, words: 0, items: 0, linkItems: 0, progressItems: 0, ownedItems: 0, datedItems: 0, fieldLines: [], keyResults: 0, deadlines: [], goalLabels: [], tables: [], htmlStatus: false };
}

/** Lines longer than this are counted but not read (a minified blob or binary junk). */
const MAX_READ_LINE = 4000;

/** The summary of a text (a page, or one chunk of one: a chunk never splits a block), read in a team's dialect. */
export function summarize(text: string, dialect: Dialect = DEFAULT_DIALECT): PageSummary {
  const s = emptySummary();
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let fence: string | undefined;
  let comment = false;
  let htmlStatus = false;
  let htmlKey = false;
  // The item whose first paragraph the next lines continue, and its state.
  let item: { source: string; checkbox: boolean; indent: number } | undefined;
  let topIndent = Infinity;
  let table: SummaryTable | undefined;
  // The line before: none yet, blank, or not blank and text (a paragraph's, which a setext
  // underline makes a heading) or other; and the line itself.
  let previous: 'none' | 'blank' | 'text' | 'other' = 'none';
  let previousLine = '';
  let current: SummaryHeading | undefined;
  const endItem = () => {
    if (!item) return;
    const source = item.source;
    s.items++;
    if (LINK_ONLY.test(source)) s.linkItems++;
    else if (current && item.indent <= topIndent) current.items++;
    if (hasProgressMark(source, item.checkbox)) s.progressItems++;
    if (ROLE_PREFIX.test(source) || INNER_OWNER.test(source) || (current && STAFFING.test(current.text) && HANDLE_ITEM.test(source))) s.ownedItems++;
    if (DATED_ITEM.test(source)) s.datedItems++;
    item = undefined;
  };
  const newHeading = (level: number, raw: string) => {
    endItem();
    table = undefined;
    current = { level, text: plainInline(raw), ownLines: 1, items: 0, tableRows: 0 };
    topIndent = Infinity;
    if (dialect.periods.length) current.declaredPeriod = readDeclaredPeriod(current.text, dialect.periods);
    s.headings.push(current);
    const field = fieldNameOf(current.text, dialect.fieldNames);
    if (field) s.fieldLines.push(field);
  };
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl + 1;
    let line = text.slice(at, nl < 0 ? text.length : nl);
    at = end;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    // The first character after spaces and tabs (-1 for none) says which of the patterns below
    // can match at all: each of them needs one of a few characters there.
    let first = 0;
    while (first < line.length && (line.charCodeAt(first) === 32 || line.charCodeAt(first) === 9)) first++;
    const c0 = first < line.length ? line.charCodeAt(first) : -1;
    const fenceChar = c0 === 96 || c0 === 126;
    // Code and comments: skipped whole.
    if (fence !== undefined) {
      if (fenceChar && closesFence(line, fence)) fence = undefined;
      continue;
    }
    if (comment) {
      if (line.includes('-->')) comment = false;
      continue;
    }
    if (line.length > MAX_READ_LINE) {
      s.lines++;
      if (current) current.ownLines++;
      continue;
    }
    const open = fenceChar ? fenceOpenedBy(line) : undefined;
    if (open) {
      fence = open;
      endItem();
      table = undefined;
      continue;
    }
    // An HTML comment that starts a line is a block up to its closing `-->` (CommonMark's kind 2).
    if (c0 === 60 && /^ {0,3}<!--/.test(line) && !line.includes('-->')) {
      comment = true;
      endItem();
      table = undefined;
      continue;
    }
    // Blank: nothing but white space (which is more than spaces and tabs where c0 is no printable ASCII).
    if (c0 === -1 || (!(c0 > 32 && c0 < 127) && line.trim() === '')) {
      endItem();
      table = undefined;
      previous = 'blank';
      previousLine = line;
      continue;
    }
    if (line.includes('<t')) {
      if (HTML_STATUS_CELL.test(line)) htmlStatus = true;
      if (HTML_KEY_CELL.test(line)) htmlKey = true;
    }
    // A setext underline makes the line before it a heading.
    if (previous === 'text' && !item && !table && SETEXT.test(line)) {
      s.words -= countWords(previousLine);
      if (current) current.ownLines--;
      else s.preambleLines--;
      newHeading(line.trim()[0] === '=' ? 1 : 2, previousLine.trim());
      previous = 'other';
      previousLine = line;
      continue;
    }
    s.lines++;
    const atx = c0 === 35 ? ATX.exec(line) : null;
    if (atx) {
      newHeading(atx[1]!.length, atx[2] ?? '');
      previous = 'other';
      previousLine = line;
      continue;
    }
    if (current) current.ownLines++;
    else s.preambleLines++;
    s.words += countWords(line);
    if ((line.includes('KR') || line.includes('Key result')) && KEY_RESULT_LINE.test(line)) s.keyResults++;
    if (table && line.includes('|')) {
      const cells = cellsOf(line);
      table.rows++;
      table.keys.push(cells[0] ?? '');
      cells.forEach((c, i) => {
        if (c === '' || i >= table!.filled.length) return;
        table!.filled[i]!++;
        if (isProgressCell(c)) table!.marked[i]!++;
      });
      if (current) current.tableRows++;
      previous = 'other';
      previousLine = line;
      continue;
    }
    if ((previous === 'text' || previous === 'other') && previousLine.includes('|') && line.includes('-') && DELIMITER_ROW.test(line)) {
      const header = cellsOf(previousLine);
      table = { header, rows: 0, filled: header.map(() => 0), marked: header.map(() => 0), keys: [header[0] ?? ''] };
      s.tables.push(table);
      endItem();
      previous = 'other';
      previousLine = line;
      continue;
    }
    // A list item's marker line: its first character is a marker's.
    const marker = c0 === 45 || c0 === 42 || c0 === 43 || (c0 >= 48 && c0 <= 57) ? ITEM.exec(line) : null;
    if (marker && !THEMATIC_BREAK.test(line)) {
      endItem();
      let rest = marker[3] ?? '';
      const task = TASK.exec(rest);
      if (task) rest = rest.slice(task[0].length);
      const indent = marker[1]!.replace(/\t/g, '    ').length;
      if (indent < topIndent) topIndent = indent;
      item = { source: rest, checkbox: !!task, indent };
    } else if (item) {
      item.source += ` ${line.trim()}`;
    } else {
      if (line.includes(':')) {
        const trimmed = line.trim();
        if (s.deadlines.length < 3 && DEADLINE.test(trimmed)) s.deadlines.push(trimmed);
        if (s.goalLabels.length < 3 && GOAL_LABEL.test(trimmed)) s.goalLabels.push(trimmed);
      }
    }
    const field = line.includes(':') ? matchField(line.replace(LINE_PREFIX, ''), dialect.fieldNames) : undefined;
    if (field) s.fieldLines.push(field.name);
    previous = marker || item ? 'other' : 'text';
    previousLine = line;
  }
  endItem();
  s.htmlStatus = htmlStatus && htmlKey;
  return s;
}

/**
 * The summary of a page from the summaries of its chunks, in order. (Every chunk but the first
 * starts at a heading, so only the first has a preamble.) The chunks' summaries are shared with
 * later versions: nothing of them is changed.
 */
export function mergeSummaries(parts: PageSummary[]): PageSummary {
  if (parts.length === 1) return parts[0]!;
  const s = emptySummary();
  s.preambleLines = parts[0]?.preambleLines ?? 0;
  for (const p of parts) {
    s.headings.push(...p.headings);
    s.lines += p.lines;
    s.words += p.words;
    s.items += p.items;
    s.linkItems += p.linkItems;
    s.progressItems += p.progressItems;
    s.ownedItems += p.ownedItems;
    s.datedItems += p.datedItems;
    s.fieldLines.push(...p.fieldLines);
    s.keyResults += p.keyResults;
    s.deadlines.push(...p.deadlines);
    s.goalLabels.push(...p.goalLabels);
    s.tables.push(...p.tables);
    s.htmlStatus ||= p.htmlStatus;
  }
  return s;
}
