// A goal doc's outline text: what decides its years, quarters and goals, without the rest. The
// workspace symbols of a whole handbook need only its goal docs' headings and which sections
// hold goal fields, and parsing every goal doc whole at about 200 KB/s made the first query after
// start-up wait seconds. The outline text keeps every heading line as it is (on its own line
// number in `lines`), and for each section between two headings one line per goal-field name
// found there (`- owner:`) and one placeholder line when it holds anything else; a model built
// from it has the same headings, the same heading kinds, the same quarters and goals in the same
// places. Where a line scan cannot be sure of that (code fences or HTML blocks that may hide
// headings, setext or indented headings, fields inside other blocks, a BOM, a page past the
// parser's limits), there is no outline text, and the page is parsed whole.
// test/unit/model/outline.test.ts holds the two to the same symbols over every real page.
import type { FieldName } from './types';
import { matchField } from './fields';
import { exceedsLimits } from './limits';
import { GOAL_FIELDS } from './structure';

export interface OutlineText {
  text: string;
  /** For each line of `text`, the line of the page it stands for. */
  lines: number[];
}

const ATX = /^#{1,6}(?:[ \t]|$)/;
/** A heading that is not at the start of its line (indented, in a quote or a list item). */
const INNER_HEADING = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*[ \t>]*#{1,6}(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const TOP_FENCE = /^(`{3,}|~{3,})(.*)$/;
/** A fence anywhere else (indented, in a quote or a list item): whose lines the scan cannot place. */
const FENCE = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(?:`{3,}|~{3,})/;
/** What may open an HTML block (or be a marker comment): the scan cannot see inside. */
const HTML_START = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*</;
const MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;
const ORDERED = /^\d{1,9}[.)]/;
const TASK_BOX = /^\[[ xX]\][ \t]/;
/** Heading lines longer than this are left to the parser, which has its own limits for them. */
const MAX_LINE = 2000;
/** How each goal field is written in the outline text (matchField reads it back as that field). */
const LABEL: Partial<Record<FieldName, string>> = { owner: 'owner', milestones: 'milestones', outcomes: 'outcomes', status: 'status', descopedOutcomes: 'descoped outcomes' };

/** What the line before was, as far as a paragraph that may follow it is concerned. */
type Previous = 'blank' | 'heading' | 'break' | 'paragraph' | 'unsure';

/** The outline text of a page, or undefined when only a whole parse can be sure of its headings and fields. */
export function outlineText(page: string): OutlineText | undefined {
  if (page.charCodeAt(0) === 0xfeff) return undefined;
  if (exceedsLimits(page)) return undefined;
  const source = page.split(/\r\n|\r|\n/);
  const out: string[] = [];
  const lines: number[] = [];
  const emit = (text: string, line: number) => {
    if (out.length) {
      out.push('');
      lines.push(line);
    }
    out.push(text);
    lines.push(line);
  };
  let fields = new Set<FieldName>();
  let other = false;
  let sectionLine = 0;
  // Each line is a block of its own for the parser, and each block costs it about 0.1 ms: a
  // section gets one line, which says what the structure asks of it (model/structure.ts): that
  // it holds a goal field (one of them stands for all), or only that it is not empty.
  const closeSection = () => {
    const [name] = fields;
    if (name) emit(`${LABEL[name]}:`, sectionLine);
    else if (other) emit('x', sectionLine);
    fields = new Set();
    other = false;
  };
  /** A field of the section (model/sections.ts: the first line of a list item, at any depth, or of a paragraph at the top). */
  const field = (text: string) => {
    const name = matchField(text)!.name;
    if (GOAL_FIELDS.has(name)) fields.add(name);
    else other = true;
  };
  // The content columns of the list items open at this line, outermost first.
  let items: number[] = [];
  let previous: Previous = 'blank';
  for (let i = 0; i < source.length; i++) {
    const line = source[i]!;
    if (line.trim() === '') {
      previous = 'blank';
      continue;
    }
    const fence = TOP_FENCE.exec(line);
    if (fence) {
      // A fence at the start of a line closes every open block and hides every line up to its
      // closing fence (or the end): skipped whole, as model/chunks.ts skips it.
      if (fence[1]![0] === '`' && fence[2]!.includes('`')) return undefined;
      const close = new RegExp(`^ {0,3}${fence[1]![0] === '`' ? '`' : '~'}{${fence[1]!.length},}[ \\t]*$`);
      let end = i + 1;
      while (end < source.length && !close.test(source[end]!)) end++;
      i = end;
      items = [];
      other = true;
      previous = 'break';
      continue;
    }
    if (FENCE.test(line) || HTML_START.test(line)) return undefined;
    if (SETEXT_UNDERLINE.test(line) && previous !== 'blank') return undefined;
    if (ATX.test(line)) {
      // A reference-style link or footnote in a heading reads by definitions elsewhere.
      if (line.length > MAX_LINE || /\](?!\()/.test(line.replace(/!?\[[^\]]*\]\([^)]*\)/g, ''))) return undefined;
      closeSection();
      emit(line, i);
      sectionLine = i;
      items = [];
      previous = 'heading';
      continue;
    }
    if (INNER_HEADING.test(line)) return undefined;
    const indentText = /^[ \t]*/.exec(line)![0];
    const body = line.slice(indentText.length);
    if (indentText.includes('\t')) {
      // Tabs stop at multiples of four columns: the scan does not count them.
      if (matchField(body.replace(/^(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t])?/, ''))) return undefined;
      other = true;
      previous = 'unsure';
      continue;
    }
    const indent = indentText.length;
    if (THEMATIC_BREAK.test(line)) {
      if (indent === 0) items = [];
      other = true;
      previous = 'break';
      continue;
    }
    const marker = MARKER.exec(body);
    // Where a new block may start: within the innermost open item whose content column the line reaches.
    const within = (n: number) => {
      while (items.length && items[items.length - 1]! > n) items.pop();
      return n - (items[items.length - 1] ?? 0) < 4;
    };
    if (marker) {
      const interrupts = previous !== 'paragraph' || !ORDERED.test(body) || /^1[.)]/.test(body);
      if (!within(indent) || !interrupts) {
        // Indented code or a paragraph's next line: no list item, and no field.
        if (matchField(body.replace(/^(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t])?/, ''))) return undefined;
        other = true;
        previous = previous === 'blank' ? 'unsure' : 'paragraph';
        continue;
      }
      let rest = body.slice(marker[0].length);
      const simple = /^ {1,4}(?=\S)/.exec(rest);
      // An empty item, a tab or an indented code block after the marker: only a parse knows.
      if (!simple) return undefined;
      items.push(indent + marker[0].length + simple[0].length);
      rest = rest.slice(simple[0].length);
      const boxed = TASK_BOX.test(rest);
      if (boxed) rest = rest.slice(4);
      if (matchField(rest)) {
        // A field behind a ticked box: only a parse knows where the item's text starts.
        if (boxed) return undefined;
        field(rest);
      } else {
        other = true;
      }
      previous = 'paragraph';
      continue;
    }
    if (/^ {0,3}\[/.test(line) || body.startsWith('>')) {
      // A definition, or a quote: a field there is the parser's to find.
      if (matchField(body.replace(/^(?:>[ \t]*|(?:[-*+]|\d{1,9}[.)])[ \t]+|\[[ xX]\][ \t]+)*/, ''))) return undefined;
      other = true;
      previous = 'unsure';
      continue;
    }
    if (previous === 'blank') {
      if (!within(indent)) {
        // Indented code: no field.
        other = true;
        previous = 'unsure';
        continue;
      }
      // A new paragraph: a field when it is at the top, not inside a list item.
      if (items.length === 0 && matchField(body)) field(body);
      else other = true;
      previous = 'paragraph';
      continue;
    }
    if (matchField(body)) {
      // After a heading or a break, a new paragraph; after text, the text's next line (or a lazy
      // one), which is no field; after what may have been code, only a parse knows.
      if (previous === 'unsure' || (previous === 'break' && (items.length > 0 || indent >= 4))) return undefined;
      if (previous === 'heading' && indent >= 4) return undefined;
      if (previous === 'paragraph') other = true;
      else field(body);
    } else {
      other = true;
    }
    previous = 'paragraph';
  }
  closeSection();
  return { text: out.join('\n') + '\n', lines };
}
