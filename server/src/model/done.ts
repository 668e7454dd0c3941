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
  /** Some item is marked done or descoped (a stamp, a ticked box, a done emoji, a strike): the page keeps its items' state. */
  marksDone: boolean;
}

/** True when the item carries a done mark of its own (ownMark would return one): no allocation. */
function hasOwnMark(m: ListItem): boolean {
  return !!m.checkbox?.checked || !!m.done || (m.status?.kind === 'emoji' && DONE_EMOJI.has(m.status.text)) || (!!m.doneSuffix && !m.descoped);
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

/** The document's house style, read once per version: counts only, one pass over the items. */
export function houseStyle(doc: GoalDoc): HouseStyle {
  let style = styles.get(doc);
  if (style) return style;
  const stampCounts: Record<DoneStampStyle, number> = { plain: 0, code: 0, bold: 0, arrow: 0 };
  let marked = 0;
  let bare = 0;
  let stampedStruck = 0;
  let stampedUnstruck = 0;
  let strikes = 0;
  let withPeriod = 0;
  const visit = (items: ListItem[]) => {
    for (const m of items) {
      const s = m.struck ? m.strikes[0] : undefined;
      if (s) {
        strikes++;
        const delimiter = doc.text.startsWith('~~', s.end - 2) ? 2 : 1;
        if (doc.text.charCodeAt(s.end - delimiter - 1) === 46 /* . */) withPeriod++;
      }
      if (hasOwnMark(m)) {
        marked++;
        if (m.done) {
          stampCounts[m.done.style]++;
          if (m.struck) stampedStruck++;
          else stampedUnstruck++;
        }
      } else if (m.whollyStruck && !m.descoped) {
        bare++;
      }
      if (m.children.length) visit(m.children);
    }
  };
  visit(doc.items);
  const [top, second] = (Object.entries(stampCounts) as Array<[DoneStampStyle, number]>).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  style = {
    bareStrikeIsDone: marked === 0 && bare > 0,
    dominantStamp: top && top[1] >= 3 && (!second || top[1] >= 2 * second[1]) ? top[0] : undefined,
    strikesDone: stampedStruck > 0 && stampedStruck >= stampedUnstruck,
    periodInStrike: strikes > 0 && withPeriod * 2 >= strikes,
    marksDone: marked > 0 || strikes > 0,
  };
  styles.set(doc, style);
  return style;
}

/** How a done item is marked (what "Mark milestone done" copies), or undefined for an item that is not done. */
export function doneMarkOf(doc: GoalDoc, m: ListItem, house: HouseStyle = houseStyle(doc)): DoneMark | undefined {
  return ownMark(m) ?? (house.bareStrikeIsDone && m.whollyStruck && !m.descoped ? { kind: 'strike' } : undefined);
}

/** Done, descoped or open, as this document marks things. */
export function milestoneState(doc: GoalDoc, m: ListItem, house?: HouseStyle): MilestoneState {
  if (m.done || m.checkbox?.checked || (m.status?.kind === 'emoji' && DONE_EMOJI.has(m.status.text))) return 'done';
  if (m.descoped) return 'descoped';
  if (m.doneSuffix) return 'done';
  if (!m.whollyStruck) return 'open';
  return (house ?? houseStyle(doc)).bareStrikeIsDone ? 'done' : 'open';
}

export function isMilestoneOpen(doc: GoalDoc, m: ListItem): boolean {
  return milestoneState(doc, m) === 'open';
}
