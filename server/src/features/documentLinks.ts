// Document links for fragments: `#anchor` and `other.md#anchor` open at the heading's line
// (`uri#L12`, VS Code's way of opening a file at a line). Links without a fragment are left to
// the editor's own Markdown support.
import type { DocumentLink } from 'vscode-languageserver-types';
import type { GoalDoc } from '../model/types';
import type { LinkedFiles } from '../workspace/linkedFiles';
import { resolveLink } from './anchorTargets';
import type { Cancellation } from '../workspace/goalDocWorkspace';

export function provideDocumentLinks(doc: GoalDoc, files: LinkedFiles, token: Cancellation): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const link of doc.links) {
    if (token.isCancellationRequested) return [];
    if (link.external || !link.fragment) continue;
    const resolved = resolveLink(doc, link, files);
    if (resolved.kind !== 'heading') continue;
    const h = resolved.heading;
    links.push({
      range: link.hrefRange,
      target: `${resolved.doc.uri}#L${h.range.start.line + 1}`,
      tooltip: `Go to heading '${h.text}'`,
    });
  }
  return links;
}
