// What a diagnostic's quick fix is, before it becomes a CodeAction: the fix reads the finding's
// range and data (never its message), typed as its rule declares it, and the model of the same
// document version.
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

/** A diagnostic or a finding: where it is and the data its rule attached (diagnostics/rules.ts RuleData). */
export interface FixTarget<D = unknown> {
  range: Range;
  data: D;
}

export interface FixContext {
  settings: GoalDocsSettings;
  today: Date;
}

/** A fix of findings whose data holds at least `D` (one fix may serve several rules). */
export type FixProvider<D = unknown> = (doc: GoalDoc, target: FixTarget<D>, ctx: FixContext) => Fix[];

export function headingBySlug(doc: GoalDoc, slug: string | undefined): Heading | undefined {
  return slug === undefined ? undefined : doc.headings.find((h) => h.slug === slug);
}

/** The item whose first line is `line` (the milestone rules' `data.line`). */
export function itemOnLine(doc: GoalDoc, line: number): Milestone | undefined {
  for (const m of allMilestones(doc.items)) if (m.lineRange.start.line === line && isMilestone(m)) return m;
  return undefined;
}
