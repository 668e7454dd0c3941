// What a diagnostic's quick fix is, before it becomes a CodeAction: the fix reads the finding's
// range and data (never its message) and the model of the same document version.
import type { Range } from 'vscode-languageserver-types';
import { type GoalDoc, type Heading, isMilestone, type Milestone } from '../model/types';
import { allMilestones } from '../model/milestones';
import type { GoalDocsSettings } from '../settings/schema';
import type { SpanEdit } from './edit';

export interface Fix {
  title: string;
  edits: SpanEdit[];
  isPreferred?: boolean;
  /** Certain enough to apply unasked, in "Fix all" and on save (no guess, no placeholder). */
  safe: boolean;
  /** Fixes of one group make the same change (one TOC update answers every TOC finding). */
  group?: string;
  /** The headings the fix moves, as one block, to stand before `before` (a TOC updated with it follows). */
  reorders?: { block: Heading[]; before: Heading };
}

/** A diagnostic or a finding: where it is and the data its rule attached. */
export interface FixTarget {
  range: Range;
  data: Record<string, unknown>;
}

export interface FixContext {
  settings: GoalDocsSettings;
  today: Date;
}

export type FixProvider = (doc: GoalDoc, target: FixTarget, ctx: FixContext) => Fix[];

export function stringData(target: FixTarget, key: string): string | undefined {
  const v = target.data[key];
  return typeof v === 'string' ? v : undefined;
}

export function headingBySlug(doc: GoalDoc, slug: string | undefined): Heading | undefined {
  return slug === undefined ? undefined : doc.headings.find((h) => h.slug === slug);
}

/** The item whose first line is `line` (the milestone rules' `data.line`). */
export function itemOnLine(doc: GoalDoc, line: unknown): Milestone | undefined {
  if (typeof line !== 'number') return undefined;
  for (const m of allMilestones(doc.items)) if (m.lineRange.start.line === line && isMilestone(m)) return m;
  return undefined;
}
