// The table of contents: a list of in-page links near the top, nested like the headings.
import type { List, ListItem, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Link, Span, Toc, TocEntry } from './types';
import type { PositionFactory } from './text';

interface Ctx {
  text: string;
  f: PositionFactory;
  linkByStart: Map<number, Link>;
}

function firstAnchorLink(ctx: Ctx, item: ListItem): { link: Link; label: string } | undefined {
  const p = item.children[0];
  if (p?.type !== 'paragraph') return undefined;
  const node = p.children.find((c) => c.type !== 'text' || c.value.trim() !== '');
  const inner = node?.type === 'strong' || node?.type === 'emphasis' ? node.children[0] : node;
  if (inner?.type !== 'link') return undefined;
  const link = ctx.linkByStart.get(inner.position?.start.offset ?? -1);
  if (!link || link.path !== '' || link.fragment === undefined) return undefined;
  return { link, label: toString(inner).trim() };
}

interface RawEntry {
  text: string;
  link: Link;
  depth: number;
  span: Span;
}

function collectEntries(ctx: Ctx, list: List, depth: number, out: RawEntry[], counts: { items: number }): void {
  for (const item of list.children) {
    counts.items++;
    const found = firstAnchorLink(ctx, item);
    const start = item.position?.start.offset ?? 0;
    const end = item.position?.end.offset ?? 0;
    const firstLineEnd = ctx.text.slice(start, end).search(/[\r\n]/);
    const span: Span = { start, end: firstLineEnd < 0 ? end : start + firstLineEnd };
    if (found) out.push({ text: found.label, link: found.link, depth, span });
    for (const child of item.children) if (child.type === 'list') collectEntries(ctx, child, depth + 1, out, counts);
  }
}

/**
 * Finds a chunk's TOC candidate: the first top-level list of which nearly every item is an
 * in-page link and that has at least two of them. The document's TOC is the first candidate;
 * a document without one has no TOC, and nothing guesses.
 */
export function findToc(root: Root, text: string, f: PositionFactory, links: Link[]): Toc | undefined {
  const ctx: Ctx = { text, f, linkByStart: new Map(links.map((l) => [l.span.start, l])) };
  for (const block of root.children) {
    if (block.type !== 'list') continue;
    const raw: RawEntry[] = [];
    const counts = { items: 0 };
    collectEntries(ctx, block, 0, raw, counts);
    if (raw.length < 2 || raw.length < counts.items * 0.8) continue;
    const entries: TocEntry[] = raw.map((e) => {
      const span = f.span(e.span.start, e.span.end);
      return { ...e, span, range: f.range(span) };
    });
    const span = f.span(block.position?.start.offset ?? 0, block.position?.end.offset ?? 0);
    const bullet = /^[ \t]*([-*+]|\d+[.)])/.exec(text.slice(span.start))?.[1] ?? '-';
    const nested = entries.find((e) => e.depth === 1);
    const indent = nested ? nested.range.start.character - entries[0].range.start.character : 2;
    return { span, range: f.range(span), entries, bullet, indent: indent > 0 ? indent : 2 };
  }
  return undefined;
}
