// What done means, once for everything that asks (code lens, hover, outline, completion details,
// diagnostics, quick fixes, mark done): an item's state, and the document's house style of
// marking done. Read from the model of one version; nothing here re-reads the text.
import type { DoneStampStyle, GoalDoc, ListItem } from './types';
import { DONE_EMOJI } from './milestones';

export type MilestoneState = 'done' | 'descoped' | 'open';

/** How a done item is marked: what "Mark milestone done" copies. */
export type DoneMark =
  /** `~~text.~~ Done: 3.19`, ``Done: `3.20` ``, `**Done!**`, `=> Done`; struck or not. */
  | { kind: 'stamp'; style: DoneStampStyle; strike: boolean; text?: string }
  /** `~~text~~` and nothing else, in a document whose only done mark that is. */
  | { kind: 'strike' }
  /** `✅ text` or `text ✅`. */
  | { kind: 'emoji'; emoji: string; at: 'prefix' | 'suffix' }
  /** `- [x] text`. */
  | { kind: 'checkbox' };

export interface HouseStyle {
  /** No item has a done mark of its own (stamp, ticked box, done emoji) and some are struck: a bare strike means done. */
  bareStrikeIsDone: boolean;
  /** The stamp style most stamps use, when one clearly dominates (three or more, twice the next). */
  dominantStamp?: DoneStampStyle;
  /** Stamped items are struck through more often than not. */
  strikesDone: boolean;
  /** Struck text ends with a full stop inside the strike (`~~Ship it.~~`) in at least half the strikes. */
  periodInStrike: boolean;
  /** The mark of every done item, by item. */
  marks: Map<ListItem, DoneMark>;
}

/** A done mark the item carries itself: a stamp, a ticked task box, a done emoji in front or at the end. */
function ownMark(m: ListItem): DoneMark | undefined {
  if (m.checkbox?.checked) return { kind: 'checkbox' };
  if (m.done) {
    const mark: DoneMark = { kind: 'stamp', style: m.done.style, strike: m.struck };
    if (m.done.style === 'bold' || m.done.style === 'arrow') mark.text = m.done.text;
    return mark;
  }
  if (m.status?.kind === 'emoji' && DONE_EMOJI.has(m.status.text)) return { kind: 'emoji', emoji: m.status.text, at: 'prefix' };
  if (m.doneSuffix && !m.descoped) return { kind: 'emoji', emoji: m.doneSuffix.text, at: 'suffix' };
  return undefined;
}

/** Every item, depth first, in one flat array (cheaper than a generator on large documents). */
export function flatItems(items: ListItem[], out: ListItem[] = []): ListItem[] {
  for (const m of items) {
    out.push(m);
    if (m.children.length) flatItems(m.children, out);
  }
  return out;
}

const styles = new WeakMap<GoalDoc, HouseStyle>();

/** The document's house style, read once per version. */
export function houseStyle(doc: GoalDoc): HouseStyle {
  let style = styles.get(doc);
  if (style) return style;
  const marks = new Map<ListItem, DoneMark>();
  const stampCounts = new Map<DoneStampStyle, number>();
  let stampedStruck = 0;
  let stampedUnstruck = 0;
  let strikes = 0;
  let withPeriod = 0;
  const bare: ListItem[] = [];
  for (const m of flatItems(doc.items)) {
    const s = m.struck ? m.strikes[0] : undefined;
    if (s) {
      strikes++;
      const delimiter = doc.text.startsWith('~~', s.end - 2) ? 2 : 1;
      if (doc.text[s.end - delimiter - 1] === '.') withPeriod++;
    }
    const mark = ownMark(m);
    if (mark) {
      marks.set(m, mark);
      if (m.done) {
        stampCounts.set(m.done.style, (stampCounts.get(m.done.style) ?? 0) + 1);
        if (m.struck) stampedStruck++;
        else stampedUnstruck++;
      }
    } else if (m.whollyStruck && !m.descoped) {
      bare.push(m);
    }
  }
  const bareStrikeIsDone = marks.size === 0 && bare.length > 0;
  if (bareStrikeIsDone) for (const m of bare) marks.set(m, { kind: 'strike' });
  const [top, second] = [...stampCounts.entries()].sort((a, b) => b[1] - a[1]);
  const dominantStamp = top && top[1] >= 3 && (!second || top[1] >= 2 * second[1]) ? top[0] : undefined;
  style = {
    bareStrikeIsDone,
    dominantStamp,
    strikesDone: stampedStruck > 0 && stampedStruck >= stampedUnstruck,
    periodInStrike: strikes > 0 && withPeriod * 2 >= strikes,
    marks,
  };
  styles.set(doc, style);
  return style;
}

/** Done, descoped or open, as this document marks things. */
export function milestoneState(doc: GoalDoc, m: ListItem): MilestoneState {
  if (m.done || m.checkbox?.checked || (m.status?.kind === 'emoji' && DONE_EMOJI.has(m.status.text))) return 'done';
  if (m.descoped) return 'descoped';
  return houseStyle(doc).marks.has(m) ? 'done' : 'open';
}

export function isMilestoneOpen(doc: GoalDoc, m: ListItem): boolean {
  return milestoneState(doc, m) === 'open';
}
