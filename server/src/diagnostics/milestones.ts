// milestone.struck-without-marker, milestone.done-not-struck, milestone.done-style.
import type { DoneStampStyle, GoalDoc, Milestone } from '../model/types';
import { isClosed } from '../model/milestones';
import { type Finding, quote } from './finding';

/** True when nothing but punctuation, emoji or spaces stands outside the struck parts. */
function whollyStruck(doc: GoalDoc, m: Milestone): boolean {
  let rest = doc.text.slice(m.contentSpan.start, m.contentSpan.end);
  for (const s of [...m.strikes].reverse()) {
    rest = rest.slice(0, s.start - m.contentSpan.start) + rest.slice(s.end - m.contentSpan.start);
  }
  return rest.replace(/[\s\p{P}\p{S}\p{Extended_Pictographic}\uFE0F]/gu, '') === '';
}

const STYLE_WORDS: Record<DoneStampStyle, string> = {
  plain: 'Done: 3.19 (no backticks)',
  code: 'Done: `3.20` (version in backticks)',
  bold: '**Done!**',
  arrow: '=> Done',
};

export interface HouseStyle {
  /** The stamp style most done items use, when one clearly dominates. */
  dominant?: DoneStampStyle;
  /** Done-stamped items are struck through more often than not. */
  strikesDone: boolean;
}

/** Every item, depth first, in one flat array (cheaper than a generator on large documents). */
function flatItems(items: Milestone[], out: Milestone[] = []): Milestone[] {
  for (const m of items) {
    out.push(m);
    if (m.children.length) flatItems(m.children, out);
  }
  return out;
}

export function houseStyle(doc: GoalDoc, items: Milestone[] = flatItems(doc.items)): HouseStyle {
  const counts = new Map<DoneStampStyle, number>();
  let struck = 0;
  let unstruck = 0;
  for (const m of items) {
    if (!m.done) continue;
    counts.set(m.done.style, (counts.get(m.done.style) ?? 0) + 1);
    if (m.struck) struck++;
    else unstruck++;
  }
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [top, second] = sorted;
  const dominant = top && top[1] >= 3 && (!second || top[1] >= 2 * second[1]) ? top[0] : undefined;
  return { dominant, strikesDone: struck > 0 && struck >= unstruck };
}

export function milestoneFindings(doc: GoalDoc): Finding[] {
  const findings: Finding[] = [];
  const items = flatItems(doc.items);
  const style = houseStyle(doc, items);
  for (const m of items) {
    if (m.struck && !isClosed(m) && !m.closedByAncestor && whollyStruck(doc, m)) {
      findings.push({
        code: 'milestone.struck-without-marker',
        range: m.contentRange,
        message: `${quote(m.text)} is struck through but has no Done stamp or Descoped marker`,
        data: { line: m.lineRange.start.line },
      });
    }
    if (m.done && !m.struck && style.strikesDone && m.done.style !== 'arrow') {
      findings.push({
        code: 'milestone.done-not-struck',
        range: m.contentRange,
        message: `${quote(m.text)} is stamped ${quote(m.done.text)} but not struck through, unlike the other done items of this document`,
        data: { line: m.lineRange.start.line },
      });
    }
    if (m.done && style.dominant && m.done.style !== style.dominant && m.done.style !== 'arrow') {
      findings.push({
        code: 'milestone.done-style',
        range: m.done.range,
        message: `Done stamp ${quote(m.done.text)} differs from this document's house style, ${STYLE_WORDS[style.dominant]}`,
        data: { line: m.lineRange.start.line, style: style.dominant },
      });
    }
  }
  return findings;
}
