// Splits a document into chunks that parse the same alone as in the whole document, so that
// each can be parsed once and reused while other parts of the document are edited (micromark's
// cost grows faster than linearly with the input, so small chunks are also faster to parse).
//
// A chunk starts at an ATX heading in column 0 that follows a blank line, outside fenced code
// and outside HTML blocks that may contain blank lines (comments, <pre>, <script>, …). Such a
// line is a heading in the whole document whatever came before: it closes every open list,
// block quote and paragraph. Splitting less is always safe; splitting there is never wrong.

export interface ChunkSplit {
  /** Offsets where chunks start; the first is 0. */
  starts: number[];
  /** Link reference definition lines (outside code), which apply document-wide. */
  definitions: string[];
}

const HTML_RAW_OPEN = /^ {0,3}<(pre|script|style|textarea)(?:\s|>|$)/i;
const DEFINITION = /^ {0,3}\[(?:[^[\]\\\n]|\\.)+\]:/;

export function splitChunks(text: string): ChunkSplit {
  const starts = [0];
  const definitions: string[] = [];
  let prevBlank = true;
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let pendingDefinition: string | undefined;
  // Markdown ends lines at \n, \r\n and a lone \r alike. Most lines start with a letter and
  // need no look: only lines that may open or close a fence, an HTML block or a definition, or
  // that may start a chunk, are sliced and matched.
  const length = text.length;
  let lineStart = 0;
  while (lineStart <= length) {
    let lineEnd = lineStart;
    while (lineEnd < length) {
      const c = text.charCodeAt(lineEnd);
      if (c === 10 || c === 13) break;
      lineEnd++;
    }
    let next = lineEnd + 1;
    if (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10) next++;
    let first = lineStart;
    while (first < lineEnd && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
    const blank = first === lineEnd;
    const c = blank ? 0 : text.charCodeAt(first);
    // # ` ~ < [ — and, inside a fence or HTML block, anything may close it.
    const interesting = c === 35 || c === 96 || c === 126 || c === 60 || c === 91 || fence || htmlEnd || pendingDefinition !== undefined;
    if (interesting) {
      const line = text.slice(lineStart, lineEnd);
      if (fence) {
        const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
        if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
      } else if (htmlEnd) {
        if (htmlEnd.test(line)) htmlEnd = undefined;
      } else {
        const open = c === 96 || c === 126 ? /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line) : null;
        if (c === 35 && prevBlank && lineStart > 0 && first === lineStart && /^#{1,6}(?:[ \t]|$)/.test(line)) {
          starts.push(lineStart);
        } else if (open) {
          if (!(open[1][0] === '`' && open[2].includes('`'))) fence = { char: open[1][0], length: open[1].length };
        } else if (c === 60) {
          const raw = HTML_RAW_OPEN.exec(line);
          if (raw) {
            const end = new RegExp(`</${raw[1]}>`, 'i');
            if (!end.test(line.slice(raw[0].length))) htmlEnd = end;
          } else if (/^ {0,3}<!--/.test(line) && !line.includes('-->', line.indexOf('<!--') + 4)) {
            htmlEnd = /-->/;
          } else if (/^ {0,3}<\?/.test(line) && !line.includes('?>')) {
            htmlEnd = /\?>/;
          } else if (/^ {0,3}<!\[CDATA\[/.test(line) && !line.includes(']]>')) {
            htmlEnd = /\]\]>/;
          } else if (/^ {0,3}<![A-Za-z]/.test(line) && !line.includes('>')) {
            htmlEnd = />/;
          }
        }
        if (pendingDefinition !== undefined) {
          // A definition whose destination is on the next line.
          if (!blank) definitions.push(`${pendingDefinition}\n${line}`);
          pendingDefinition = undefined;
        } else if (c === 91 && line.includes(']:') && DEFINITION.test(line)) {
          if (/\]:\s*$/.test(line)) pendingDefinition = line;
          else definitions.push(line);
        }
      }
    }
    prevBlank = blank;
    if (lineEnd >= length) break;
    lineStart = next;
  }
  return { starts, definitions };
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
