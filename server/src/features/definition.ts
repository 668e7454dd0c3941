// Go to definition from a link: to the heading its fragment names, in this doc or another one,
// or to the top of the linked file when the link has no fragment.
import type { Location, Position } from 'vscode-languageserver-types';
import type { GoalDoc } from '../model/types';
import type { LinkedFiles } from '../workspace/linkedFiles';
import { resolveLink, targetAt } from './anchorTargets';
import type { Cancellation } from '../workspace/goalDocWorkspace';

export function provideDefinition(doc: GoalDoc, position: Position, files: LinkedFiles, token: Cancellation): Location[] {
  const target = targetAt(doc, position);
  if (target?.kind !== 'link' || token.isCancellationRequested) return [];
  const resolved = resolveLink(doc, target.link, files);
  if (resolved.kind === 'heading') return [{ uri: resolved.doc.uri, range: resolved.heading.range }];
  if (resolved.kind === 'file') {
    const start = { line: 0, character: 0 };
    return [{ uri: resolved.uri, range: { start, end: start } }];
  }
  return [];
}
