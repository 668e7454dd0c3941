// `goalDocs.markDoneWithVersion`: marks the open items (and goal-table rows) on the given lines
// done with a stamp version the user chose. Without a version it only answers the inferred one,
// which the client prefills in its input box.
import type { GoalDoc } from '../model/types';
import type { MarkDoneWithVersionArgs, MarkDoneWithVersionResult } from '../protocol';
import type { GoalDocsSettings } from '../settings/schema';
import { inferStampVersion } from './doneStyle';
import { versionedEdit } from './edit';
import { markTargetsDone, targetsOnLines } from './milestones';

export type { MarkDoneWithVersionArgs, MarkDoneWithVersionResult } from '../protocol';

export function parseMarkDoneArgs(raw: unknown): MarkDoneWithVersionArgs | undefined {
  const a = raw as Partial<MarkDoneWithVersionArgs> | undefined;
  if (!a || typeof a.uri !== 'string' || typeof a.version !== 'number' || !Array.isArray(a.lines) || !a.lines.every((l) => typeof l === 'number')) return undefined;
  if (a.stampVersion !== undefined && typeof a.stampVersion !== 'string') return undefined;
  return { uri: a.uri, version: a.version, lines: a.lines, stampVersion: a.stampVersion };
}

export function markDoneWithVersion(doc: GoalDoc, args: MarkDoneWithVersionArgs, settings: GoalDocsSettings, today = new Date()): MarkDoneWithVersionResult {
  const targets = targetsOnLines(doc, args.lines);
  const inferredVersion = inferStampVersion(doc, settings, today, targets.items[0]);
  if (args.stampVersion === undefined) return { inferredVersion };
  if (doc.version !== args.version) return { inferredVersion, message: 'The document changed since the lines were chosen; run the command again.' };
  const stampVersion = args.stampVersion.trim();
  if (!stampVersion) return { inferredVersion, message: 'An empty version stamps nothing.' };
  const edits = markTargetsDone(doc, targets, settings, stampVersion);
  if (edits.length === 0) return { inferredVersion, message: 'No open milestone on those lines.' };
  return { inferredVersion, edit: versionedEdit(doc, edits) };
}
