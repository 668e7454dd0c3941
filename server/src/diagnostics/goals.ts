// goal.heading-level, goal.owner-missing, goal.duplicate-title.
import type { Field, Goal, GoalDoc, Heading } from '../model/types';
import { fieldNameOf } from '../model/fields';
import { outlineParent } from '../model/headings';
import { type FindingOf, quote } from './finding';
import { defineRule } from './rule';

export const goalHeadingLevel = defineRule({
  code: 'goal.heading-level',
  severity: 'warning',
  meaning: "A goal heading at its quarter's level, which makes it a sibling of the quarter.",
  fixes: { moveHeading: 'move the heading (and the sub-headings of its own section, never the sibling goals after it) to the right level' },
  data: { slug: 'string', level: 'number', expectedLevel: 'number' },
});

export const goalOwnerMissing = defineRule({
  code: 'goal.owner-missing',
  severity: 'warning',
  meaning: 'A goal without an Owner (or with an empty one) where its sibling goals of the same kind carry owners.',
  details: "Siblings are the goals of the page's quarters at one heading level, or of one section, or the parts of one goal (an objective's initiatives as sub-headings); at least as many of them must carry an owner as do not.",
  fixes: { addOwner: "insert `- **Owner**: TBD` in the document's spelling, or fill the empty Owner" },
  data: { slug: 'string', empty: 'boolean?' },
});

export const goalDuplicateTitle = defineRule({
  code: 'goal.duplicate-title',
  severity: 'warning',
  meaning: 'Two goals of one period with the same title (GitHub gives the second a `-1` anchor), or a link that reaches the first of two same-named goals from the period of the other.',
  details: 'A period is a quarter, or the heading the goals sit under. Within a period, only where goals carry fields, a table of contents lists them or a link names them. A log or completed-goals page that repeats a title per iteration or quarter is not reported.',
  fixes: { changeFragment: "on a link, *Change to #slug* of the same-named goal of the link's own period" },
  data: { slug: 'string', firstSlug: 'string?', fragment: 'string?' },
});

export const goalRules = [goalHeadingLevel, goalOwnerMissing, goalDuplicateTitle] as const;
type GoalFinding = FindingOf<(typeof goalRules)[number]>;
import { resolveAnchor } from '../model/anchorIndex';

export function goalFindings(doc: GoalDoc): GoalFinding[] {
  const findings: GoalFinding[] = [];
  for (const goal of doc.goals) {
    if (!goal.misplacedLevel || !goal.quarter) continue;
    const h = goal.heading;
    findings.push({
      code: 'goal.heading-level',
      range: h.textRange,
      message: `Goal ${quote(h.text)} is a level-${h.level} heading, the level of its quarter ${quote(goal.quarter.heading.text)}, so it reads as a sibling quarter; as a goal of that quarter it should be level ${goal.misplacedLevel.expected} (${'#'.repeat(goal.misplacedLevel.expected)})`,
      data: { slug: h.slug, level: h.level, expectedLevel: goal.misplacedLevel.expected },
    });
  }

  findings.push(...ownerFindings(doc));
  findings.push(...duplicateTitleFindings(doc));
  return findings;
}

/**
 * goal.owner-missing, only where the goal's siblings show that goals here carry owners: at least
 * as many of them have one as have none. Siblings are the goals of the page's quarters at one
 * heading level (or of one section), or the parts of one goal (its sub-headings: an objective's initiatives or key results).
 * An OKR page whose owners sit on initiatives, a page where one goal in three names an owner, or
 * a goal alone in its period get no noise.
 */
function ownerFindings(doc: GoalDoc): GoalFinding[] {
  const findings: GoalFinding[] = [];
  const siblings = new Map<string, Goal[]>();
  for (const goal of doc.goals) {
    if (goal.isInclude) continue;
    // The goals of every quarter are of one kind; others, of their section.
    const key = goal.quarter ? `quarter:${goal.heading.level}` : `${periodOf(doc, goal)?.index ?? -1}:${goal.heading.level}`;
    const list = siblings.get(key);
    if (list) list.push(goal);
    else siblings.set(key, [goal]);
  }
  const ownerIn = (goal: Goal, h: Heading) => goal.fields.find((f) => f.name === 'owner' && h.sectionSpan.start <= f.span.start && f.span.end <= h.sectionSpan.end);
  for (const goals of siblings.values()) {
    const units = goals.map((g) => ({ heading: g.heading, goal: g, owner: g.fields.find((f) => f.name === 'owner') }));
    findings.push(...missingOwners(units));
    for (const goal of goals) findings.push(...missingOwners(partsOf(doc, goal).map((h) => ({ heading: h, goal, owner: ownerIn(goal, h) }))));
  }
  return findings;
}

interface OwnedUnit {
  heading: Heading;
  goal: Goal;
  owner: Field | undefined;
}

function missingOwners(units: OwnedUnit[]): GoalFinding[] {
  const owned = units.filter((u) => u.owner).length;
  if (owned === 0 || owned * 2 < units.length) return [];
  const findings: GoalFinding[] = [];
  for (const { heading, goal, owner } of units) {
    if (!owner) {
      findings.push({
        code: 'goal.owner-missing',
        range: heading.textRange,
        message: `Goal ${quote(heading.text)} has no Owner, unlike ${othersWithOwners(owned, units.length - 1)} beside it`,
        data: { slug: heading.slug },
      });
    } else if (owner.value === '' && owner.items.length === 0 && (heading !== goal.heading || goal.owners.length === 0)) {
      findings.push({
        code: 'goal.owner-missing',
        range: owner.range,
        message: `Goal ${quote(heading.text)} has an empty Owner field`,
        data: { slug: heading.slug, empty: true },
      });
    }
  }
  return findings;
}

/** A goal's parts: its sub-headings one level down that are not fields (`#### Initiative: Triage bot` under an objective). */
function partsOf(doc: GoalDoc, goal: Goal): Heading[] {
  const parts: Heading[] = [];
  for (let i = goal.heading.index + 1; i < doc.headings.length; i++) {
    const h = doc.headings[i]!;
    if (h.span.start >= goal.sectionSpan.end || h.level <= goal.heading.level) break;
    if (h.level === goal.heading.level + 1 && h.kind === 'other' && !fieldNameOf(h.text)) parts.push(h);
  }
  return parts;
}

function othersWithOwners(owned: number, others: number): string {
  if (owned === others) return others === 1 ? 'the goal' : `the ${others} goals`;
  return `${owned} of the ${others} goals`;
}

/** The period a goal is filed in: its quarter, else the heading it sits under (an iteration, a section). */
function periodOf(doc: GoalDoc, goal: Goal): Heading | undefined {
  return goal.quarter?.heading ?? outlineParent(doc, goal.heading);
}

function inside(h: Heading | undefined, offset: number): boolean {
  return !!h && h.sectionSpan.start <= offset && offset < h.sectionSpan.end;
}

/**
 * goal.duplicate-title, only where a duplicate breaks a reader: two goals of one period with
 * one title (GitHub anchors the second `-1`, so nobody can link to it by its title), or a link
 * written in one goal's period that reaches the same-named goal of another period (the first
 * one, as GitHub resolves duplicates). A log or a completed-goals page that repeats a title in
 * every iteration or quarter is not reported for it.
 */
function duplicateTitleFindings(doc: GoalDoc): GoalFinding[] {
  const findings: GoalFinding[] = [];
  const byTitle = new Map<string, Goal[]>();
  for (const goal of doc.goals) {
    if (goal.isInclude) continue;
    const base = goal.heading.baseSlug;
    const list = byTitle.get(base);
    if (list) list.push(goal);
    else byTitle.set(base, [goal]);
  }
  const reached = new Map<Heading, Goal[]>();
  const linked = new Set(doc.links.filter((l) => !l.external && l.path === '' && l.fragment).map((l) => l.fragment!.replace(/-\d+$/, '')));
  for (const [base, goals] of byTitle) {
    if (goals.length < 2) continue;
    // Two sections of a report with one title are a slip only where goals are kept as goals (with
    // fields), or where a TOC or a link names them.
    const matters = !!doc.toc || linked.has(base) || goals.some((g) => g.fields.length > 0);
    const seen = new Map<Heading | undefined, Goal>();
    for (const goal of goals) {
      const period = periodOf(doc, goal);
      const first = seen.get(period);
      if (!first) {
        seen.set(period, goal);
        continue;
      }
      if (!matters) continue;
      const where = period ? ` of the same ${goal.quarter ? 'quarter' : 'section'} ${quote(period.text)}` : '';
      findings.push({
        code: 'goal.duplicate-title',
        range: goal.heading.textRange,
        message: `Goal ${quote(goal.heading.text)} has the same title as the goal on line ${first.heading.range.start.line + 1}${where}; GitHub gives it the anchor #${goal.heading.slug}, and links to #${first.heading.slug} reach the first one`,
        data: { slug: goal.heading.slug, firstSlug: first.heading.slug },
        relatedInformation: [{ location: { uri: doc.uri, range: first.heading.textRange }, message: 'The first goal with this title' }],
      });
    }
    reached.set(goals[0]!.heading, goals);
  }
  if (reached.size === 0) return findings;
  const tocLinks = new Set(doc.toc?.entries.map((e) => e.link));
  // Only links that name a duplicated goal's anchor can reach the wrong one.
  const anchors = new Set([...reached.keys()].flatMap((h) => h.ids));
  for (const link of doc.links) {
    if (link.external || link.path !== '' || !link.fragment || !anchors.has(link.fragment) || tocLinks.has(link)) continue;
    const target = resolveAnchor(doc, link.fragment);
    const goals = target?.exact && target.heading ? reached.get(target.heading) : undefined;
    if (!goals) continue;
    const at = link.span.start;
    if (inside(periodOf(doc, goals[0]!), at)) continue;
    // The same-named goal whose period holds the link is the one the writer meant.
    const meant = goals.find((g) => inside(periodOf(doc, g), at));
    if (!meant) continue;
    const period = periodOf(doc, meant)!;
    findings.push({
      code: 'goal.duplicate-title',
      range: link.fragmentRange ?? link.hrefRange,
      message: `#${link.fragment} reaches the goal ${quote(goals[0]!.heading.text)} on line ${goals[0]!.heading.range.start.line + 1}, the first with that title; the goal of that title under ${quote(period.text)} is #${meant.heading.slug}`,
      data: { fragment: link.fragment, slug: meant.heading.slug },
      relatedInformation: [{ location: { uri: doc.uri, range: meant.heading.textRange }, message: 'The goal of that title in this section' }],
    });
  }
  return findings;
}
