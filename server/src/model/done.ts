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

/** What the house style counts, over an item and the items under it. */
interface StyleCounts {
  stamps: Record<DoneStampStyle, number>;
  marked: number;
  bare: number;
  stampedStruck: number;
  stampedUnstruck: number;
  strikes: number;
  withPeriod: number;
}

const noCounts = (): StyleCounts => ({ stamps: { plain: 0, code: 0, bold: 0, arrow: 0 }, marked: 0, bare: 0, stampedStruck: 0, stampedUnstruck: 0, strikes: 0, withPeriod: 0 });

// Per item, while its chunk is reused (an item's counts depend on its own text only): a
// keystroke elsewhere in a large document must not count every item again.
const itemCounts = new WeakMap<ListItem, StyleCounts>();

function countsOf(doc: GoalDoc, m: ListItem): StyleCounts {
  let c = itemCounts.get(m);
  if (c) return c;
  c = noCounts();
  const s = m.struck ? m.strikes[0] : undefined;
  if (s) {
    c.strikes++;
    const delimiter = doc.text.startsWith('~~', s.end - 2) ? 2 : 1;
    if (doc.text.charCodeAt(s.end - delimiter - 1) === 46 /* . */) c.withPeriod++;
  }
  if (hasOwnMark(m)) {
    c.marked++;
    if (m.done) {
      c.stamps[m.done.style]++;
      if (m.struck) c.stampedStruck++;
      else c.stampedUnstruck++;
    }
  } else if (m.whollyStruck && !m.descoped) {
    c.bare++;
  }
  for (const child of m.children) addCounts(c, countsOf(doc, child));
  itemCounts.set(m, c);
  return c;
}

function addCounts(into: StyleCounts, c: StyleCounts): void {
  into.stamps.plain += c.stamps.plain;
  into.stamps.code += c.stamps.code;
  into.stamps.bold += c.stamps.bold;
  into.stamps.arrow += c.stamps.arrow;
  into.marked += c.marked;
  into.bare += c.bare;
  into.stampedStruck += c.stampedStruck;
  into.stampedUnstruck += c.stampedUnstruck;
  into.strikes += c.strikes;
  into.withPeriod += c.withPeriod;
}

/** The document's house style, read once per version: counts only, kept per item. */
export function houseStyle(doc: GoalDoc): HouseStyle {
  let style = styles.get(doc);
  if (style) return style;
  const sum = noCounts();
  for (const m of doc.items) addCounts(sum, countsOf(doc, m));
  const { marked, bare, stampedStruck, stampedUnstruck, strikes, withPeriod } = sum;
  const [top, second] = (Object.entries(sum.stamps) as Array<[DoneStampStyle, number]>).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  style = {
    bareStrikeIsDone: marked === 0 && bare > 0,
    dominantStamp: top && top[1] >= 3 && (!second || top[1] >= 2 * second[1]) ? top[0] : undefined,
    strikesDone: stampedStruck > 0 && stampedStruck >= stampedUnstruck,
    periodInStrike: strikes > 0 && withPeriod * 2 >= strikes,
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
