// Which Markdown files are goal docs. One rule, for the editor and the CLI alike (README, "Which
// files are goal docs"); the first step that answers decides:
//   1. a `<!-- goal-docs: on -->` or `<!-- goal-docs: off -->` comment in the file;
//   2. `goalDocs.exclude` globs: not a goal doc;
//   3. `goalDocs.files` globs: a goal doc, declared so by the team (none by default);
//   4. the content, its path included: the points of its signals (evidence.ts) reach THRESHOLD.
// A name alone (`goals.md`) is a signal among others, never a verdict: a design doc named goals.md
// or meeting notes under a quarter heading are not goal docs.
import picomatch from 'picomatch';
import type { GoalDoc, GoalDocMarker } from './types';
import type { Dialect } from './dialect';
import { evidenceOf, evidenceOfText, type GoalDocEvidence, pathEvidence } from './evidence';

/** The points a page's signals must reach to make it a goal doc. */
export const THRESHOLD = 4;

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
  /** What the team declares of its pages (goalDocs.fields, goalDocs.periods): the text is read in it. */
  dialect?: Dialect;
}

export type GoalDocReason = 'marker' | 'excluded' | 'declared' | 'content' | 'not-enough-content';

export interface GoalDocVerdict {
  goalDoc: boolean;
  reason: GoalDocReason;
  /** Where the content decided: its signals and score. */
  evidence?: GoalDocEvidence;
}

/** Steps 1-3, which need only the path and the marker: undefined when the content decides. */
export function verdictBeforeContent(path: string, marker: GoalDocMarker | undefined, selection: GoalDocSelection): GoalDocVerdict | undefined {
  if (marker) return { goalDoc: marker === 'on', reason: 'marker' };
  if (matchesGlobs(path, selection.exclude)) return { goalDoc: false, reason: 'excluded' };
  if (matchesGlobs(path, selection.files)) return { goalDoc: true, reason: 'declared' };
  return undefined;
}

export function goalDocVerdict(path: string, doc: GoalDoc, selection: GoalDocSelection): GoalDocVerdict {
  const early = verdictBeforeContent(path, doc.markers[0]?.value, selection);
  if (early) return early;
  const evidence = evidenceOf(doc, path);
  return { goalDoc: evidence.score >= THRESHOLD, reason: evidence.score >= THRESHOLD ? 'content' : 'not-enough-content', evidence };
}

export function isGoalDoc(path: string, doc: GoalDoc, selection: GoalDocSelection): boolean {
  return goalDocVerdict(path, doc, selection).goalDoc;
}

/** A verdict in words: what decided, and for the content its strongest signals either way. */
export function explainVerdict(v: GoalDocVerdict): string {
  const why = verdictReasons(v);
  const head = v.goalDoc ? 'a goal doc' : 'not a goal doc';
  return why ? `${head}: ${why}` : head;
}

/** Why, without the verdict: what decided, and for the content its strongest signals either way. */
export function verdictReasons(v: GoalDocVerdict): string {
  switch (v.reason) {
    case 'marker':
      return `its goal-docs: ${v.goalDoc ? 'on' : 'off'} comment says so`;
    case 'excluded':
      return 'goalDocs.exclude names it';
    case 'declared':
      return 'goalDocs.files names it';
  }
  const e = v.evidence;
  if (!e) return '';
  const pos = [...e.positive].sort((a, b) => b.points - a.points).map((s) => s.says);
  const neg = e.negative.map((s) => s.says);
  if (v.goalDoc) return `${pos.slice(0, 3).join('; ')}${neg.length ? ` (though ${neg.join('; ')})` : ''}`;
  if (neg.length) return `${neg.join('; ')}${pos.length ? ` (though ${pos.slice(0, 2).join('; ')})` : ''}`;
  return `${pos.length ? `only ${pos.slice(0, 3).join('; ')}` : 'nothing on it plans goals'} (score ${e.score}, a goal doc needs ${THRESHOLD})`;
}

/** Any `<!-- goal-docs: … -->` comment (or an MDX page's `{/* goal-docs: … *\/}`): the parse decides whether it counts (it does not inside code). */
const ANY_MARKER = /<!--\s*goal-docs\s*:|\{\s*\/\*\s*goal-docs\s*:/i;

/** Whether a text holds what may be a marker comment: only its parse says whether it counts (not inside code). */
export function mayHoldMarker(text: string): boolean {
  return ANY_MARKER.test(text);
}

/**
 * False only for a file that is no goal doc, decided from its path and a scan of its text without
 * the Markdown parser (the evidence is read from the text alone): the CLI and the workspace index
 * skip such a file unparsed. True means "parse it and apply goalDocVerdict" (which then agrees,
 * unless a `<!-- goal-docs: … -->` comment, which only the parse can place, decides).
 */
export function mightBeGoalDoc(path: string, text: string, selection: GoalDocSelection): boolean {
  if (mayHoldMarker(text)) return true;
  const early = verdictBeforeContent(path, undefined, selection);
  if (early) return early.goalDoc;
  return contentMightMakeGoalDoc(text, path, selection.dialect);
}

/**
 * The verdict of a file from its path and text, without a parse; undefined when it may hold a
 * `<!-- goal-docs: … -->` comment (only the parse says whether one counts: not inside code).
 */
export function verdictOfText(path: string, text: string, selection: GoalDocSelection): GoalDocVerdict | undefined {
  if (mayHoldMarker(text)) return undefined;
  const early = verdictBeforeContent(path, undefined, selection);
  if (early) return early;
  const evidence = evidenceOfText(text, path, selection.dialect);
  return { goalDoc: evidence.score >= THRESHOLD, reason: evidence.score >= THRESHOLD ? 'content' : 'not-enough-content', evidence };
}

/** Whether the content and path of a text make it a goal doc (step 4), read without a parse. */
export function contentMightMakeGoalDoc(text: string, path = '', dialect?: Dialect): boolean {
  return evidenceOfText(text, path, dialect).score >= THRESHOLD;
}

/** Whether a path alone looks like a goal doc's (its name, or a folder named for a period): what a slow file system reads first. */
export function pathSuggestsGoalDoc(path: string): boolean {
  return pathEvidence(path).some((s) => s.points >= 2);
}
