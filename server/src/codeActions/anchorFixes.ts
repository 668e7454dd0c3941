// anchor.missing → "Change to #slug" per candidate, best first; anchor.case and
// toc.entry-mismatch → the exact slug; goal.duplicate-title on a link → the goal it meant.
import type { GoalDoc, Link } from '../model/types';
import type { Fix, FixProvider, FixTarget } from './fix';
import { rangesEqual } from '../model/text';

/** The link whose fragment (or destination) the finding's range covers. */
function linkAt(doc: GoalDoc, target: FixTarget): Link | undefined {
  return doc.links.find((l) => (l.fragmentRange && rangesEqual(l.fragmentRange, target.range)) || rangesEqual(l.hrefRange, target.range));
}

function changeFragment(link: Link, slug: string, safe: boolean, isPreferred: boolean): Fix {
  const edit = link.fragmentSpan ? { ...link.fragmentSpan, newText: slug } : { ...link.hrefSpan, newText: `${link.path}#${slug}` };
  return { title: `Change to #${slug}`, edits: [edit], safe, isPreferred };
}

export const fixMissingAnchor: FixProvider<{ candidates: string[] }> = (doc, target) => {
  const link = linkAt(doc, target);
  const { candidates } = target.data;
  if (!link) return [];
  // With more than one candidate the first is a guess: offered first, never applied unasked.
  return candidates.map((slug, i) => changeFragment(link, slug, candidates.length === 1, i === 0));
};

/** anchor.case and toc.entry-mismatch: the data names the one right slug. */
export const fixToExactSlug: FixProvider<{ slug: string }> = (doc, target) => {
  const link = linkAt(doc, target);
  const { slug } = target.data;
  return link && slug ? [changeFragment(link, slug, true, true)] : [];
};

/** goal.duplicate-title on a link: the slug of the same-named goal it most likely meant; a guess, so never unasked. */
export const fixToIntendedSlug: FixProvider<{ slug: string }> = (doc, target) => {
  const link = linkAt(doc, target);
  const { slug } = target.data;
  return link && slug ? [changeFragment(link, slug, false, true)] : [];
};
