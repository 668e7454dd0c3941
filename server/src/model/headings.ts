// Headings with GitHub's anchors. A chunk yields its headings with positions; the document
// assigns slugs (duplicates are counted in document order) and sections.
import { slug as baseSlug } from 'github-slugger';
import type { Heading as MdHeading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Heading } from './types';
import { type PeriodHeading, periodKeyOfHeading, type PeriodTemplate, readPeriodHeading } from './periods';
import { type PositionFactory, spanToRange } from './text';

/** An explicit `{#id}` at the end of a heading's text (the one place this syntax is read). */
export const EXPLICIT_ID = /\s*\{#([^\s}]+)\}\s*$/;

export interface ChunkHeading extends Heading {
  /** An explicit `{#id}` written after the heading text. */
  explicitId?: string;
  /** The period the text stands for, read once per chunk (see structure.ts). */
  period?: PeriodHeading | 'invalid' | null;
}

/** The headings of one chunk (its heading nodes, in order), with chunk-relative positions; `periods`: the team's period templates. */
export function buildChunkHeadings(nodes: MdHeading[], text: string, f: PositionFactory, periods: readonly PeriodTemplate[] = []): ChunkHeading[] {
  const headings: ChunkHeading[] = [];
  for (const node of nodes) {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? 0;
    const first = node.children[0]?.position?.start.offset;
    const last = node.children[node.children.length - 1]?.position?.end.offset;
    let plain = toString(node, { includeImageAlt: false });
    let explicitId: string | undefined;
    const m = EXPLICIT_ID.exec(plain);
    if (m) {
      explicitId = m[1];
      plain = plain.slice(0, m.index);
    }
    const only = node.children.length === 1 ? node.children[0] : undefined;
    const span = f.span(start, end);
    const textSpan = first !== undefined && last !== undefined ? f.span(first, last) : f.span(end, end);
    const text = plain.trim();
    const period = readPeriodHeading(text, periods) ?? null;
    headings.push({
      index: -1,
      level: node.depth,
      text,
      baseSlug: baseSlug(text),
      period,
      periodKey: periodKeyOfHeading(period),
      slug: '',
      ids: [],
      kind: 'other',
      span,
      range: f.range(span),
      textSpan,
      textRange: f.range(textSpan),
      sectionSpan: span,
      sectionRange: f.range(span),
      linkUrl: only?.type === 'link' ? only.url : undefined,
      emptyBody: false,
      explicitId,
    });
  }
  // Within the chunk, a heading's body runs to the next heading; the last one's to the chunk's
  // end, where the next chunk begins with a heading.
  for (let i = 0; i < headings.length; i++) {
    const next = i + 1 < headings.length ? headings[i + 1].span.start : text.length;
    headings[i].emptyBody = text.slice(headings[i].span.end, next).trim() === '';
  }
  return headings;
}

/**
 * Gives every heading of the document its index, GitHub slug and ids, and its section: from the
 * heading to the next heading of the same or a higher level.
 */
export function finishHeadings(headings: ChunkHeading[], text: string, lineStarts: number[]): void {
  // github-slugger's own counting, on base slugs computed once per chunk: slugging every heading
  // again on every keystroke was a fifth of an edit's cost on large documents. A repeated slug
  // gets -1, -2, …, skipping any suffixed slug already taken.
  const taken = new Map<string, number>();
  const unique = (base: string): string => {
    let result = base;
    while (taken.has(result)) {
      const n = taken.get(base)! + 1;
      taken.set(base, n);
      result = `${base}-${n}`;
    }
    taken.set(result, 0);
    return result;
  };
  const open: ChunkHeading[] = [];
  const closeSection = (h: ChunkHeading, end: number) => {
    h.sectionSpan = { start: h.span.start, end: trimTrailingBlankLines(text, h.span.end, end) };
    h.sectionRange = spanToRange(lineStarts, h.sectionSpan);
  };
  headings.forEach((h, index) => {
    h.index = index;
    h.kind = 'other';
    h.slug = unique(h.baseSlug);
    h.ids = h.explicitId ? [h.slug, h.explicitId] : [h.slug];
    while (open.length && open[open.length - 1].level >= h.level) closeSection(open.pop()!, h.span.start);
    open.push(h);
  });
  while (open.length) closeSection(open.pop()!, text.length);
}

function trimTrailingBlankLines(text: string, min: number, end: number): number {
  let e = end;
  while (e > min && /\s/.test(text[e - 1])) e--;
  return e;
}

/** GitHub's slug of a text, as for a heading that appears first in its document. */
export function slugOf(text: string): string {
  return baseSlug(text);
}

/** The nearest heading of a lower level above `h`: its parent in a plain Markdown outline. */
export function outlineParent(doc: { headings: Heading[] }, h: Heading): Heading | undefined {
  return outlineParents(doc.headings)[h.index];
}

// Per list of headings (one per model version): every heading's outline parent, found in one
// pass with a stack. Looking back from each heading made a year's parent cost the whole page
// before it, and completion asks for every heading's place: quadratic at 20,000 lines.
const parentLists = new WeakMap<Heading[], Array<Heading | undefined>>();

/** Every heading's outline parent, by index, computed once per list of headings (the structure reads them too). */
export function outlineParents(headings: Heading[]): Array<Heading | undefined> {
  let parents = parentLists.get(headings);
  if (!parents) {
    parents = [];
    const stack: Heading[] = [];
    for (const h of headings) {
      while (stack.length && stack[stack.length - 1]!.level >= h.level) stack.pop();
      parents.push(stack[stack.length - 1]);
      stack.push(h);
    }
    parentLists.set(headings, parents);
  }
  return parents;
}
