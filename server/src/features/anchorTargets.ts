// What the cursor is on (a heading, or a link), which heading a link reaches, and every link in
// the workspace that reaches a given heading. Shared by the navigation features and rename.
import type { Position } from 'vscode-languageserver-types';
import type { GoalDoc, Heading, Link } from '../model/types';
import { resolveAnchor } from '../diagnostics/anchors';
import { type LinkedFiles, resolveLinkTarget } from '../workspace/linkedFiles';
import { containsOffset, offsetAt } from '../model/text';
import { sameUri, uriPath } from '../workspace/uris';
import type { Cancellation, GoalDocWorkspace } from '../workspace/goalDocWorkspace';

export type CursorTarget = { kind: 'heading'; heading: Heading } | { kind: 'link'; link: Link };

export function offsetOf(doc: GoalDoc, position: Position): number {
  return offsetAt(doc.lineStarts, doc.text.length, position);
}

/** The link or heading at a position. A link inside a heading wins when it has a fragment. */
export function targetAt(doc: GoalDoc, position: Position): CursorTarget | undefined {
  const offset = offsetOf(doc, position);
  const link = doc.links.find((l) => containsOffset(l.span, offset));
  if (link && link.fragment !== undefined) return { kind: 'link', link };
  const heading = doc.headings.find((h) => containsOffset(h.span, offset));
  if (heading) return { kind: 'heading', heading };
  return link ? { kind: 'link', link } : undefined;
}

export { sameUri } from '../workspace/uris';

/** The URI of the document a link points into: the document itself for `#anchor`. */
export function linkTargetUri(doc: GoalDoc, link: Link, files: LinkedFiles): string | undefined {
  if (link.external) return undefined;
  if (link.path === '') return doc.uri;
  if (link.path.startsWith('/')) return undefined; // site-absolute: depends on the handbook's root
  const target = resolveLinkTarget(files, doc.uri, link.path);
  return target?.kind === 'file' ? target.uri : undefined;
}

export type LinkResolution =
  | { kind: 'heading'; doc: GoalDoc; heading: Heading; /** Reached by the GitHub slug, not an explicit `{#id}`. */ viaSlug: boolean }
  | { kind: 'file'; uri: string }
  | { kind: 'unresolved'; reason: string };

/** Where a link leads: a heading of this or another doc, a whole file, or nowhere (and why). */
export function resolveLink(doc: GoalDoc, link: Link, files: LinkedFiles): LinkResolution {
  if (link.external) return { kind: 'unresolved', reason: `${link.href} is an external URL, not a heading of the workspace` };
  const uri = linkTargetUri(doc, link, files);
  if (!uri) return { kind: 'unresolved', reason: `${link.path} is not a file of the workspace` };
  if (!link.fragment) return { kind: 'file', uri };
  const target = uri === doc.uri ? doc : files.model(uri);
  if (!target) return { kind: 'unresolved', reason: `${link.path} cannot be read` };
  const anchor = resolveAnchor(target, link.fragment);
  if (!anchor?.heading) {
    const what = anchor?.html ? 'an HTML anchor, not a heading' : 'matches no heading';
    return { kind: 'unresolved', reason: `#${link.fragment} ${what}${link.path ? ` in ${link.path}` : ''}` };
  }
  const viaSlug = anchor.heading.slug.toLowerCase() === link.fragment.toLowerCase();
  return { kind: 'heading', doc: target, heading: anchor.heading, viaSlug };
}

/** The heading a cursor target stands for: the heading itself, or the one its link reaches. */
export function headingOf(doc: GoalDoc, target: CursorTarget, files: LinkedFiles): { doc: GoalDoc; heading: Heading } | undefined {
  if (target.kind === 'heading') return { doc, heading: target.heading };
  const r = resolveLink(doc, target.link, files);
  return r.kind === 'heading' ? { doc: r.doc, heading: r.heading } : undefined;
}

export interface LinkToHeading {
  doc: GoalDoc;
  link: Link;
  heading: Heading;
  viaSlug: boolean;
}

/**
 * Every link of `from` that reaches a heading of `target`, resolved against `target` as it is
 * now. Relative paths are resolved once per distinct path.
 */
export function linksInto(from: GoalDoc, target: GoalDoc, files: LinkedFiles): LinkToHeading[] {
  const found: LinkToHeading[] = [];
  const reaches = new Map<string, boolean>();
  for (const link of from.links) {
    if (link.external || !link.fragment || link.fragmentRange === undefined) continue;
    let into = reaches.get(link.path);
    if (into === undefined) {
      const uri = linkTargetUri(from, link, files);
      into = uri !== undefined && sameUri(uri, target.uri);
      reaches.set(link.path, into);
    }
    if (!into) continue;
    const anchor = resolveAnchor(target, link.fragment);
    if (!anchor?.heading) continue;
    found.push({ doc: from, link, heading: anchor.heading, viaSlug: anchor.heading.slug.toLowerCase() === link.fragment.toLowerCase() });
  }
  return found;
}

/**
 * What a link into `uri` must contain: the file's name without `.md` (links may leave it out),
 * or for an `index.md`/`README.md` the name of its folder (`goals/` reaches `goals/index.md`).
 */
export function linkNeedles(uri: string): string[] {
  const parts = uriPath(uri).split('/').filter(Boolean);
  const stem = (parts.pop() ?? '').replace(/\.(md|markdown)$/i, '');
  const names = [stem];
  if (/^(index|readme)$/i.test(stem) && parts.length) names.push(parts[parts.length - 1]);
  // A link may write the name encoded (`a%20b.md`) or not.
  return names.flatMap((n) => {
    const encoded = encodeURIComponent(n);
    return encoded === n ? [n] : [n, encoded];
  });
}

/**
 * What a link to `heading` must contain besides the file's name: one of its anchors. Only for
 * anchors of plain letters, digits, `-` and `_`, which a link writes as they are (others may be
 * percent-encoded or written with entities): otherwise there is no such needle.
 */
function anchorNeedles(heading: Heading): string[] | undefined {
  return heading.ids.length > 0 && heading.ids.every((id) => /^[A-Za-z0-9_-]+$/.test(id)) ? heading.ids : undefined;
}

/**
 * Links anywhere in the workspace into `target` (its own in-page links included); with `only`,
 * it is enough to find those to that heading, so pages that do not name it are not parsed.
 */
export async function workspaceLinksInto(target: GoalDoc, workspace: GoalDocWorkspace, token: Cancellation, only?: Heading): Promise<LinkToHeading[]> {
  const needles = linkNeedles(target.uri).filter((n) => n.length > 0);
  const groups = needles.length ? [needles] : [];
  const anchors = only && anchorNeedles(only);
  if (anchors) groups.push(anchors);
  const docs = await workspace.markdownModels(token, groups.length ? groups : undefined);
  const found: LinkToHeading[] = [];
  let sawTarget = false;
  for (const from of docs) {
    if (token.isCancellationRequested) return [];
    const isTarget = sameUri(from.uri, target.uri);
    sawTarget ||= isTarget;
    // The target's own links are read from the version being worked on.
    found.push(...linksInto(isTarget ? target : from, target, workspace));
  }
  if (!sawTarget) found.push(...linksInto(target, target, workspace));
  return found;
}
