// Document highlights: on a heading or an in-page link to it, the heading (Write) and every
// link to it in the same document (Read).
import { type DocumentHighlight, DocumentHighlightKind, type Position } from 'vscode-languageserver-types';
import type { GoalDoc } from '../model/types';
import type { LinkedFiles } from '../workspace/linkedFiles';
import { headingOf, linksInto, targetAt } from './anchorTargets';
import type { Cancellation } from '../workspace/goalDocWorkspace';

export function provideDocumentHighlights(doc: GoalDoc, position: Position, files: LinkedFiles, token: Cancellation): DocumentHighlight[] {
  const target = targetAt(doc, position);
  const found = target && headingOf(doc, target, files);
  if (!found || token.isCancellationRequested) return [];
  const highlights: DocumentHighlight[] = [];
  if (found.doc === doc) highlights.push({ range: found.heading.textRange, kind: DocumentHighlightKind.Write });
  for (const l of linksInto(doc, found.doc, files)) {
    if (l.heading === found.heading) highlights.push({ range: l.link.fragmentRange ?? l.link.hrefRange, kind: DocumentHighlightKind.Read });
  }
  return highlights;
}
