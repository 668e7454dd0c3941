// The Goals view's tree: the outline of Year › Quarter › Goal (documentSymbols.ts) with the page's
// plan in it (model/plan.ts): an objective's key results and their initiatives under it, goals
// written as list items or table rows under the heading they stand in, a per-goal page's owners
// and status on its title. Details say what the page says: `objective · CEO · 4 key results`,
// `VP Engineering · 78%`, `Done`. The Outline (document symbols) keeps one symbol per heading.
import { type DocumentSymbol, type Range, SymbolKind } from 'vscode-languageserver-types';
import type { GoalDoc, Heading } from '../model/types';
import { goalPlan, type PlanGoal, type PlanKind } from '../model/plan';
import { itemsProgress } from '../model/progress';
import { PLAN_KIND_WORDS, partsInWords } from '../model/planWords';
import { positionBefore, spanToRange } from '../model/text';
import { progressText } from './goalSummary';
import type { Cancellation } from '../workspace/goalDocWorkspace';
import { provideDocumentSymbols } from './documentSymbols';

/** Symbol kinds of the plan's goals: an objective or a goal is a Class, as a goal heading is; a key result a Key; an initiative a Function. */
export const PLAN_SYMBOL_KINDS: Record<PlanKind, SymbolKind> = {
  goal: SymbolKind.Class,
  objective: SymbolKind.Class,
  keyResult: SymbolKind.Key,
  initiative: SymbolKind.Function,
  // A goal's criteria and deliverables are goals of their own in the view (the client knows four kinds).
  criterion: SymbolKind.Class,
  deliverable: SymbolKind.Class,
};

/** What the plan says of a goal, in a few words: its kind (when not a goal), owners, score, status and progress. */
export function planDetail(doc: GoalDoc, g: PlanGoal): string {
  const words: string[] = [];
  if (g.kind !== 'goal' && g.form === 'heading') words.push(PLAN_KIND_WORDS[g.kind][0]);
  if (g.owners.length) words.push(g.owners.join(', '));
  if (g.due) words.push(`due ${g.due}`);
  if (g.score) words.push(g.score);
  if (g.status) words.push(g.status.text);
  else if (g.state) words.push(g.state);
  const progress = progressText(itemsProgress(doc, g.milestones));
  if (progress) words.push(progress);
  if (g.parts.length) words.push(partsInWords(g.parts.map((p) => p.kind)));
  return words.join(' · ');
}

function symbolOf(doc: GoalDoc, g: PlanGoal): DocumentSymbol {
  return {
    name: g.title || '(empty)',
    detail: planDetail(doc, g) || undefined,
    kind: PLAN_SYMBOL_KINDS[g.kind],
    range: spanToRange(doc.lineStarts, g.span),
    selectionRange: g.range,
    children: g.parts.map((p) => symbolOf(doc, p)),
  };
}

/** Keeps a symbol, its selection and its children inside `outer`. */
function clampInto(s: DocumentSymbol, outer: Range): void {
  const clamp = (r: Range): Range => ({ start: positionBefore(r.start, outer.start) ? outer.start : r.start, end: positionBefore(outer.end, r.end) ? outer.end : r.end });
  s.range = clamp(s.range);
  s.selectionRange = clamp(s.selectionRange);
  for (const c of s.children ?? []) clampInto(c, s.range);
}

function key(h: { line: number; character: number }): string {
  return `${h.line}:${h.character}`;
}

/** The innermost heading whose section holds an offset. */
function headingAt(doc: GoalDoc, offset: number): Heading | undefined {
  let found: Heading | undefined;
  for (const h of doc.headings) {
    if (h.span.start > offset) break;
    if (offset < h.sectionSpan.end) found = h;
  }
  return found;
}

/**
 * The Goals view's tree of a goal doc: the headings' outline, each goal heading's detail from the
 * plan where the plan knows more than the handbook's fields (an objective, a score, a status),
 * and the plan's goals that are no heading of their own placed under the heading they stand in.
 */
export function provideGoalTree(doc: GoalDoc, path: string, token: Cancellation): DocumentSymbol[] {
  const roots = provideDocumentSymbols(doc, token);
  if (token.isCancellationRequested) return [];
  const byHeading = new Map<string, DocumentSymbol>();
  const index = (symbols: DocumentSymbol[]) => {
    for (const s of symbols) {
      byHeading.set(key(s.selectionRange.start), s);
      index(s.children ?? []);
    }
  };
  index(roots);
  const place = (symbol: DocumentSymbol, at: number) => {
    const h = headingAt(doc, at);
    const parent = h && byHeading.get(key(h.textRange.start));
    // A heading's section ends before the blank lines and line break that end the last item.
    if (parent) clampInto(symbol, parent.range);
    const list = parent ? (parent.children ??= []) : roots;
    list.push(symbol);
    list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  };
  const plan = goalPlan(doc, path);
  // A heading the handbook's rules take for a goal that the plan reads as a section (a team's
  // `## Sales` over its objectives) shows as a heading.
  const planHeadings = new Set(plan.goals.flatMap((g) => (g.heading ? [g.heading] : [])));
  for (const goal of doc.goals) {
    const s = byHeading.get(key(goal.heading.textRange.start));
    if (s && !planHeadings.has(goal.heading)) {
      s.kind = SymbolKind.Namespace;
      s.detail = undefined;
    }
  }
  for (const g of plan.goals) {
    const own = g.heading && byHeading.get(key(g.heading.textRange.start));
    if (!own) {
      place(symbolOf(doc, g), g.span.start);
      continue;
    }
    // A handbook goal keeps its detail (`Dave · 3/7 done`); the plan's words are for what it adds.
    const plain = g.kind === 'goal' && !g.score && !g.status && !g.parts.length && g.form === 'heading';
    if (!plain) own.detail = planDetail(doc, g) || own.detail;
    // An objective heading the handbook's rules did not take for a goal is one here; a page's title keeps its kind.
    if (g.form === 'heading') own.kind = PLAN_SYMBOL_KINDS[g.kind];
    for (const p of g.parts) place(symbolOf(doc, p), p.span.start);
  }
  return roots;
}
