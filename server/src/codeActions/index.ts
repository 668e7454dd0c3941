// Code actions for a range of a goal doc: the quick fixes of the diagnostics in the request (found
// by code, read from their data), the milestone actions under the cursor, and "Fix all".
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { GoalDoc } from '../model/types';
import type { GoalDocsSettings, RuleCode } from '../settings';
import { type CancellationLike, computeDiagnostics } from '../diagnostics/index';
import { codeAction, editsOverlap, type SpanEdit } from './edit';
import type { Fix, FixContext, FixProvider } from './fix';
import { fixMissingAnchor, fixToExactSlug } from './anchorFixes';
import { fixTocByUpdate, updateTocFix } from './tocFixes';
import { fixGoalHeadingLevel, fixOwnerMissing } from './goalFixes';
import { fixDoneNotStruck, fixDoneStyle, fixStruckWithoutMarker } from './milestoneFixes';
import { fixMojibake } from './textFixes';
import { fixPeriodOrder } from './periodFixes';
import { milestoneActions, QUICK_FIX, REWRITE } from './milestones';

export { MARK_DONE_CLIENT_COMMAND, MARK_DONE_WITH_VERSION_COMMAND } from './milestones';

export const FIX_ALL = 'source.fixAll.goalDocs';
export const CODE_ACTION_KINDS = [QUICK_FIX, REWRITE, FIX_ALL];

const FIXES: Partial<Record<RuleCode, FixProvider>> = {
  'anchor.missing': fixMissingAnchor,
  'anchor.case': fixToExactSlug,
  'toc.entry-mismatch': (doc, target, ctx) => [...fixToExactSlug(doc, target, ctx), ...updateTocFix(doc, false)],
  'toc.missing-entry': fixTocByUpdate,
  'toc.stale-entry': fixTocByUpdate,
  'goal.heading-level': fixGoalHeadingLevel,
  'goal.owner-missing': fixOwnerMissing,
  'milestone.struck-without-marker': fixStruckWithoutMarker,
  'milestone.done-not-struck': fixDoneNotStruck,
  'milestone.done-style': fixDoneStyle,
  'text.mojibake': fixMojibake,
  'period.order': fixPeriodOrder,
};

export interface CodeActionRequest {
  range: Range;
  context: { diagnostics: Diagnostic[]; only?: string[] };
}

export interface CodeActionOptions {
  /** The day a date in a stamp version stands for; today unless a test says otherwise. */
  today?: Date;
}

function fixesFor(doc: GoalDoc, d: Pick<Diagnostic, 'range' | 'data' | 'code'>, ctx: FixContext): Fix[] {
  const data = (typeof d.data === 'object' && d.data !== null ? d.data : {}) as Record<string, unknown>;
  const code = (typeof data.code === 'string' ? data.code : d.code) as RuleCode;
  return FIXES[code]?.(doc, { range: d.range, data }, ctx) ?? [];
}

/** Every safe fix of the document's diagnostics that does not touch another: one edit, for "Fix all" and save. */
export function fixAllEdits(doc: GoalDoc, settings: GoalDocsSettings, ctx: FixContext, token?: CancellationLike): SpanEdit[] {
  const edits: SpanEdit[] = [];
  const groups = new Set<string>();
  for (const d of computeDiagnostics(doc, settings, undefined, token)) {
    if (token?.isCancellationRequested) return [];
    // A group's fix (the TOC update) covers more than a fix of one finding in it.
    const fixes = fixesFor(doc, d, ctx);
    const fix = fixes.find((f) => f.safe && f.group) ?? fixes.find((f) => f.safe);
    if (!fix || (fix.group && groups.has(fix.group)) || editsOverlap(edits, fix.edits)) continue;
    if (fix.group) groups.add(fix.group);
    edits.push(...fix.edits);
  }
  return edits;
}

export function provideCodeActions(
  doc: GoalDoc,
  request: CodeActionRequest,
  settings: GoalDocsSettings,
  token?: CancellationLike,
  options: CodeActionOptions = {},
): CodeAction[] {
  const only = request.context.only;
  // Source actions only when asked for by kind (on save, or from the Source Action menu).
  const wants = (kind: string) => (only ? only.some((k) => kind === k || kind.startsWith(`${k}.`)) : !kind.startsWith('source'));
  const ctx: FixContext = { settings, today: options.today ?? new Date() };
  const actions: CodeAction[] = [];

  if (wants(QUICK_FIX)) {
    const byTitle = new Map<string, CodeAction>();
    for (const d of request.context.diagnostics) {
      for (const fix of fixesFor(doc, d, ctx)) {
        if (fix.edits.length === 0) continue;
        // One TOC update answers every TOC finding in the range.
        const key = fix.group ? `${fix.group}:${fix.title}` : undefined;
        const same = key && byTitle.get(key);
        if (same) {
          same.diagnostics?.push(d);
          continue;
        }
        const action = codeAction(doc, fix.title, QUICK_FIX, fix.edits, d, fix.isPreferred);
        if (key) byTitle.set(key, action);
        actions.push(action);
      }
    }
  }
  if (token?.isCancellationRequested) return [];
  actions.push(...milestoneActions(doc, request.range, settings, { today: ctx.today, wants }));
  if (wants(FIX_ALL)) {
    const edits = fixAllEdits(doc, settings, ctx, token);
    if (edits.length) actions.push(codeAction(doc, 'Fix all goal-doc problems that have a sure fix', FIX_ALL, edits));
  }
  return token?.isCancellationRequested ? [] : actions;
}
