// Goals kept as rows of a Markdown table with a Status column (`| Project | DRI | Status |`).
// The model has no tables yet, so the rows are read here from the model's text and line starts,
// skipping code blocks; nothing is parsed again.
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

const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const STATUS_HEADER = /^\W*(?:status|state|done\??)\W*$/i;

/** The cells of a table row, as spans within the line. */
function cellsOf(line: string): Span[] {
  const pipes: number[] = [];
  let inCode = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') i++;
    else if (c === '`') inCode = !inCode;
    else if (c === '|' && !inCode) pipes.push(i);
  }
  if (pipes.length === 0) return [];
  const first = line.search(/\S/);
  const last = line.trimEnd().length - 1;
  const bounds = [pipes[0] === first ? pipes[0] : -1, ...pipes.filter((p) => p !== first && p !== last), pipes[pipes.length - 1] === last ? last : line.length];
  const cells: Span[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) cells.push({ start: bounds[k] + 1, end: bounds[k + 1] });
  return cells;
}

function trimmed(line: string, cell: Span): Span {
  const raw = line.slice(cell.start, cell.end);
  const lead = raw.length - raw.trimStart().length;
  const inner = raw.trim();
  if (!inner) {
    const middle = cell.start + Math.floor(raw.length / 2);
    return { start: middle, end: middle };
  }
  return { start: cell.start + lead, end: cell.start + lead + inner.length };
}

function isStatusValue(text: string): boolean {
  return STATUS_EMOJI.some((e) => text === e || text.startsWith(e));
}

const cache = new WeakMap<GoalDoc, GoalRow[]>();

export function goalRows(doc: GoalDoc): GoalRow[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  const rows: GoalRow[] = [];
  const lineCount = doc.lineStarts.length;
  const lineText = (i: number) => doc.text.slice(doc.lineStarts[i], i + 1 < lineCount ? doc.lineStarts[i + 1] : doc.text.length).replace(/\r?\n$/, '');
  const inCode = (offset: number) => doc.codeSpans.some((s) => s.start <= offset && offset < s.end);
  for (let i = 0; i + 1 < lineCount; i++) {
    const header = lineText(i);
    if (!header.includes('|') || !DELIMITER_ROW.test(lineText(i + 1)) || inCode(doc.lineStarts[i])) continue;
    const headerCells = cellsOf(header).map((c) => header.slice(c.start, c.end).replace(/[*_`]/g, '').trim());
    const body: Array<{ line: number; text: string; cells: Span[] }> = [];
    let j = i + 2;
    for (; j < lineCount; j++) {
      const text = lineText(j);
      if (!text.includes('|') || text.trim() === '') break;
      body.push({ line: j, text, cells: cellsOf(text) });
    }
    let column = headerCells.findIndex((h) => STATUS_HEADER.test(h));
    if (column < 0) {
      // No column is called Status: take the one whose cells are mostly status emoji.
      column = headerCells.findIndex((_, k) => {
        const values = body.map((r) => (r.cells[k] ? r.text.slice(r.cells[k].start, r.cells[k].end).trim() : '')).filter((v) => v);
        return values.length > 0 && values.filter(isStatusValue).length * 2 >= values.length;
      });
    }
    if (column >= 0) {
      const values = body.map((r) => (r.cells[column] ? r.text.slice(r.cells[column].start, r.cells[column].end).trim() : ''));
      const doneEmoji = values.map((v) => [...DONE_EMOJI].find((e) => v.includes(e))).find((e) => e) ?? '✅';
      body.forEach((r, k) => {
        const cell = r.cells[column];
        if (!cell) return;
        const at = doc.lineStarts[r.line];
        const status = trimmed(r.text, cell);
        rows.push({
          line: r.line,
          cell: { start: at + cell.start, end: at + cell.end },
          status: { start: at + status.start, end: at + status.end },
          done: [...DONE_EMOJI].some((e) => values[k].includes(e)),
          doneEmoji,
        });
      });
    }
    i = j - 1;
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
