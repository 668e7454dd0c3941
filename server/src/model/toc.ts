// The table of contents: a list of in-page links near the top, nested like the headings, and
// which heading each entry names.
import type { List, ListItem, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { GoalDoc, Heading, Link, Span, Toc, TocEntry } from './types';
import { periodKeyOfText } from './periods';
import { slugOf } from './headings';
import { resolveAnchor } from './anchorIndex';
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

export interface TocEntryTarget {
  entry: TocEntry;
  /** The heading the entry's text names, if any. */
  named?: Heading;
  /** `named` is also named by an earlier entry (a TOC that lists a heading twice). */
  namedTwice: boolean;
  /** The heading the entry's link reaches (exactly or only when case is ignored), if any. */
  target?: Heading;
  /** The link reaches an `<a name>` anchor rather than a heading. */
  html: boolean;
}

const targets = new WeakMap<GoalDoc, TocEntryTarget[]>();

/**
 * Which heading each TOC entry names, the one rule for the TOC diagnostics and the TOC update:
 * a heading with the entry's text (markup and case aside) or its anchor, else one naming the
 * same period (`FY21 Q4` for `FY-21-Q4`). Of several, the one the link reaches when no earlier
 * entry named it, else the first no earlier entry named, else the first.
 */
export function tocEntryTargets(doc: GoalDoc): TocEntryTarget[] {
  let found = targets.get(doc);
  if (found) return found;
  found = [];
  const byName = new Map<string, Heading[]>();
  const add = (key: string, h: Heading) => {
    const list = byName.get(key);
    if (list) list.push(h);
    else byName.set(key, [h]);
  };
  for (const h of doc.headings) {
    add(`t:${h.text.toLowerCase()}`, h);
    add(`s:${h.slug}`, h);
    if (h.kind !== 'other' && h.periodKey) add(`p:${h.periodKey}`, h);
  }
  const claimed = new Set<Heading>();
  for (const entry of doc.toc?.entries ?? []) {
    const text = entry.text.replace(/[*_`]/g, '').trim();
    let candidates = [...new Set([...(byName.get(`t:${text.toLowerCase()}`) ?? []), ...(byName.get(`s:${slugOf(entry.text)}`) ?? [])])].sort((a, b) => a.index - b.index);
    if (candidates.length === 0) {
      const period = periodKeyOfText(entry.text);
      if (period) candidates = byName.get(`p:${period}`) ?? [];
    }
    const reached = resolveAnchor(doc, entry.link.fragment ?? '');
    const target = reached?.heading;
    const named = target && !claimed.has(target) && candidates.includes(target) ? target : (candidates.find((h) => !claimed.has(h)) ?? candidates[0]);
    const namedTwice = !!named && claimed.has(named);
    if (named) claimed.add(named);
    found.push({ entry, named, namedTwice, target, html: !!reached?.html });
  }
  targets.set(doc, found);
  return found;
}
