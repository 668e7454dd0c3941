// Offset ↔ position arithmetic over a document's text (UTF-16 offsets, as LSP counts them).
import type { Position, Range } from 'vscode-languageserver-types';
import type { Span } from './types';

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

export function positionAt(lineStarts: number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - lineStarts[low] };
}

export function offsetAt(lineStarts: number[], textLength: number, position: Position): number {
  if (position.line < 0) return 0;
  if (position.line >= lineStarts.length) return textLength;
  const lineStart = lineStarts[position.line];
  const nextLineStart = position.line + 1 < lineStarts.length ? lineStarts[position.line + 1] : textLength;
  return Math.max(lineStart, Math.min(lineStart + position.character, nextLineStart));
}

export function spanToRange(lineStarts: number[], span: Span): Range {
  return { start: positionAt(lineStarts, span.start), end: positionAt(lineStarts, span.end) };
}

/** The end of the line that contains `offset`, before its line break. */
export function lineEndAt(text: string, offset: number): number {
  let i = offset;
  for (let c = text.charCodeAt(i); i < text.length && c !== 10 && c !== 13; c = text.charCodeAt(++i));
  return i;
}

export function lineStartAt(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

export function containsOffset(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

const isBlank = (c: number) => c === 32 || c === 9;
const isWhitespace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Back from `i` over spaces and tabs, not before `min`. */
export function skipBlanksBack(text: string, i: number, min = 0): number {
  while (i > min && isBlank(text.charCodeAt(i - 1))) i--;
  return i;
}

/** Back from `i` over spaces, tabs and line breaks, not before `min`. */
export function skipWhitespaceBack(text: string, i: number, min = 0): number {
  while (i > min && isWhitespace(text.charCodeAt(i - 1))) i--;
  return i;
}

/** Forward from `i` over spaces, tabs and line breaks, not past `max`. */
export function skipWhitespaceForward(text: string, i: number, max = text.length): number {
  while (i < max && isWhitespace(text.charCodeAt(i))) i++;
  return i;
}

/** The offset after the line break that ends the line at `lineEnd` (`\r\n`, `\n` or `\r`). */
export function afterLineBreak(text: string, lineEnd: number): number {
  return text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1;
}

/** True when `a` comes before `b`. */
export function positionBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

export function rangesEqual(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** True when two ranges share some text (touching ends do not count). */
export function rangesOverlap(a: Range, b: Range): boolean {
  return positionBefore(a.start, b.end) && positionBefore(b.start, a.end);
}

/**
 * Makes the spans and ranges of one chunk of a document, relative to the chunk, and remembers
 * every one it made, so that a chunk reused at another place in a later version of the
 * document is moved by adding to each (see fragment.ts) instead of being parsed again.
 */
export class PositionFactory {
  readonly spans: Span[] = [];
  readonly positions: Position[] = [];

  constructor(readonly lineStarts: number[]) {}

  span(start: number, end: number): Span {
    const s = { start, end };
    this.spans.push(s);
    return s;
  }

  range(span: Span): Range {
    const start = positionAt(this.lineStarts, span.start);
    const end = positionAt(this.lineStarts, span.end);
    this.positions.push(start, end);
    return { start, end };
  }
}

/** A line that may open a fenced code block: up to three spaces, a run of backticks or tildes, its info string. */
const FENCE_OPENING = /^ {0,3}(`{3,}|~{3,})([^\r\n]*)\r?$/;
/** A line that may close one: the run alone, white space around it. */
const FENCE_CLOSING = /^ {0,3}(`{3,}|~{3,})[ \t]*\r?$/;

/**
 * The fence a line opens (its run of backticks or tildes), or undefined. A backtick run whose info
 * string holds a backtick opens none: CommonMark reads that line as a paragraph with inline code.
 * The line scans (model/pageScan.ts, model/mask.ts) read fences with this, as model/chunks.ts does.
 */
export function fenceOpenedBy(line: string): string | undefined {
  const m = FENCE_OPENING.exec(line);
  if (!m || (m[1]![0] === '`' && m[2]!.includes('`'))) return undefined;
  return m[1];
}

/** Whether a line closes the block the fence `open` opened: the same character, at least as many. */
export function closesFence(line: string, open: string): boolean {
  const m = FENCE_CLOSING.exec(line);
  return !!m && m[1]![0] === open[0] && m[1]!.length >= open.length;
}

/**
 * True for the source of a fenced code block that no closing fence ends (it runs to the end of
 * its container, or of the document).
 */
export function unclosedFence(source: string): boolean {
  const open = /^[ \t]*(`{3,}|~{3,})/.exec(source);
  if (!open) return false;
  const lines = source.split(/\r\n|\r|\n/);
  if (lines.length < 2) return true;
  const close = /^[ \t]*(`+|~+)[ \t]*$/.exec(lines[lines.length - 1]!);
  return !(close && close[1]![0] === open[1]![0] && close[1]!.length >= open[1]!.length);
}

/**
 * True for the source of an HTML block that may hold blank lines (comment, <pre>, <script>,
 * <style>, <textarea>, processing instruction, declaration, CDATA) and that nothing closes.
 */
export function unclosedHtmlBlock(source: string): boolean {
  const first = /^[ \t]*(<!--|<\?|<![A-Za-z]|<!\[CDATA\[|<(?:pre|script|style|textarea)(?=[\s>]|$))/i.exec(source);
  if (!first) return false;
  const rest = source.slice(first[0].length);
  const opener = first[1]!.toLowerCase();
  if (opener === '<!--') return !rest.includes('-->');
  if (opener === '<?') return !rest.includes('?>');
  if (opener === '<![cdata[') return !rest.includes(']]>');
  if (opener.startsWith('<!')) return !rest.includes('>');
  return !new RegExp(`</${opener.slice(1)}>`, 'i').test(rest);
}
