// Goals a team writes as list items: `**Objective 1: …**` over its `KR 1:` items, `VP Sales: …`
// key results over their initiatives (`Sales Ops: … => 80%`), a deliverable's criteria (`- [x] …`),
// a year's roadmap of bullets; the plan's types, and what every part of the reading shares.
import type { Range } from 'vscode-languageserver-types';
import type { Goal, GoalDoc, Heading, ListItem, Milestone, Span } from './types';
import { type HouseStyle, type MilestoneState, milestoneState } from './done';
import type { DatedPeriod } from './periods';
import { type LineReading, type PlanKind, type PlanStatus, plainWords, readLine } from './planWords';

/** A dated period a goal is filed under, and the words the page gives it. */
export interface PlanPeriod {
  period: DatedPeriod;
  /** As the page writes it: the heading's text, the title's, or the period for a path (`FY23 Q3`). */
  label: string;
}

export interface PlanGoal {
  kind: PlanKind;
  title: string;
  /** Where the page states it: a heading, a list item, a table row, or the page itself (one goal per page). */
  form: 'heading' | 'item' | 'row' | 'page';
  /** The heading's text, the item's first line, the row; a page's title heading (or its first line). */
  range: Range;
  /** What it covers: its section, the item with its sub-items, the row, the page. */
  span: Span;
  heading?: Heading;
  /** The model's goal it is (a goal heading of the handbook's kind). */
  goal?: Goal;
  owners: string[];
  /** A score as written (`78%`, `0.7`): progress, never a milestone. */
  score?: string;
  status?: PlanStatus;
  /** The goal's own state, where the page marks it (a ticked box, ✅, a Done stamp, a status cell or row). */
  state?: MilestoneState;
  /** The items its progress counts (model/progress.ts), for a goal that has milestones. */
  milestones: Milestone[];
  /** Its key results, initiatives or criteria. */
  parts: PlanGoal[];
  /** The period of a top-level goal, when the page names one. */
  period?: PlanPeriod;
  /** When it is due, as the page writes it (a schedule's `Due date` cell). */
  due?: string;
}

/** What reading a page's plan keeps at hand. */
export interface Reader {
  doc: GoalDoc;
  house: HouseStyle;
  /** The page writes OKRs: any words before a colon may name an owner (`Development:`, `Data team:`). */
  okr: boolean;
  /** The period the page's title or path names. */
  page?: PlanPeriod;
  /** Each item's line, read once per plan (an item is asked about as a goal, a key result and an objective). */
  readings: Map<ListItem, LineReading>;
  /** Headings under the title name periods or goal lists (`## 2026 strategic focus`, `## Key results`): the title's sections are parts of a plan, not goals. */
  sectioned: boolean;
}

const LINK_ONLY = /^\s*\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])?[\s.,;]*$/;
const KRAMDOWN_TOC = /^\s*TOC\b|\{:\s*toc\s*\}/;
/** A bold run leading an item, which states it before the words that explain it (`**Land our sales.** This will …`). */
const BOLD_LEAD = /^\s*(\*\*|__)(.+?)\1/;
/** A retrospective's headings (`GOOD`, `BAD`, `TRY`): what went well or not is no goal. */
const RETRO = /^(?:good|bad|try|ugly|keep|stop|start|continue|wins?|losses|lessons(?: learned)?|learnings|highlights|lowlights|pros|cons|what went (?:well|wrong|badly)|what (?:to|we(?:'ll)?) (?:try|improve)|went well|to improve)[:.]?$/i;
/** An item that is only a role grouping the items under it (`* VPE`). */
export const ROLE_ONLY = /^[A-Z][A-Za-z&/]{1,12}(?:\s[A-Z][A-Za-z&/]{1,12}){0,2}$/;

export function sourceOf(r: Reader, m: ListItem): string {
  return r.doc.text
    .slice(m.contentSpan.start, m.contentSpan.end)
    .replace(/^\s*\[[ xX]\]\s+/, '')
    .replace(/^[\s\p{Extended_Pictographic}\uFE0F\u200D]+/u, '');
}

/** The state an item's own marks give it (a box, a stamp, a status emoji or tail, a strike the page reads as done). */
function markedState(r: Reader, m: ListItem): MilestoneState | undefined {
  if (m.checkbox || m.done || m.descoped || m.status || m.doneSuffix || (m.whollyStruck && r.house.bareStrikeIsDone)) return milestoneState(r.doc, m, r.house);
  return undefined;
}

export function readItem(r: Reader, m: ListItem): LineReading {
  let reading = r.readings.get(m);
  if (!reading) r.readings.set(m, (reading = readLine(sourceOf(r, m), r.okr)));
  return reading;
}

/** An item that states a key result: labelled so, or owned, scored or given a status. */
export function isKeyResultItem(r: Reader, m: ListItem): boolean {
  const reading = readItem(r, m);
  return reading.kind === 'keyResult' || (r.okr && (reading.owners.length > 0 || !!reading.score || !!reading.status || !!m.done));
}

/** An item that states an objective: labelled so, or (on an OKR page) holding key results. */
export function isObjectiveItem(r: Reader, m: ListItem): boolean {
  const kind = readItem(r, m).kind;
  if (kind) return kind === 'objective';
  return r.okr && m.children.some((c) => isKeyResultItem(r, c));
}

/** The goals that items state, of `kind` unless an item's label says otherwise; a role-only item's sub-items stand in its place. */
export function itemGoals(r: Reader, items: ListItem[], kind: PlanKind, owners: string[] = []): PlanGoal[] {
  const out: PlanGoal[] = [];
  for (const m of items) {
    const source = sourceOf(r, m);
    // A link alone is a table of contents' entry or a pointer, except in a list of deliverables (`[OTEP 168](…)`).
    if ((LINK_ONLY.test(source) && kind !== 'deliverable') || KRAMDOWN_TOC.test(source) || RETRO.test(plainWords(source)) || !plainWords(source)) continue;
    if (r.okr && m.children.length && (kind === 'keyResult' || kind === 'initiative') && ROLE_ONLY.test(plainWords(source))) {
      out.push(...itemGoals(r, m.children, kind, [plainWords(source)]));
      continue;
    }
    out.push(itemGoal(r, m, kind, owners));
  }
  return out;
}

const PART_KIND: Record<PlanKind, PlanKind> = { objective: 'keyResult', keyResult: 'initiative', initiative: 'initiative', goal: 'goal', criterion: 'criterion', deliverable: 'deliverable' };

function itemGoal(r: Reader, m: ListItem, kind: PlanKind, fallbackOwners: string[]): PlanGoal {
  const reading = readItem(r, m);
  const k = reading.kind ?? kind;
  let title = reading.title;
  // A bold sentence leading the item states the goal; the words after it explain it.
  const source = sourceOf(r, m);
  const bold = !reading.kind && !reading.owners.length ? BOLD_LEAD.exec(source) : null;
  if (bold && (/[.!]\s*$/.test(bold[2]!) || /^[.!]/.test(source.slice(bold[0].length).trimStart())) && plainWords(bold[2]!).split(/\s+/).length >= 3) title = plainWords(bold[2]!).replace(/[.!]+$/, '');
  const goal: PlanGoal = {
    kind: k,
    title,
    form: 'item',
    range: m.lineRange,
    span: m.span,
    owners: reading.owners.length ? reading.owners : [...fallbackOwners],
    score: reading.score,
    status: reading.status,
    // A criterion struck through is met (`~~Move the invoices~~`), whatever the page's house style says of strikes.
    state: markedState(r, m) ?? (k === 'criterion' && m.whollyStruck ? 'done' : undefined) ?? reading.status?.state,
    milestones: [],
    parts: [],
  };
  if (!m.children.length) return goal;
  // A goal's (a criterion's, a deliverable's) sub-items are its milestones, as a goal heading's items are; an OKR's are its parts.
  if ((k === 'goal' || k === 'criterion' || k === 'deliverable') && !m.children.some((c) => readItem(r, c).kind === 'keyResult')) goal.milestones = m.children.filter((c): c is Milestone => c.role !== 'other');
  else goal.parts = itemGoals(r, m.children, PART_KIND[k]);
  return goal;
}
