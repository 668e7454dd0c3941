// milestone.struck-without-marker, milestone.done-not-struck, milestone.done-style. What done
// means and the house style come from model/done.ts, as for every other feature.
import { type DoneStampStyle, type GoalDoc, isMilestone, type ListItem } from '../model/types';
import { houseStyle, type HouseStyle, type MilestoneState, milestoneState } from '../model/done';
import { type FindingOf, quote } from './finding';
import { defineRule } from './rule';

export const milestoneStruckWithoutMarker = defineRule({
  code: 'milestone.struck-without-marker',
  severity: 'information',
  meaning: 'A struck-through item with no Done stamp or Descoped marker.',
  details: 'Reported in a page that marks done items some other way (a bare strike is suspicious there, not always wrong); a struck sub-item of a struck or closed item is part of its parent.',
  fixes: { markDone: 'add a Done stamp', markDescoped: 'mark it descoped' },
  data: { line: 'number' },
});

export const milestoneDoneNotStruck = defineRule({
  code: 'milestone.done-not-struck',
  severity: 'warning',
  meaning: 'An item stamped Done that is not struck through, where the document strikes done items.',
  fixes: { strike: 'strike it through' },
  data: { line: 'number' },
});

/** The stamp styles, as milestone.done-style's data names the house style. */
const STAMP_STYLES = ['plain', 'code', 'bold', 'arrow'] as const satisfies readonly DoneStampStyle[];

export const milestoneDoneStyle = defineRule({
  code: 'milestone.done-style',
  severity: 'information',
  meaning: "A Done stamp written unlike the document's dominant house style.",
  fixes: { restamp: 'restamp in the house style' },
  data: { line: 'number', style: STAMP_STYLES },
});

export const milestoneRules = [milestoneStruckWithoutMarker, milestoneDoneNotStruck, milestoneDoneStyle] as const;
type MilestoneFinding = FindingOf<(typeof milestoneRules)[number]>;

const STYLE_WORDS: Record<DoneStampStyle, string> = {
  plain: 'Done: 3.19 (no backticks)',
  code: 'Done: `3.20` (version in backticks)',
  bold: '**Done!**',
  arrow: '=> Done',
};

/**
 * Walks the items with what their ancestors say: under a done, descoped or struck item, a struck
 * child is part of its parent's mark (or of the parent's finding), not a finding of its own.
 */
function walk(doc: GoalDoc, style: HouseStyle, items: ListItem[], coveredAbove: boolean, findings: MilestoneFinding[]): void {
  for (const m of items) {
    // Dependencies, discussions and the like are not milestones: nothing here applies to them
    // (nor to their nested items, which share their role).
    if (!isMilestone(m)) continue;
    // The state is read only where a rule needs it: most items are neither struck nor parents.
    let state: MilestoneState | undefined;
    if (m.whollyStruck && !coveredAbove && (state = milestoneState(doc, m, style)) === 'open') {
      findings.push({
        code: 'milestone.struck-without-marker',
        range: m.contentRange,
        message: `${quote(m.text)} is struck through but has no Done stamp or Descoped marker`,
        data: { line: m.lineRange.start.line },
      });
    }
    if (m.done && m.done.style !== 'arrow') {
      if (!m.struck && style.strikesDone) {
        findings.push({
          code: 'milestone.done-not-struck',
          range: m.contentRange,
          message: `${quote(m.text)} is stamped ${quote(m.done.text)} but not struck through, unlike the other done items of this document`,
          data: { line: m.lineRange.start.line },
        });
      }
      if (style.dominantStamp && m.done.style !== style.dominantStamp) {
        findings.push({
          code: 'milestone.done-style',
          range: m.done.range,
          message: `Done stamp ${quote(m.done.text)} differs from this document's house style, ${STYLE_WORDS[style.dominantStamp]}`,
          data: { line: m.lineRange.start.line, style: style.dominantStamp },
        });
      }
    }
    if (m.children.length) walk(doc, style, m.children, coveredAbove || m.whollyStruck || (state ?? milestoneState(doc, m, style)) !== 'open', findings);
  }
}

export function milestoneFindings(doc: GoalDoc): MilestoneFinding[] {
  const findings: MilestoneFinding[] = [];
  walk(doc, houseStyle(doc), doc.items, false, findings);
  return findings;
}
