// What the features say about a heading, in words: its place in the doc (`2020 › FY-20-Q4`), a
// goal's milestone progress (`3/7 done`, counted by model/progress.ts), a quarter's normalised
// label (`FY21 Q1`). Shared by completion, outline, hover and code lens so they all say it alike.
import type { Goal, GoalDoc, Heading, Quarter, Year } from '../model/types';
import { goalProgress, type Progress } from '../model/progress';
import { outlineParent } from '../model/headings';

export { outlineParent };
export { goalProgress, quarterProgress, type Progress } from '../model/progress';

/** `3/7 done`, `6/7 done, 1 descoped`; undefined when there is nothing to count. */
export function progressText(p: Progress): string | undefined {
  if (p.total === 0) return undefined;
  return `${p.done}/${p.total} done` + (p.descoped ? `, ${p.descoped} descoped` : '');
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
export function goalSummary(doc: GoalDoc, goal: Goal): string {
  const parts: string[] = [];
  if (goal.owners.length) parts.push(goal.owners.join(', '));
  const progress = progressText(goalProgress(doc, goal));
  if (progress) parts.push(progress);
  return parts.join(' · ');
}

/** The value of a goal's Status field, if it has one. */
export function goalStatus(goal: Goal): string | undefined {
  return goal.fields.find((f) => f.name === 'status' && f.value)?.value;
}
