// Edits as code actions build them: offsets into the one version of a document the model was
// built from, turned into minimal LSP TextEdits tied to that version.
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { GoalDoc } from '../model/types';
import { positionAt } from '../model/text';

export interface SpanEdit {
  start: number;
  end: number;
  newText: string;
}

/** Collects the edits of one change; offsets always refer to the unchanged text. */
export class EditBuilder {
  readonly edits: SpanEdit[] = [];

  constructor(readonly text: string) {}

  replace(start: number, end: number, newText: string): this {
    if (this.text.slice(start, end) !== newText) this.edits.push({ start, end, newText });
    return this;
  }

  insert(at: number, newText: string): this {
    return this.replace(at, at, newText);
  }

  delete(start: number, end: number): this {
    return this.replace(start, end, '');
  }
}

function byStart(a: SpanEdit, b: SpanEdit): number {
  return a.start - b.start || a.end - b.end;
}

/**
 * True when an edit of `a` and one of `b` replace common text, or start at the same offset (two
 * insertions there would land in an order neither fix chose).
 */
export function editsOverlap(a: SpanEdit[], b: SpanEdit[]): boolean {
  return a.some((x) => b.some((y) => (x.start < y.end && y.start < x.end) || x.start === y.start));
}

export function toTextEdits(doc: GoalDoc, edits: SpanEdit[]): TextEdit[] {
  // A stable sort keeps insertions at one offset in the order they were made; edits that touch
  // are joined, so a client sees one edit per changed stretch of text.
  const merged: SpanEdit[] = [];
  for (const e of [...edits].sort(byStart)) {
    const last = merged[merged.length - 1];
    if (last && last.end === e.start) {
      last.end = e.end;
      last.newText += e.newText;
    } else merged.push({ ...e });
  }
  return merged.map((e) => ({
    range: { start: positionAt(doc.lineStarts, e.start), end: positionAt(doc.lineStarts, e.end) },
    newText: e.newText,
  }));
}

/** A workspace edit that applies only to the version of the document it was computed for. */
export function versionedEdit(doc: GoalDoc, edits: SpanEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: toTextEdits(doc, edits) }] };
}

export function codeAction(doc: GoalDoc, title: string, kind: string, edits: SpanEdit[], diagnostic?: Diagnostic, isPreferred?: boolean): CodeAction {
  const action: CodeAction = { title, kind, edit: versionedEdit(doc, edits) };
  if (diagnostic) action.diagnostics = [diagnostic];
  if (isPreferred) action.isPreferred = true;
  return action;
}

/** Offset of the start of the line holding `offset`. */
export function lineStart(doc: GoalDoc, offset: number): number {
  return doc.lineStarts[positionAt(doc.lineStarts, offset).line];
}

/** Offset just after the line break that ends the line holding `offset` (or the text's end). */
export function nextLineStart(doc: GoalDoc, offset: number): number {
  const line = positionAt(doc.lineStarts, offset).line;
  return line + 1 < doc.lineStarts.length ? doc.lineStarts[line + 1] : doc.text.length;
}

/**
 * The edits that turn `oldText` (at `offset` in the document) into `newText`, line by line: lines
 * both share are kept, so a regenerated block touches only the lines that change.
 */
export function lineDiff(oldText: string, newText: string, offset: number): SpanEdit[] {
  // Lines end at \n, \r\n or a lone \r, as Markdown ends them.
  const a = oldText.split(/(?<=\n|\r(?!\n))/);
  const b = newText.split(/(?<=\n|\r(?!\n))/);
  if (a.length * b.length > 250_000) return [{ start: offset, end: offset + oldText.length, newText }];
  // Longest common subsequence of lines, then one edit per run of differing lines.
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const edits: SpanEdit[] = [];
  let i = 0;
  let j = 0;
  let at = offset;
  let pending: SpanEdit | undefined;
  const flush = () => {
    if (pending) edits.push(pending);
    pending = undefined;
  };
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      at += a[i].length;
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
      pending ??= { start: at, end: at, newText: '' };
      pending.newText += b[j++];
    } else {
      pending ??= { start: at, end: at, newText: '' };
      at += a[i].length;
      pending.end = at;
      i++;
    }
  }
  flush();
  return edits;
}

/** The text with the edits applied (offsets into the unchanged text; edits must not overlap). */
export function applySpanEdits(text: string, edits: SpanEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort(byStart)) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/** True when a line starts at `i`: after `\n`, or after a `\r` that no `\n` follows. */
function isLineStart(text: string, i: number): boolean {
  return i === 0 || text[i - 1] === '\n' || (text[i - 1] === '\r' && text[i] !== '\n');
}

/**
 * The edits that turn `before` into `after`: the common lines at both ends kept, the lines
 * between compared line by line.
 */
export function textDiff(before: string, after: string): SpanEdit[] {
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  while (!isLineStart(before, prefix)) prefix--;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // Whole lines only: the kept tail starts where a line of `before` starts.
  while (suffix > 0 && !isLineStart(before, before.length - suffix)) suffix--;
  return lineDiff(before.slice(prefix, before.length - suffix), after.slice(prefix, after.length - suffix), prefix);
}
