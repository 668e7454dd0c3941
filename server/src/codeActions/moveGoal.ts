// Move goal to the completed page (refactor.move): the goal's own section cut from its page and
// filed in the completed-goals page (the one the page links as such, else the sibling
// `goals_completed.md`, created when there is none) under the quarter it was finished in, at
// that page's goal level, with the year and quarter headings written in the page's own style
// where it lacks them. Links, TOCs and the refusals are sectionMove.ts's.
import type { CodeAction } from 'vscode-languageserver-types';
import type { Goal, GoalDoc } from '../model/types';
import { type DatedPeriod, parsePeriod, periodOfDate } from '../model/periods';
import { newestQuarter, placedQuarters, placeQuarter, quarterLabelFor, quartersOf, type NewHeading } from '../model/periodLayout';
import { buildGoalDoc } from '../model/build';
import { completedPageFileName, completedPageLinks, completedPageTitle, isCompletedPage } from '../model/completedPage';
import { goalFinishedOn, isGoalFinished } from '../model/progress';
import { allMilestones } from '../model/milestones';
import { goalContaining } from '../model/structure';
import { lineStartAt, skipWhitespaceBack, skipWhitespaceForward } from '../model/text';
import { resolveLinkTarget } from '../workspace/linkedFiles';
import { basename, dirname, relativePath, uriPath } from '../workspace/uris';
import type { MoveGoalArgs, MoveGoalResult } from '../protocol';
import { MOVE } from './index';
import { composePieces, eolOf, type MoveContext, type MoveResult, type Piece, type Refusal, rewritePages } from './sectionMove';

export { MOVE };

/** A page as a move may read it (under that page's own goalDocs.maxFileSize), or why it cannot. */
export type PageRead =
  | { kind: 'model'; doc: GoalDoc }
  | { kind: 'missing' }
  | { kind: 'too-large'; length: number; limit: number }
  | { kind: 'unreadable'; reason: string };

export interface LifecycleContext extends MoveContext {
  page(uri: string): Promise<PageRead>;
}

function nameOf(uri: string): string {
  return decodeURIComponent(basename(uriPath(uri)));
}

/** The completed-goals page of `doc`: the page it links as such, else the sibling `goals_completed.md`. */
export async function completedPageOf(doc: GoalDoc, ctx: LifecycleContext): Promise<{ uri: string; read: PageRead }> {
  for (const link of completedPageLinks(doc)) {
    const target = resolveLinkTarget(ctx.workspace, doc.uri, link.path);
    if (target?.kind === 'file' && target.uri !== doc.uri && /\.(md|markdown)$/i.test(target.uri)) return { uri: target.uri, read: await ctx.page(target.uri) };
  }
  const uri = doc.uri.replace(/[^/]*$/, encodeURIComponent(completedPageFileName(doc.uri)));
  return { uri, read: await ctx.page(uri) };
}

/** Why a goal's section cannot be moved on its own, if it cannot. */
export function goalMoveRefusal(doc: GoalDoc, goal: Goal): Refusal | undefined {
  const h = goal.heading;
  if (goal.isInclude) return { refused: `'${h.text}' is an include of another page (a heading that is only a link), not a goal to move.` };
  const before = doc.text.slice(lineStartAt(doc.text, h.span.start), h.span.start);
  const inItem = [...allMilestones(doc.items)].some((m) => m.span.start < h.span.start && h.span.end <= m.span.end);
  if (/\S/.test(before) || before.length > 3 || inItem) return { refused: `The heading of '${h.text}' is inside a list or a quote: its section cannot be moved without breaking what holds it.` };
  const unanalysed = doc.unanalysed.find((u) => u.span.start < goal.sectionSpan.end && goal.sectionSpan.start < u.span.end);
  if (unanalysed) return { refused: `Goal Docs cannot analyse part of '${h.text}' (${unanalysed.reason}), so it cannot move it safely.` };
  return undefined;
}

/** Why a page cannot take a goal, if it cannot. */
function pageRefusal(uri: string, read: PageRead): Refusal | undefined {
  const name = nameOf(uri);
  if (read.kind === 'too-large') return { refused: `${name} has ${read.length.toLocaleString('en-US')} characters, more than goalDocs.maxFileSize (${read.limit.toLocaleString('en-US')}): Goal Docs does not analyse it, so it cannot file a goal in it.` };
  if (read.kind === 'unreadable') return { refused: `${name} cannot be read: ${read.reason}.` };
  if (read.kind === 'model' && read.doc.unanalysed.length) return { refused: `Goal Docs cannot analyse part of ${name} (${read.doc.unanalysed[0]!.reason}), so it cannot file a goal in it safely.` };
  return undefined;
}

/** A quarter typed by the user or a client (`FY-21-Q1`, `Q1 2021`) as numbers, or why it is none. */
export function quarterFromText(text: string): DatedPeriod | Refusal {
  const label = parsePeriod(text);
  if (!label || label === 'invalid' || label.kind === 'year' || label.year === undefined) return { refused: `'${text}' is not a quarter or half-year with a year (like FY-21-Q4, FY21Q4, Q4 2021 or FY22H2).` };
  return { kind: label.kind, scheme: label.scheme, year: label.year, number: label.number };
}

/** The quarter a goal was finished in: on its latest dated Done stamp, else today, in the target page's kind of quarters. */
export function inferredQuarter(doc: GoalDoc, goal: Goal, target: GoalDoc | undefined, ctx: { today: Date }, settings: { fiscalYearStartMonth: number; yearHeadings: 'fiscal' | 'calendar' }): DatedPeriod {
  const like = (target && newestQuarter(target)) ?? newestQuarter(doc);
  // Of the kind the page keeps: quarters, or halves.
  return periodOfDate(goalFinishedOn(doc, goal) ?? ctx.today, like?.numbers.kind === 'half' ? 'half' : 'quarter', like?.numbers.scheme ?? 'FY', settings);
}

/** The goal's own section with its headings shifted to `goalLevel`, as a piece; or why it cannot be. */
export function goalPiece(doc: GoalDoc, goal: Goal, goalLevel: number): Piece | Refusal {
  const start = lineStartAt(doc.text, goal.heading.span.start);
  const end = goal.sectionSpan.end;
  const delta = goalLevel - goal.heading.level;
  const edits = [];
  for (const h of doc.headings) {
    if (h.span.start < start || h.span.start >= end || delta === 0) continue;
    if (doc.text[h.span.start] !== '#') return { refused: `'${h.text}' is an underlined heading, which cannot change its level to ${h.level + delta}.` };
    if (h.level + delta > 6) return { refused: `'${h.text}' would need a level-${h.level + delta} heading; Markdown has six levels.` };
    edits.push(delta > 0 ? { start: h.span.start, end: h.span.start, newText: '#'.repeat(delta) } : { start: h.span.start, end: h.span.start - delta, newText: '' });
  }
  return { kind: 'old', from: doc, start, end, edits, moved: true };
}

/** What cutting a goal's section leaves: one blank line between what stood around it. */
export function goalCut(doc: GoalDoc, goal: Goal): { start: number; end: number } {
  const start = lineStartAt(doc.text, goal.heading.span.start);
  const next = skipWhitespaceForward(doc.text, goal.sectionSpan.end);
  if (next < doc.text.length) return { start, end: lineStartAt(doc.text, next) };
  return { start: skipWhitespaceBack(doc.text, start), end: goal.sectionSpan.end };
}

export function headingLines(headings: NewHeading[], eol: string): string {
  return headings.map((h) => `${'#'.repeat(h.level)} ${h.text}`).join(eol + eol);
}

/** The pieces that put `goal` into `into` under period `p` (the new headings first, where missing). */
export function filingPieces(into: GoalDoc, goal: Goal, from: GoalDoc, p: DatedPeriod, settings: MoveSettings, style?: GoalDoc): { at: number; pieces: Piece[] } | Refusal {
  const place = placeQuarter(into, p, settings, style);
  const eol = eolOf(into.text || from.text);
  if (place.kind === 'ambiguous') {
    const lines = place.quarters.map((q) => q.heading.range.start.line + 1).join(' and ');
    return { refused: `${nameOf(into.uri)} has '${place.quarters[0]!.heading.text}' twice (lines ${lines}): move the goal by hand, or merge them first.` };
  }
  const piece = goalPiece(from, goal, place.goalLevel);
  if ('refused' in piece) return piece;
  if (place.kind === 'existing') return { at: place.end, pieces: [{ kind: 'new', text: eol + eol }, piece] };
  const headings = headingLines(place.headings, eol);
  if (place.before) return { at: place.at, pieces: [{ kind: 'new', text: headings + eol + eol }, piece, { kind: 'new', text: eol + eol }] };
  return { at: place.at, pieces: [{ kind: 'new', text: eol + eol + headings + eol + eol }, piece] };
}

type MoveSettings = { fiscalYearStartMonth: number; yearHeadings: 'fiscal' | 'calendar' };

export interface GoalMove {
  completedUri: string;
  createsPage: boolean;
  target: DatedPeriod;
  /** The quarter as the completed page writes it. */
  label: string;
  result: MoveResult;
}

/** The goal whose heading is on `line`, else whose own section holds it (the command palette's cursor). */
export function goalOnLine(doc: GoalDoc, line: number): Goal | undefined {
  const offset = doc.lineStarts[line];
  return doc.goals.find((g) => g.heading.range.start.line === line) ?? (offset === undefined ? undefined : goalContaining(doc.goals, { start: offset, end: offset }));
}

/** The completed page, the inferred quarter and the page's quarters: what the client's quick pick offers. */
export async function moveChoices(doc: GoalDoc, goal: Goal, ctx: LifecycleContext): Promise<MoveGoalResult> {
  const { uri, read } = await completedPageOf(doc, ctx);
  const refusal = goalMoveRefusal(doc, goal) ?? pageRefusal(uri, read);
  const completedPage = relativeName(doc.uri, uri);
  if (refusal) return { completedPage, message: refusal.refused };
  const target = read.kind === 'model' ? read.doc : undefined;
  const settings = await ctx.settingsOf(uri);
  const inferred = labelIn(target ?? doc, inferredQuarter(doc, goal, target, ctx, settings), target ? undefined : doc);
  const quarters = target ? placedQuarters(target).sort((a, b) => b.key - a.key).map((q) => q.quarter.heading.text) : [];
  return { completedPage, createsPage: !target, inferred, inferredFrom: goalFinishedOn(doc, goal) ? 'stamp' : 'today', quarters };
}

function relativeName(from: string, to: string): string {
  return relativePath(dirname(uriPath(from)), uriPath(to));
}

/** The move of `goal` under `quarter` (inferred when omitted), as one edit of both pages and every link to it. */
export async function planGoalMove(doc: GoalDoc, goal: Goal, ctx: LifecycleContext, quarter?: DatedPeriod): Promise<GoalMove | Refusal> {
  if (isCompletedPage(doc)) return { refused: `${nameOf(doc.uri)} is a completed-goals page already.` };
  const goalRefusal = goalMoveRefusal(doc, goal);
  if (goalRefusal) return goalRefusal;
  const { uri, read } = await completedPageOf(doc, ctx);
  if (uri === doc.uri) return { refused: `${nameOf(doc.uri)} names itself as its completed-goals page.` };
  const refusal = pageRefusal(uri, read);
  if (refusal) return refusal;
  const settings = await ctx.settingsOf(uri);
  const existing = read.kind === 'model' ? read.doc : undefined;
  const target = quarter ?? inferredQuarter(doc, goal, existing, ctx, settings);
  const eol = eolOf(existing?.text ?? doc.text);
  // A new page: its title and a link back, then the goal under its year and quarter.
  const into = existing ?? newCompletedPage(doc, uri, eol);
  const filing = filingPieces(into, goal, doc, target, settings, existing ? undefined : doc);
  if ('refused' in filing) return filing;
  const source = { uri: doc.uri, before: doc, pieces: composePieces(doc, [goalCut(doc, goal)], []) };
  const completed = existing
    ? { uri, before: existing, pieces: composePieces(existing, [], [filing]) }
    : { uri, pieces: [...composePieces(into, [], [filing]).map((p) => (p.kind === 'old' && p.from === into ? { kind: 'new' as const, text: into.text.slice(p.start, p.end) } : p)), { kind: 'new' as const, text: eol }] };
  const result = await rewritePages([source, completed], ctx, 'Moving the goal');
  if ('refused' in result) return result;
  return { completedUri: uri, createsPage: !existing, target, label: labelIn(into, target, existing ? undefined : doc), result };
}

/** The start of a new completed-goals page: its title and a link back to the goals page. */
function newCompletedPage(doc: GoalDoc, uri: string, eol: string): GoalDoc {
  const back = relativeName(uri, doc.uri).split('/').map(encodeURIComponent).join('/');
  return buildGoalDoc(`# ${completedPageTitle(doc)}${eol}${eol}See also our [current goals](${back}).`, { uri, version: 0 });
}

/** How `page` writes period `p`: its own heading for it, else as its newest quarter (or `style`'s) is written. */
export function labelIn(page: GoalDoc, p: DatedPeriod, style?: GoalDoc): string {
  return quartersOf(page, p)[0]?.heading.text ?? quarterLabelFor(page, p, style);
}

/** Arguments of the move command from a client, checked. */
export function parseMoveGoalArgs(raw: unknown): MoveGoalArgs | undefined {
  const a = raw as Partial<MoveGoalArgs> | undefined;
  if (!a || typeof a.uri !== 'string' || typeof a.version !== 'number' || typeof a.line !== 'number') return undefined;
  if (a.quarter !== undefined && typeof a.quarter !== 'string') return undefined;
  return { uri: a.uri, version: a.version, line: a.line, quarter: a.quarter };
}

/** The move command: the choices without a quarter, else the edit for that quarter, or why there is none. */
export async function moveGoalCommand(doc: GoalDoc, args: MoveGoalArgs, ctx: LifecycleContext): Promise<MoveGoalResult> {
  const goal = goalOnLine(doc, args.line);
  if (!goal) return { message: `Line ${args.line + 1} is in no goal: put the cursor on a goal's heading or in its section.` };
  if (args.quarter === undefined) return moveChoices(doc, goal, ctx);
  if (doc.version !== args.version) return { message: 'The document changed since the goal was chosen; run the command again.' };
  const quarter = quarterFromText(args.quarter.trim());
  if ('refused' in quarter) return { message: quarter.refused };
  const move = await planGoalMove(doc, goal, ctx, quarter);
  if ('refused' in move) return { message: move.refused };
  return { completedPage: relativeName(doc.uri, move.completedUri), createsPage: move.createsPage, inferred: move.label, edit: move.result.edit };
}

/** "Move goal to goals_completed.md (FY-21-Q1)" on a goal heading: first and preferred when the goal is finished. */
export async function moveGoalAction(doc: GoalDoc, goal: Goal, ctx: LifecycleContext, kind = MOVE): Promise<CodeAction | undefined> {
  if (isCompletedPage(doc)) return undefined;
  const move = await planGoalMove(doc, goal, ctx);
  if ('refused' in move) {
    return ctx.support.disabledActions ? { title: 'Move goal to the completed page', kind, disabled: { reason: move.refused } } : undefined;
  }
  const args: MoveGoalArgs = { uri: doc.uri, version: doc.version, line: goal.heading.range.start.line };
  const action: CodeAction = {
    title: `Move goal to ${relativeName(doc.uri, move.completedUri)} (${move.label})`,
    kind,
    edit: move.result.edit,
    data: { moveGoal: args },
  };
  if (isGoalFinished(doc, goal)) action.isPreferred = true;
  return action;
}
