// Years, quarters and goals from the headings, and the fields and items in each goal's section.
import type { Field, Goal, Heading, Milestone, Quarter, Year } from './types';
import { parseQuarterLabel, parseYearLabel } from './periods';
import type { ChunkHeading } from './headings';
import { fieldNameOf, parseOwners } from './fields';

export interface SectionContent {
  fields: Field[];
  items: Milestone[];
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
const GOAL_FIELDS = new Set(['owner', 'milestones', 'outcomes', 'status', 'descopedOutcomes']);

/** A heading's text as a period label: parsed once per chunk where the heading came from one. */
function periodOf(h: Heading & { period?: ChunkHeading['period'] }): NonNullable<ChunkHeading['period']> {
  return h.period ?? { quarter: parseQuarterLabel(h.text), year: parseYearLabel(h.text) };
}

// Per heading and per field, remembered while the chunk they come from is reused (their text
// cannot change then): a keystroke in a large document must not redo them all.
const fieldNames = new WeakMap<Heading, ReturnType<typeof fieldNameOf> | null>();
const owners = new WeakMap<Field, readonly string[]>();

function headingFieldName(h: Heading): ReturnType<typeof fieldNameOf> {
  let name = fieldNames.get(h);
  if (name === undefined) fieldNames.set(h, (name = fieldNameOf(h.text) ?? null));
  return name ?? undefined;
}

function ownersOf(f: Field): readonly string[] {
  let list = owners.get(f);
  if (!list) owners.set(f, (list = parseOwners(f.value)));
  return list;
}

/** For each heading, the nearest heading before it of a lower level: one pass with a stack. */
function parentsOf(headings: Heading[]): (Heading | undefined)[] {
  const parents: (Heading | undefined)[] = [];
  const stack: Heading[] = [];
  for (const h of headings) {
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    parents.push(stack[stack.length - 1]);
    stack.push(h);
  }
  return parents;
}

export function buildStructure(headings: Heading[], content: Map<Heading, SectionContent>): Structure {
  const years: Year[] = [];
  const quarters: Quarter[] = [];
  const goals: Goal[] = [];
  const badQuarterLabels: Heading[] = [];
  const quarterOf = new Map<Heading, Quarter>();
  const yearOf = new Map<Heading, Year>();
  const goalOf = new Map<Heading, Goal>();
  const parents = parentsOf(headings);
  const parentOf = (h: Heading) => parents[h.index];

  for (const h of headings) {
    const q = periodOf(h).quarter;
    if (q === 'invalid') {
      badQuarterLabels.push(h);
      continue;
    }
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
    const y = periodOf(h).year;
    if (y) {
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
    if (headingFieldName(h)) continue; // `### Milestones` is a field of the goal above it
    const parent = parentOf(h);
    const previous = headings[h.index - 1];
    let goal: Goal | undefined;
    const newGoal = (): Goal => ({ heading: h, fields: [], owners: [], isInclude: false, items: [] });

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

  // A goal's section holds its own content and that of sub-headings that are not goals.
  for (const goal of goals) {
    const end = goal.heading.sectionSpan.end;
    for (let i = goal.heading.index; i < headings.length && headings[i].span.start < end; i++) {
      const h = headings[i];
      if (i !== goal.heading.index && goalOf.has(h)) break;
      const c = content.get(h);
      if (!c) continue;
      goal.fields.push(...c.fields);
      goal.items.push(...c.items);
    }
    for (const f of goal.fields) if (f.name === 'owner') goal.owners.push(...ownersOf(f));
  }
  return { years, quarters, goals, badQuarterLabels };
}
