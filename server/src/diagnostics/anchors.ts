// anchor.missing, anchor.case and the toc.* rules: in-page links against GitHub's anchors.
import type { GoalDoc, Heading, Link, TocEntry } from '../model/types';
import { slugOf } from '../model/headings';
import { closestHeadings, resolveAnchor } from '../model/anchorIndex';
import { parseQuarterLabel, parseYearLabel } from '../model/periods';
import { type Finding, quote } from './finding';

// Lookups live with the model so that features share them; re-exported for the rules' callers.
export { type AnchorTarget, closestHeadings, resolveAnchor } from '../model/anchorIndex';

function missingAnchor(doc: GoalDoc, link: Link, fragment: string): Finding {
  const candidates = closestHeadings(doc, fragment);
  return {
    code: 'anchor.missing',
    range: link.fragmentRange ?? link.hrefRange,
    message: `No heading has the anchor #${fragment}` + (candidates.length ? `; did you mean #${candidates[0].slug} (${quote(candidates[0].text)})?` : '.'),
    data: { fragment, candidates: candidates.map((h) => h.slug) },
    relatedInformation: candidates.map((h) => ({
      location: { uri: doc.uri, range: h.textRange },
      message: `Heading ${quote(h.text)} has the anchor #${h.slug}`,
    })),
  };
}

function caseAnchor(link: Link, fragment: string, h: Heading): Finding {
  return {
    code: 'anchor.case',
    range: link.fragmentRange ?? link.hrefRange,
    message: `#${fragment} matches the heading ${quote(h.text)} only if case is ignored; GitHub's anchor is #${h.slug}`,
    data: { fragment, slug: h.slug },
  };
}

/** A period a text names (`2021`, `FY2021`, `FY-21-Q4`, `FY21Q4`), as a comparable key. */
function periodKey(text: string): string | undefined {
  const q = parseQuarterLabel(text);
  if (q && q !== 'invalid' && q.year !== undefined) return `${q.scheme === 'CY' ? 'CY' : 'FY'}${q.year}Q${q.quarter}`;
  const y = parseYearLabel(text);
  return y ? `Y${y.year}` : undefined;
}

/** Headings by lower-cased text, by slug and by period, to find the heading an entry names. */
class HeadingNames {
  private readonly byText = new Map<string, Heading[]>();
  private byPeriod?: Map<string, Heading[]>;

  constructor(private readonly doc: GoalDoc) {
    const add = (key: string, h: Heading) => {
      const list = this.byText.get(key);
      if (list) list.push(h);
      else this.byText.set(key, [h]);
    };
    for (const h of doc.headings) {
      add(`t:${h.text.toLowerCase()}`, h);
      add(`s:${h.slug}`, h);
    }
  }

  /**
   * The heading a TOC entry's text names: same text, same anchor, or the same period; the one
   * its link reaches when that one has the name too (duplicates: `2020` above the TOC and below).
   */
  named(entry: TocEntry, claimed: Set<Heading>, linked?: Heading): Heading | undefined {
    const text = entry.text.replace(/[*_`]/g, '').trim().toLowerCase();
    const seen = new Set<Heading>();
    let matches = [...(this.byText.get(`t:${text}`) ?? []), ...(this.byText.get(`s:${slugOf(entry.text)}`) ?? [])]
      .filter((h) => !seen.has(h) && seen.add(h))
      .sort((a, b) => a.index - b.index);
    if (matches.length === 0) {
      const period = periodKey(entry.text);
      if (period) matches = this.periods().get(period) ?? [];
    }
    if (linked && !claimed.has(linked) && matches.includes(linked)) return linked;
    return matches.find((h) => !claimed.has(h)) ?? matches[0];
  }

  private periods(): Map<string, Heading[]> {
    if (!this.byPeriod) {
      this.byPeriod = new Map();
      for (const h of this.doc.headings) {
        if (h.kind === 'other') continue;
        const key = periodKey(h.text);
        if (!key) continue;
        const list = this.byPeriod.get(key);
        if (list) list.push(h);
        else this.byPeriod.set(key, [h]);
      }
    }
    return this.byPeriod;
  }
}

function tocFindings(doc: GoalDoc, handled: Set<Link>): Finding[] {
  const toc = doc.toc;
  if (!toc) return [];
  const findings: Finding[] = [];
  const names = new HeadingNames(doc);
  const covered = new Set<Heading>();
  const claimed = new Set<Heading>();
  const kinds = new Set<string>();
  for (const entry of toc.entries) {
    const fragment = entry.link.fragment ?? '';
    const target = resolveAnchor(doc, fragment);
    const named = names.named(entry, claimed, target?.heading);
    if (named) claimed.add(named);
    for (const h of [named, target?.heading]) {
      if (!h) continue;
      covered.add(h);
      kinds.add(h.kind === 'other' ? `other:${h.level}` : h.kind);
    }
    if (named && target?.heading !== named && !(target?.html)) {
      handled.add(entry.link);
      const where = target?.heading ? `, which is the heading ${quote(target.heading.text)}` : ', which matches no heading';
      findings.push({
        code: 'toc.entry-mismatch',
        range: entry.link.fragmentRange ?? entry.link.hrefRange,
        message: `TOC entry ${quote(entry.text)} links to #${fragment}${where}; the heading ${quote(named.text)} is #${named.slug}`,
        data: { fragment, slug: named.slug },
      });
    } else if (!named && !target) {
      handled.add(entry.link);
      findings.push({
        code: 'toc.stale-entry',
        range: entry.range,
        message: `TOC entry ${quote(entry.text)} links to #${fragment}, and no heading has that anchor or that text`,
        data: { fragment },
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

export function anchorFindings(doc: GoalDoc): Finding[] {
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
