// A page's outline text: what decides its headings' anchors, its years, quarters and goals,
// without the rest. Workspace symbols need only the goal docs' headings and which sections hold
// goal fields, and a page that goal docs only link to needs only its anchors; parsing every such
// page whole at about 200 KB/s made the first symbol query after start-up wait seconds. The
// outline text keeps every heading line as it is (`lines` says which line of the page each of its
// lines stands for) and one line per section between two headings: a goal field (`owner:`) when
// the section holds one, else a placeholder when it holds anything. A model built from it has the
// same headings, anchors, heading kinds, quarters and goals in the same places. The scan follows
// fences and HTML blocks that start a line, list items and paragraphs; where it cannot be sure
// (an indented fence or HTML block, a setext or indented heading, a field in a quote or behind a
// tab, a reference link in a heading, the places where micromark reads a line unlike the
// CommonMark spec, a BOM, a chunk of the page past the parser's limits) there is no outline text, and the
// page is parsed whole. test/unit/outline.test.ts holds both to the whole parse over every real
// page and a fuzz of pages made of goal-doc lines.
import type { Dialect } from './dialect';
import { maskForParse } from './mask';
import type { Position } from 'vscode-languageserver-types';
import type { FieldName } from './types';
import type { AnchorHeading, AnchorSource } from './anchorIndex';
import { buildGoalDoc } from './build';
import { htmlBlockNames, htmlRawNames } from 'micromark-util-html-tag-name';
import { matchField } from './fields';
import { someChunkExceedsLimits } from './limits';
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
/** What may open an HTML block where the scan does not follow it (indented, in a quote or an item). */
const HTML_START = /^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*</;
const MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;
const ORDERED = /^\d{1,9}[.)]/;
const TASK_BOX = /^\[[ xX]\][ \t]/;
/** Heading lines longer than this are left to the parser, which has its own limits for them. */
const MAX_LINE = 2000;
/** How each goal field is written in the outline text (matchField reads it back as that field). */
const LABEL: Partial<Record<FieldName, string>> = { owner: 'owner', milestones: 'milestones', outcomes: 'outcomes', status: 'status', descopedOutcomes: 'descoped outcomes' };

const BLOCK_NAMES = new Set(htmlBlockNames);
const RAW_NAMES = new Set(htmlRawNames);
/** A complete open or closing tag alone on its line (CommonMark's HTML block of the seventh kind). */
const LONE_TAG = /^(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$/;

/**
 * The HTML block a line at the start of the page's lines opens, as CommonMark reads it: what ends
 * it (a text, or `blank` for the next blank line), or undefined when the line is a paragraph's text.
 */
function htmlBlockEnd(line: string, interrupting: boolean): RegExp | 'blank' | undefined {
  const tag = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)/.exec(line);
  if (tag && !tag[1] && RAW_NAMES.has(tag[2]!.toLowerCase()) && /^<[A-Za-z]+(?:[\s>]|$)/.test(line)) return /<\/(?:pre|script|style|textarea)>/i;
  if (line.startsWith('<!--')) return /-->/;
  if (line.startsWith('<?')) return /\?>/;
  if (/^<![A-Za-z]/.test(line)) return />/;
  if (line.startsWith('<![CDATA[')) return /\]\]>/;
  if (tag && BLOCK_NAMES.has(tag[2]!.toLowerCase()) && /^<\/?[A-Za-z][A-Za-z0-9-]*(?:[ \t]|\/?>|$)/.test(line)) return 'blank';
  // (micromark takes `</pre>` for this kind too: only an opening raw tag is of the first.)
  if (!interrupting && LONE_TAG.test(line)) return 'blank';
  return undefined;
}

/** What the line before was, as far as a paragraph that may follow it is concerned. */
type Previous = 'blank' | 'heading' | 'break' | 'paragraph' | 'unsure';

/**
 * The outline text of a page, or undefined when only a whole parse can be sure of its headings
 * and fields. Front matter and an MDX page's JSX are left out, as the parse leaves them (mask.ts).
 */
export function outlineText(original: string, uri = ''): OutlineText | undefined {
  if (original.charCodeAt(0) === 0xfeff) return undefined;
  const page = maskForParse(original, uri).text;
  if (someChunkExceedsLimits(page)) return undefined;
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
  let afterUnsure = false;
  for (let i = 0; i < source.length; i++) {
    const line = source[i]!;
    if (line.trim() === '') {
      // micromark reads the line after indented code and blank lines as if it could interrupt.
      if (previous === 'unsure') afterUnsure = true;
      previous = 'blank';
      continue;
    }
    const wasAfterUnsure = afterUnsure;
    afterUnsure = false;
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
    if (line.startsWith('<')) {
      // After text, a definition or what may be code, only a parse knows whether a lone tag starts
      // a block (micromark starts one after a table row, or on a lazy line of an open list item).
      // so after a table row or a lazy line of an open list item (micromark starts one there).
      if ((wasAfterUnsure || (previous !== 'blank' && previous !== 'heading' && previous !== 'break')) && LONE_TAG.test(line)) return undefined;
      const end = htmlBlockEnd(line, previous === 'paragraph');
      if (end === undefined) {
        // Inline HTML, an autolink: a paragraph's text (or the next line of one).
        other = true;
        previous = 'paragraph';
        continue;
      }
      // An HTML block hides every line up to its end: no heading, no field there.
      let last = i;
      if (end === 'blank') while (last + 1 < source.length && source[last + 1]!.trim() !== '') last++;
      else {
        // The end may be on the opening line, after the opener.
        const opener = /^<(?:!--|\?|!\[CDATA\[|!|[A-Za-z]+)/.exec(line)![0].length;
        if (!end.test(line.slice(opener))) {
          last = i + 1;
          while (last < source.length && !end.test(source[last]!)) last++;
        }
      }
      i = Math.min(last, source.length - 1);
      items = [];
      other = true;
      previous = end === 'blank' ? 'blank' : 'break';
      continue;
    }
    if (FENCE.test(line) || HTML_START.test(line)) return undefined;
    // A setext underline needs a paragraph's line above it; after a heading or a closed block the
    // line is a thematic break, an empty list item or text, which the scan reads below.
    if (SETEXT_UNDERLINE.test(line) && previous !== 'blank' && previous !== 'heading' && previous !== 'break') return undefined;
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
      const startsAtOne = !ORDERED.test(body) || /^1[.)]/.test(body);
      // After a definition (or what may be code), only a parse knows whether `2.` starts an item.
      if ((previous === 'unsure' || wasAfterUnsure) && !startsAtOne && matchField(body.replace(/^\d{1,9}[.)][ \t]+(?:\[[ xX]\][ \t])?/, ''))) return undefined;
      const interrupts = previous !== 'paragraph' || startsAtOne;
      if (!within(indent) || !interrupts) {
        // Indented code or a paragraph's next line: no list item, and no field.
        if (matchField(body.replace(/^(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t])?/, ''))) return undefined;
        other = true;
        previous = previous === 'paragraph' ? 'paragraph' : 'unsure';
        continue;
      }
      let rest = body.slice(marker[0].length);
      if (/^[ \t]*$/.test(rest) && (previous === 'blank' || previous === 'heading' || previous === 'break') && !wasAfterUnsure && (i + 1 === source.length || /^[ \t]*$/.test(source[i + 1]!))) {
        // An empty item (a template's `- `) with a blank line after it: it holds nothing, and it
        // ends there (an item begins with at most one blank line). Where it could interrupt a
        // paragraph, or text follows it, only a parse knows.
        other = true;
        previous = 'break';
        continue;
      }
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
    if (previous === 'heading' || previous === 'break') {
      if (items.length === 0 && indent >= 4) {
        // Indented code: no field.
        other = true;
        previous = 'unsure';
        continue;
      }
      if (items.length > 0) {
        // A break inside a list item: what follows is the parser's to place.
        if (matchField(body)) return undefined;
        other = true;
        previous = 'unsure';
        continue;
      }
      // A new paragraph.
      if (matchField(body)) field(body);
      else other = true;
      previous = 'paragraph';
      continue;
    }
    // After text, the text's next line (or a lazy one), which is no field; after what may have
    // been code or a definition, only a parse knows.
    if (previous === 'unsure' && matchField(body)) return undefined;
    other = true;
    if (previous !== 'unsure') previous = 'paragraph';
  }
  closeSection();
  return { text: out.join('\n') + '\n', lines };
}

/** A position in a model built from outline text, on the page: each heading line is the page's own, moved. */
export function pagePosition(outline: OutlineText, p: Position): Position {
  return { line: outline.lines[p.line]!, character: p.character };
}

/** The model of an outline text (one chunk: it is small, and every chunk is a parse). */
export function outlineModel(outline: OutlineText, uri: string, dialect?: Dialect) {
  return buildGoalDoc(outline.text, { uri, version: -1, wholeDocument: true, dialect });
}

/**
 * What links into a page can reach (its headings' anchors and `<a name>` anchors), read from its
 * outline text: a page that other pages only link to need not be parsed whole. Undefined when the
 * page must be parsed: no outline text, or an `<a` tag anywhere (its anchors may sit in any HTML).
 */
export function anchorsFromText(uri: string, page: string): AnchorSource<AnchorHeading> | undefined {
  if (/<[a-z][^>]*\s(?:id|name)\s*=/i.test(page)) return undefined;
  const outline = outlineText(page, uri);
  if (!outline) return undefined;
  const headings = outlineModel(outline, uri).headings.map((h): AnchorHeading => ({
    slug: h.slug,
    ids: h.ids,
    text: h.text,
    textRange: { start: pagePosition(outline, h.textRange.start), end: pagePosition(outline, h.textRange.end) },
  }));
  return { headings, htmlAnchors: [] };
}
