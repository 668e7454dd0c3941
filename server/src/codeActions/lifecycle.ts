// The goal-lifecycle actions under the cursor, which read the workspace (so they are computed
// apart from the per-document quick fixes): "Move goal to the completed page" on a goal heading,
// "Start FY-21-Q2" (with or without carrying goals over) on a quarter heading, and the move and
// carry-over fixes of period.ended-open (its third fix, descoping, is a per-document one).
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { GoalDoc } from '../model/types';
import { ruleDataOf } from '../diagnostics/rules';
import type { CodeActionRequest } from './index';
import { QUICK_FIX, REWRITE } from './milestones';
import { type LifecycleContext, MOVE, moveGoalAction } from './moveGoal';
import { planCarryOver, planNextQuarter } from './nextQuarter';

export interface LifecycleActions {
  /** Shown before every other action: the move of a finished goal, the fixes of an ended quarter. */
  first: CodeAction[];
  rest: CodeAction[];
}

/** The goal a period.ended-open diagnostic is about (this file offers two of its fixes: FIXES in index.ts). */
function endedOpen(d: Diagnostic): string | undefined {
  const found = ruleDataOf(d.data);
  return found?.code === 'period.ended-open' ? found.data.slug : undefined;
}

export async function lifecycleActions(doc: GoalDoc, request: CodeActionRequest, ctx: LifecycleContext, wants: (kind: string) => boolean): Promise<LifecycleActions> {
  const out: LifecycleActions = { first: [], rest: [] };
  const line = request.range.start.line;
  const heading = doc.headings.find((h) => h.range.start.line <= line && line <= h.range.end.line);
  const goal = heading && doc.goals.find((g) => g.heading === heading);
  if (goal && wants(MOVE)) {
    const move = await moveGoalAction(doc, goal, ctx);
    if (move) (move.isPreferred ? out.first : out.rest).push(move);
  }
  const quarter = heading && doc.quarters.find((q) => q.heading === heading);
  if (quarter && wants(REWRITE)) {
    for (const carryOver of [false, true]) {
      const plan = await planNextQuarter(doc, ctx, carryOver);
      if ('refused' in plan) break;
      if (carryOver && plan.openGoals.length === 0) break;
      const n = plan.openGoals.length;
      const title = carryOver ? `Start ${plan.label}, carrying over ${n === 1 ? 'the goal' : `${n} goals`} with open milestones from ${plan.after.heading.text}` : `Start ${plan.label}`;
      out.rest.push({ title, kind: REWRITE, edit: plan.result.edit });
    }
  }
  if (!wants(QUICK_FIX)) return out;
  for (const d of request.context.diagnostics) {
    const slug = endedOpen(d);
    const ended = slug !== undefined && doc.goals.find((g) => g.heading.slug === slug);
    if (!ended) continue;
    const move = await moveGoalAction(doc, ended, { ...ctx, support: { ...ctx.support, disabledActions: false } }, QUICK_FIX);
    if (move) out.first.push({ ...move, diagnostics: [d], isPreferred: undefined });
    const carry = await planCarryOver(doc, ended, ctx);
    if (!('refused' in carry)) out.first.push({ title: `Carry the goal over to ${carry.label}`, kind: QUICK_FIX, diagnostics: [d], edit: carry.result.edit });
  }
  return out;
}
