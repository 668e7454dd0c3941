// How a document marks items done, read from the done items already in it (nearest goal first),
// or from the `goalDocs.done` settings where it has none; and the version a new stamp carries.
import type { GoalDoc, ListItem, Milestone } from '../model/types';
import { allMilestones, DATE_VERSION } from '../model/milestones';
import { goalContaining } from '../model/structure';
import { type DoneMark, doneMarkOf, houseStyle, type HouseStyle, isMilestoneOpen } from '../model/done';
import type { GoalDocsSettings } from '../settings/schema';

export type { DoneMark } from '../model/done';

export interface DoneStyle {
  mark: DoneMark;
  /** Struck text in this document ends with a full stop inside the strike (`~~Ship it.~~`). */
  periodInStrike: boolean;
  /** Where the style came from. */
  source: 'goal' | 'document' | 'settings';
}

function keyOf(mark: DoneMark): string {
  switch (mark.kind) {
    case 'stamp':
      return `stamp:${mark.style}:${mark.strike}:${mark.text ?? ''}`;
    case 'emoji':
      return `emoji:${mark.at}:${mark.emoji}`;
    default:
      return mark.kind;
  }
}

function mostCommon(marks: Iterable<DoneMark>): DoneMark | undefined {
  const counts = new Map<string, { n: number; mark: DoneMark }>();
  let best: { n: number; mark: DoneMark } | undefined;
  for (const mark of marks) {
    const key = keyOf(mark);
    const c = counts.get(key) ?? { n: 0, mark };
    c.n++;
    counts.set(key, c);
    if (!best || c.n > best.n) best = c;
  }
  return best?.mark;
}

const FROM_SETTINGS: Record<Exclude<GoalDocsSettings['done']['style'], 'auto'>, DoneMark> = {
  'strike-plain': { kind: 'stamp', style: 'plain', strike: true },
  'strike-code': { kind: 'stamp', style: 'code', strike: true },
  emoji: { kind: 'emoji', emoji: '✅', at: 'prefix' },
  checkbox: { kind: 'checkbox' },
};

/** Closed (done or descoped) as this document reads it: model/done.ts, the one meaning of done. */
export function isClosedInHouse(doc: GoalDoc, m: ListItem): boolean {
  return !isMilestoneOpen(doc, m);
}

/** The items of the goal whose section holds `m`, or undefined when it is in no goal. */
function goalItemsOf(doc: GoalDoc, m: ListItem): ListItem[] | undefined {
  const goal = goalContaining(doc.goals, m.span);
  return goal && [...allMilestones(goal.items)];
}

/**
 * A stamp written as the document's rules read stamps: in the dominant stamp style when one
 * dominates, and struck where done items are struck, so that a freshly marked item never gets
 * milestone.done-style or milestone.done-not-struck.
 */
function asTheRulesRead(mark: DoneMark, house: HouseStyle): DoneMark {
  if (mark.kind !== 'stamp' || mark.style === 'arrow') return mark;
  const fixed = { ...mark, strike: mark.strike || house.strikesDone };
  const dominant = house.dominantStamp;
  if (dominant && dominant !== 'arrow' && dominant !== mark.style) {
    fixed.style = dominant;
    fixed.text = undefined;
  }
  return fixed;
}

/** The way `m` is marked done: as its goal's done items are, else as the document's, else as the settings say. */
export function doneStyleFor(doc: GoalDoc, m: Milestone | undefined, settings: GoalDocsSettings): DoneStyle {
  const house = houseStyle(doc);
  const marksOf = function* (items: Iterable<ListItem>) {
    for (const i of items) {
      const mark = doneMarkOf(doc, i, house);
      if (mark) yield mark;
    }
  };
  const goalItems = m && goalItemsOf(doc, m);
  const fromGoal = goalItems && mostCommon(marksOf(goalItems));
  if (fromGoal) return { mark: asTheRulesRead(fromGoal, house), periodInStrike: house.periodInStrike, source: 'goal' };
  const fromDoc = mostCommon(marksOf(allMilestones(doc.items)));
  if (fromDoc) return { mark: asTheRulesRead(fromDoc, house), periodInStrike: house.periodInStrike, source: 'document' };
  const setting = settings.done.style;
  const mark = setting === 'auto' ? FROM_SETTINGS.emoji : FROM_SETTINGS[setting];
  return { mark, periodInStrike: house.periodInStrike, source: 'settings' };
}

// --- The version text of a new stamp ---

function numbersOf(version: string): number[] {
  return (version.match(/\d+/g) ?? []).map(Number);
}

function compareVersions(a: string, b: string): number {
  const x = numbersOf(a);
  const y = numbersOf(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** The highest version stamped among the items (`Dist: 2020.11.30` beats `3.20`), if any. */
export function latestStampedVersion(items: Iterable<ListItem>): string | undefined {
  let latest: string | undefined;
  for (const m of items) {
    const v = m.done?.version;
    if (v && numbersOf(v).length && (!latest || compareVersions(v, latest) > 0)) latest = v;
  }
  return latest;
}

/**
 * Today's date in the shape of a date-shaped version (prefix, separators and zero padding
 * kept: `Dist: 2020.11.16` → `Dist: 2021.01.11`), or undefined when the version is no date.
 */
export function todayInShapeOf(version: string, today: Date): string | undefined {
  const m = DATE_VERSION.exec(version);
  if (!m) return undefined;
  const [, before, , sep, month, day, after] = m;
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) return undefined;
  const mm = month!.length === 2 ? pad(today.getMonth() + 1) : String(today.getMonth() + 1);
  const dd = day!.length === 2 ? pad(today.getDate()) : String(today.getDate());
  return `${before}${today.getFullYear()}${sep}${mm}${sep}${dd}${after}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Expands `${date:YYYY.MM.DD}` (tokens YYYY, YY, MM, M, DD, D) with the given day. */
export function expandVersionTemplate(template: string, today: Date): string {
  return template.replace(/\$\{date(?::([^}]*))?\}/g, (_, format: string | undefined) =>
    (format ?? 'YYYY-MM-DD').replace(/YYYY|YY|MM|M|DD|D/g, (token) => {
      switch (token) {
        case 'YYYY':
          return String(today.getFullYear());
        case 'YY':
          return pad(today.getFullYear() % 100);
        case 'MM':
          return pad(today.getMonth() + 1);
        case 'M':
          return String(today.getMonth() + 1);
        case 'DD':
          return pad(today.getDate());
        default:
          return String(today.getDate());
      }
    }),
  );
}

/**
 * The version a new Done stamp carries: `goalDocs.done.version`, where `latest` is the latest
 * stamped in the item's goal, else in the document. A latest that is a date gives today's date
 * in its shape: a date stamp records when the item was done, not the last time another was.
 */
export function inferStampVersion(doc: GoalDoc, settings: GoalDocsSettings, today: Date, m?: Milestone): string {
  const setting = settings.done.version.trim();
  if (setting && setting !== 'latest') return expandVersionTemplate(setting, today);
  const goalItems = m && goalItemsOf(doc, m);
  const latest = (goalItems && latestStampedVersion(goalItems)) ?? latestStampedVersion(allMilestones(doc.items));
  if (latest === undefined) return expandVersionTemplate('${date:YYYY.MM.DD}', today);
  return todayInShapeOf(latest, today) ?? latest;
}

/** The stamp as written for a style and version; a version a plain stamp cannot hold goes in backticks. */
export function stampText(mark: Extract<DoneMark, { kind: 'stamp' }>, version: string): string {
  switch (mark.style) {
    case 'bold':
      return mark.text ?? '**Done!**';
    case 'arrow':
      return mark.text ?? '=> Done';
    case 'plain':
      // The model reads a plain stamp's version as a number-led run without spaces.
      if (/^[0-9][^\s,;)`]*$/.test(version) && !version.endsWith('.')) return `Done: ${version}`;
      return `Done: \`${version}\``;
    default:
      return `Done: \`${version}\``;
  }
}

/** True when the style stamps a version (so the version can be chosen). */
export function stampsVersion(style: DoneStyle): boolean {
  return style.mark.kind === 'stamp' && (style.mark.style === 'plain' || style.mark.style === 'code');
}
