// Lightbulb actions on milestones and outcome items wherever the cursor or selection is, not only
// where a diagnostic is: mark done, mark done with a chosen version, reopen, descope, and move to
// the goal's Descoped outcomes list.
import type { CodeAction, Range } from 'vscode-languageserver-types';
import { type Field, type GoalDoc, isMilestone, type Milestone } from '../model/types';
import { allMilestones } from '../model/milestones';
import { goalContaining } from '../model/structure';
import { offsetAt } from '../model/text';
import type { GoalDocsSettings } from '../settings/schema';
import { doneStyleFor, inferStampVersion, isClosedInHouse, stampsVersion } from './doneStyle';
import { codeAction, lineStart, nextLineStart, type SpanEdit } from './edit';
import { type GoalRow, goalRows, markRowDone, reopenRow } from './goalTables';
import { descopeItem, markItemDone, reopenItem } from './markDone';
import { MARK_DONE_CLIENT_COMMAND, type MarkDoneWithVersionArgs } from '../protocol';

export { MARK_DONE_CLIENT_COMMAND, MARK_DONE_WITH_VERSION_COMMAND } from '../protocol';

export const QUICK_FIX = 'quickfix';
export const REWRITE = 'refactor.rewrite';

export interface Targets {
  items: Milestone[];
  rows: GoalRow[];
}

/** The last offset of an item's own lines: before its first nested item's line, or its end. */
function ownEnd(doc: GoalDoc, m: Milestone): number {
  return m.children.length ? lineStart(doc, m.children[0].span.start) - 1 : m.span.end;
}

/**
 * The items and goal-table rows a range is on: the item under a cursor (its own lines, not its
 * nested items'), or every item whose own lines a selection touches. A selection that ends at the
 * start of a line leaves that line out.
 */
export function targetsAt(doc: GoalDoc, range: Range): Targets {
  const start = offsetAt(doc.lineStarts, doc.text.length, range.start);
  let end = offsetAt(doc.lineStarts, doc.text.length, range.end);
  let lastLine = range.end.line;
  if (end > start && range.end.character === 0) {
    end--;
    lastLine--;
  }
  const items = [...allMilestones(doc.items)].filter(isMilestone).filter((m) => lineStart(doc, m.span.start) <= end && start <= ownEnd(doc, m));
  const rows = goalRows(doc).filter((r) => r.line >= range.start.line && r.line <= lastLine);
  return { items, rows };
}

export function targetsOnLines(doc: GoalDoc, lines: number[]): Targets {
  const wanted = new Set(lines);
  return {
    items: [...allMilestones(doc.items)].filter(isMilestone).filter((m) => wanted.has(m.lineRange.start.line)),
    rows: goalRows(doc).filter((r) => wanted.has(r.line)),
  };
}

/** The edits that mark every open target done, each with `version` (a string, or one per item). */
export function markTargetsDone(doc: GoalDoc, targets: Targets, settings: GoalDocsSettings, version: string | ((m: Milestone) => string)): SpanEdit[] {
  const edits: SpanEdit[] = [];
  const versionOf = typeof version === 'string' ? () => version : version;
  for (const m of targets.items) if (!isClosedInHouse(doc, m)) edits.push(...markItemDone(doc, m, doneStyleFor(doc, m, settings), versionOf(m)));
  for (const r of targets.rows) if (!r.done) edits.push(...markRowDone(r));
  return edits;
}

function goalOf(doc: GoalDoc, m: Milestone) {
  return goalContaining(doc.goals, m.span);
}

/** Moves the item, with its nested items, to the end of the Descoped outcomes list, indented as that list is. */
function moveToDescoped(doc: GoalDoc, m: Milestone, field: Field): SpanEdit[] {
  const from = lineStart(doc, m.span.start);
  const to = nextLineStart(doc, m.span.end);
  const last = field.items[field.items.length - 1];
  const insertAt = last ? nextLineStart(doc, last.span.end) : nextLineStart(doc, field.span.end);
  if (insertAt > from && insertAt < to) return [];
  const fieldColumn = field.span.start - lineStart(doc, field.span.start);
  const indent = field.items[0] ? field.items[0].span.start - lineStart(doc, field.items[0].span.start) : field.form === 'bullet' ? fieldColumn + 2 : 0;
  const itemIndent = m.span.start - from;
  let block = doc.text.slice(from, to);
  if (!block.endsWith('\n')) block += '\n';
  const lines = block.split(/(?<=\n)/).map((line) => {
    const own = /^ */.exec(line)![0].length;
    return line.trim() === '' ? line : ' '.repeat(indent) + line.slice(Math.min(own, itemIndent));
  });
  const marker = field.items[0]?.marker;
  if (marker && field.items[0].ordered !== m.ordered) lines[0] = lines[0].replace(m.marker, marker);
  let inserted = lines.join('');
  if (insertAt === doc.text.length && !doc.text.endsWith('\n')) inserted = '\n' + inserted.replace(/\n$/, '');
  return [
    { start: from, end: to, newText: '' },
    { start: insertAt, end: insertAt, newText: inserted },
  ];
}

export interface MilestoneActionOptions {
  today: Date;
  wants(kind: string): boolean;
}

export function milestoneActions(doc: GoalDoc, range: Range, settings: GoalDocsSettings, options: MilestoneActionOptions): CodeAction[] {
  const targets = targetsAt(doc, range);
  const versionOf = (m: Milestone) => inferStampVersion(doc, settings, options.today, m);
  // Open items with something to mark (an empty item has not).
  const openItems = targets.items.filter((m) => !isClosedInHouse(doc, m) && markItemDone(doc, m, doneStyleFor(doc, m, settings), versionOf(m)).length);
  const closedItems = targets.items.filter((m) => isClosedInHouse(doc, m));
  const openRows = targets.rows.filter((r) => !r.done);
  const doneRows = targets.rows.filter((r) => r.done);
  const actions: CodeAction[] = [];

  const toMark = openItems.length + openRows.length;
  if (toMark && options.wants(QUICK_FIX)) {
    const title = toMark === 1 ? 'Mark milestone done' : `Mark ${toMark} milestones done`;
    actions.push(codeAction(doc, title, QUICK_FIX, markTargetsDone(doc, { items: openItems, rows: openRows }, settings, versionOf)));
    if (openItems.some((m) => stampsVersion(doneStyleFor(doc, m, settings)))) {
      const lines = [...openItems.map((m) => m.lineRange.start.line), ...openRows.map((r) => r.line)];
      const withVersion = toMark === 1 ? 'Mark milestone done with version…' : `Mark ${toMark} milestones done with version…`;
      actions.push({
        title: withVersion,
        kind: QUICK_FIX,
        command: { title: withVersion, command: MARK_DONE_CLIENT_COMMAND, arguments: [{ uri: doc.uri, version: doc.version, lines, stampVersion: versionOf(openItems[0] ?? targets.items[0]!) } satisfies MarkDoneWithVersionArgs] },
      });
    }
  }
  if (!options.wants(REWRITE)) return actions;

  // Items that cannot be reopened (nothing would be left of them) are left out of the count.
  const reopenEdits = [...closedItems.map((m) => reopenItem(doc, m)), ...doneRows.map((r) => reopenRow(r))].filter((e) => e.length > 0);
  const reopen = reopenEdits.length;
  if (reopen) {
    actions.push(codeAction(doc, reopen === 1 ? 'Reopen milestone' : `Reopen ${reopen} milestones`, REWRITE, reopenEdits.flat()));
  }
  if (openItems.length) {
    const edits = openItems.flatMap((m) => descopeItem(doc, m, doneStyleFor(doc, m, settings)));
    const title = openItems.length === 1 ? 'Descope milestone' : `Descope ${openItems.length} milestones`;
    actions.push(codeAction(doc, title, REWRITE, edits));
  }
  if (openItems.length === 1 && openRows.length === 0) {
    const m = openItems[0];
    const field = goalOf(doc, m)?.fields.find((f) => f.name === 'descopedOutcomes');
    const inside = field?.items.some((d) => [...allMilestones([d])].includes(m));
    if (field && !inside) {
      const edits = moveToDescoped(doc, m, field);
      if (edits.length) actions.push(codeAction(doc, `Move to "${field.label}"`, REWRITE, edits));
    }
  }
  return actions;
}
