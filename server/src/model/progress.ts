// A goal's and a quarter's milestone progress: which items count, and how many are done or
// descoped (done as model/done.ts reads it). The code lens, hover, outline and completion all
// count with these.
import type { Goal, GoalDoc, ListItem, Milestone, Quarter } from './types';
import { milestoneState } from './done';
import { allMilestones, SCORE, versionDate } from './milestones';

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
  const milestones = goal.items.filter((m): m is Milestone => m.role === 'milestone' && m.field === 'milestones');
  if (milestones.length) return milestones;
  const outcomes = goal.items.filter((m): m is Milestone => m.role === 'outcome');
  if (outcomes.length) return outcomes;
  return goal.items.filter((m): m is Milestone => m.role === 'milestone' && m.field === undefined);
}

export function goalProgress(doc: GoalDoc, goal: Goal): Progress {
  return itemsProgress(doc, milestonesOf(goal));
}

/** How many of these items are done or descoped, as the document marks them. */
export function itemsProgress(doc: GoalDoc, items: readonly ListItem[]): Progress {
  const progress: Progress = { done: 0, total: 0, descoped: 0 };
  for (const m of items) {
    progress.total++;
    const state = milestoneState(doc, m);
    if (state === 'done') progress.done++;
    else if (state === 'descoped') progress.descoped++;
  }
  return progress;
}

export function quarterProgress(doc: GoalDoc, quarter: Quarter): Progress {
  const sum: Progress = { done: 0, total: 0, descoped: 0 };
  for (const g of quarter.goals) {
    const p = goalProgress(doc, g);
    sum.done += p.done;
    sum.total += p.total;
    sum.descoped += p.descoped;
  }
  return sum;
}


/**
 * The counted items still to do when a period ends: open, and not scored. A scored item (`=> 78%`,
 * `Grade: .7`) is progress recorded, as an OKR log keeps its key results, not work left open.
 */
export function openWork(doc: GoalDoc, goal: Goal): Milestone[] {
  return milestonesOf(goal).filter((m) => milestoneState(doc, m) === 'open' && !SCORE.test(m.text));
}

/** Milestones neither done nor descoped. */
export function openCount(p: Progress): number {
  return p.total - p.done - p.descoped;
}

/** A goal whose every counted item is done or descoped (a goal with none counted is not finished). */
export function isGoalFinished(doc: GoalDoc, goal: Goal): boolean {
  const p = goalProgress(doc, goal);
  return p.total > 0 && openCount(p) === 0;
}

/**
 * The day a finished goal was finished: the latest date among its items' Done stamps
 * (`Done: \`Dist: 2021.01.11\``); undefined while it is open or when no stamp is a date.
 */
export function goalFinishedOn(doc: GoalDoc, goal: Goal): Date | undefined {
  if (!isGoalFinished(doc, goal)) return undefined;
  let latest: Date | undefined;
  for (const m of allMilestones(goal.items)) {
    const day = m.done?.version ? versionDate(m.done.version) : undefined;
    if (day && (!latest || day > latest)) latest = day;
  }
  return latest;
}
