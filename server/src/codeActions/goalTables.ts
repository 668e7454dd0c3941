// Goals kept as rows of a Markdown table with a Status column (`| Project | DRI | Status |`),
// read from the tables the parser found (model: GoalDoc.tables).
import type { GoalDoc, Span } from '../model/types';
import { DONE_EMOJI, STATUS_EMOJI } from '../model/milestones';
import type { SpanEdit } from './edit';

export interface GoalRow {
  line: number;
  /** The status cell, between its pipes. */
  cell: Span;
  /** The status text within the cell (empty at the cell's middle when there is none). */
  status: Span;
  done: boolean;
  /** The done emoji this table uses. */
  doneEmoji: string;
}

const STATUS_HEADER = /^\W*(?:status|state|done\??)\W*$/i;

function isStatusValue(text: string): boolean {
  return STATUS_EMOJI.some((e) => text === e || text.startsWith(e));
}

const cache = new WeakMap<GoalDoc, GoalRow[]>();

/** The rows of the document's goal tables: tables with a Status column (by name, or by its status emoji). */
export function goalRows(doc: GoalDoc): GoalRow[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  const rows: GoalRow[] = [];
  for (const table of doc.tables) {
    const headers = table.header.cells.map((c) => c.text.replace(/[*_`]/g, '').trim());
    const valueAt = (k: number) => table.rows.map((r) => r.cells[k]?.text ?? '');
    let column = headers.findIndex((h) => STATUS_HEADER.test(h));
    if (column < 0) {
      // No column is called Status: take the one whose cells are mostly status emoji.
      column = headers.findIndex((_, k) => {
        const values = valueAt(k).filter((v) => v);
        return values.length > 0 && values.filter(isStatusValue).length * 2 >= values.length;
      });
    }
    if (column < 0) continue;
    const values = valueAt(column);
    const doneEmoji = values.map((v) => [...DONE_EMOJI].find((e) => v.includes(e))).find((e) => e) ?? '✅';
    table.rows.forEach((r, k) => {
      const cell = r.cells[column];
      if (!cell) return;
      rows.push({ line: r.range.start.line, cell: cell.span, status: cell.content, done: [...DONE_EMOJI].some((e) => values[k]!.includes(e)), doneEmoji });
    });
  }
  cache.set(doc, rows);
  return rows;
}

/** Sets the row's status to the table's done emoji, keeping the cell's padding. */
export function markRowDone(row: GoalRow): SpanEdit[] {
  if (row.status.start < row.status.end) return [{ ...row.status, newText: row.doneEmoji }];
  // An empty cell: centre the emoji, which shows two columns wide, in the same width.
  const width = row.cell.end - row.cell.start;
  const left = Math.max(1, Math.floor((width - 2) / 2));
  const right = Math.max(1, width - 2 - left);
  return [{ ...row.cell, newText: ' '.repeat(left) + row.doneEmoji + ' '.repeat(right) }];
}

/** Empties the row's done status, keeping the cell's width. */
export function reopenRow(row: GoalRow): SpanEdit[] {
  return [{ ...row.status, newText: '  ' }];
}
