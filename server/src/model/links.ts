// Links with their destination split into path and fragment, located in the source.
import type { Definition, Html, Link as MdLink } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Link, LinkKind, Span } from './types';
import type { PositionFactory } from './text';

/** Scans a link destination starting at `i`; returns its span in `text`. */
function scanDestination(text: string, i: number, limit: number): Span | undefined {
  while (i < limit && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  if (i >= limit) return undefined;
  if (text[i] === '<') {
    const close = text.indexOf('>', i + 1);
    return close < 0 || close > limit ? undefined : { start: i + 1, end: close };
  }
  const start = i;
  let depth = 0;
  for (; i < limit; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') break;
    if (c === '(') depth++;
    if (c === ')') {
      if (depth === 0) break;
      depth--;
    }
  }
  return { start, end: i };
}

function decode(s: string): string {
  const unescaped = s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  try {
    return decodeURIComponent(unescaped);
  } catch {
    return unescaped;
  }
}

function makeLink(kind: LinkKind, label: string, text: string, spanAt: Span, hrefAt: Span, f: PositionFactory): Link {
  const span = f.span(spanAt.start, spanAt.end);
  const hrefSpan = f.span(hrefAt.start, hrefAt.end);
  const href = text.slice(hrefSpan.start, hrefSpan.end);
  const hash = href.indexOf('#');
  const external = /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//');
  const link: Link = {
    kind,
    text: label,
    href,
    path: decode(hash < 0 ? href : href.slice(0, hash)),
    external,
    span,
    range: f.range(span),
    hrefSpan,
    hrefRange: f.range(hrefSpan),
  };
  if (hash >= 0) {
    link.fragment = decode(href.slice(hash + 1));
    link.fragmentSpan = f.span(hrefSpan.start + hash + 1, hrefSpan.end);
    link.fragmentRange = f.range(link.fragmentSpan);
  }
  return link;
}

const HTML_HREF = /\bhref\s*=\s*(["'])([^"']*)\1/gi;
// GitHub keeps an `id` (and an `a`'s `name`) on any element, prefixed `user-content-`, and
// scrolls a `#fragment` link to it: `<img id="…">`, `<div id="…">` are targets like `<a name="…">`.
const HTML_ANCHOR = /<[a-z][a-z0-9-]*\s[^>]*?(?<=\s)(?:name|id)\s*=\s*(["'])([^"']+)\1/gi;

export interface LinkScan {
  links: Link[];
  /** `id` and `name` targets of HTML elements (`<a name="…">`, `<img id="…">`), which anchors may also reach. */
  htmlAnchors: string[];
}

/** The links of one chunk (its link, definition and html nodes, in order), with chunk-relative positions. */
export function buildLinks(nodes: Array<MdLink | Definition | Html>, text: string, f: PositionFactory): LinkScan {
  const links: Link[] = [];
  const htmlAnchors: string[] = [];
  for (const node of nodes) {
    const pos = node.position;
    if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) continue;
    const span = { start: pos.start.offset, end: pos.end.offset };
    if (node.type === 'link') {
      if (text[span.start] !== '[') continue; // an autolink: nothing to check in-page
      const children = node.children;
      const afterText = children.length > 0 ? (children[children.length - 1].position?.end.offset ?? span.start) : span.start + 1;
      const open = text.indexOf('](', afterText);
      if (open < 0 || open >= span.end) continue;
      const dest = scanDestination(text, open + 2, span.end);
      if (dest) links.push(makeLink('inline', toString(node), text, span, dest, f));
    } else if (node.type === 'definition') {
      const colon = text.indexOf(']:', span.start);
      if (colon < 0 || colon >= span.end) continue;
      const dest = scanDestination(text, colon + 2, span.end);
      if (dest) links.push(makeLink('definition', node.label ?? node.identifier, text, span, dest, f));
    } else if (node.type === 'html') {
      for (const m of node.value.matchAll(HTML_HREF)) {
        const start = span.start + (m.index ?? 0) + m[0].indexOf(m[1]) + 1;
        links.push(makeLink('html', '', text, span, { start, end: start + m[2].length }, f));
      }
      for (const m of node.value.matchAll(HTML_ANCHOR)) htmlAnchors.push(m[2]);
    }
  }
  return { links, htmlAnchors };
}
