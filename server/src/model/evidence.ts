// What a page says about whether it is a goal doc: signals, each worth some points, with the words
// that say why. Pages of goals name periods (a quarter heading, a folder named for a half), goal
// sections (Goals, Exit criteria, Key results), key results, goals written with fields, progress
// marks (ticked boxes, ✅, Done stamps, `=> 78%`), owners (Owner fields, DRI columns, `CMO:`
// prefixes), goal tables and status metadata; pages about something else show it too (meeting
// notes, templates, design docs, explainers, decision records, empty pages). The rule that weighs
// them is in goalDocRule.ts. All of it is read from the page's text line by line (pageScan.ts),
// not from its parse: the editor, the CLI and the workspace index judge a page alike, and a page
// that is no goal doc is never parsed to know it.
import type { FieldName, FrontMatter, GoalDoc } from './types';
import type { Dialect } from './dialect';
import { periodsInPath, readPeriodHeading } from './periods';
import { KEY_RESULT_LINE, type PageSummary, ROLE_PREFIX, summarize, type SummaryHeading, type SummaryTable } from './pageScan';
import { SCORE } from './milestones';
import { maskForParse } from './mask';

/** The kinds of content that only pages of goals have, and what each is worth. */
export type PositiveSignal =
  | 'period'
  | 'pathPeriod'
  | 'deadlines'
  | 'goalSections'
  | 'keyResults'
  | 'fieldedGoals'
  | 'progress'
  | 'owners'
  | 'goalTable'
  | 'statusMetadata'
  | 'goalHeadings'
  | 'name';

/** The kinds of pages that use goal words without being goal docs. */
export type NegativeSignal = 'meetingNotes' | 'template' | 'designDoc' | 'explainer' | 'decisionRecord' | 'empty' | 'linkIndex' | 'goalsAside' | 'report';

export interface Signal<K extends string> {
  kind: K;
  points: number;
  /** In words, with an example from the page (`a quarter heading “FY23 Q2 OKRs”`). */
  says: string;
}

export interface GoalDocEvidence {
  positive: Array<Signal<PositiveSignal>>;
  negative: Array<Signal<NegativeSignal>>;
  /** The points of both: what the rule compares with its threshold. */
  score: number;
}


// --- Words ---

/** Nouns that name a part of a page holding goals. */
const GOAL_NOUN = String.raw`(?:goals?|objectives?|okrs?|key\s+results?|krs?|exit\s+criteria|success\s+criteria|deliverables?|milestones?|initiatives?|priorities|targets?|outcomes?|definition\s+of\s+done|commitments?|objectifs?|objetivos?|ziele|résultats\s+clés)`;
/** Weaker nouns: a plan, a roadmap or a timeline adds to goal sections, and is none alone. */
const PLAN_NOUN = String.raw`(?:roadmap|plans?|planning|timeline|schedule|timeframe)`;
/** Words a goal section's heading may carry beside its noun. */
const QUALIFIER = String.raw`(?:current|previous|past|future|upcoming|next|this|last|our|team|company|business|project|product|engineering|quarterly|annual|yearly|main|top|major|key|strategic|technical|the|of|for|and|du|de|la|le|les|trimestre|actuel|précédents?|trimestriels?|[\p{L}]+'s)`;
// `Goals`, `Current quarter objectives`, `Goals, objectives, and requirements`, `Exit Criteria`,
// `Sequence Order Of Deliverables`, `Initiative description`: a goal noun first or last among a
// few words, or before the word for what the section says of it.
const GOAL_SECTION = new RegExp(String.raw`^(?:(?:${QUALIFIER}\s+){0,3}(${GOAL_NOUN}|${PLAN_NOUN})(?:\s+(?:${QUALIFIER}|and|or|&|,)\s*){0,4}(?:\s*[,&]?\s*(?:(?:and|or)\s+)?(?:${GOAL_NOUN}|requirements|non-goals))*|(?:[\p{L}\p{N}'’&/-]+\s+){0,4}(${GOAL_NOUN}|${PLAN_NOUN})|(?:${QUALIFIER}\s+){0,2}(${GOAL_NOUN})\s+(?:description|overview|summary|details|statement))$`, 'iu');
/** `Goals for FY22`, `Performance against previous goals`, `What are the current goals of the project?`. */
const GOAL_SECTION_PHRASE = new RegExp(String.raw`^(?:${GOAL_NOUN})\s+(?:for|in)\b|\b(?:against|toward|towards)\s+(?:\S+\s+){0,2}${GOAL_NOUN}\b|\b(?:current|upcoming|previous|past|future|next|its|your|our|their|the project'?s)\s+(?:\S+\s+){0,1}${GOAL_NOUN}\b`, 'iu');
/** Headings that tell how to do something, or ask: an explainer's. */
const EXPLAINING = /^(?:how|what|why|when|who|where|which|should|can|do|does|is|are|tips|faq|frequently asked|guidelines?|introduction|about)\b|\?\s*$/i;
/** A goal-method word: a heading that names it without being a goal section talks about the method. */
const METHOD_WORD = /\b(?:okrs?|objectives?|key results?|goals?|krs?)\b/i;

/** The file or folder names of goal pages. */
const STRONG_NAME = /(?:^|[^a-z])(?:goals?|okrs?|objectives?|objectifs?|objetivos?|ziele|v2mom)(?:[^a-z]|$)/i;
const WEAK_NAME = /(?:^|[^a-z])(?:roadmaps?|plans?|planning|schedules?|deliverables?|milestones?|targets?|priorities|initiatives?|projects?)(?:[^a-z]|$)/i;

// Negative kinds.
/** A date alone (a meeting's, a log entry's); a range of dates is a period (an iteration), not a meeting. */
const DATE_RANGE = /\d\s*(?:to|until|through|-|–|—)\s*(?:\d|[a-z]{3})/i;
const DATE_HEADING = /^(?:\*\*)?(?:\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\d{4})\b/i;
const MEETING_HEADING = /\b(?:(?:meeting|session|workshop|discussion|call|sync|retro(?:spective)?)\s+notes?|minutes|agenda|attendees|attendance|action\s+items?|roll\s*call|check-?ins?|standup|notes\s+archive)\b/i;
const MEETING_PATH = /(?:^|\/)(?:meetings?|meeting-notes|minutes|notes|standups?|retros?)(?:\/|$)/i;
const PLACEHOLDER = /<<[^>]+>>|\{\{[^}]+\}\}|\bYYYY\b|\b(?:Q|H)n\b|\[(?:name|title|team|date|owner|project name)\]|<(?:name|title|team|date|owner|project|your[^>]*)>|\bXXXX?\b|lorem ipsum/i;
const TEMPLATE_PATH = /(?:^|[/_.-])templates?(?:[/_.-]|$)|ISSUE_TEMPLATE|PULL_REQUEST_TEMPLATE/i;
const DESIGN_HEADING = /^(?:background|motivation|mission|scope|out of scope|in scope|proposal|proposed (?:design|solution)|detailed design|alternatives(?: considered)?|drawbacks|prior art|unresolved questions|design|implementation(?: plan)?|rationale|open questions)$/i;
const DECISION_HEADING = /^(?:context(?: and problem statement)?|decision drivers|considered options|options considered|decision outcomes?|decision|consequences|pros and cons(?: of the options)?|status)$/i;

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

/** A goal or plan noun anywhere: both patterns of a goal section need one. */
const ANY_SECTION_NOUN = new RegExp(`${GOAL_NOUN}|${PLAN_NOUN}`, 'iu');

/** Whether a heading names a goal section (`Goals`, `Exit Criteria (99% completed)`, `Current quarter objectives`), and how strongly. */
export function goalSectionKind(text: string): 'goal' | 'plan' | undefined {
  return sectionKindOf(text, bareHeading(text));
}

/** goalSectionKind with the heading's bareHeading, which traits() has already. */
function sectionKindOf(text: string, bare: string): 'goal' | 'plan' | undefined {
  const t = bare.replace(/\s*\([^)]*\)\s*$/, '');
  // Most headings name no goal or plan: the long patterns below run only on those that do.
  if (!t || !ANY_SECTION_NOUN.test(t) || /\bnon-?goals?\b/i.test(t) || t.split(/\s+/).length > 12) return undefined;
  // A question about this page's own goals is a goal section (`What are the current goals of the project?`).
  if (GOAL_SECTION_PHRASE.test(t)) return 'goal';
  if (EXPLAINING.test(text.trim()) || t.split(/\s+/).length > 8) return undefined;
  const m = GOAL_SECTION.exec(t);
  if (m) return new RegExp(`^${PLAN_NOUN}$`, 'iu').test(m[1] ?? m[2] ?? m[3]!) ? 'plan' : 'goal';
  return undefined;
}

/** A heading that is a goal itself: `Objective: Users can …`, `Goal 2 - Faster builds`, `KR 1: …`. */
const GOAL_UNIT_HEADING = /^(?:overarching\s+)?(?:goal|objective|okr|kr|key result|initiative|outcome|deliverable|milestone)\s*\d*\s*[:.\-–—]\s*\S/i;

// --- Lines and items ---

/** `<!-- goal-docs: on -->` or `<!-- goal-docs: off -->`: the user's word on whether a file is a goal doc. */
export const MARKER = /<!--\s*goal-docs\s*:\s*(on|off)\s*-->/gi;

const OWNER_WORD = /\b(?:owners?|dris?|directly responsible|point of contact|poc|leads?|champions?|assignees?|responsible|accountable|sponsor)\b/i;
/** Beside a status, what makes key/value metadata a goal's: who owns it, or when it is due. */
const METADATA_KEY = new RegExp(`${OWNER_WORD.source}|\\b(?:target|due|deadline|end date|teams?)\\b`, 'i');

/**
 * Column kinds of a goal table's header: a goal column (strong: it names goals; weak: it could
 * name anything) beside a column that tracks them (who, when, how far; a status beside a strong
 * goal column only: a list of documents or RFCs has a status too).
 */
const GOAL_COLUMN = /^(?:goals?|objectives?|okrs?|krs?|key results?|deliverables?|criteria|exit criteria|milestones?|initiatives?|epics?)$/i;
const WEAK_GOAL_COLUMN = /^(?:#|items?|tasks?|work items?|projects?|features?|description|what|spec\.?|specification)$/i;
const STATUS_COLUMN = /^(?:status|state)$/i;
const TRACK_COLUMN = /^(?:progress|%|percent(?:age)?|done|owners?|dris?|leads?|assignees?|responsible|point of contact|due(?: date)?|target(?: date| completion date)?|completed(?: date)?|start(?: date)?|eta|deadline|score|grade)$/i;
const OWNER_COLUMN = /^(?:owners?|dris?|leads?|assignees?|responsible|point of contact|poc|champions?)$/i;
const PROGRESS_COLUMN = /^(?:status|state|progress|%|done|completed(?: date)?)$/i;

function cellWords(text: string): string {
  return text.replace(/[*_`]/g, '').trim();
}

function isGoalTable(t: SummaryTable): boolean {
  if (t.rows < 1) return false;
  const header = t.header.map(cellWords);
  const tracked = header.some((h) => TRACK_COLUMN.test(h));
  return (header.some((h) => GOAL_COLUMN.test(h)) && (tracked || header.some((h) => STATUS_COLUMN.test(h)))) || (header.some((h) => WEAK_GOAL_COLUMN.test(h)) && tracked);
}

/**
 * A key/value table (`| Property | Value |`, `| Status | Accepted |`) holding a status and an owner
 * or a target, or the dates of a time-boxed effort (`Date Created`, `Target End Date`).
 */
function isStatusMetadata(t: SummaryTable): boolean {
  if (t.header.length !== 2) return false;
  const keys = t.keys.map((k) => cellWords(k).toLowerCase());
  if (keys.some((k) => /^(?:status|state|stage)$/.test(k)) && keys.some((k) => METADATA_KEY.test(k))) return true;
  return keys.some((k) => /^(?:date created|created|start date|started|date started|date restarted)$/.test(k)) && keys.some((k) => /^(?:(?:target|actual|planned)\s+)?end date$|^(?:target|due) date$/.test(k));
}

interface Found<K extends string> {
  add(kind: K, points: number, says: string): void;
  list: Array<Signal<K>>;
}

function collector<K extends string>(): Found<K> {
  const list: Array<Signal<K>> = [];
  return { list, add: (kind, points, says) => list.push({ kind, points, says }) };
}

const quote = (s: string) => `“${s.length > 60 ? `${s.slice(0, 57)}…` : s}”`;

function pathSignals(path: string, found: Found<PositiveSignal>): void {
  const periods = periodsInPath(path);
  const segments = path.replace(/\\/g, '/').split('/');
  const file = segments.pop() ?? '';
  const dated = periods.find((p) => p.kind !== 'year');
  if (dated) found.add('pathPeriod', 2, `its path names a ${dated.kind} (${path})`);
  else if (periods.length && (/\d{4}/.test(file) || periods.some((p) => p.scheme !== 'plain'))) found.add('pathPeriod', 1, `its path names a year (${path})`);
  // The file's own name says more than its folders' (a folder names a topic its pages explain too).
  const stem = file.replace(/(\.[A-Za-z]+)+$/, '');
  const folders = segments.slice(-2).join('/');
  if (STRONG_NAME.test(stem)) found.add('name', 2, `its name (${file})`);
  else if (STRONG_NAME.test(folders) || WEAK_NAME.test(stem) || WEAK_NAME.test(folders)) found.add('name', 1, `its name (${[folders, file].filter(Boolean).join('/')})`);
}

/** The signals of a path alone: its name, and a period its folder or file names. */
export function pathEvidence(path: string): Array<Signal<PositiveSignal>> {
  const found = collector<PositiveSignal>();
  pathSignals(path, found);
  return found.list;
}

/** A heading for a period named relative to now: `Current quarter objectives`, `Next half`, `Objectifs du trimestre actuel`. */
const RELATIVE_PERIOD = /\b(?:current|this|next|previous|last|upcoming|coming)\s+(?:quarter|half|fiscal year|year)\b|\b(?:trimestre|semestre)\b/i;
/** A report's title: what happened in a period rather than what is planned for it. */
const REPORT_TITLE = /\b(?:report|review|retrospective|retro|recap|summary|post-?mortem|newsletter|digest|minutes)(?:\s+(?:(?:for|on|of|to)\b|(?:Q[1-4]|H[12]|FY|CY|\d{4})).*)?\s*$/i;

/** What a heading holds: its own items and table rows, and its sub-headings one level down. */
function unitsUnder(headings: SummaryHeading[], i: number): number {
  const h = headings[i]!;
  let units = h.items + h.tableRows;
  for (let j = i + 1; j < headings.length; j++) {
    const sub = headings[j]!;
    if (sub.level <= h.level) break;
    if (sub.level === h.level + 1 && !traits(sub).method) units++;
  }
  return units;
}

/** The share of a page's lines that stand in its goal sections and period sections. */
function goalShare(summary: PageSummary): number {
  const headings = summary.headings;
  let inside = 0;
  let until = -1;
  let level = 0;
  for (const h of headings) {
    if (until >= 0 && h.level <= level) until = -1;
    const t = traits(h);
    if (until < 0 && (t.section || (t.period && (t.period.dated || t.period.kind === 'year')))) {
      until = 1;
      level = h.level;
    }
    if (until >= 0) inside += h.ownLines;
  }
  return summary.lines ? inside / summary.lines : 0;
}

/** The fields that only goals have; a goal with two of them (or with milestones) is written as a goal. */
const GOAL_FIELDS = new Set<FieldName>(['owner', 'status', 'outcomes', 'milestones', 'descopedOutcomes', 'problem']);

/**
 * How many goals written with fields the field lines make: such a goal has a Milestones field or
 * two different goal fields in its own run of field lines (four Owner bullets on a process page
 * make none).
 */
function fieldedGoals(fieldLines: FieldName[]): number {
  let goals = 0;
  let first: FieldName | undefined;
  for (const name of fieldLines) {
    if (!GOAL_FIELDS.has(name)) continue;
    if (name === 'milestones' || (first !== undefined && name !== first)) {
      goals++;
      first = undefined;
    } else {
      first = name;
    }
  }
  return goals;
}

/** The evidence of a page from its text and its path (relative to its workspace folder), without a parse. */
export function evidenceOfText(text: string, path = '', dialect?: Dialect): GoalDocEvidence {
  const masked = maskForParse(text, path);
  return evidenceOfSummary(summarize(masked.text, dialect), masked.frontMatter, path);
}

const cache = new WeakMap<GoalDoc, Map<string, GoalDocEvidence>>();

/** The evidence of a model: from the summaries its chunks keep, once per version and path. */
export function evidenceOf(doc: GoalDoc, path = ''): GoalDocEvidence {
  let byPath = cache.get(doc);
  if (!byPath) cache.set(doc, (byPath = new Map()));
  let e = byPath.get(path);
  if (!e) byPath.set(path, (e = evidenceOfSummary(doc.summary, doc.frontMatter, path)));
  return e;
}

/** What a heading's text says, read once per heading: a chunk's headings are kept while its text is unchanged. */
interface HeadingTraits {
  period?: { kind: 'quarter' | 'half' | 'year'; dated: boolean; planned: boolean };
  section?: 'goal' | 'plan';
  method: boolean;
  goalUnit: boolean;
  score: boolean;
  date: boolean;
  meeting: boolean;
  design: boolean;
  nonGoals: boolean;
  decision: boolean;
  relative: boolean;
  v2mom?: string;
}

/** Kept on the heading itself: a WeakMap keyed by every heading ever seen grows its table with them. */
type WithTraits = SummaryHeading & { traits?: HeadingTraits };

function traits(h: WithTraits): HeadingTraits {
  let t = h.traits;
  if (t) return t;
  const text = h.text;
  const bare = bareHeading(text);
  const p = h.declaredPeriod ? { label: h.declaredPeriod, role: 'label' as const } : readPeriodHeading(text);
  const section = sectionKindOf(text, bare);
  t = {
    period: p && p !== 'invalid' ? { kind: p.label.kind, dated: p.label.kind !== 'year' && p.label.year !== undefined, planned: p.label.kind === 'year' && text.trim() !== String(p.label.year) } : undefined,
    section,
    method: METHOD_WORD.test(text) && section === undefined && !GOAL_UNIT_HEADING.test(bare),
    goalUnit: GOAL_UNIT_HEADING.test(bare),
    score: SCORE.test(text),
    date: DATE_HEADING.test(bare || text) && !DATE_RANGE.test(text),
    meeting: MEETING_HEADING.test(text),
    design: DESIGN_HEADING.test(bare),
    nonGoals: /^non-?goals$/i.test(bare),
    decision: DECISION_HEADING.test(bare),
    relative: RELATIVE_PERIOD.test(text),
    v2mom: /^(?:vision|values|methods|obstacles|measures)$/i.test(bare) ? bare.toLowerCase() : undefined,
  };
  h.traits = t;
  return t;
}

export function evidenceOfSummary(summary: PageSummary, frontMatter: FrontMatter | undefined, path: string): GoalDocEvidence {
  const pos = collector<PositiveSignal>();
  const neg = collector<NegativeSignal>();
  const headings = summary.headings;
  const title = frontMatter?.fields.get('title') ?? (headings[0]?.level === 1 ? headings[0].text : undefined);
  const fielded = fieldedGoals(summary.fieldLines);
  const ownerFields = summary.fieldLines.filter((f) => f === 'owner').length;

  // Periods: a dated quarter or half heading, else the title's period, else a year's plan.
  const all = headings.map((h) => ({ h, t: traits(h) }));
  let dated: { text: string; kind: string } | undefined;
  const years: string[] = [];
  let planned: string | undefined;
  for (const { h, t } of all) {
    if (!t.period) continue;
    if (t.period.dated) dated ??= { text: h.text, kind: t.period.kind };
    else if (t.period.kind === 'year') {
      years.push(h.text);
      if (t.period.planned) planned ??= h.text;
    }
  }
  const titlePeriod = title !== undefined ? readPeriodHeading(title) : undefined;
  if (dated) pos.add('period', 4, `a ${dated.kind} heading ${quote(dated.text)}`);
  else if (titlePeriod && titlePeriod !== 'invalid' && (titlePeriod.label.kind !== 'year' || titlePeriod.role === 'plan' || /\b(?:goals?|okrs?|objectives?|plan|roadmap|priorities)\b/i.test(title!))) pos.add('period', titlePeriod.label.kind === 'year' ? 2 : 4, `its title ${quote(title!)}`);
  else {
    const relative = all.find(({ t }) => t.relative)?.h.text;
    if (planned) pos.add('period', 2, `a year's plan ${quote(planned)}`);
    else if (relative) pos.add('period', 2, `a heading for a period ${quote(relative)}`);
    else if (years.length && (fielded > 0 || ownerFields > 0)) pos.add('period', 1, `year headings (${quote(years[0]!)})`);
  }
  pathSignals(path, pos);
  if (summary.deadlines.length >= 2) pos.add('deadlines', 2, `deadline paragraphs (${quote(summary.deadlines[0]!)})`);
  else if (summary.datedItems >= 3) pos.add('deadlines', 2, `${summary.datedItems} dated entries of a schedule`);

  // Goal sections: a heading that names one and holds goals (items, rows, sub-headings), or a
  // label paragraph (`OKRs:`) over a list; one that holds only prose or links is a plan at most.
  const strong: string[] = [];
  const weak: string[] = [];
  all.forEach(({ h, t }, i) => {
    if (t.section) (t.section === 'goal' && unitsUnder(headings, i) >= 2 ? strong : weak).push(h.text);
  });
  strong.push(...summary.goalLabels);
  const nouns = new Set(strong.map((t) => bareHeading(t).toLowerCase().replace(/s\b/g, '')));
  if (strong.length) pos.add('goalSections', Math.min(3, (nouns.size >= 2 ? 3 : 2) + (weak.length ? 1 : 0)), `goal section${strong.length > 1 ? 's' : ''} ${strong.slice(0, 2).map(quote).join(', ')}`);
  else if (weak.length) pos.add('goalSections', 1, `a section named for goals or plans ${quote(weak[0]!)}`);
  // V2MOM (vision, values, methods, obstacles, measures): a goal-setting format of its own.
  if (!pos.list.some((s) => s.kind === 'goalSections') && new Set(all.flatMap(({ t }) => t.v2mom ?? [])).size >= 4) pos.add('goalSections', 3, 'the sections of a V2MOM (vision, values, methods, obstacles, measures)');
  const goalHeadings = all.filter(({ t }) => t.goalUnit).map(({ h }) => h.text);
  if (goalHeadings.length >= 2) pos.add('goalHeadings', 3, `${goalHeadings.length} goals written as headings (${quote(goalHeadings[0]!)})`);
  if (summary.keyResults > 0) pos.add('keyResults', 3, `${summary.keyResults} key result line${summary.keyResults > 1 ? 's' : ''}`);
  if (fielded) pos.add('fieldedGoals', fielded >= 2 ? 3 : 2, `${fielded} goal${fielded > 1 ? 's' : ''} written with fields`);

  // Progress and owners on items, tables and headings.
  let progress = summary.progressItems + all.filter(({ t }) => t.score).length;
  for (const t of summary.tables) {
    // A two-column Status | Description table is a legend of statuses, not progress.
    const header = t.header.map(cellWords);
    const status = header.findIndex((h) => PROGRESS_COLUMN.test(h));
    if (status >= 0 && (header.length >= 3 || isGoalTable(t))) progress += t.marked[status] ?? 0;
  }
  if (progress >= 3) pos.add('progress', 2, `${progress} items with progress marks`);
  let owned = ownerFields + summary.ownedItems;
  const ownerTable = summary.tables.find((t) => t.rows > 0 && t.header.some((c) => OWNER_COLUMN.test(cellWords(c))));
  if (ownerTable) owned += ownerTable.rows;
  if (owned >= 2) pos.add('owners', 2, ownerTable ? `an owner column (${quote(ownerTable.header.map(cellWords).join(' | '))})` : `${owned} goals or items with owners`);
  const goalTable = summary.tables.find(isGoalTable);
  if (goalTable) pos.add('goalTable', 2, `a goal table (${quote(goalTable.header.map(cellWords).join(' | '))})`);
  const fm = frontMatter?.fields;
  if (summary.tables.some(isStatusMetadata) || (fm?.has('status') && [...fm.keys()].some((k) => METADATA_KEY.test(k))) || summary.htmlStatus) pos.add('statusMetadata', 2, 'status and owner metadata');

  // What else the page may be.
  const dates = all.filter(({ t }) => t.date).map(({ h }) => h.text);
  const meetings = all.filter(({ t }) => t.meeting).map(({ h }) => h.text);
  if (dates.length >= 3 || meetings.length >= 2 || (title && MEETING_HEADING.test(title)) || MEETING_PATH.test(path)) {
    const why = dates.length >= 3 ? `${dates.length} date headings (${quote(dates[0]!)})` : meetings.length >= 2 ? `meeting headings (${quote(meetings[0]!)})` : title && MEETING_HEADING.test(title) ? `its title ${quote(title)}` : `its folder (${path})`;
    neg.add('meetingNotes', -6, `meeting notes: ${why}`);
  }
  // A template's title is a placeholder (`YYYY Qn TI Name`, `<<PROJECT NAME>>`); a page may hold one entry's template among real ones.
  const placeholder = [title ?? '', headings[0]?.text ?? ''].find((t) => PLACEHOLDER.test(t));
  if (placeholder !== undefined || TEMPLATE_PATH.test(path) || (fm?.has('about') && fm.has('name'))) neg.add('template', -6, `a template: ${placeholder !== undefined ? `placeholder ${quote(placeholder)}` : 'its path or front matter'}`);
  const design = all.filter(({ t }) => t.design).map(({ h }) => h.text);
  const nonGoals = all.find(({ t }) => t.nonGoals)?.h.text;
  if (design.length >= 3 || (nonGoals && design.length >= 1)) neg.add('designDoc', -3, `a design document (${[nonGoals, ...design].filter(Boolean).slice(0, 2).map((t) => quote(t!)).join(', ')})`);
  const decision = all.filter(({ t }) => t.decision).map(({ h }) => h.text);
  if (decision.length >= 2) neg.add('decisionRecord', -4, `a decision record (${decision.slice(0, 2).map(quote).join(', ')})`);
  // A report on a period (an incident or conduct report, a review) names its period without planning it.
  if (title && REPORT_TITLE.test(title)) neg.add('report', -2, `a report: its title ${quote(title)}`);
  // A page about the goal method names it in more headings than it has goal sections.
  const method = all.filter(({ t }) => t.method).map(({ h }) => h.text);
  if (method.length >= 2 && method.length > strong.length && summary.keyResults === 0 && fielded === 0) neg.add('explainer', -3, `a page about the method (${method.slice(0, 2).map(quote).join(', ')})`);
  // Hardly any text, and nothing of a goal doc but its name or path: a page still to be written.
  const content = pos.list.some((s) => s.kind !== 'name' && s.kind !== 'pathPeriod');
  if (summary.words < 25 && summary.items < 3 && !content) neg.add('empty', -4, `hardly any text (${summary.words} words)`);
  // Goals as one section of a page about something else (a team page with its OKRs): unless its
  // title or path names a period, a page whose goal sections are a small part of it is no goal doc.
  if (!titlePeriod && !pos.list.some((s) => s.kind === 'pathPeriod') && summary.keyResults === 0 && fielded === 0 && summary.lines >= 120) {
    const share = goalShare(summary);
    if (share < 0.2) neg.add('goalsAside', -4, `goals are a small part of it (${Math.round(share * 100)}% of its lines)`);
  }
  if (summary.items >= 3 && summary.linkItems * 10 >= summary.items * 7 && summary.words < 200) neg.add('linkIndex', -3, `a list of links (${summary.linkItems} of ${summary.items} items)`);

  const score = [...pos.list, ...neg.list].reduce((n, s) => n + s.points, 0);
  return { positive: pos.list, negative: neg.list, score };
}
