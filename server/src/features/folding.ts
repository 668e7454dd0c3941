// Folding ranges for the sections of years, quarters and goals, and for the field lists of a
// goal (`- **Milestones**:` with its items). Other headings are left to the editor's Markdown.
import type { FoldingRange, Range } from 'vscode-languageserver-types';
import type { GoalDoc } from '../model/types';
import type { Cancellation } from '../workspace/goalDocWorkspace';

function fold(range: Range): FoldingRange | undefined {
  // A range ending at the start of a line ends on the line before.
  const endLine = range.end.character === 0 ? range.end.line - 1 : range.end.line;
  return endLine > range.start.line ? { startLine: range.start.line, endLine } : undefined;
}

export function provideFoldingRanges(doc: GoalDoc, token: Cancellation): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (r: FoldingRange | undefined) => r && ranges.push(r);
  for (const y of doc.years) add(fold(y.heading.sectionRange));
  for (const q of doc.quarters) add(fold(q.heading.sectionRange));
  if (token.isCancellationRequested) return [];
  for (const g of doc.goals) {
    add(fold(g.sectionRange));
    for (const f of g.fields) {
      // A `**Milestones:**` paragraph or a `### Milestones` heading folds with the list after it.
      const last = f.items[f.items.length - 1];
      const end = last && last.range.end.line > f.range.end.line ? last.range.end : f.range.end;
      add(fold({ start: f.range.start, end }));
    }
  }
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
