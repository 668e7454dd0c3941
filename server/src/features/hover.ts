// Hover on an anchor link: the heading it reaches, where it stands, and for a goal its owners,
// status and milestone progress. A link that reaches nothing gets no hover: its diagnostic (ours
// or the editor's) already says so in the same hover, and saying it twice was noise.
import { type Hover, MarkupKind, type Position } from 'vscode-languageserver-types';
import type { GoalDoc } from '../model/types';
import type { LinkedFiles } from '../workspace/linkedFiles';
import { resolveLink, targetAt } from './anchorTargets';
import { goalProgress, goalStatus, headingRoles, placeOf, plural, progressText, quarterProgress } from './goalSummary';
import type { Cancellation } from '../workspace/goalDocWorkspace';

export function provideHover(doc: GoalDoc, position: Position, files: LinkedFiles, token: Cancellation): Hover | null {
  const target = targetAt(doc, position);
  if (target?.kind !== 'link' || !target.link.fragment || target.link.external || token.isCancellationRequested) return null;
  const { link } = target;
  const resolved = resolveLink(doc, link, files);
  if (resolved.kind !== 'heading') return null;
  const range = link.hrefRange;

  const { heading: h, doc: into } = resolved;
  const place = placeOf(into, h);
  const lines = [`${'#'.repeat(h.level)} ${h.text}`];
  const where = [place, into === doc ? '' : link.path].filter(Boolean).join(' · ');
  if (where) lines.push(`_${where}_`);
  const roles = headingRoles(into);
  const goal = roles.goal.get(h);
  if (goal) {
    lines.push(`**Owner**: ${goal.owners.length ? goal.owners.join(', ') : '_none_'}`);
    const status = goalStatus(goal);
    if (status) lines.push(`**Status**: ${status}`);
    lines.push(`**Milestones**: ${progressText(goalProgress(into, goal)) ?? 'none listed'}`);
  }
  const quarter = roles.quarter.get(h);
  if (quarter) {
    const progress = progressText(quarterProgress(into, quarter));
    lines.push(plural(quarter.goals.length, 'goal') + (progress ? ` · milestones ${progress}` : ''));
  }
  return { range, contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') } };
}
