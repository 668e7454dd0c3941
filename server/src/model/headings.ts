// Headings with GitHub's anchors.
import GithubSlugger from 'github-slugger';
import type { Heading as MdHeading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Heading, Span } from './types';
import { spanToRange } from './text';

const EXPLICIT_ID = /\s*\{#([^\s}]+)\}\s*$/;

interface RawHeading {
  node: MdHeading;
  span: Span;
  textSpan: Span;
  text: string;
  explicitId?: string;
  linkUrl?: string;
}

function collect(root: Root, base: number, text: string): RawHeading[] {
  const raw: RawHeading[] = [];
  visit(root, 'heading', (node) => {
    const start = base + (node.position?.start.offset ?? 0);
    const end = base + (node.position?.end.offset ?? 0);
    const first = node.children[0]?.position?.start.offset;
    const last = node.children[node.children.length - 1]?.position?.end.offset;
    const textSpan = first !== undefined && last !== undefined ? { start: base + first, end: base + last } : { start: end, end };
    let plain = toString(node, { includeImageAlt: false });
    let explicitId: string | undefined;
    const m = EXPLICIT_ID.exec(plain);
    if (m) {
      explicitId = m[1];
      plain = plain.slice(0, m.index);
    }
    const only = node.children.length === 1 ? node.children[0] : undefined;
    const linkUrl = only?.type === 'link' ? only.url : undefined;
    raw.push({ node, span: { start, end }, textSpan, text: plain.trim(), explicitId, linkUrl });
  });
  // Setext headings end after their underline; the span still starts at the text.
  void text;
  return raw;
}

/**
 * Builds headings in document order. Slugs use github-slugger, so duplicates get `-1`, `-2`
 * in the order GitHub assigns them.
 */
export function buildHeadings(root: Root, base: number, text: string, lineStarts: number[]): Heading[] {
  const raw = collect(root, base, text);
  const slugger = new GithubSlugger();
  const headings: Heading[] = raw.map((r, index) => {
    const slug = slugger.slug(r.text);
    const ids = r.explicitId ? [slug, r.explicitId] : [slug];
    return {
      index,
      level: r.node.depth,
      text: r.text,
      slug,
      ids,
      kind: 'other',
      span: r.span,
      range: spanToRange(lineStarts, r.span),
      textSpan: r.textSpan,
      textRange: spanToRange(lineStarts, r.textSpan),
      sectionSpan: r.span,
      sectionRange: spanToRange(lineStarts, r.span),
      linkUrl: r.linkUrl,
      emptyBody: false,
    };
  });
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    let end = text.length;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j].level <= h.level) {
        end = headings[j].span.start;
        break;
      }
    }
    h.sectionSpan = { start: h.span.start, end: trimTrailingBlankLines(text, h.span.end, end) };
    h.sectionRange = spanToRange(lineStarts, h.sectionSpan);
    const next = i + 1 < headings.length ? headings[i + 1].span.start : text.length;
    h.emptyBody = text.slice(h.span.end, next).trim() === '';
  }
  return headings;
}

function trimTrailingBlankLines(text: string, min: number, end: number): number {
  let e = end;
  while (e > min && /\s/.test(text[e - 1])) e--;
  return e;
}

/** GitHub's slug of a text, as for a heading that appears first in its document. */
export function slugOf(text: string): string {
  return new GithubSlugger().slug(text);
}
