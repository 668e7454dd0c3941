// One chunk of a document, parsed and turned into model pieces with positions relative to where
// the chunk stands. A later version of the document whose chunk has the same text reuses the
// fragment: moving it is one addition per span and per position (see `placeFragment`).
import type { Code, Definition, Heading as MdHeading, Html, Link as Link_, Table as MdTable } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Position } from 'vscode-languageserver-types';
import type { GoalDocMarkerComment, Link, ListItem, Mojibake, Span, Table, Toc, Unanalysed } from './types';
import { parseMarkdown } from './parse';
import { buildChunkHeadings, type ChunkHeading } from './headings';
import { buildLinks } from './links';
import { findToc } from './toc';
import { offsetsOf, type SourceContext } from './milestones';
import { type ChunkSection, collectSections } from './sections';
import { tableOf } from './tables';
import { MARKER } from './evidence';
import { DEFAULT_DIALECT, type Dialect } from './dialect';
import { type PageSummary, summarize } from './pageScan';
import { findMojibake } from './mojibake';
import { bracketLabels, normalizeLabel } from './chunks';
import { computeLineStarts, lineEndAt, PositionFactory, positionAt, unclosedFence, unclosedHtmlBlock } from './text';
import { exceedsLimits, type LimitExceeded } from './limits';

export interface ChunkFragment {
  text: string;
  /** The key of the dialect it was read in (model/dialect.ts): a fragment serves only that dialect's documents. */
  dialect: string;
  /** The definitions put before the chunk when parsing (empty when none were needed). */
  definitions: string;
  /**
   * The link reference definitions the parser found in the chunk's own text, in order: the
   * label (normalized) and the definition's source, to put before other chunks that use it.
   */
  realDefinitions: Array<{ label: string; text: string }>;
  /**
   * The chunk ends inside a fenced code block or an HTML block at the top level that nothing
   * closed: in the document, the next chunk's heading is inside it too (build.ts merges them).
   */
  openAtEnd?: boolean;
  /** The chunk was parsed as the last of its document (it runs to the end of the input). */
  last: boolean;
  /** Every `[…]` of the chunk: the reference labels it may use. */
  refLabels: string[];
  /** Where the fragment's positions currently place it in its document. */
  offset: number;
  line: number;
  /** Line starts relative to the chunk. */
  lineStarts: number[];
  spans: Span[];
  positions: Position[];
  headings: ChunkHeading[];
  links: Link[];
  htmlAnchors: string[];
  sections: ChunkSection[];
  items: ListItem[];
  codeSpans: Span[];
  tables: Table[];
  mojibake: Mojibake[];
  /** `<!-- goal-docs: on -->` / `off` markers of the chunk, in order (never inside code). */
  markers: GoalDocMarkerComment[];
  /** What the chunk says about its page being a goal doc, read line by line (pageScan.ts). */
  summary: PageSummary;
  toc?: Toc;
  /** Set when the chunk was beyond the parser's limits (limits.ts) and only its heading was kept. */
  unanalysed?: Unanalysed;
}

/** A chunk as the parser gives it, before its summary is added. */
export type ParsedChunk = Omit<ChunkFragment, 'summary' | 'dialect'>;

/**
 * Parses one chunk. When the chunk uses reference links, the document's reference definitions
 * are put in front of it (at the end they could fall inside a fence the chunk leaves open), and
 * everything is then moved back so that positions count from the chunk's first character.
 * A chunk beyond the parser's limits, or that the parser fails on, keeps only its heading.
 */
export function buildFragment(chunkText: string, definitions: string, last: boolean, dialect: Dialect = DEFAULT_DIALECT): ChunkFragment {
  const summary = summarize(chunkText, dialect);
  const exceeded = exceedsLimits(chunkText);
  if (exceeded) return { ...unanalysedFragment(chunkText, definitions, last, exceeded, dialect), summary, dialect: dialect.key };
  try {
    return { ...parseFragment(chunkText, definitions, last, dialect), summary, dialect: dialect.key };
  } catch (e) {
    // A stack overflow on nesting the limits did not foresee costs this chunk its structure, not the server.
    const reason = e instanceof RangeError ? 'it is nested too deeply for the Markdown parser' : `the Markdown parser failed on it (${String(e)})`;
    return { ...unanalysedFragment(chunkText, definitions, last, { offset: 0, reason }, dialect), summary, dialect: dialect.key };
  }
}

/**
 * A chunk left unparsed: its opening heading (parsed alone, so that links to it still resolve)
 * and the rest marked as not analysed, with the line that went past a limit and why.
 */
function unanalysedFragment(chunkText: string, definitions: string, last: boolean, exceeded: LimitExceeded, dialect: Dialect): ParsedChunk {
  const headingEnd = lineEndAt(chunkText, 0);
  const headingLine = chunkText.slice(0, headingEnd);
  let fragment: ParsedChunk | undefined;
  if (/^\uFEFF?#{1,6}(?:[ \t]|$)/.test(headingLine) && !exceedsLimits(headingLine) && (exceeded.offset > 0 || exceeded.reason.includes('parser'))) {
    try {
      fragment = parseFragment(headingLine, definitions, true, dialect);
      for (const h of fragment.headings) h.emptyBody = false;
    } catch {
      fragment = undefined;
    }
  }
  const lineStarts = computeLineStarts(chunkText);
  const f = new PositionFactory(lineStarts);
  fragment ??= {
    text: chunkText,
    definitions,
    last,
    refLabels: [],
    realDefinitions: [],
    offset: 0,
    line: 0,
    lineStarts,
    spans: f.spans,
    positions: f.positions,
    headings: [],
    links: [],
    htmlAnchors: [],
    sections: [{ heading: 'before', content: { fields: [], items: [] } }],
    items: [],
    codeSpans: [],
    tables: [],
    mojibake: [],
    markers: [],
  };
  fragment.text = chunkText;
  fragment.last = last;
  fragment.refLabels = bracketLabels(chunkText);
  fragment.lineStarts = lineStarts;
  const afterHeading = chunkText.charCodeAt(headingEnd) === 13 && chunkText.charCodeAt(headingEnd + 1) === 10 ? headingEnd + 2 : headingEnd + 1;
  const skipped = { start: fragment.headings.length ? Math.min(afterHeading, chunkText.length) : 0, end: chunkText.length };
  const problem = { start: exceeded.offset, end: lineEndAt(chunkText, exceeded.offset) };
  const range = { start: positionAt(lineStarts, problem.start), end: positionAt(lineStarts, problem.end) };
  fragment.spans.push(skipped);
  fragment.positions.push(range.start, range.end);
  fragment.unanalysed = { span: skipped, range, reason: exceeded.reason };
  return fragment;
}

function parseFragment(chunkText: string, definitions: string, last: boolean, dialect: Dialect): ParsedChunk {
  const bom = chunkText.charCodeAt(0) === 0xfeff;
  const body = bom ? chunkText.slice(1) : chunkText;
  // Only a document's first character can be a byte order mark; the parser would drop a second
  // one at the start of its input as well, and every offset would be one short: a blank line in
  // front keeps it an ordinary character.
  const prefix = definitions ? `${definitions}\n\n` : body.charCodeAt(0) === 0xfeff ? '\n' : '';
  const text = prefix + body;
  // The blank lines before the next chunk's heading are left out of the parse: at the end of the
  // input, a fence left open in a list item would take them in; before a heading it does not.
  const { root } = parseMarkdown(last ? text : text.slice(0, endOfContent(text)));
  if (prefix) root.children = root.children.filter((n) => (n.position?.start.offset ?? 0) >= prefix.length);
  const lineStarts = computeLineStarts(text);
  const f = new PositionFactory(lineStarts);
  const ctx: SourceContext = { text, f, dialect };
  // One walk over the tree for everything the chunk's pieces are made of.
  const nodes = { heading: [] as MdHeading[], linkish: [] as Array<Link_ | Definition | Html>, code: [] as Code[], table: [] as MdTable[], html: [] as Html[], definition: [] as Definition[] };
  visit(root, (node) => {
    switch (node.type) {
      case 'heading':
        nodes.heading.push(node);
        break;
      case 'link':
        nodes.linkish.push(node);
        break;
      case 'definition':
        nodes.linkish.push(node);
        nodes.definition.push(node);
        break;
      case 'html':
        nodes.linkish.push(node);
        nodes.html.push(node);
        break;
      case 'code':
        nodes.code.push(node);
        break;
      case 'table':
        nodes.table.push(node);
        break;
    }
  });
  const headings = buildChunkHeadings(nodes.heading, text, f, dialect.periods);
  const { links, htmlAnchors } = buildLinks(nodes.linkish, text, f);
  const toc = findToc(root, text, f, links);
  const tocNode = toc && root.children.find((n) => n.type === 'list' && offsetsOf(n).start === toc.span.start);
  const { sections, items } = collectSections(root, ctx, headings, tocNode);
  const codeSpans: Span[] = nodes.code.map((node) => {
    const at = offsetsOf(node);
    return f.span(at.start, at.end);
  });
  const mojibake: Mojibake[] = findMojibake(text, codeSpans)
    .filter((r) => r.span.start >= prefix.length)
    .map((r) => {
      const span = f.span(r.span.start, r.span.end);
      return { span, range: f.range(span), text: r.text, repaired: r.repaired };
    });
  const tables: Table[] = nodes.table.flatMap((node) => tableOf(ctx, node) ?? []);
  // Read from the source rather than the node's value, which leaves out a quote's or a list's prefixes.
  const markers: GoalDocMarkerComment[] = [];
  for (const node of nodes.html) {
    const at = offsetsOf(node);
    for (const m of text.slice(at.start, at.end).matchAll(MARKER)) {
      markers.push({ value: m[1]!.toLowerCase() as GoalDocMarkerComment['value'], span: f.span(at.start + m.index, at.start + m.index + m[0].length) });
    }
  }
  const realDefinitions: ChunkFragment['realDefinitions'] = nodes.definition.map((node) => {
    const at = offsetsOf(node);
    return { label: normalizeLabel(node.label ?? node.identifier), text: text.slice(at.start, at.end).trim() };
  });
  const lastNode = root.children[root.children.length - 1];
  const lastSource = lastNode && (lastNode.type === 'code' || lastNode.type === 'html') ? text.slice(offsetsOf(lastNode).start, offsetsOf(lastNode).end) : '';
  const openAtEnd = !last && (lastNode?.type === 'code' ? unclosedFence(lastSource) : lastNode?.type === 'html' && unclosedHtmlBlock(lastSource));
  const prefixLines = prefix ? computeLineStarts(prefix).length - 1 : 0;
  const fragment: ParsedChunk = {
    text: chunkText,
    definitions,
    last,
    refLabels: bracketLabels(chunkText),
    realDefinitions,
    openAtEnd,
    offset: prefix.length,
    line: prefixLines,
    lineStarts: prefix ? computeLineStarts(body) : lineStarts,
    spans: f.spans,
    positions: f.positions,
    headings,
    links,
    htmlAnchors,
    sections,
    items,
    codeSpans,
    tables,
    mojibake,
    markers,
    toc,
  };
  placeFragment(fragment, 0, 0);
  if (bom) {
    // The parser never saw the BOM: everything sits one character further on the first line.
    for (const s of fragment.spans) {
      s.start++;
      s.end++;
    }
    for (const p of fragment.positions) if (p.line === 0) p.character++;
    fragment.lineStarts = [0, ...fragment.lineStarts.slice(1).map((n) => n + 1)];
  }
  return fragment;
}

/** The offset after the last line that is not blank. */
function endOfContent(text: string): number {
  let end = text.length;
  for (;;) {
    let lineStart = end;
    if (lineStart > 0 && text[lineStart - 1] === '\n') lineStart--;
    if (lineStart > 0 && text[lineStart - 1] === '\r') lineStart--;
    let i = lineStart;
    while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
    if (i === lineStart && lineStart === end) return end;
    if (text.slice(i, lineStart).trim() !== '' || i === 0) return end;
    end = i;
  }
}

/** Moves a fragment's positions to where its chunk now stands in the document. */
export function placeFragment(fragment: ParsedChunk, offset: number, line: number): void {
  const dOffset = offset - fragment.offset;
  const dLine = line - fragment.line;
  if (dOffset !== 0) {
    for (const s of fragment.spans) {
      s.start += dOffset;
      s.end += dOffset;
    }
  }
  if (dLine !== 0) for (const p of fragment.positions) p.line += dLine;
  fragment.offset = offset;
  fragment.line = line;
}
