// Code lens above each goal and quarter: `4/7 milestones done`. Shown only when the
// `goalDocs.codeLens` setting is on. The lens is a label: its command id is empty, so clicking
// it does nothing.
import type { CodeLens } from 'vscode-languageserver-types';
import type { GoalDoc } from '../model/types';
import type { GoalDocsSettings } from '../settings';
import { goalProgress, type Progress, quarterProgress } from './goalSummary';
import type { Cancellation } from './workspace';

export function lensTitle(p: Progress): string {
  if (p.total === 0) return 'no milestones';
  return `${p.done}/${p.total} milestones done` + (p.descoped ? `, ${p.descoped} descoped` : '');
}

export function provideCodeLenses(doc: GoalDoc, settings: Pick<GoalDocsSettings, 'codeLens'>, token: Cancellation): CodeLens[] {
  if (!settings.codeLens) return [];
  const lenses: CodeLens[] = [];
  for (const q of doc.quarters) {
    lenses.push({ range: q.heading.range, command: { title: lensTitle(quarterProgress(doc, q)), command: '' } });
  }
  if (token.isCancellationRequested) return [];
  for (const g of doc.goals) {
    // An include of another doc's section has no milestones of its own to count.
    if (g.isInclude) continue;
    lenses.push({ range: g.heading.range, command: { title: lensTitle(goalProgress(doc, g)), command: '' } });
  }
  return lenses.sort((a, b) => a.range.start.line - b.range.start.line);
}
