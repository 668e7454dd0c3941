// goal.heading-level, goal.owner-missing, goal.duplicate-title.
import type { GoalDoc } from '../model/types';
import { slugOf } from '../model/headings';
import { type Finding, quote } from './finding';

export function goalFindings(doc: GoalDoc): Finding[] {
  const findings: Finding[] = [];
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

  // Only where the document's goals name owners: other conventions get no noise.
  const usesOwners = doc.goals.some((g) => g.fields.some((f) => f.name === 'owner'));
  if (usesOwners) {
    for (const goal of doc.goals) {
      if (goal.isInclude) continue;
      const owner = goal.fields.find((f) => f.name === 'owner');
      if (!owner) {
        findings.push({
          code: 'goal.owner-missing',
          range: goal.heading.textRange,
          message: `Goal ${quote(goal.heading.text)} has no Owner`,
          data: { slug: goal.heading.slug },
        });
      } else if (goal.owners.length === 0 && owner.items.length === 0) {
        findings.push({
          code: 'goal.owner-missing',
          range: owner.range,
          message: `Goal ${quote(goal.heading.text)} has an empty Owner field`,
          data: { slug: goal.heading.slug, empty: true },
        });
      }
    }
  }

  const firstByTitle = new Map<string, (typeof doc.goals)[number]>();
  for (const goal of doc.goals) {
    const base = slugOf(goal.heading.text);
    const first = firstByTitle.get(base);
    if (!first) {
      firstByTitle.set(base, goal);
      continue;
    }
    findings.push({
      code: 'goal.duplicate-title',
      range: goal.heading.textRange,
      message: `Goal ${quote(goal.heading.text)} has the same title as the goal on line ${first.heading.range.start.line + 1}; GitHub gives it the anchor #${goal.heading.slug}, and links to #${first.heading.slug} reach the first one`,
      data: { slug: goal.heading.slug, firstSlug: first.heading.slug },
      relatedInformation: [{ location: { uri: doc.uri, range: first.heading.textRange }, message: 'The first goal with this title' }],
    });
  }
  return findings;
}
