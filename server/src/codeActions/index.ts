// Code actions for a range of a goal doc: the quick fixes of the diagnostics in the request (found
// by code, read from their data), the milestone actions under the cursor, and "Fix all".
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { GoalDoc, Heading } from '../model/types';
import type { GoalDocsSettings } from '../settings/schema';
import { computeDiagnostics } from '../diagnostics/index';
import { type CodeAndData, type FixableCode, type FixIdOf, type RuleCode, type RuleData, ruleDataOf } from '../diagnostics/rules';
import { applySpanEdits, codeAction, editsOverlap, lineStart, type SpanEdit, textDiff } from './edit';
import { buildGoalDoc } from '../model/build';
import type { Fix, FixContext, FixProvider } from './fix';
import { fixMissingAnchor, fixToExactSlug, fixToIntendedSlug } from './anchorFixes';
import { fixTocByUpdate, updateTocFix } from './tocFixes';
import { fixGoalHeadingLevel, fixOwnerMissing } from './goalFixes';
import { fixDoneNotStruck, fixDoneStyle, fixStruckByDescoping, fixStruckByMarkingDone } from './milestoneFixes';
import { fixMojibake } from './textFixes';
import { fixEndedOpenByDescoping, fixPeriodOrder } from './periodFixes';
import { milestoneActions, QUICK_FIX, REWRITE } from './milestones';
import type { Cancellation } from '../workspace/goalDocWorkspace';

export { MARK_DONE_CLIENT_COMMAND, MARK_DONE_WITH_VERSION_COMMAND } from './milestones';

export const FIX_ALL = 'source.fixAll.goalDocs';
/** Moving a goal to its completed-goals page. */
export const MOVE = 'refactor.move';
export const CODE_ACTION_KINDS = [QUICK_FIX, REWRITE, MOVE, FIX_ALL];

/** A fix that the goal-lifecycle actions offer, since it reads the workspace (lifecycle.ts). */
export const LIFECYCLE_ACTION = 'lifecycle-action';

type FixBinding<C extends FixableCode> = FixProvider<RuleData<C>> | typeof LIFECYCLE_ACTION;

/**
 * Each rule's declared fixes (diagnostics/rules.ts), bound to what makes them, in the order they
 * are offered: the type holds every fixable rule and every fix id it declares, and nothing else.
 */
export const FIXES: { readonly [C in FixableCode]: { readonly [F in FixIdOf<C>]: FixBinding<C> } } = {
  'anchor.missing': {
    changeFragment: fixMissingAnchor,
    // In the TOC, the TOC update answers it too (a stale entry goes).
    updateToc: (doc, target) => (target.data.toc ? updateTocFix(doc, false) : []),
  },
  'anchor.case': { changeFragment: fixToExactSlug },
  'toc.entry-mismatch': { changeFragment: fixToExactSlug, updateToc: (doc) => updateTocFix(doc, false) },
  'toc.missing-entry': { updateToc: fixTocByUpdate },
  'period.order': { moveSection: fixPeriodOrder },
  'period.ended-open': { moveToCompleted: LIFECYCLE_ACTION, carryOver: LIFECYCLE_ACTION, descope: fixEndedOpenByDescoping },
  'goal.heading-level': { moveHeading: fixGoalHeadingLevel },
  'goal.owner-missing': { addOwner: fixOwnerMissing },
  'goal.duplicate-title': { changeFragment: fixToIntendedSlug },
  'milestone.struck-without-marker': { markDone: fixStruckByMarkingDone, markDescoped: fixStruckByDescoping },
  'milestone.done-not-struck': { strike: fixDoneNotStruck },
  'milestone.done-style': { restamp: fixDoneStyle },
  'text.mojibake': { repair: fixMojibake },
};

export interface CodeActionRequest {
  range: Range;
  context: { diagnostics: Diagnostic[]; only?: string[] };
}

export interface CodeActionOptions {
  /** The day a date in a stamp version stands for; today unless a test says otherwise. */
  today?: Date;
}

/**
 * The fixes of one of our diagnostics, found by the code in its data, which must read as its rule
 * declares (other sources' diagnostics, and stale ones, have none).
 */
function fixesFor(doc: GoalDoc, d: Pick<Diagnostic, 'range' | 'data'>, ctx: FixContext): Fix[] {
  const found = ruleDataOf(d.data);
  if (!found) return [];
  // The code and its data were read together, so each binding gets its own rule's data.
  const byCode = FIXES as Partial<Record<RuleCode, Readonly<Record<string, FixProvider<CodeAndData['data']> | typeof LIFECYCLE_ACTION>>>>;
  const bindings = byCode[found.code];
  if (!bindings) return [];
  const target = { range: d.range, data: found.data };
  return Object.values(bindings).flatMap((fix) => (fix === LIFECYCLE_ACTION ? [] : fix(doc, target, ctx)));
}

/** The sure fixes of the given diagnostics that touch no other, as edits: how a move conforms a goal to the page it files it in. */
export function sureFixEdits(doc: GoalDoc, diagnostics: Diagnostic[], ctx: FixContext): SpanEdit[] {
  const taken: SpanEdit[] = [];
  for (const d of diagnostics) {
    const fix = fixesFor(doc, d, ctx).find((f) => f.safe && !f.group && !f.reorders);
    if (fix && !editsOverlap(taken, fix.edits)) taken.push(...fix.edits);
  }
  return taken;
}

/** The headings in the order they stand after moving blocks of them. */
function reordered(headings: Heading[], moves: NonNullable<Fix['reorders']>[]): Heading[] {
  let order = [...headings];
  for (const { block, before } of moves) {
    order = order.filter((h) => !block.includes(h));
    order.splice(order.indexOf(before), 0, ...block);
  }
  return order;
}

/** Rounds of "Fix all" at most: each applies the safe fixes the last one left (they touched another). */
const FIX_ALL_ROUNDS = 4;

/**
 * "Fix all" and save: every safe fix, as one edit. A round takes the fixes that touch no other
 * (a section move and a repair inside that section do); the rounds go on, on the text the last
 * one left, until nothing is left to fix, so a second "Fix all" has nothing to do. The edits
 * are the difference between the text and the result, line by line.
 */
export function fixAllEdits(doc: GoalDoc, settings: GoalDocsSettings, ctx: FixContext, token?: Cancellation): SpanEdit[] {
  let current = doc;
  for (let round = 0; round < FIX_ALL_ROUNDS; round++) {
    const edits = fixAllRound(current, settings, ctx, token);
    if (token?.isCancellationRequested) return [];
    if (edits.length === 0) break;
    current = buildGoalDoc(applySpanEdits(current.text, edits), { uri: doc.uri, version: doc.version });
  }
  return current === doc ? [] : textDiff(doc.text, current.text);
}

/**
 * One round: every safe fix of the document's diagnostics that does not touch another. The TOC
 * update is one fix for all TOC findings, made last so that it lists the headings in the order
 * the section moves leave them; links inside the TOC are left to it.
 */
function fixAllRound(doc: GoalDoc, settings: GoalDocsSettings, ctx: FixContext, token?: Cancellation): SpanEdit[] {
  let tocFinding = false;
  const single: Fix[] = [];
  const moves: Fix[] = [];
  for (const d of computeDiagnostics(doc, settings, undefined, token, ctx.today)) {
    if (token?.isCancellationRequested) return [];
    const fixes = fixesFor(doc, d, ctx);
    if (fixes.some((f) => f.safe && f.group === 'toc')) tocFinding = true;
    const fix = fixes.find((f) => f.safe && !f.group);
    if (fix) (fix.reorders ? moves : single).push(fix);
  }
  const toc = tocFinding && doc.toc ? { start: lineStart(doc, doc.toc.span.start), end: doc.toc.span.end, newText: '' } : undefined;
  const edits: SpanEdit[] = [];
  const taken: SpanEdit[] = toc ? [toc] : [];
  const accepted: Fix[] = [];
  for (const fix of [...single, ...moves]) {
    if (editsOverlap(taken, fix.edits)) continue;
    taken.push(...fix.edits);
    edits.push(...fix.edits);
    accepted.push(fix);
  }
  if (toc) {
    const order = reordered(doc.headings, accepted.flatMap((f) => (f.reorders ? [f.reorders] : [])));
    edits.push(...(updateTocFix(doc, false, order)[0]?.edits ?? []));
  }
  return edits;
}

/** Which kinds a request asks for: those under `only`, else all but source actions (on save, or from the Source Action menu). */
export function wantsFor(only: string[] | undefined): (kind: string) => boolean {
  return (kind) => (only ? only.some((k) => kind === k || kind.startsWith(`${k}.`)) : !kind.startsWith('source'));
}

export function provideCodeActions(
  doc: GoalDoc,
  request: CodeActionRequest,
  settings: GoalDocsSettings,
  token?: Cancellation,
  options: CodeActionOptions = {},
): CodeAction[] {
  const wants = wantsFor(request.context.only);
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
