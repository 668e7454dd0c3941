// anchor.missing, anchor.case and the toc.* rules: in-page links against GitHub's anchors; which
// heading a TOC entry names is model/toc.ts's rule.
import type { GoalDoc, Heading, Link } from '../model/types';
import { closestHeadings, resolveAnchor } from '../model/anchorIndex';
import { tocEntryTargets } from '../model/toc';
import { type FindingOf, quote } from './finding';
import { defineRule } from './rule';

const CHANGE_TO_SLUG = '*Change to #slug*';
const UPDATE_TOC = '*Update table of contents*: regenerated in place, keeping nesting, bullets and bold';

export const anchorMissing = defineRule({
  code: 'anchor.missing',
  severity: 'error',
  meaning: 'An in-page link whose `#fragment` matches no heading, in the text or in the table of contents.',
  details: 'The closest headings (for a TOC entry, the heading its text names) come as related information.',
  fixes: {
    changeFragment: `${CHANGE_TO_SLUG}, one per close heading, best first (in the TOC: the heading the entry names, a sure fix)`,
    updateToc: `in the TOC, ${UPDATE_TOC}`,
  },
  data: { fragment: 'string', candidates: 'string[]', toc: 'boolean?' },
});

export const anchorCase = defineRule({
  code: 'anchor.case',
  severity: 'warning',
  meaning: 'An in-page link that matches a heading only if case is ignored (`#FY-20-Q1` for `fy-20-q1`: GitHub anchors are lower case).',
  fixes: { changeFragment: `${CHANGE_TO_SLUG}: the exact slug` },
  data: { fragment: 'string', slug: 'string' },
});

export const tocEntryMismatch = defineRule({
  code: 'toc.entry-mismatch',
  severity: 'warning',
  meaning: 'A TOC entry whose text names one heading while its link reaches another (a link that reaches nothing is `anchor.missing`).',
  fixes: { changeFragment: `${CHANGE_TO_SLUG}: the slug of the heading the entry names`, updateToc: UPDATE_TOC },
  data: { fragment: 'string', slug: 'string' },
});

export const tocMissingEntry = defineRule({
  code: 'toc.missing-entry',
  severity: 'warning',
  meaning: 'A heading of a kind the TOC lists (years, quarters, goals) that has no TOC entry.',
  fixes: { updateToc: UPDATE_TOC },
  data: { slug: 'string' },
});

export const anchorRules = [anchorMissing, anchorCase, tocEntryMismatch, tocMissingEntry] as const;
type AnchorFinding = FindingOf<(typeof anchorRules)[number]>;

// Lookups live with the model so that features share them; re-exported for the rules' callers.
export { type AnchorTarget, closestHeadings, resolveAnchor } from '../model/anchorIndex';

/**
 * A link whose fragment reaches no heading. `named` is the heading a TOC entry's text names: the
 * one candidate then, since the entry says which heading it is for.
 */
function missingAnchor(doc: GoalDoc, link: Link, fragment: string, named?: Heading, entryText?: string): AnchorFinding {
  const candidates = named ? [named] : closestHeadings(doc, fragment);
  const what = entryText !== undefined ? `TOC entry ${quote(entryText)} links to #${fragment}, and no heading has that anchor` : `No heading has the anchor #${fragment}`;
  const hint = named ? `; the heading ${quote(named.text)} is #${named.slug}` : candidates.length ? `; did you mean #${candidates[0].slug} (${quote(candidates[0].text)})?` : '.';
  return {
    code: 'anchor.missing',
    range: link.fragmentRange ?? link.hrefRange,
    message: what + hint,
    data: entryText !== undefined ? { fragment, candidates: candidates.map((h) => h.slug), toc: true } : { fragment, candidates: candidates.map((h) => h.slug) },
    relatedInformation: candidates.map((h) => ({
      location: { uri: doc.uri, range: h.textRange },
      message: `Heading ${quote(h.text)} has the anchor #${h.slug}`,
    })),
  };
}

function caseAnchor(link: Link, fragment: string, h: Heading): AnchorFinding {
  return {
    code: 'anchor.case',
    range: link.fragmentRange ?? link.hrefRange,
    message: `#${fragment} matches the heading ${quote(h.text)} only if case is ignored; GitHub's anchor is #${h.slug}`,
    data: { fragment, slug: h.slug },
  };
}

/**
 * A TOC entry whose link reaches no heading is a dead link like any other (anchor.missing, an
 * error), its first candidate the heading the entry names; one that reaches another heading than
 * the one it names is toc.entry-mismatch. Headings of the kinds the TOC lists that no entry names
 * or reaches are toc.missing-entry.
 */
function tocFindings(doc: GoalDoc, handled: Set<Link>): AnchorFinding[] {
  const toc = doc.toc;
  if (!toc) return [];
  const findings: AnchorFinding[] = [];
  const covered = new Set<Heading>();
  const kinds = new Set<string>();
  for (const { entry, named, target, html } of tocEntryTargets(doc)) {
    const fragment = entry.link.fragment ?? '';
    for (const h of [named, target]) {
      if (!h) continue;
      covered.add(h);
      kinds.add(h.kind === 'other' ? `other:${h.level}` : h.kind);
    }
    if (html) continue;
    if (!target) {
      handled.add(entry.link);
      findings.push(missingAnchor(doc, entry.link, fragment, named, entry.text));
    } else if (named && target !== named) {
      handled.add(entry.link);
      findings.push({
        code: 'toc.entry-mismatch',
        range: entry.link.fragmentRange ?? entry.link.hrefRange,
        message: `TOC entry ${quote(entry.text)} links to #${fragment}, which is the heading ${quote(target.text)}; the heading ${quote(named.text)} is #${named.slug}`,
        data: { fragment, slug: named.slug },
      });
    }
  }
  for (const h of doc.headings) {
    if (covered.has(h) || h.span.start < toc.span.start) continue;
    const kind = h.kind === 'other' ? `other:${h.level}` : h.kind;
    if (!kinds.has(kind)) continue;
    const what = h.kind === 'other' ? 'Heading' : h.kind[0].toUpperCase() + h.kind.slice(1);
    findings.push({
      code: 'toc.missing-entry',
      range: h.textRange,
      message: `${what} ${quote(h.text)} has no entry in the table of contents`,
      data: { slug: h.slug },
    });
  }
  return findings;
}

export function anchorFindings(doc: GoalDoc): AnchorFinding[] {
  const handled = new Set<Link>();
  const findings = tocFindings(doc, handled);
  for (const link of doc.links) {
    if (handled.has(link) || link.external || link.path !== '' || !link.fragment) continue;
    const target = resolveAnchor(doc, link.fragment);
    if (!target) findings.push(missingAnchor(doc, link, link.fragment));
    else if (!target.exact && target.heading) findings.push(caseAnchor(link, link.fragment, target.heading));
  }
  return findings;
}
