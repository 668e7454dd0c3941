// The page scan and the goal-section reading as they were before they were made faster (issue 20):
// the reference that test/unit/pageScan.test.ts holds today's code to, on every real page and on
// fuzzed lines. Kept verbatim but for names, with the later changes of meaning applied to it too
// (dated items, owners inside items and under staffing headings, progress cells, `Goal description`
// sections, fences read as model/text.ts reads them); not used by the server.
import type { PageSummary, SummaryHeading, SummaryTable } from '../../server/src/model/types';
import { fieldNameOf, matchField } from '../../server/src/model/fields';
import { STATUS_EMOJI } from '../../server/src/model/milestones';
import { closesFence, fenceOpenedBy } from '../../server/src/model/text';

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const TASK = /^\[([ xX])\][ \t]+/;
const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const THEMATIC_BREAK = /^[ \t]*(?:[-*_][ \t]*){3,}$/;
const LINE_PREFIX = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?/;

/** A line that states a key result: `KR: …`, `- **KR 2:** …`, `1. **CEO KR:** …`, `✅ **KR 1**: …`, `Key result: …`. */
const KEY_RESULT_LINE = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?(?:[^\sA-Za-z0-9*_]{1,3}[ \t]+)?(?:\*\*|__)?(?:[A-Z][\w&/.,-]*[ \t]+){0,3}(?:KR|Key results?)[ \t]*(?:\d+(?:\.\d+)*)?[ \t]*(?::|(?:\*\*|__)[ \t]*:|:[ \t]*(?:\*\*|__))/;
/** A deadline paragraph that plans a period: `By end of Q1:`, `End of Q4+:`, `**By Q3 2024:**`. */
const DEADLINE = /^[ \t]*(?:\*\*|__)?(?:by\s+(?:the\s+)?end\s+of|end\s+of|by|before|until)\s+(?:Q[1-4]|H[12]|(?:FY|CY)?\s?\d{2,4})\b[^\n]{0,30}:/i;
/** A paragraph that labels the list after it: `OKRs:`, `**Goals:**`. */
const GOAL_LABEL = /^\s*(?:\*\*|__)?(?:okrs?|goals?|objectives?|key results?|deliverables?|milestones?)\s*(?::\s*(?:\*\*|__)?|(?:\*\*|__)\s*:)\s*$/i;
/** Stamps as the model reads them in an item (`Done: 3.20`, `**Done!**`, `=> Done`). */
const DONE_STAMP = /=>\s*Done\b|(\*\*|__)Done!?\1|\bDone!|\bDone\s*:\s*(?:`|[0-9])/;
const DESCOPED = /(?<![A-Za-z])(?:Descoped|De-scoped|Deprioriti[sz]ed|Won'?t do|Not doing)(?![A-Za-z])/i;
/** A score or a share done: `=> 78%`, ``=> `100%` ``, `(99% completed)`, `Grade: .7`, `Score: 0.8`. */
const SCORE = /=>\s*`?\d{1,3}(?:\.\d+)?\s*%|\(\s*\d{1,3}\s*%\s*(?:complete|completed|done)?\s*\)|\b(?:grade|score|scored)\s*:?\s*(?:0?\.\d|1\.0|[01]\b|\d{1,3}\s*%)/i;
/** A status word a progress cell or a prefix holds: `Done`, `*DONE:*`, `In progress`, `Complete`. */
const STATUS_WORD = /^(?:\*|_)*(?:done|complete[d]?|finished|shipped|in[ -]progress|on[ -]track|at[ -]risk|blocked|not started|started|accepted|delayed|dropped|cancell?ed)\b/i;
/** A role or a name leading an item as its owner: `CMO: …`, `**CFO**: …`, `VP Engineering: …`, `[ana] …`, `@ana: …`. */
const ROLE_PREFIX = /^(?:(?:\*\*|__)?(?:[A-Z]{2,6}|(?:Chief|VP|SVP|EVP|Head|Director|Senior Director|Sr\.? Director|Manager|Lead)\b[^:*\n]{0,40})(?:\*\*|__)?\s*:|\[[\w .-]{2,30}\]\s|@[\w-]+(?:\/[\w-]+)?\s*:)/;
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
const STATUS_ENDS = new RegExp(`(?:${STATUS_EMOJI.map((e) => e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})[\\s.]*$`, 'u');

/** A line of inline Markdown as read text: emphasis, code ticks, link targets, images and tags left out. */
export function referencePlainInline(source: string): string {
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
  return t.split(/(?<!\\)\|/).map((c) => referencePlainInline(c.trim()));
}

function hasProgressMark(source: string, checkbox: boolean): boolean {
  if (checkbox || DONE_STAMP.test(source) || DESCOPED.test(source)) return true;
  const text = source.replace(/^[*_\s]+/, '');
  return STATUS_LEADS.test(text) || STATUS_ENDS.test(text) || SCORE.test(text) || STATUS_WORD.test(text);
}

/** A table cell that states progress: a status word or emoji, a stamp, a ticked box, a share done (`78%`). */
function isProgressCell(cell: string): boolean {
  const text = referencePlainInline(cell);
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

/** Whether a line may be a list item's marker line: its first non-blank character is one. */
function mayBeItem(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    return c === 45 || c === 42 || c === 43 || (c >= 48 && c <= 57);
  }
  return false;
}

function emptySummary(): PageSummary {
  return { headings: [], preambleLines: 0, lines: 0, words: 0, items: 0, linkItems: 0, progressItems: 0, ownedItems: 0, datedItems: 0, fieldLines: [], keyResults: 0, deadlines: [], goalLabels: [], tables: [], htmlStatus: false };
}

/** Lines longer than this are counted but not read (a minified blob or binary junk). */
const MAX_READ_LINE = 4000;

/** The summary of a text (a page, or one chunk of one: a chunk never splits a block). */
export function referenceSummarize(text: string): PageSummary {
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
  let previous: { line: string; blank: boolean; kind: 'text' | 'other' } | undefined;
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
    current = { level, text: referencePlainInline(raw), ownLines: 1, items: 0, tableRows: 0 };
    topIndent = Infinity;
    s.headings.push(current);
    const field = fieldNameOf(current.text);
    if (field) s.fieldLines.push(field);
  };
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl + 1;
    let line = text.slice(at, nl < 0 ? text.length : nl);
    at = end;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    // Code and comments: skipped whole.
    if (fence !== undefined) {
      if (closesFence(line, fence)) fence = undefined;
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
    const open = fenceOpenedBy(line);
    if (open) {
      fence = open;
      endItem();
      table = undefined;
      continue;
    }
    // An HTML comment that starts a line is a block up to its closing `-->` (CommonMark's kind 2).
    if (/^ {0,3}<!--/.test(line) && !line.includes('-->')) {
      comment = true;
      endItem();
      table = undefined;
      continue;
    }
    if (line.trim() === '') {
      endItem();
      table = undefined;
      previous = { line, blank: true, kind: 'other' };
      continue;
    }
    if (line.includes('<t')) {
      if (HTML_STATUS_CELL.test(line)) htmlStatus = true;
      if (HTML_KEY_CELL.test(line)) htmlKey = true;
    }
    // A setext underline makes the line before it a heading.
    if (previous && !previous.blank && previous.kind === 'text' && !item && !table && SETEXT.test(line)) {
      s.words -= countWords(previous.line);
      if (current) current.ownLines--;
      else s.preambleLines--;
      newHeading(line.trim()[0] === '=' ? 1 : 2, previous.line.trim());
      previous = { line, blank: false, kind: 'other' };
      continue;
    }
    s.lines++;
    const atx = line.includes('#') ? ATX.exec(line) : null;
    if (atx) {
      newHeading(atx[1]!.length, atx[2] ?? '');
      previous = { line, blank: false, kind: 'other' };
      continue;
    }
    if (current) current.ownLines++;
    else s.preambleLines++;
    s.words += countWords(line);
    if ((line.includes('KR') || /ey result/i.test(line)) && KEY_RESULT_LINE.test(line)) s.keyResults++;
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
      previous = { line, blank: false, kind: 'other' };
      continue;
    }
    if (previous && !previous.blank && previous.line.includes('|') && line.includes('-') && DELIMITER_ROW.test(line)) {
      const header = cellsOf(previous.line);
      table = { header, rows: 0, filled: header.map(() => 0), marked: header.map(() => 0), keys: [header[0] ?? ''] };
      s.tables.push(table);
      endItem();
      previous = { line, blank: false, kind: 'other' };
      continue;
    }
    const marker = mayBeItem(line) ? ITEM.exec(line) : null;
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
    const field = line.includes(':') ? matchField(line.replace(LINE_PREFIX, '')) : undefined;
    if (field) s.fieldLines.push(field.name);
    previous = { line, blank: false, kind: marker || item ? 'other' : 'text' };
  }
  endItem();
  s.htmlStatus = htmlStatus && htmlKey;
  return s;
}

// --- evidence.ts: goalSectionKind ---

/** Nouns that name a part of a page holding goals. */
const GOAL_NOUN = String.raw`(?:goals?|objectives?|okrs?|key\s+results?|krs?|exit\s+criteria|success\s+criteria|deliverables?|milestones?|initiatives?|priorities|targets?|outcomes?|definition\s+of\s+done|commitments?|objectifs?|objetivos?|ziele|résultats\s+clés)`;
/** Weaker nouns: a plan, a roadmap or a timeline adds to goal sections, and is none alone. */
const PLAN_NOUN = String.raw`(?:roadmap|plans?|planning|timeline|schedule|timeframe)`;
/** Words a goal section's heading may carry beside its noun. */
const QUALIFIER = String.raw`(?:current|previous|past|future|upcoming|next|this|last|our|team|company|business|project|product|engineering|quarterly|annual|yearly|main|top|major|key|strategic|technical|the|of|for|and|du|de|la|le|les|trimestre|actuel|précédents?|trimestriels?|[\p{L}]+'s)`;
// `Goals`, `Current quarter objectives`, `Goals, objectives, and requirements`, `Exit Criteria`,
// `Sequence Order Of Deliverables`: a goal noun first or last among a few words.
const GOAL_SECTION = new RegExp(String.raw`^(?:(?:${QUALIFIER}\s+){0,3}(${GOAL_NOUN}|${PLAN_NOUN})(?:\s+(?:${QUALIFIER}|and|or|&|,)\s*){0,4}(?:\s*[,&]?\s*(?:(?:and|or)\s+)?(?:${GOAL_NOUN}|requirements|non-goals))*|(?:[\p{L}\p{N}'’&/-]+\s+){0,4}(${GOAL_NOUN}|${PLAN_NOUN})|(?:${QUALIFIER}\s+){0,2}(${GOAL_NOUN})\s+(?:description|overview|summary|details|statement))$`, 'iu');
/** `Goals for FY22`, `Performance against previous goals`, `What are the current goals of the project?`. */
const GOAL_SECTION_PHRASE = new RegExp(String.raw`^(?:${GOAL_NOUN})\s+(?:for|in)\b|\b(?:against|toward|towards)\s+(?:\S+\s+){0,2}${GOAL_NOUN}\b|\b(?:current|upcoming|previous|past|future|next|its|your|our|their|the project'?s)\s+(?:\S+\s+){0,1}${GOAL_NOUN}\b`, 'iu');
/** Headings that tell how to do something, or ask: an explainer's. */
const EXPLAINING = /^(?:how|what|why|when|who|where|which|should|can|do|does|is|are|tips|faq|frequently asked|guidelines?|introduction|about)\b|\?\s*$/i;

/** A heading's text without numbering, emoji, markup, trailing punctuation or a percentage. */
function bareHeading(text: string): string {
  return text
    .replace(/\s*\{#[^}]*\}\s*$/, '')
    .replace(/^[\s\p{Extended_Pictographic}\uFE0F#*_`~[\]]+/u, '')
    .replace(/^(?:\d+[.):]|[IVX]+\.|step\s+\d+:?)\s*/i, '')
    .replace(/\(s\)/g, 's')
    .replace(/\s*[(`=>]*\s*\d+(?:\.\d+)?\s*%.*$/, '')
    .replace(/[\s:.\-–—]+$/, '')
    .trim();
}

/** Whether a heading names a goal section (`Goals`, `Exit Criteria (99% completed)`, `Current quarter objectives`), and how strongly. */
export function referenceGoalSectionKind(text: string): 'goal' | 'plan' | undefined {
  const t = bareHeading(text).replace(/\s*\([^)]*\)\s*$/, '');
  if (!t || /\bnon-?goals?\b/i.test(t) || t.split(/\s+/).length > 12) return undefined;
  // A question about this page's own goals is a goal section (`What are the current goals of the project?`).
  if (GOAL_SECTION_PHRASE.test(t)) return 'goal';
  if (EXPLAINING.test(text.trim()) || t.split(/\s+/).length > 8) return undefined;
  const m = GOAL_SECTION.exec(t);
  if (m) return new RegExp(`^${PLAN_NOUN}$`, 'iu').test(m[1] ?? m[2] ?? m[3]!) ? 'plan' : 'goal';
  return undefined;
}
