// How a document marks items done, read from the done items already in it (nearest goal first),
// or from the `goalDocs.done` settings where it has none; and the version a new stamp carries.
import type { DoneStampStyle, GoalDoc, Milestone } from '../model/types';
import { allMilestones, DONE_EMOJI } from '../model/milestones';
import type { GoalDocsSettings } from '../settings';
import { isItemClosed, itemParts } from './itemText';

export type DoneMark =
  /** `~~text.~~ Done: 3.19`, ``Done: `3.20` ``, `**Done!**`, `=> Done`; struck or not. */
  | { kind: 'stamp'; style: DoneStampStyle; strike: boolean; text?: string }
  /** `~~text~~` and nothing else. */
  | { kind: 'strike' }
  /** `✅ text` or `text ✅`. */
  | { kind: 'emoji'; emoji: string; at: 'prefix' | 'suffix' }
  /** `- [x] text`. */
  | { kind: 'checkbox' };

export interface DoneStyle {
  mark: DoneMark;
  /** Struck text in this document ends with a full stop inside the strike (`~~Ship it.~~`). */
  periodInStrike: boolean;
  /** Where the style came from. */
  source: 'goal' | 'document' | 'settings';
}

interface Example {
  key: string;
  mark: DoneMark;
  bare: boolean;
}

function exampleOf(doc: GoalDoc, m: Milestone): Example | undefined {
  if (m.checkbox?.checked) return { key: 'checkbox', mark: { kind: 'checkbox' }, bare: false };
  if (m.done) {
    const mark: DoneMark = { kind: 'stamp', style: m.done.style, strike: m.struck };
    if (m.done.style === 'bold' || m.done.style === 'arrow') mark.text = m.done.text;
    return { key: `stamp:${m.done.style}:${m.struck}:${mark.text ?? ''}`, mark, bare: false };
  }
  if (m.descoped) return undefined;
  if (m.status?.kind === 'emoji' && DONE_EMOJI.has(m.status.text)) {
    return { key: `emoji:prefix:${m.status.text}`, mark: { kind: 'emoji', emoji: m.status.text, at: 'prefix' }, bare: false };
  }
  const parts = itemParts(doc, m);
  if (parts.suffixDone) {
    const emoji = doc.text.slice(parts.suffixDone.start, parts.suffixDone.end);
    return { key: `emoji:suffix:${emoji}`, mark: { kind: 'emoji', emoji, at: 'suffix' }, bare: false };
  }
  if (parts.whollyStruck) return { key: 'strike', mark: { kind: 'strike' }, bare: true };
  return undefined;
}

function mostCommon(examples: Example[]): DoneMark | undefined {
  const counts = new Map<string, { n: number; mark: DoneMark }>();
  for (const e of examples) {
    const c = counts.get(e.key);
    if (c) c.n++;
    else counts.set(e.key, { n: 1, mark: e.mark });
  }
  let best: { n: number; mark: DoneMark } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.mark;
}

const FROM_SETTINGS: Record<Exclude<GoalDocsSettings['done']['style'], 'auto'>, DoneMark> = {
  'strike-plain': { kind: 'stamp', style: 'plain', strike: true },
  'strike-code': { kind: 'stamp', style: 'code', strike: true },
  emoji: { kind: 'emoji', emoji: '✅', at: 'prefix' },
  checkbox: { kind: 'checkbox' },
};

interface DocExamples {
  byItem: Map<Milestone, Example>;
  periodInStrike: boolean;
  /** Bare strikes count only in a document that marks nothing done any other way. */
  useBare: boolean;
}

const cache = new WeakMap<GoalDoc, DocExamples>();

function docExamples(doc: GoalDoc): DocExamples {
  let found = cache.get(doc);
  if (found) return found;
  const byItem = new Map<Milestone, Example>();
  let struck = 0;
  let withPeriod = 0;
  for (const m of allMilestones(doc.items)) {
    const e = exampleOf(doc, m);
    if (!e) continue;
    byItem.set(m, e);
    const s = m.struck ? m.strikes[0] : undefined;
    if (s) {
      struck++;
      const delimiter = doc.text.startsWith('~~', s.end - 2) ? 2 : 1;
      if (doc.text[s.end - delimiter - 1] === '.') withPeriod++;
    }
  }
  const useBare = [...byItem.values()].every((e) => e.bare);
  found = { byItem, periodInStrike: struck > 0 && withPeriod * 2 >= struck, useBare };
  cache.set(doc, found);
  return found;
}

/**
 * Closed as this document reads it: done or descoped by the model, by a done emoji at its end,
 * or struck through in a document whose only done mark is a bare strike.
 */
export function isClosedInHouse(doc: GoalDoc, m: Milestone): boolean {
  if (isItemClosed(doc, m)) return true;
  const ex = docExamples(doc);
  return ex.useBare && !!ex.byItem.get(m)?.bare;
}

/** The items of the goal whose section holds `m`, or undefined when it is in no goal. */
function goalItemsOf(doc: GoalDoc, m: Milestone): Milestone[] | undefined {
  for (const goal of doc.goals) {
    const s = goal.heading.sectionSpan;
    if (s.start <= m.span.start && m.span.end <= s.end) return [...allMilestones(goal.items)];
  }
  return undefined;
}

/** The way `m` is marked done: as its goal's done items are, else as the document's, else as the settings say. */
export function doneStyleFor(doc: GoalDoc, m: Milestone | undefined, settings: GoalDocsSettings): DoneStyle {
  const ex = docExamples(doc);
  const usable = (items: Iterable<Milestone>) => {
    const out: Example[] = [];
    for (const i of items) {
      const e = ex.byItem.get(i);
      if (e && (ex.useBare || !e.bare)) out.push(e);
    }
    return out;
  };
  const goalItems = m && goalItemsOf(doc, m);
  const fromGoal = goalItems && mostCommon(usable(goalItems));
  if (fromGoal) return { mark: fromGoal, periodInStrike: ex.periodInStrike, source: 'goal' };
  const fromDoc = mostCommon(usable(ex.byItem.keys()));
  if (fromDoc) return { mark: fromDoc, periodInStrike: ex.periodInStrike, source: 'document' };
  const setting = settings.done.style;
  const mark = setting === 'auto' ? FROM_SETTINGS.emoji : FROM_SETTINGS[setting];
  return { mark, periodInStrike: ex.periodInStrike, source: 'settings' };
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

/** The highest version stamped in the document (`Dist: 2020.11.30` beats `3.20`), if any. */
export function latestStampedVersion(doc: GoalDoc): string | undefined {
  let latest: string | undefined;
  for (const m of allMilestones(doc.items)) {
    const v = m.done?.version;
    if (v && numbersOf(v).length && (!latest || compareVersions(v, latest) > 0)) latest = v;
  }
  return latest;
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

/** The version a new Done stamp carries: `goalDocs.done.version`, where `latest` is the document's latest. */
export function inferStampVersion(doc: GoalDoc, settings: GoalDocsSettings, today: Date): string {
  const setting = settings.done.version.trim();
  if (setting && setting !== 'latest') return expandVersionTemplate(setting, today);
  return latestStampedVersion(doc) ?? expandVersionTemplate('${date:YYYY.MM.DD}', today);
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
