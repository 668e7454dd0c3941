// Years, quarters and goals from the headings, and the fields and items in each goal's section.
import type { Field, Goal, Heading, ListItem, Quarter, Span, Year } from './types';
import { type PeriodHeading, readPeriodHeading } from './periods';
import { type ChunkHeading, outlineParents } from './headings';
import { spanToRange } from './text';
import { fieldNameOf, parseOwners } from './fields';
import { DEFAULT_DIALECT, type Dialect } from './dialect';

export interface SectionContent {
  fields: Field[];
  items: ListItem[];
}

export interface Structure {
  years: Year[];
  quarters: Quarter[];
  goals: Goal[];
  /** Headings whose text has a quarter label's shape but is not a valid one. */
  badQuarterLabels: Heading[];
}

const GOALS_SECTION = /\b(goals?|okrs?|objectives|priorities|key results)\b/i;
/** Fields that only a goal has; a heading with one of them in its body is a goal. */
export const GOAL_FIELDS: ReadonlySet<string> = new Set(['owner', 'milestones', 'outcomes', 'status', 'descopedOutcomes']);

/** The period a heading stands for: read once per chunk where the heading came from one. */
function periodOf(h: Heading & { period?: ChunkHeading['period'] }, dialect: Dialect): PeriodHeading | 'invalid' | undefined {
  return (h.period === undefined ? readPeriodHeading(h.text, dialect.periods) : h.period) ?? undefined;
}

// Per heading and per field, remembered while the chunk they come from is reused (their text
// cannot change then): a keystroke in a large document must not redo them all.
const fieldNames = new WeakMap<Heading, ReturnType<typeof fieldNameOf> | null>();
const owners = new WeakMap<Field, readonly string[]>();

function headingFieldName(h: Heading, dialect: Dialect): ReturnType<typeof fieldNameOf> {
  let name = fieldNames.get(h);
  // A heading belongs to one chunk's fragment, which is read in one dialect: the name read once is that dialect's.
  if (name === undefined) fieldNames.set(h, (name = fieldNameOf(h.text, dialect.fieldNames) ?? null));
  return name ?? undefined;
}

function ownersOf(f: Field): readonly string[] {
  let list = owners.get(f);
  if (!list) owners.set(f, (list = parseOwners(f.value)));
  return list;
}

export function buildStructure(headings: Heading[], content: Map<Heading, SectionContent>, text: string, lineStarts: number[], dialect: Dialect = DEFAULT_DIALECT): Structure {
  const years: Year[] = [];
  const quarters: Quarter[] = [];
  const goals: Goal[] = [];
  const badQuarterLabels: Heading[] = [];
  const quarterOf = new Map<Heading, Quarter>();
  const yearOf = new Map<Heading, Year>();
  const goalOf = new Map<Heading, Goal>();
  const parents = outlineParents(headings);
  const parentOf = (h: Heading) => parents[h.index];

  for (const h of headings) {
    const period = periodOf(h, dialect);
    if (period === 'invalid') {
      badQuarterLabels.push(h);
      continue;
    }
    // A quarter or half stands for its period as a label, or dated among words of a plan; a
    // year-less one (`Q1`) only as a label.
    const q = period && period.label.kind !== 'year' && (period.role === 'label' || period.label.year !== undefined) ? period.label : undefined;
    if (q) {
      h.kind = 'quarter';
      const quarter: Quarter = { heading: h, label: q, goals: [] };
      for (let p = parentOf(h); p; p = parentOf(p)) {
        const y = yearOf.get(p);
        if (y) {
          quarter.year = y;
          y.quarters.push(quarter);
          break;
        }
      }
      quarters.push(quarter);
      quarterOf.set(h, quarter);
      continue;
    }
    const y = period?.label.kind === 'year' ? period.label : undefined;
    if (y?.year !== undefined) {
      h.kind = 'year';
      const year: Year = { heading: h, year: y.year, scheme: y.scheme, quarters: [] };
      years.push(year);
      yearOf.set(h, year);
    }
  }

  const hasGoalFields = (h: Heading) => (content.get(h)?.fields ?? []).some((f) => GOAL_FIELDS.has(f.name));
  let misplacedUnder: Quarter | undefined;
  for (const h of headings) {
    if (h.kind !== 'other') {
      misplacedUnder = undefined;
      continue;
    }
    if (headingFieldName(h, dialect)) continue; // `### Milestones` is a field of the goal above it
    const parent = parentOf(h);
    const previous = headings[h.index - 1];
    let goal: Goal | undefined;
    const newGoal = (): Goal => ({ heading: h, sectionSpan: h.sectionSpan, sectionRange: h.sectionRange, fields: [], owners: [], isInclude: false, items: [] });
    // After a goal written at its quarter's level, a heading one level down with goal fields is a
    // sibling goal of that quarter written at the right level, not a part of the misplaced goal.
    const misplacedParent = parent && goalOf.get(parent);
    if (misplacedParent?.misplacedLevel && misplacedParent.quarter && h.level === misplacedParent.misplacedLevel.expected && hasGoalFields(h)) {
      goal = newGoal();
      goal.quarter = misplacedParent.quarter;
      h.kind = 'goal';
      goal.isInclude = !!h.linkUrl && h.emptyBody;
      goal.quarter.goals.push(goal);
      goals.push(goal);
      goalOf.set(h, goal);
      continue;
    }

    // A goal written at its quarter's level silently becomes a sibling of the quarter.
    const prevQuarter = previous && quarterOf.get(previous);
    const candidateQuarter = prevQuarter && prevQuarter.heading.emptyBody && previous.level === h.level ? prevQuarter : misplacedUnder;
    if (candidateQuarter && candidateQuarter.heading.level === h.level && hasGoalFields(h)) {
      goal = newGoal();
      goal.quarter = candidateQuarter;
      goal.misplacedLevel = { expected: h.level + 1 };
      misplacedUnder = candidateQuarter;
    } else {
      misplacedUnder = undefined;
      if (parent && goalOf.has(parent)) continue; // a sub-heading inside a goal
      const parentQuarter = parent && quarterOf.get(parent);
      const parentYear = parent && yearOf.get(parent);
      if (parentQuarter && h.level === parentQuarter.heading.level + 1) {
        goal = newGoal();
        goal.quarter = parentQuarter;
      } else if (parentYear && parentYear.quarters.length === 0 && h.level === parentYear.heading.level + 1) {
        goal = newGoal();
      } else if (parent && h.level === parent.level + 1 && parent.kind === 'other' && GOALS_SECTION.test(parent.text) && parent.level > 1 && !GOALS_SECTION.test(h.text)) {
        goal = newGoal();
        goal.section = parent;
      } else if (hasGoalFields(h)) {
        goal = newGoal();
        goal.section = parent;
      }
    }
    if (!goal) continue;
    h.kind = 'goal';
    goal.isInclude = !!h.linkUrl && h.emptyBody;
    goal.quarter?.goals.push(goal);
    goals.push(goal);
    goalOf.set(h, goal);
  }

  // A goal's section holds its own content and that of sub-headings that are not goals; it ends
  // where its heading's section does, or at the next goal inside it (the siblings that follow a
  // goal written at its quarter's level).
  for (const goal of goals) {
    const end = goal.heading.sectionSpan.end;
    for (let i = goal.heading.index; i < headings.length && headings[i].span.start < end; i++) {
      const h = headings[i];
      if (i !== goal.heading.index && goalOf.has(h)) {
        goal.sectionSpan = { start: goal.heading.span.start, end: trimEnd(text, goal.heading.span.end, h.span.start) };
        goal.sectionRange = spanToRange(lineStarts, goal.sectionSpan);
        break;
      }
      const c = content.get(h);
      if (!c) continue;
      goal.fields.push(...c.fields);
      goal.items.push(...c.items);
    }
    for (const f of goal.fields) if (f.name === 'owner') goal.owners.push(...ownersOf(f));
  }
  return { years, quarters, goals, badQuarterLabels };
}

/** The end of a section that stops before `end`: blank lines before it left out, never before `min`. */
function trimEnd(text: string, min: number, end: number): number {
  let e = end;
  while (e > min && /\s/.test(text[e - 1]!)) e--;
  return e;
}

/** The goal whose own section holds a span (an item, a link), if any: the innermost such goal. */
export function goalContaining(goals: Goal[], span: Span): Goal | undefined {
  let found: Goal | undefined;
  for (const g of goals) if (g.sectionSpan.start <= span.start && span.end <= g.sectionSpan.end) found = g;
  return found;
}
