// Anchor lookups for a document version: exact ids, ids with case ignored, and the headings
// closest to a broken fragment. Built once per version; the closest-heading answers carry over
// to the next version of the same document while its anchors are unchanged (typing in prose
// must not redo edit distances against every heading).
import type { Range } from 'vscode-languageserver-types';
import type { GoalDoc, Heading } from './types';
import { slugOf } from './headings';

/** What an anchor needs of a heading: its ids, and what a suggestion shows of it. */
export interface AnchorHeading {
  slug: string;
  ids: string[];
  text: string;
  textRange: Range;
}

/**
 * What links into a page can reach: its headings and its `<a name>` anchors. A model is one; so
 * is what a link target is read as without a whole parse (model/outline.ts).
 */
export interface AnchorSource<H extends AnchorHeading = Heading> {
  headings: H[];
  htmlAnchors: string[];
}

export interface AnchorTarget<H extends AnchorHeading = Heading> {
  heading?: H;
  /** The fragment is an `<a name>` anchor rather than a heading. */
  html?: boolean;
  exact: boolean;
}

interface AnchorIndex<H extends AnchorHeading = AnchorHeading> {
  byId: Map<string, H>;
  byLowerId: Map<string, H>;
  html: Set<string>;
  slugs: string[];
  /** Fragment → indexes of the closest headings. */
  closest: Map<string, number[]>;
  /** Slug → its bigrams, made when a broken fragment is first compared with the headings. */
  grams: Map<string, Map<string, number>>;
}

const indexes = new WeakMap<AnchorSource<AnchorHeading>, AnchorIndex>();
/** Closest-heading answers handed from a version to the next (see carryOverAnchorHints). */
const inherited = new WeakMap<object, { slugs: string[]; closest: Map<string, number[]> }>();

function sameSlugs(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function anchorIndex<H extends AnchorHeading>(doc: AnchorSource<H>): AnchorIndex<H> {
  let index = indexes.get(doc) as AnchorIndex<H> | undefined;
  if (index) return index;
  const byId = new Map<string, H>();
  const byLowerId = new Map<string, H>();
  for (const h of doc.headings) {
    for (const id of h.ids) {
      if (!byId.has(id)) byId.set(id, h);
      const lower = id.toLowerCase();
      if (!byLowerId.has(lower)) byLowerId.set(lower, h);
    }
  }
  const slugs = doc.headings.map((h) => h.slug);
  const previous = inherited.get(doc);
  const closest = previous && sameSlugs(previous.slugs, slugs) ? previous.closest : new Map<string, number[]>();
  index = { byId, byLowerId, html: new Set(doc.htmlAnchors), slugs, closest, grams: new Map() };
  indexes.set(doc, index);
  return index;
}

/**
 * A new version of a document takes over the closest-heading answers of the version it was built
 * from, used when its anchors turn out the same. Held by the new model only: nothing is kept for
 * a document once its models are gone.
 */
export function carryOverAnchorHints(from: GoalDoc, to: GoalDoc): void {
  const index = indexes.get(from) ?? inherited.get(from);
  if (index) inherited.set(to, { slugs: index.slugs, closest: index.closest });
}

/** Resolves an in-page fragment: exactly, or only when case is ignored. */
export function resolveAnchor<H extends AnchorHeading>(doc: AnchorSource<H>, fragment: string): AnchorTarget<H> | undefined {
  const index = anchorIndex(doc);
  const exact = index.byId.get(fragment);
  if (exact) return { heading: exact, exact: true };
  if (index.html.has(fragment)) return { html: true, exact: true };
  const loose = index.byLowerId.get(fragment.toLowerCase());
  return loose ? { heading: loose, exact: false } : undefined;
}

/** Characters of an anchor compared for suggestions: the cost grows with the product of lengths. */
const COMPARED_LENGTH = 256;

/** Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`. */
function boundedDistance(a: string, b: string, limit: number): number {
  // A 5,000-character heading against a 5,000-character fragment would take seconds; their
  // beginnings tell a typo as well.
  if (a.length > COMPARED_LENGTH) a = a.slice(0, COMPARED_LENGTH);
  if (b.length > COMPARED_LENGTH) b = b.slice(0, COMPARED_LENGTH);
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (cur[j] < best) best = cur[j];
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The bigrams of a string (its first COMPARED_LENGTH characters), counted. */
function bigramsOf(s: string): Map<string, number> {
  const t = s.length > COMPARED_LENGTH ? s.slice(0, COMPARED_LENGTH) : s;
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < t.length; i++) {
    const g = t.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/**
 * True when a and b cannot be within `limit` edits: each edit changes at most two bigrams, so
 * strings that close share at least max(|a|, |b|) - 1 - 2 * limit of them (the q-gram lemma).
 * A cheap count that spares most of the edit distances against thousands of headings.
 */
function surelyFarther(a: Map<string, number>, aLength: number, b: Map<string, number>, bLength: number, limit: number): boolean {
  const need = Math.min(COMPARED_LENGTH, Math.max(aLength, bLength)) - 1 - 2 * limit;
  if (need <= 0) return false;
  let common = 0;
  for (const [g, n] of a) {
    common += Math.min(n, b.get(g) ?? 0);
    if (common >= need) return false;
  }
  return true;
}

/** Headings whose anchor is closest to a broken fragment, best first (at most `max`). */
export function closestHeadings<H extends AnchorHeading>(doc: AnchorSource<H>, fragment: string, max = 3): H[] {
  const index = anchorIndex(doc);
  let found = index.closest.get(fragment);
  if (!found) {
    const wanted = slugOf(fragment);
    const lower = fragment.toLowerCase();
    const wantedGrams = bigramsOf(wanted);
    const lowerGrams = lower === wanted ? wantedGrams : bigramsOf(lower);
    // The three closest, best first (ties: the earlier heading). Once three are found, a heading
    // must come closer than the third to matter: the distances stop as soon as it cannot.
    const best: Array<{ i: number; d: number }> = [];
    doc.headings.forEach((h, i) => {
      let limit = Math.max(3, Math.floor(Math.min(COMPARED_LENGTH, Math.max(wanted.length, h.slug.length)) * 0.4));
      if (best.length === 3) limit = Math.min(limit, best[2]!.d - 1);
      if (limit < 0) return;
      let grams = index.grams.get(h.slug);
      if (!grams) index.grams.set(h.slug, (grams = bigramsOf(h.slug)));
      const dWanted = surelyFarther(wantedGrams, wanted.length, grams, h.slug.length, limit) ? limit + 1 : boundedDistance(wanted, h.slug, limit);
      const dLower = lower === wanted ? dWanted : surelyFarther(lowerGrams, lower.length, grams, h.slug.length, limit) ? limit + 1 : boundedDistance(lower, h.slug, limit);
      const d = Math.min(dWanted, dLower);
      if (d > limit) return;
      best.push({ i, d });
      best.sort((a, b) => a.d - b.d || a.i - b.i);
      if (best.length > 3) best.pop();
    });
    const scored = best;
    found = scored.slice(0, 3).map((s) => s.i);
    index.closest.set(fragment, found);
  }
  return found.slice(0, max).map((i) => doc.headings[i]);
}
