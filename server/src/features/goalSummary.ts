// What the features say about a heading: its place in the doc (`2020 › FY-20-Q4`), a goal's
// milestone progress (`3/7 done`), a quarter's normalised label (`FY21 Q1`). Shared by
// completion, outline, hover and code lens so they all count the same way.
import type { Goal, GoalDoc, Heading, Milestone, Quarter, QuarterLabel, Year } from '../model/types';
import { isDone } from '../model/milestones';

export interface Progress {
  done: number;
  total: number;
  /** Not done, but descoped: counted in `total`, reported apart. */
  descoped: number;
}

/**
 * The items a goal's progress counts: its Milestones when it has some, else its Outcomes, else
 * the list items of its section outside other fields (Dependencies, Discussions…). Only the
 * outermost items count; sub-bullets are usually notes or sub-outcomes of their milestone.
 */
export function milestonesOf(goal: Goal): Milestone[] {
  const milestones = goal.items.filter((m) => m.field === 'milestones');
  if (milestones.length) return milestones;
  const outcomes = goal.items.filter((m) => m.field === 'outcomes');
  if (outcomes.length) return outcomes;
  const inOtherFields = new Set(goal.fields.flatMap((f) => f.items));
  return goal.items.filter((m) => m.field === undefined && !inOtherFields.has(m));
}

export function goalProgress(goal: Goal): Progress {
  const progress: Progress = { done: 0, total: 0, descoped: 0 };
  for (const m of milestonesOf(goal)) {
    progress.total++;
    if (isDone(m)) progress.done++;
    else if (m.descoped) progress.descoped++;
  }
  return progress;
}

export function quarterProgress(quarter: Quarter): Progress {
  const sum: Progress = { done: 0, total: 0, descoped: 0 };
  for (const g of quarter.goals) {
    const p = goalProgress(g);
    sum.done += p.done;
    sum.total += p.total;
    sum.descoped += p.descoped;
  }
  return sum;
}

/** `3/7 done`, `6/7 done, 1 descoped`; undefined when there is nothing to count. */
export function progressText(p: Progress): string | undefined {
  if (p.total === 0) return undefined;
  return `${p.done}/${p.total} done` + (p.descoped ? `, ${p.descoped} descoped` : '');
}

/** `FY21 Q1`, `CY21 Q4`, `2021 Q4`, `FQ4`: one spelling whatever the heading's house style. */
export function quarterLabelText(label: QuarterLabel): string {
  if (label.year === undefined) return label.scheme === 'FY' ? `FQ${label.quarter}` : `Q${label.quarter}`;
  const yy = String(label.year % 100).padStart(2, '0');
  return label.scheme === 'plain' ? `${label.year} Q${label.quarter}` : `${label.scheme}${yy} Q${label.quarter}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The goal, quarter or year a heading is, looked up once per document. */
export interface HeadingRoles {
  goal: Map<Heading, Goal>;
  quarter: Map<Heading, Quarter>;
}

const rolesCache = new WeakMap<GoalDoc, HeadingRoles>();

export function headingRoles(doc: GoalDoc): HeadingRoles {
  let roles = rolesCache.get(doc);
  if (!roles) {
    roles = {
      goal: new Map(doc.goals.map((g) => [g.heading, g])),
      quarter: new Map(doc.quarters.map((q) => [q.heading, q])),
    };
    rolesCache.set(doc, roles);
  }
  return roles;
}

/** The nearest heading of a lower level above `h`: its parent in a plain Markdown outline. */
export function outlineParent(doc: GoalDoc, h: Heading): Heading | undefined {
  for (let i = h.index - 1; i >= 0; i--) if (doc.headings[i].level < h.level) return doc.headings[i];
  return undefined;
}

/**
 * Where a heading stands, outermost first: a goal's year and quarter (even when the goal is
 * written at its quarter's level), else its enclosing headings. The page title is left out:
 * every heading is under it.
 */
export function placeOf(doc: GoalDoc, h: Heading): string {
  const roles = headingRoles(doc);
  const chain: Heading[] = [];
  let at: Heading | undefined = h;
  while (at) {
    const quarterOfGoal: Quarter | undefined = roles.goal.get(at)?.quarter;
    const yearOfQuarter: Year | undefined = roles.quarter.get(at)?.year;
    const next: Heading | undefined = quarterOfGoal?.heading ?? yearOfQuarter?.heading ?? outlineParent(doc, at);
    if (next) chain.unshift(next);
    at = next;
  }
  const title = doc.headings[0];
  const withoutTitle = chain.filter((p) => !(p === title && p.level === 1 && p.kind === 'other'));
  return withoutTitle.map((p) => p.text).join(' › ');
}

/** A goal's summary line: `Dave, Robert · 3/7 done`. */
export function goalSummary(goal: Goal): string {
  const parts: string[] = [];
  if (goal.owners.length) parts.push(goal.owners.join(', '));
  const progress = progressText(goalProgress(goal));
  if (progress) parts.push(progress);
  return parts.join(' · ');
}

/** The value of a goal's Status field, if it has one. */
export function goalStatus(goal: Goal): string | undefined {
  return goal.fields.find((f) => f.name === 'status' && f.value)?.value;
}
