// The outline of a goal doc: Year › Quarter › Goal, from the model rather than from heading
// levels, so a goal written at its quarter's level still sits under the quarter, and a quarter
// under its year. Other headings keep their place in the tree.
//
// Symbol kinds tell the levels apart: a year is a Module, a quarter an Event, a goal a Class,
// any other heading a Namespace. Names are the heading text without `#`s (VS Code's built-in
// Markdown outline prefixes them), and details carry what only we know: `Dave, Robert · 3/7
// done` for a goal, `FY21 Q1 · 4 goals` for a quarter.
import { type DocumentSymbol, type Range, SymbolKind } from 'vscode-languageserver-types';
import type { GoalDoc, Heading, HeadingKind } from '../model/types';
import { goalSummary, headingRoles, outlineParent, plural } from './goalSummary';
import { formatPeriod } from '../model/periods';
import type { Cancellation } from '../workspace/goalDocWorkspace';
import { positionBefore } from '../model/text';

export const HEADING_SYMBOL_KINDS: Record<HeadingKind, SymbolKind> = {
  year: SymbolKind.Module,
  quarter: SymbolKind.Event,
  goal: SymbolKind.Class,
  other: SymbolKind.Namespace,
};

/** The heading a heading's symbol sits under: its quarter, its year, or its outline parent. */
export function symbolParent(doc: GoalDoc, h: Heading): Heading | undefined {
  const roles = headingRoles(doc);
  return roles.goal.get(h)?.quarter?.heading ?? roles.quarter.get(h)?.year?.heading ?? outlineParent(doc, h);
}

export function headingDetail(doc: GoalDoc, h: Heading): string | undefined {
  const roles = headingRoles(doc);
  const goal = roles.goal.get(h);
  if (goal) return goalSummary(doc, goal) || undefined;
  const quarter = roles.quarter.get(h);
  if (quarter) return `${formatPeriod(quarter.label)} · ${plural(quarter.goals.length, 'goal')}`;
  const year = doc.years.find((y) => y.heading === h);
  if (year) return plural(year.quarters.length, 'quarter');
  return undefined;
}

/** Widens a symbol's range to hold its children (a quarter whose goals follow at its level). */
function coverChildren(s: DocumentSymbol): Range {
  let { start, end } = s.range;
  for (const c of s.children ?? []) {
    const r = coverChildren(c);
    if (positionBefore(r.start, start)) start = r.start;
    if (positionBefore(end, r.end)) end = r.end;
  }
  s.range = { start, end };
  return s.range;
}

export function provideDocumentSymbols(doc: GoalDoc, token: Cancellation): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const roles = headingRoles(doc);
  const symbols = new Map<Heading, DocumentSymbol>();
  for (const h of doc.headings) {
    if (token.isCancellationRequested) return [];
    const symbol: DocumentSymbol = {
      // VS Code refuses a symbol with an empty name.
      name: h.text || '(empty heading)',
      detail: headingDetail(doc, h),
      kind: HEADING_SYMBOL_KINDS[h.kind],
      range: roles.goal.get(h)?.sectionRange ?? h.sectionRange,
      selectionRange: h.textRange,
      children: [],
    };
    symbols.set(h, symbol);
    const parent = symbolParent(doc, h);
    const parentSymbol = parent && symbols.get(parent);
    if (parentSymbol) parentSymbol.children!.push(symbol);
    else roots.push(symbol);
  }
  for (const r of roots) coverChildren(r);
  return roots;
}
