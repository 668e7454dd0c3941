// References of a heading: every link to it across the workspace, from the heading itself or
// from any link to it.
import type { Location, Position } from 'vscode-languageserver-types';
import type { GoalDoc } from '../model/types';
import { headingOf, targetAt, workspaceLinksInto } from './anchorTargets';
import type { Cancellation, GoalDocWorkspace } from '../workspace/goalDocWorkspace';

export async function provideReferences(
  doc: GoalDoc,
  position: Position,
  context: { includeDeclaration: boolean },
  workspace: GoalDocWorkspace,
  token: Cancellation,
): Promise<Location[]> {
  const target = targetAt(doc, position);
  const found = target && headingOf(doc, target, workspace);
  if (!found) return [];
  const links = await workspaceLinksInto(found.doc, workspace, token, found.heading);
  if (token.isCancellationRequested) return [];
  const locations: Location[] = [];
  if (context.includeDeclaration) locations.push({ uri: found.doc.uri, range: found.heading.textRange });
  for (const l of links) {
    if (l.heading === found.heading) locations.push({ uri: l.doc.uri, range: l.link.fragmentRange ?? l.link.hrefRange });
  }
  return locations;
}
