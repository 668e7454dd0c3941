// Code lens above each goal and quarter that lists milestones: `4/7 milestones done`. Shown only when the
// `goalDocs.codeLens` setting is on. The lens is a label: its command id is empty, so clicking
// it does nothing.
import type { CodeLens } from 'vscode-languageserver-types';
import type { GoalDoc } from '../model/types';
import type { GoalDocsSettings } from '../settings/schema';
import { goalProgress, type Progress, quarterProgress } from './goalSummary';
import type { Cancellation } from '../workspace/goalDocWorkspace';

export function lensTitle(p: Progress): string {
  return `${p.done}/${p.total} milestones done` + (p.descoped ? `, ${p.descoped} descoped` : '');
}

export function provideCodeLenses(doc: GoalDoc, settings: Pick<GoalDocsSettings, 'codeLens'>, token: Cancellation): CodeLens[] {
  if (!settings.codeLens) return [];
  const lenses: CodeLens[] = [];
  // Only where there is something to count: a line that says "no milestones" above every goal of
  // a page that does not list them is noise.
  for (const q of doc.quarters) {
    const p = quarterProgress(doc, q);
    if (p.total) lenses.push({ range: q.heading.range, command: { title: lensTitle(p), command: '' } });
  }
  if (token.isCancellationRequested) return [];
  for (const g of doc.goals) {
    // An include of another doc's section has no milestones of its own to count.
    if (g.isInclude) continue;
    const p = goalProgress(doc, g);
    if (p.total) lenses.push({ range: g.heading.range, command: { title: lensTitle(p), command: '' } });
  }
  return lenses.sort((a, b) => a.range.start.line - b.range.start.line);
}
