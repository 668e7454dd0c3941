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
  // Markdown ends lines at \n, \r\n and a lone \r alike.
  const lineBreak = /\r\n?|\n/g;
  let lineStart = 0;
  for (;;) {
    lineBreak.lastIndex = lineStart;
    const m = lineBreak.exec(text);
    const lineEnd = m ? m.index : text.length;
    const next = m ? m.index + m[0].length : text.length;
    const line = text.slice(lineStart, lineEnd);
    const blank = line.trim() === '';
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
    } else {
      const c = line.charCodeAt(0);
      const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
      if (c === 35 /* # */ && prevBlank && lineStart > 0 && /^#{1,6}(?:[ \t]|$)/.test(line)) {
        starts.push(lineStart);
      } else if (open) {
        if (!(open[1][0] === '`' && open[2].includes('`'))) fence = { char: open[1][0], length: open[1].length };
      } else if (line.includes('<')) {
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
      } else if (line.includes(']:') && DEFINITION.test(line)) {
        if (/\]:\s*$/.test(line)) pendingDefinition = line;
        else definitions.push(line);
      }
    }
    prevBlank = blank;
    if (!m) break;
    lineStart = next;
  }
  return { starts, definitions };
}
