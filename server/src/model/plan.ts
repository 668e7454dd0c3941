// A goal doc's plan, read in the page's own convention: its goals, each of a kind (a goal, an
// OKR's objective, key result or initiative), with its owners, its progress as the page writes it
// (milestones done and open, a ticked box or ✅ on the goal itself, a status, a score) and its
// parts (an objective's key results, a key result's initiatives, a per-goal page's criteria),
// each top-level goal in a period: its heading's, else the page's title's, else its path's.
//
// The handbook's goals (headings with fields under period headings) are read as the model has
// them, milestones counted as model/progress.ts counts them. Other teams write goals as headings
// (`### 1. CEO: IACV`, `#### Goal: …`), list items under a section or a label that names them
// (`Current quarter objectives`, `**Objective 1: …**`, `By end of Q1:`), rows of a goal table, or
// one page per goal with its metadata. Where the page does not say, nothing is guessed: a priority
// bucket, an Overview, an Out of scope section hold no goal, a score is not a milestone.
//
// The report and the Goals view read it, per request, never per keystroke: one reading per model
// and path (a WeakMap, dropped with the model).
import { outlineParent } from './headings';
import type { Goal, GoalDoc, Heading, ListItem, Quarter, Span } from './types';
import { houseStyle } from './done';
import { milestonesOf } from './progress';
import { quarterNumbers } from './periodLayout';
import { type DatedPeriod, formatPeriod, type PeriodLabel, periodsInPath, readPeriodHeading } from './periods';
import { GOAL_FIELDS } from './structure';
import { type LineReading, type PlanKind, plainWords, readLine } from './planWords';
import { bareTitle, goalListKind, headingRole, type HeadingRole, listsIn, ownSpan, type SectionList } from './planSections';
import { goalTableColumns, pageMetadata, readRow } from './planTables';
import { isKeyResultItem, isObjectiveItem, itemGoals, type PlanGoal, type PlanPeriod, type Reader, ROLE_ONLY, sourceOf } from './planItems';
import { spanToRange } from './text';

export type { PlanKind, PlanStatus } from './planWords';
export type { PlanGoal, PlanPeriod } from './planItems';

export interface GoalPlan {
  /** The top-level goals, in document order. */
  goals: PlanGoal[];
}

const OKR_WORDS = /\b(?:okrs?|objectives?|key results?|krs?)\b/i;

function titleOf(doc: GoalDoc): string | undefined {
  const first = doc.headings[0];
  return doc.frontMatter?.fields.get('title') ?? (first?.level === 1 ? first.text : undefined);
}

/** The period a page's title names, else the one its path names (a folder or file named for it). */
function pagePeriod(doc: GoalDoc, path: string): PlanPeriod | undefined {
  const title = titleOf(doc);
  const read = title === undefined ? undefined : readPeriodHeading(title);
  if (read && read !== 'invalid' && read.label.year !== undefined) return { period: read.label as DatedPeriod, label: title! };
  const fromPath = periodsInPath(path).find((p): p is PeriodLabel & DatedPeriod => p.year !== undefined);
  return fromPath ? { period: fromPath, label: formatPeriod(fromPath) } : undefined;
}

function dated(label: PeriodLabel, year: number | undefined): DatedPeriod | undefined {
  const y = label.year ?? year;
  return y === undefined ? undefined : { kind: label.kind, scheme: label.scheme, year: y, number: label.number };
}

function quarterPeriod(r: Reader, q: Quarter): PlanPeriod | undefined {
  const p = quarterNumbers(q) ?? dated(q.label, r.page?.period.year);
  return p && { period: p, label: q.heading.text };
}

/** The period a place of the page stands in: its innermost period heading's, else the page's. */
function periodAt(r: Reader, offset: number): PlanPeriod | undefined {
  const inside = (h: Heading) => h.span.start <= offset && offset < h.sectionSpan.end;
  let quarter: Quarter | undefined;
  for (const q of r.doc.quarters) if (inside(q.heading)) quarter = q;
  if (quarter) return quarterPeriod(r, quarter);
  let year: (typeof r.doc.years)[number] | undefined;
  for (const y of r.doc.years) if (inside(y.heading)) year = y;
  if (year) return { period: { kind: 'year', scheme: year.scheme, year: year.year, number: 0 }, label: year.heading.text };
  return r.page;
}

function readerOf(doc: GoalDoc, path: string): Reader {
  const house = houseStyle(doc);
  const title = titleOf(doc) ?? '';
  const okr = OKR_WORDS.test(title) || OKR_WORDS.test(path) || doc.summary.keyResults > 0 || doc.headings.some((h) => /\bokrs?\b/i.test(h.text));
  const sectioned = doc.headings.slice(1).some((h) => h.kind === 'quarter' || h.kind === 'year' || goalListKind(bareTitle(h.text)) !== undefined);
  return { doc, house, okr, page: pagePeriod(doc, path), sectioned, readings: new Map() };
}

// --- Goals written as headings ---

function headingGoal(r: Reader, h: Heading, kind: PlanKind, reading: LineReading, span: Span): PlanGoal {
  return { kind, title: h.text, form: 'heading', range: h.range, span, heading: h, owners: reading.owners, score: reading.score, status: reading.status, state: reading.status?.state, milestones: [], parts: [] };
}

function listItems(lists: SectionList[]): ListItem[] {
  return lists.flatMap((l) => l.items);
}

/** A heading that states an objective: labelled so, or (on an OKR page) owned (`1. CEO: IACV`) over key results. */
function objectiveHeading(r: Reader, h: Heading, items: ListItem[]): LineReading | undefined {
  const reading = readLine(h.text, r.okr);
  if (reading.kind === 'objective') return reading;
  if (reading.kind || !r.okr || !reading.owners.length) return undefined;
  // Key results, or a role's item over them (`* VPE` over `* Platform: … *60%*`).
  const keyResults = items.some((m) => isKeyResultItem(r, m) || (ROLE_ONLY.test(plainWords(sourceOf(r, m))) && m.children.some((c) => isKeyResultItem(r, c))));
  return keyResults ? reading : undefined;
}

/** The goals a model goal (a goal heading of the handbook's kind) stands for. */
function modelGoal(r: Reader, g: Goal): PlanGoal[] {
  const h = g.heading;
  const own = listItems(listsIn(r.doc, ownSpan(r.doc, h)));
  const objective = objectiveHeading(r, h, own);
  if (objective) {
    const goal = headingGoal(r, h, 'objective', objective, g.sectionSpan);
    goal.goal = g;
    if (g.owners.length) goal.owners = [...g.owners];
    goal.parts = itemGoals(r, own, 'keyResult');
    return [goal];
  }
  // A section of objectives (a team's OKRs under a quarter): the items are the goals.
  if (own.some((m) => isObjectiveItem(r, m)) && !g.fields.some((f) => GOAL_FIELDS.has(f.name))) {
    const goals: PlanGoal[] = [];
    listGoals(r, listsIn(r.doc, ownSpan(r.doc, h)), 'objective', !!g.quarter, goals);
    return goals;
  }
  const reading = readLine(h.text, false);
  const goal = headingGoal(r, h, reading.kind ?? 'goal', { owners: [], title: h.text }, g.sectionSpan);
  goal.goal = g;
  goal.owners = [...g.owners];
  goal.milestones = milestonesOf(g);
  return [goal];
}

/** Whether a model goal stands for goals at all: written with fields, in a period or a goal section, labelled, or one level under a year that does not title the page. */
function isPlanGoal(r: Reader, g: Goal): boolean {
  if (g.isInclude) return false;
  if (g.quarter || g.section || g.fields.some((f) => GOAL_FIELDS.has(f.name)) || readLine(g.heading.text, false).kind) return true;
  const year = r.doc.years.find((y) => y.heading.span.start < g.heading.span.start && g.heading.span.start < y.heading.sectionSpan.end);
  return !!year && (year.heading.level > 1 || !r.sectioned);
}

// --- The walk ---

interface Context {
  /** A goal section the heading is inside (`Definition of done` over `Must have`): its lists are goals of its kind. */
  kind?: PlanKind;
  end: number;
}

function listGoals(r: Reader, lists: SectionList[], context: PlanKind | undefined, inPeriod: boolean, out: PlanGoal[]): void {
  for (const list of lists) {
    const label = list.label;
    if (label?.notOpenWork || label?.field) continue;
    // A label that names no kind of goal (`Processes:`, `Long term:`) lists goals of the section's,
    // plain goals beside an OKR section's objectives; under a period or a deadline, plain goals.
    const plain = context === 'objective' || context === 'keyResult' ? 'goal' : context;
    const kind = label ? (label.kind ?? (label.deadline ? 'goal' : (plain ?? (inPeriod ? 'goal' : undefined)))) : (context ?? (inPeriod ? 'goal' : undefined));
    // Objectives are objectives in any section (a team's `## Sales` on an annual OKR page).
    // On an OKR page, a team's list of items each over its own sub-items is a list of objectives.
    const objectives = (kind === undefined || kind === 'goal') && (list.items.some((m) => isObjectiveItem(r, m)) || (r.okr && kind === undefined && list.items.every((m) => m.children.length > 0)));
    if (!kind && !objectives) continue;
    const goals = itemGoals(r, list.items, objectives ? 'objective' : kind!);
    const deadline = list.label?.deadline;
    if (deadline) {
      const year = deadline.year ?? periodAt(r, list.items[0]!.span.start)?.period.year;
      const p = dated(deadline, year);
      if (p) for (const g of goals) g.period = { period: p, label: list.label!.text.replace(/:$/, '') };
    }
    out.push(...goals);
  }
}

function isPeriodHeading(h: Heading): boolean {
  return h.kind === 'quarter' || h.kind === 'year';
}

function readPlan(doc: GoalDoc, path: string): GoalPlan {
  const r = readerOf(doc, path);
  const goals: PlanGoal[] = [];
  const modelGoals = new Map(doc.goals.map((g) => [g.heading, g]));
  const taken: Span[] = [];
  const isTaken = (at: number) => taken.some((s) => s.start <= at && at < s.end);
  let context: Context | undefined;

  // Lists before the first heading: labelled ones only (`OKRs:`, `By end of Q1:`).
  const first = doc.headings[0];
  listGoals(r, listsIn(doc, { start: 0, end: first ? first.span.start : doc.text.length }), undefined, false, goals);

  for (const h of doc.headings) {
    if (isTaken(h.span.start)) continue;
    if (context && h.span.start >= context.end) context = undefined;
    const g = modelGoals.get(h);
    // A page's title names what the page holds (`Search team goals`); what stands before its first section is an introduction.
    const isTitle = h.index === 0 && h.level === 1 && doc.headings.length > 1;
    const role: HeadingRole = isTitle ? { role: 'other' } : headingRole(h.text, !!g && isPlanGoal(r, g));
    if (role.role === 'leftOut') {
      // An overview or a log holds no goal of its own, but its sub-headings may (a page's `Goals` under `Overview`).
      if (role.why !== 'noGoals') taken.push(h.sectionSpan);
      continue;
    }
    const own = listsIn(doc, ownSpan(doc, h));
    // A heading over a goal table, with no fields or milestones of its own, is the table's section.
    const overTable = !!g && !g.fields.some((f) => GOAL_FIELDS.has(f.name)) && milestonesOf(g).length === 0 && doc.tables.some((t) => g.sectionSpan.start <= t.span.start && t.span.start < g.sectionSpan.end && goalTableColumns(t));
    if (g && isPlanGoal(r, g) && !overTable) {
      goals.push(...modelGoal(r, g));
      taken.push(g.sectionSpan);
      continue;
    }
    const objective = !isPeriodHeading(h) ? objectiveHeading(r, h, listItems(own)) : undefined;
    if (objective) {
      const goal = headingGoal(r, h, 'objective', objective, h.sectionSpan);
      goal.parts = itemGoals(r, listItems(own), 'keyResult');
      goals.push(goal);
      taken.push(h.sectionSpan);
      continue;
    }
    if (role.role === 'goals') context = { kind: role.kind, end: h.sectionSpan.end };
    listGoals(r, own, context?.kind, isPeriodHeading(h), goals);
  }

  // Goal tables: each row a goal.
  for (const table of doc.tables) {
    if (isTaken(table.span.start) || inLeftOut(r, table.span.start)) continue;
    const columns = goalTableColumns(table);
    if (!columns) continue;
    for (const row of table.rows) {
      const read = readRow(row, columns);
      if (!read) continue;
      const goal: PlanGoal = { kind: columns.kind, title: read.title, form: 'row', range: row.range, span: row.span, owners: read.owners, score: read.score, status: read.status, state: read.state, milestones: [], parts: [] };
      if (read.due) goal.due = read.due;
      // A row due on a date is filed under its year, unless it stands under a period's heading.
      const at = periodAt(r, row.span.start);
      if (read.duePeriod && (!at || at === r.page)) goal.period = { period: read.duePeriod, label: formatPeriod(read.duePeriod) };
      goals.push(goal);
    }
  }
  goals.sort((a, b) => a.span.start - b.span.start);

  // A page that is one goal (its metadata says whose it is, or its status): what it lists are its parts.
  const meta = goals.some((g) => g.goal) ? undefined : pageMetadata(doc);
  if (meta) {
    const titleHeading = doc.headings[0]?.level === 1 ? doc.headings[0] : undefined;
    const title = doc.frontMatter?.fields.get('title') ?? titleHeading?.text ?? path.split('/').pop()!.replace(/(\.[A-Za-z]+)+$/, '');
    const span = { start: 0, end: doc.text.length };
    const page: PlanGoal = {
      kind: 'goal',
      title,
      form: 'page',
      range: titleHeading?.textRange ?? spanToRange(doc.lineStarts, { start: 0, end: 0 }),
      span,
      heading: titleHeading,
      owners: meta.owners,
      status: meta.status,
      state: meta.status?.state,
      milestones: [],
      parts: goals,
      period: r.page ?? (meta.ends && { period: meta.ends, label: formatPeriod(meta.ends) }),
    };
    // A criterion the page does not mark met is open: a working group's exit criteria are what is left to do.
    for (const part of goals) if (part.kind === 'criterion' && !part.state && !part.score && !part.status && !part.milestones.length && !part.parts.length) part.state = 'open';
    return { goals: [page] };
  }
  for (const g of goals) g.period ??= g.goal?.quarter ? quarterPeriod(r, g.goal.quarter) : periodAt(r, g.span.start);
  return { goals };
}

/** Whether a place of the page lies in a part that holds no open work or no goal (Out of scope, a glossary's section). */
function inLeftOut(r: Reader, offset: number): boolean {
  let inner: Heading | undefined;
  for (const h of r.doc.headings) if (h.span.start <= offset && offset < h.sectionSpan.end) inner = h;
  for (let h = inner; h; h = outlineParent(r.doc, h)) {
    const role = headingRole(h.text, false);
    if (role.role === 'leftOut' && (role.why !== 'noGoals' || h === inner)) return true;
  }
  return false;
}

const plans = new WeakMap<GoalDoc, Map<string, GoalPlan>>();

/**
 * The plan of a goal doc, read once per model and path (the path relative to its workspace
 * folder, for a period its folder or file names: `okrs/fy23-q3/index.md`, `2025h1/async.md`).
 */
export function goalPlan(doc: GoalDoc, path = ''): GoalPlan {
  let byPath = plans.get(doc);
  if (!byPath) plans.set(doc, (byPath = new Map()));
  let plan = byPath.get(path);
  if (!plan) byPath.set(path, (plan = readPlan(doc, path)));
  return plan;
}


