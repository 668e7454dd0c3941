// Which Markdown files are goal docs. One rule, for the editor and the CLI alike (README, "Which
// files are goal docs"); the first step that answers decides:
//   1. a `<!-- goal-docs: on -->` or `<!-- goal-docs: off -->` comment in the file;
//   2. `goalDocs.exclude` globs: not a goal doc;
//   3. `goalDocs.files` globs: a goal doc;
//   4. the content: a quarter or half-year heading with a year (`FY21-Q4`, `Q4 2021`, `FY22H2`),
//      or two kinds of goal-doc content (a period heading, a goals heading, a goal written with
//      goal fields, key results or Done stamps), or two goals written with goal fields.
// One Owner bullet or an `## Outcomes` heading on a process page is one kind, once: not enough.
import picomatch from 'picomatch';
import type { GoalDoc, GoalDocEvidence, GoalDocMarker } from './types';
import { evidenceBound, evidenceOf } from './evidence';

const matcherCache = new Map<string, (path: string) => boolean>();

function matcher(globs: string[]): (path: string) => boolean {
  const key = globs.join('\n');
  let m = matcherCache.get(key);
  if (!m) {
    const compiled = globs.map((g) => picomatch(g, { dot: true, nocase: true }));
    m = (path: string) => compiled.some((c) => c(path));
    matcherCache.set(key, m);
  }
  return m;
}

/** `path` is relative to the workspace folder (or the current folder for the CLI), with `/`. */
export function matchesGlobs(path: string, globs: string[]): boolean {
  if (globs.length === 0) return false;
  const p = path.replace(/\\/g, '/').replace(/^\.\//, '');
  return matcher(globs)(p);
}

export interface GoalDocSelection {
  /** `goalDocs.files`: globs of files that are goal docs whatever they hold. */
  files: string[];
  /** `goalDocs.exclude`: globs of files that are never goal docs. */
  exclude: string[];
}

export type GoalDocReason = 'marker' | 'excluded' | 'name' | 'content' | 'not-enough-content';

export interface GoalDocVerdict {
  goalDoc: boolean;
  reason: GoalDocReason;
}

/** The kinds of goal-doc content a page has, by name, for messages and reports. */
export function evidenceKinds(e: GoalDocEvidence): string[] {
  const kinds: string[] = [];
  if (e.periodHeadings) kinds.push('period heading');
  if (e.goalSections) kinds.push('goals heading');
  if (e.fieldedGoals) kinds.push('goal with fields');
  if (e.keyResults) kinds.push('key results or Done stamps');
  return kinds;
}

/** Step 4: enough goal-doc content. */
export function contentIsGoalDoc(e: GoalDocEvidence): boolean {
  return e.datedPeriods > 0 || evidenceKinds(e).length >= 2 || e.fieldedGoals >= 2;
}

/** Steps 1-3, which need only the path and the marker: undefined when the content decides. */
export function verdictBeforeContent(path: string, marker: GoalDocMarker | undefined, selection: GoalDocSelection): GoalDocVerdict | undefined {
  if (marker) return { goalDoc: marker === 'on', reason: 'marker' };
  if (matchesGlobs(path, selection.exclude)) return { goalDoc: false, reason: 'excluded' };
  if (matchesGlobs(path, selection.files)) return { goalDoc: true, reason: 'name' };
  return undefined;
}

export function goalDocVerdict(path: string, doc: GoalDoc, selection: GoalDocSelection): GoalDocVerdict {
  const early = verdictBeforeContent(path, doc.marker, selection);
  if (early) return early;
  return contentIsGoalDoc(evidenceOf(doc)) ? { goalDoc: true, reason: 'content' } : { goalDoc: false, reason: 'not-enough-content' };
}

export function isGoalDoc(path: string, doc: GoalDoc, selection: GoalDocSelection): boolean {
  return goalDocVerdict(path, doc, selection).goalDoc;
}

/** Any `<!-- goal-docs: … -->` comment: the parse decides whether it counts (it does not inside code). */
const ANY_MARKER = /<!--\s*goal-docs\s*:/i;

/** Whether a text holds what may be a marker comment: only its parse says whether it counts (not inside code). */
export function mayHoldMarker(text: string): boolean {
  return ANY_MARKER.test(text);
}

/**
 * False only for a file that surely is no goal doc, decided from its path and a scan of its text
 * without the Markdown parser (the evidence's upper bounds): the CLI and the workspace index skip
 * such a file unparsed. True means "parse it and apply goalDocVerdict".
 */
export function mightBeGoalDoc(path: string, text: string, selection: GoalDocSelection): boolean {
  if (mayHoldMarker(text)) return true;
  const early = verdictBeforeContent(path, undefined, selection);
  if (early) return early.goalDoc;
  return contentMightMakeGoalDoc(text);
}

/** False when a scan of the text shows that its content cannot make it a goal doc (step 4), whatever its name. */
export function contentMightMakeGoalDoc(text: string): boolean {
  return contentIsGoalDoc(evidenceBound(text));
}

/** A verdict in words. */
export function explainVerdict(v: GoalDocVerdict): string {
  return `${v.goalDoc ? 'goal doc' : 'not a goal doc'}: ${v.reason}`;
}
