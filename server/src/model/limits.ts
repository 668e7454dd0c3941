// What the Markdown parser is never given. micromark's cost grows with the square (or worse) of
// a paragraph's length when it holds many brackets or emphasis delimiters, and with nesting
// depth times line count; past a few thousand levels its tree walkers overflow the stack. A chunk
// beyond these limits is left unanalysed, with one message saying why, so that one pathological
// part of a file cannot freeze or crash the server. Real goal docs stay far below them: over the
// corpus, the deepest nesting is 5, the longest paragraph 2,890 characters with 90 delimiters.
import { splitChunks } from './chunks';

export const LIMITS = {
  /** Block quotes and list items open on one line, counting indentation as list nesting. */
  nesting: 100,
  /** Characters of one paragraph (a table row, a list item's text). */
  paragraphLength: 20_000,
  /** Inline delimiters (`*_~[]()<>` and backticks) of one paragraph. */
  paragraphDelimiters: 1_000,
  /**
   * Nested containers opened (a list inside a list item, a quote in a quote) times the chunk's
   * length: micromark moves every event of its input each time a nested container closes.
   */
  nestedWork: 10_000_000,
};

function isDelimiter(c: number): boolean {
  // * _ ~ [ ] ( ) < > `
  return c === 42 || c === 95 || c === 126 || c === 91 || c === 93 || c === 40 || c === 41 || c === 60 || c === 62 || c === 96;
}

/** A table's delimiter row (`|---|:--:|`), which makes the line above a table header. */
const TABLE_DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

export interface LimitExceeded {
  /** Where the line that goes past a limit starts. */
  offset: number;
  /** Why, in words for a message. */
  reason: string;
}

/**
 * Why a chunk of Markdown must not be parsed, and where, or undefined when it may be.
 * One pass over the text, line by line, approximating the block structure: container prefixes
 * (`>` and list markers) for nesting, fences (whose lines are not paragraphs), blank lines, list
 * items and table rows as paragraph boundaries.
 */
export function exceedsLimits(text: string): LimitExceeded | undefined {
  const nul = text.indexOf('\0');
  if (nul >= 0) return { offset: lineStartBefore(text, nul), reason: 'it holds NUL characters, as binary files do' };
  let fence: { char: number; length: number } | undefined;
  let paragraphLength = 0;
  let paragraphDelimiters = 0;
  let inTable = false;
  let previousHadPipe = false;
  let previousDepth = 0;
  let nestedOpenings = 0;
  const length = text.length;
  let lineStart = 0;
  while (lineStart <= length) {
    let lineEnd = lineStart;
    while (lineEnd < length) {
      const c = text.charCodeAt(lineEnd);
      if (c === 10 || c === 13) break;
      lineEnd++;
    }

    // Container prefix: spaces, `>`, list markers.
    let i = lineStart;
    let columns = 0;
    let containers = 0;
    let indentBeforeMarker = 0;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32) {
        columns++;
        i++;
      } else if (c === 9) {
        columns += 4 - (columns % 4);
        i++;
      } else if (c === 62) {
        if (containers === 0) indentBeforeMarker = columns;
        containers++;
        i++;
      } else if ((c === 45 || c === 42 || c === 43) && (i + 1 >= lineEnd || text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) {
        if (containers === 0) indentBeforeMarker = columns;
        containers++;
        i++;
      } else if (c >= 48 && c <= 57) {
        let j = i;
        while (j < lineEnd && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
        const after = text.charCodeAt(j);
        if (!((after === 46 || after === 41) && (j + 1 >= lineEnd || text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 9))) break;
        if (containers === 0) indentBeforeMarker = columns;
        containers++;
        i = j + 1;
      } else break;
      if (i >= lineEnd) break;
    }
    // Indentation before a marker nests it in the list items above.
    const depth = containers > 0 ? containers + Math.floor(indentBeforeMarker / 2) : 0;
    if (depth > LIMITS.nesting) return { offset: lineStart, reason: `block quotes or lists are nested about ${depth} deep (the limit is ${LIMITS.nesting})` };
    if (containers > 1 || (depth > 1 && depth > previousDepth)) {
      nestedOpenings++;
      if (nestedOpenings * length > LIMITS.nestedWork) {
        return { offset: lineStart, reason: `it opens more nested lists or quotes (${nestedOpenings.toLocaleString('en-US')} by here) than its ${length.toLocaleString('en-US')} characters allow to parse quickly` };
      }
    }
    if (containers > 0) previousDepth = depth;
    else if (lineStart < lineEnd && columns === 0) previousDepth = 0;

    const content = i;
    const blank = content >= lineEnd;
    const c0 = blank ? 0 : text.charCodeAt(content);
    if (fence) {
      let n = 0;
      while (text.charCodeAt(content + n) === fence.char) n++;
      if (n >= fence.length && text.slice(content + n, lineEnd).trim() === '') fence = undefined;
    } else if ((c0 === 96 || c0 === 126) && text.charCodeAt(content + 1) === c0 && text.charCodeAt(content + 2) === c0) {
      let n = 3;
      while (text.charCodeAt(content + n) === c0) n++;
      if (!(c0 === 96 && text.slice(content + n, lineEnd).includes('`'))) {
        fence = { char: c0, length: n };
        paragraphLength = 0;
        paragraphDelimiters = 0;
      }
    } else if (blank) {
      paragraphLength = 0;
      paragraphDelimiters = 0;
      inTable = false;
    } else {
      let hasPipe = false;
      for (let k = content; k < lineEnd && !hasPipe; k++) hasPipe = text.charCodeAt(k) === 124;
      if (!inTable && previousHadPipe && TABLE_DELIMITER_ROW.test(text.slice(content, lineEnd))) inTable = true;
      else if (inTable && !hasPipe) inTable = false;
      previousHadPipe = hasPipe;
      // A list item, a heading or a table row starts a paragraph of its own.
      if (containers > 0 || c0 === 35 || inTable) {
        paragraphLength = 0;
        paragraphDelimiters = 0;
      }
      paragraphLength += lineEnd - content;
      for (let k = content; k < lineEnd; k++) if (isDelimiter(text.charCodeAt(k))) paragraphDelimiters++;
      if (paragraphLength > LIMITS.paragraphLength) {
        return { offset: lineStart, reason: `a paragraph is longer than ${LIMITS.paragraphLength.toLocaleString('en-US')} characters` };
      }
      if (paragraphDelimiters > LIMITS.paragraphDelimiters) {
        return { offset: lineStart, reason: `a paragraph has more than ${LIMITS.paragraphDelimiters.toLocaleString('en-US')} brackets and emphasis marks` };
      }
    }
    if (blank) previousHadPipe = false;

    if (lineEnd >= length) break;
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
  }
  return undefined;
}

function lineStartBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}

/**
 * Whether a page's parse leaves some chunk of it unanalysed: the limits hold per chunk
 * (model/chunks.ts), as the parse applies them. (Nested work counts the length of what is
 * parsed at once: a long page with many nested lists is within the limits chunk by chunk.)
 */
export function someChunkExceedsLimits(text: string): boolean {
  const { starts } = splitChunks(text);
  return starts.some((start, i) => exceedsLimits(text.slice(start, starts[i + 1] ?? text.length)) !== undefined);
}
