// Start the next quarter: the period after the page's latest, written in its label style and
// placed in its order (with a year heading where the year turns), with its TOC entry; and, when
// asked, the goals of the latest quarter that still have open milestones moved into it, each with
// a note of where it came from (on its Status line where the page writes Status lines). Carrying
// one goal over to the current quarter (period.ended-open's fix) is the same move.
import type { Goal, GoalDoc, Quarter } from '../model/types';
import { type DatedPeriod, followingPeriod, periodKey, periodOfDate } from '../model/periods';
import { newestQuarter, placeQuarter, quarterNumbers } from '../model/periodLayout';
import { goalProgress, openCount } from '../model/progress';
import type { StartNextQuarterArgs, StartNextQuarterResult } from '../protocol';
import { nextLineStart } from './edit';
import { fieldSpelling } from './goalFixes';
import { goalCut, goalPiece, headingLines, labelIn } from './moveGoal';
import { composePieces, eolOf, type MoveContext, type MoveResult, type Piece, type Refusal, rewritePages } from './sectionMove';
import type { SpanEdit } from './edit';

/** Goals of a quarter that still have open milestones: what carrying over moves. */
export function openGoalsOf(doc: GoalDoc, quarter: Quarter): Goal[] {
  return quarter.goals.filter((g) => !g.isInclude && openCount(goalProgress(doc, g)) > 0);
}

/** The note a carried-over goal gets, in the page's own way: on its Status line, a Status line of its own, else a line under its heading. */
export function carriedOverNote(doc: GoalDoc, goal: Goal, from: string): SpanEdit[] {
  const note = `Carried over from ${from}.`;
  const eol = eolOf(doc.text);
  const status = goal.fields.find((f) => f.name === 'status' && f.form === 'bullet');
  if (status) {
    const value = status.value;
    const joint = value === '' ? (/\s$/.test(doc.text.slice(0, status.valueSpan.end)) ? '' : ' ') : /[.!?]$/.test(value) ? ' ' : '. ';
    return [{ start: status.valueSpan.end, end: status.valueSpan.end, newText: joint + note }];
  }
  const spelling = fieldSpelling(doc, 'status');
  const owner = goal.fields.find((f) => f.name === 'owner' && f.form === 'bullet');
  if (spelling && owner) {
    const at = nextLineStart(doc, owner.span.end);
    const column = owner.span.start - doc.lineStarts[owner.range.start.line]!;
    const line = ' '.repeat(column) + spelling + note;
    return [{ start: at, end: at, newText: at === doc.text.length && !/[\r\n]$/.test(doc.text) ? eol + line : line + eol }];
  }
  const end = goal.heading.span.end;
  const blankFollows = /^(\r\n|\r|\n)[ \t]*(\r\n|\r|\n)/.test(doc.text.slice(end, end + 8)) || end === doc.text.length;
  return [{ start: end, end, newText: `${eol}${eol}${note}${blankFollows ? '' : eol}` }];
}

/**
 * The page with `goals` cut from where they are and filed under period `p` (created in the
 * page's style and order where missing), each moved goal getting `note(goal)` edits.
 */
function refile(doc: GoalDoc, goals: Goal[], p: DatedPeriod, settings: { fiscalYearStartMonth: number; yearHeadings: 'fiscal' | 'calendar' }, note: (g: Goal) => SpanEdit[]): Piece[] | Refusal {
  const place = placeQuarter(doc, p, settings);
  if (place.kind === 'ambiguous') return { refused: `'${place.quarters[0]!.heading.text}' is in this page twice (lines ${place.quarters.map((q) => q.heading.range.start.line + 1).join(' and ')}).` };
  const eol = eolOf(doc.text);
  const moved: Piece[] = [];
  for (const g of goals) {
    const piece = goalPiece(doc, g, place.goalLevel);
    if ('refused' in piece) return piece;
    if (piece.kind === 'old') piece.edits = [...(piece.edits ?? []), ...note(g)].sort((a, b) => a.start - b.start);
    moved.push(...(moved.length ? [{ kind: 'new' as const, text: eol + eol }] : []), piece);
  }
  const cuts = goals.map((g) => goalCut(doc, g));
  let at = place.kind === 'existing' ? place.end : place.at;
  let before = place.kind === 'new' && place.before;
  // Where the place is the end of a goal being cut, the new part goes where that goal was.
  const cut = cuts.find((c) => c.start < at && at <= c.end);
  if (cut && !before) {
    at = cut.start;
    before = /[\r\n]/.test(doc.text[cut.start - 1] ?? '\n') && cut.start > 0;
  }
  const headings = place.kind === 'new' ? headingLines(place.headings, eol) : '';
  const body: Piece[] = headings ? [{ kind: 'new', text: headings + (moved.length ? eol + eol : '') }, ...moved] : moved;
  const insert: Piece[] = before ? [...body, { kind: 'new', text: eol + eol }] : [{ kind: 'new', text: eol + eol }, ...body];
  return composePieces(doc, cuts, [{ at, pieces: insert }]);
}

export interface NextQuarterPlan {
  /** The new quarter as the page writes it. */
  label: string;
  /** The latest quarter, which it follows. */
  after: Quarter;
  openGoals: Goal[];
  result: MoveResult;
}

/** The next quarter after the page's latest, with the open goals of that one moved into it when `carryOver`. */
export async function planNextQuarter(doc: GoalDoc, ctx: MoveContext, carryOver: boolean): Promise<NextQuarterPlan | Refusal> {
  const newest = newestQuarter(doc);
  if (!newest) return { refused: 'This page has no quarter heading with a year to follow (like ### FY-21-Q4).' };
  const settings = await ctx.settingsOf(doc.uri);
  const next = followingPeriod(newest.numbers);
  const label = labelIn(doc, next);
  const openGoals = openGoalsOf(doc, newest.quarter);
  const carried = carryOver ? openGoals : [];
  const pieces = refile(doc, carried, next, settings, (g) => carriedOverNote(doc, g, newest.quarter.heading.text));
  if ('refused' in pieces) return pieces;
  const result = await rewritePages([{ uri: doc.uri, before: doc, pieces }], ctx, `Starting ${label}`);
  if ('refused' in result) return result;
  return { label, after: newest.quarter, openGoals, result };
}

/** The goal moved from its ended quarter to the current one (created where missing), with its note. */
export async function planCarryOver(doc: GoalDoc, goal: Goal, ctx: MoveContext): Promise<{ label: string; result: MoveResult } | Refusal> {
  const from = goal.quarter && quarterNumbers(goal.quarter);
  if (!goal.quarter || !from) return { refused: 'The goal is in no quarter with a year.' };
  const settings = await ctx.settingsOf(doc.uri);
  const current = periodOfDate(ctx.today, from.kind === 'half' ? 'half' : 'quarter', from.scheme, settings);
  if (periodKey(current) === periodKey(from)) return { refused: `'${goal.quarter.heading.text}' is the current quarter.` };
  const label = labelIn(doc, current);
  const pieces = refile(doc, [goal], current, settings, (g) => carriedOverNote(doc, g, goal.quarter!.heading.text));
  if ('refused' in pieces) return pieces;
  const result = await rewritePages([{ uri: doc.uri, before: doc, pieces }], ctx, `Carrying the goal over to ${label}`);
  return 'refused' in result ? result : { label, result };
}

export function parseNextQuarterArgs(raw: unknown): StartNextQuarterArgs | undefined {
  const a = raw as Partial<StartNextQuarterArgs> | undefined;
  if (!a || typeof a.uri !== 'string' || typeof a.version !== 'number' || typeof a.carryOver !== 'boolean') return undefined;
  if (a.dryRun !== undefined && typeof a.dryRun !== 'boolean') return undefined;
  return { uri: a.uri, version: a.version, carryOver: a.carryOver, dryRun: a.dryRun };
}

/** The command: what would be done (dry run), else the edit, or why there is none. */
export async function nextQuarterCommand(doc: GoalDoc, args: StartNextQuarterArgs, ctx: MoveContext): Promise<StartNextQuarterResult> {
  if (!args.dryRun && doc.version !== args.version) return { message: 'The document changed since the command was started; run it again.' };
  const plan = await planNextQuarter(doc, ctx, args.carryOver);
  if ('refused' in plan) return { message: plan.refused };
  const answer: StartNextQuarterResult = { label: plan.label, after: plan.after.heading.text, openGoals: plan.openGoals.map((g) => g.heading.text) };
  return args.dryRun ? answer : { ...answer, edit: plan.result.edit };
}
