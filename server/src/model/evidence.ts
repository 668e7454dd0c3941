// What a page's content says about whether it is a goal doc: counts of the kinds of content
// that only goal docs have. The rule that weighs them is in goalDocRule.ts.
import type { Goal, GoalDoc, GoalDocEvidence, Heading, ListItem, Quarter, Span } from './types';
import { readPeriodHeading } from './periods';
import { fieldNameOf, matchField } from './fields';

/** A heading about goals: `Goals`, `Q3 OKRs`, `Objectives and key results`, `Design team goals for Q4`. */
const GOALS_HEADING = /\b(?:goals?|okrs?|objectives?|key results?)\b/i;
/** Words that make a year heading a year's plan (`FY2022 Annual OKRs`, `Goals for FY22`), not just a date. */
const PLAN_WORD = /\b(?:goals?|okrs?|objectives?|annual|plan|priorities)\b/i;
/** The fields that only goals have; a goal with two of them (or with milestones) is written as a goal. */
const GOAL_FIELDS = new Set(['owner', 'status', 'outcomes', 'milestones', 'descopedOutcomes', 'problem']);

const cache = new WeakMap<GoalDoc, GoalDocEvidence>();

/**
 * The evidence of a model, counted on first need only: most goal docs are named so, and their
 * content is never weighed (goalDocRule.ts), so a keystroke in them pays nothing for this.
 */
export function evidenceOf(doc: GoalDoc): GoalDocEvidence {
  let e = cache.get(doc);
  if (!e) cache.set(doc, (e = goalDocEvidence(doc.headings, doc.quarters, doc.goals, doc.items, doc.keyResultLines)));
  return e;
}

function goalDocEvidence(headings: Heading[], quarters: Quarter[], goals: Goal[], items: ListItem[], keyResultLines: number): GoalDocEvidence {
  let periodHeadings = 0;
  let datedPeriods = 0;
  let goalSections = 0;
  for (const h of headings) {
    if (h.kind === 'quarter' || (h.kind === 'year' && PLAN_WORD.test(h.text))) periodHeadings++;
    if (GOALS_HEADING.test(h.text)) goalSections++;
  }
  for (const q of quarters) if (q.label.year !== undefined) datedPeriods++;
  let fieldedGoals = 0;
  for (const g of goals) {
    const names = new Set<string>();
    for (const f of g.fields) if (GOAL_FIELDS.has(f.name)) names.add(f.name);
    // Two goal fields, or a list of milestones: what a goal is written with and a process page is not.
    if (names.size >= 2 || g.fields.some((f) => f.name === 'milestones' && f.items.length > 0)) fieldedGoals++;
  }
  let stamped = 0;
  const count = (list: ListItem[]) => {
    for (const m of list) {
      if (m.done) stamped++;
      if (m.children.length) count(m.children);
    }
  };
  count(items);
  return { periodHeadings, datedPeriods, goalSections, fieldedGoals, keyResults: keyResultLines + stamped };
}

/** `<!-- goal-docs: on -->` or `<!-- goal-docs: off -->`: the user's word on whether a file is a goal doc. */
export const MARKER = /<!--\s*goal-docs\s*:\s*(on|off)\s*-->/gi;
/** A line that states a key result: `KR: …`, `- **KR 2:** …`, `Key result: …`. */
const KEY_RESULT = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:\*\*|__)?(?:KR|Key results?)[ \t]*\d*[ \t]*(?::|(?:\*\*|__):|:(?:\*\*|__))/gim;

export function countKeyResults(text: string, from: number, code: Span[]): number {
  let n = 0;
  KEY_RESULT.lastIndex = from;
  for (let m = KEY_RESULT.exec(text); m; m = KEY_RESULT.exec(text)) {
    const at = m.index;
    if (!code.some((c) => c.start <= at && at < c.end)) n++;
  }
  return n;
}


/** A line that may be an ATX heading (also in a quote or a list item): its text. */
const ATX_LINE = /^[ \t>*+\-\d.)]*?#{1,6}(?:[ \t]+(.*?))?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** Stamps as the model reads them in an item (`Done: 3.20`, `**Done!**`, `=> Done`), anywhere in a line. */
const DONE_STAMP = /=>\s*Done\b|(\*\*|__)Done!?\1|\bDone!|\bDone\s*:\s*(?:`|[0-9])/;
const LINE_PREFIX = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?/;

/** A heading's source text as the model would read it, roughly: markup and link targets left out. */
function plainHeading(text: string): string {
  return text.replace(/\s*#+\s*$/, '').replace(/\]\([^)]*\)/g, '').replace(/[*_`[\]]/g, '').replace(/\s*\{#[^\s}]+\}\s*$/, '').trim();
}

/**
 * Upper bounds of a page's evidence from its text alone, without the Markdown parser: every count
 * is at least what the model of the same text counts (test/unit/goalDocRule.test.ts holds it to
 * that over every real page), so a page whose bounds are not enough is surely no goal doc and
 * need not be parsed to know it.
 */
export function evidenceBound(text: string): GoalDocEvidence {
  const body = text.replace(/^\uFEFF/, '');
  const lines = body.split(/\r\n|\r|\n/);
  let periodHeadings = 0;
  let datedPeriods = 0;
  let goalSections = 0;
  /** The goal fields the lines name, in order (a heading's too). */
  const fieldLines: string[] = [];
  let keyResults = 0;
  const heading = (raw: string) => {
    // Inline HTML or an entity could read as anything: count such a heading as both kinds.
    if (/[<&\\]/.test(raw)) {
      periodHeadings++;
      datedPeriods++;
      goalSections++;
    }
    const t = plainHeading(raw);
    if (GOALS_HEADING.test(t)) goalSections++;
    const p = readPeriodHeading(t);
    if (p && p !== 'invalid') {
      if (p.label.kind !== 'year') {
        periodHeadings++;
        if (p.label.year !== undefined) datedPeriods++;
      } else if (PLAN_WORD.test(t)) periodHeadings++;
    }
    const field = fieldNameOf(t);
    if (field && GOAL_FIELDS.has(field)) fieldLines.push(field);
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // Each test needs a character the line must hold for it to match: most lines are skipped
    // by a search for it (this scan runs over every page of a workspace).
    const atx = line.includes('#') ? ATX_LINE.exec(line) : null;
    if (atx) heading(atx[1] ?? '');
    else if (i + 1 < lines.length && lines[i + 1]!.length > 0 && SETEXT_UNDERLINE.test(lines[i + 1]!) && line.trim() !== '') heading(line.replace(LINE_PREFIX, ''));
    const match = line.includes(':') ? matchField(line.replace(LINE_PREFIX, '')) : undefined;
    if (match && GOAL_FIELDS.has(match.name)) fieldLines.push(match.name);
    if (line.includes('Done') && DONE_STAMP.test(line)) keyResults++;
  }
  keyResults += countKeyResults(body, 0, []);
  return { periodHeadings, datedPeriods, goalSections, fieldedGoals: fieldedGoalsBound(fieldLines), keyResults };
}

/**
 * At most how many goals written with fields the field lines can make. Such a goal has a
 * Milestones field or two different goal fields, all in its own section, and goals' sections do
 * not overlap: so each takes a run of consecutive field lines of its own with a Milestones line or
 * two different names, and taking the shortest such runs from the start counts the most there can
 * be. (Four Owner bullets on a process page make no goal: before, they counted as two.)
 */
function fieldedGoalsBound(fieldLines: string[]): number {
  let goals = 0;
  let first: string | undefined;
  for (const name of fieldLines) {
    if (name === 'milestones' || (first !== undefined && name !== first)) {
      goals++;
      first = undefined;
    } else {
      first = name;
    }
  }
  return goals;
}
