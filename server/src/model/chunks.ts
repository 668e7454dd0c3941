// Splits a document into chunks that parse the same alone as in the whole document, so that
// each can be parsed once and reused while other parts of the document are edited (micromark's
// cost grows faster than linearly with the input, so small chunks are also faster to parse).
//
// A chunk starts at an ATX heading in column 0 that follows a blank line, outside fenced code
// and outside HTML blocks that may contain blank lines (comments, <pre>, <script>, …). Such a
// line is a heading in the whole document whatever came before: it closes every open list,
// block quote and paragraph. Splitting less is always safe; splitting there is never wrong.
import { afterLineBreak, lineEndAt } from './text';

export interface ChunkSplit {
  /** Offsets where chunks start; the first is the offset the split started from (0 for a whole text). */
  starts: number[];
  /**
   * Lines that look like link reference definitions (outside code): a first guess of the
   * definitions that apply document-wide, checked against the parse (build.ts).
   */
  definitions: string[];
}

const HTML_RAW_OPEN = /^ {0,3}<(pre|script|style|textarea)(?:\s|>|$)/i;
const DEFINITION = /^ {0,3}\[(?:[^[\]\\\n]|\\.)+\]:/;

// Lines that may start a chunk, open a fence, an HTML block or a definition. Everything else
// is skipped by the regular expression engine without a look from this code.
// (A line break followed by the candidate: V8 scans for a literal first character much faster
// than it tests a multi-line `^` at every position.)
const INTERESTING = /[\n\r][ \t]{0,3}[#`~<[]/g;


/** True when the line before the one starting at `lineStart` is blank (or there is none). */
function previousLineBlank(text: string, lineStart: number): boolean {
  let i = lineStart - 1;
  if (i < 0) return true;
  if (text.charCodeAt(i) === 10 && text.charCodeAt(i - 1) === 13) i--;
  i--;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
    i--;
  }
  return true;
}

/**
 * Splits `text` from `from`, which is 0 or a chunk start (a heading line: outside code and HTML
 * blocks, so the scan starts in the same state as at the text's start). With `stop`, the split
 * ends at the first chunk start after `from` for which it returns true; that start is the last
 * of `starts`, and what follows it is not looked at.
 */
export function splitChunks(text: string, from = 0, stop?: (start: number) => boolean): ChunkSplit {
  const starts = [from];
  const definitions: string[] = [];
  const lines = new RegExp(INTERESTING.source, 'g');
  lines.lastIndex = from;
  // The first line has no line break before it: look at it as if it had. (A chunk start is a
  // heading line, which changes nothing; the scan goes on from its line break.)
  const firstLine = from === 0 && /^[ \t]{0,3}[#`~<[]/.test(text);
  for (let m = firstLine ? ({ index: -1 } as RegExpExecArray) : lines.exec(text); m; m = lines.exec(text)) {
    const lineStart = m.index + 1;
    const lineEnd = lineEndAt(text, lineStart);
    const line = text.slice(lineStart, lineEnd);
    let resumeAt = afterLineBreak(text, lineEnd);
    const c = line.trimStart().charCodeAt(0);
    if (c === 35 /* # */) {
      if (lineStart > 0 && line.charCodeAt(0) === 35 && /^#{1,6}(?:[ \t]|$)/.test(line) && previousLineBlank(text, lineStart)) {
        starts.push(lineStart);
        if (stop?.(lineStart)) break;
      }
    } else if (c === 96 /* ` */ || c === 126 /* ~ */) {
      const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
      if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
        // Skip to the closing fence (or to the end: an unclosed fence runs to the end).
        const close = new RegExp(`^ {0,3}${open[1][0] === '`' ? '`' : '~'}{${open[1].length},}[ \\t]*$`, 'gm');
        close.lastIndex = resumeAt;
        const found = close.exec(text);
        resumeAt = found ? afterLineBreak(text, lineEndAt(text, found.index)) : text.length;
      }
    } else if (c === 60 /* < */) {
      const terminator = htmlBlockEnd(line);
      if (terminator) {
        const at = terminator.exec(text.slice(resumeAt));
        resumeAt = at ? afterLineBreak(text, lineEndAt(text, resumeAt + at.index)) : text.length;
      }
    } else if (c === 91 /* [ */ && line.includes(']:') && DEFINITION.test(line)) {
      if (/\]:\s*$/.test(line)) {
        // A definition whose destination is on the next line.
        const nextEnd = lineEndAt(text, resumeAt);
        const next = text.slice(resumeAt, nextEnd);
        if (next.trim() !== '') definitions.push(`${line}\n${next}`);
      } else {
        definitions.push(line);
      }
    }
    if (resumeAt >= text.length) break;
    lines.lastIndex = resumeAt - 1; // the line break before the next line
  }
  return { starts, definitions };
}

/**
 * For a line that opens an HTML block that may contain blank lines (comments, <pre>, <script>,
 * <style>, <textarea>, processing instructions, declarations, CDATA) and does not close it on
 * the same line: what closes it.
 */
function htmlBlockEnd(line: string): RegExp | undefined {
  const raw = HTML_RAW_OPEN.exec(line);
  if (raw) {
    const end = new RegExp(`</${raw[1]}>`, 'i');
    return end.test(line.slice(raw[0].length)) ? undefined : end;
  }
  if (/^ {0,3}<!--/.test(line)) return line.includes('-->', line.indexOf('<!--') + 4) ? undefined : /-->/;
  if (/^ {0,3}<\?/.test(line)) return line.includes('?>') ? undefined : /\?>/;
  if (/^ {0,3}<!\[CDATA\[/.test(line)) return line.includes(']]>') ? undefined : /\]\]>/;
  if (/^ {0,3}<![A-Za-z]/.test(line)) return line.includes('>') ? undefined : />/;
  return undefined;
}

/** A reference label as Markdown matches it: case-insensitive, runs of white space as one. */
export function normalizeLabel(label: string): string {
  return label.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Every `[…]` in a text, as labels it may reference. */
export function bracketLabels(text: string): string[] {
  const labels = new Set<string>();
  for (const m of text.matchAll(/\[([^[\]]{1,999})\]/g)) labels.add(normalizeLabel(m[1]));
  return [...labels];
}
