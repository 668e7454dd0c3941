// toc.entry-mismatch, toc.missing-entry, anchor.missing in the TOC → "Update table of contents": the TOC
// list regenerated in place from the headings of the kinds it lists, nested, bulleted and bold
// as it was. A document without a TOC gets none: nothing guesses one.
import type { GoalDoc, Heading, TocEntry } from '../model/types';
import { tocEntryTargets } from '../model/toc';
import { lineDiff, lineStart } from './edit';
import type { Fix, FixProvider } from './fix';

const LABEL = '\u0000label\u0000';
const FRAGMENT = '\u0000fragment\u0000';

function kindKey(h: Heading): string {
  return h.kind === 'other' ? `other:${h.level}` : h.kind;
}

interface EntryLine {
  entry: TocEntry;
  /** The entry's first line from its bullet on, with the label and fragment as placeholders. */
  template: string;
  /** The entry's first line from its bullet on, as written. */
  source: string;
  bullet: string;
  column: number;
}

function entryLine(doc: GoalDoc, entry: TocEntry): EntryLine {
  const { text } = doc;
  const from = entry.span.start;
  const source = text.slice(from, entry.span.end);
  const bullet = /^([-*+]|\d+[.)])/.exec(source)?.[1] ?? '-';
  const link = entry.link;
  const labelEnd = text.lastIndexOf('](', link.hrefSpan.start);
  const inner = labelEnd > link.span.start ? text.slice(link.span.start + 1, labelEnd) : entry.text;
  const innerTemplate = inner.includes(entry.text) ? inner.replace(entry.text, LABEL) : LABEL;
  const before = text.slice(from, link.span.start);
  const closing = /^[*_]*/.exec(text.slice(link.span.end, entry.span.end))![0];
  const template = `${before}[${innerTemplate}](#${FRAGMENT})${closing}`;
  return { entry, template, source, bullet, column: from - lineStart(doc, from) };
}

function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

/**
 * The TOC as it should read, or undefined when the document has none. `headings` is the order the
 * headings will stand in (the document's, unless other fixes move sections).
 */
export function regeneratedToc(doc: GoalDoc, headings: Heading[] = doc.headings): { start: number; end: number; text: string } | undefined {
  const toc = doc.toc;
  if (!toc || toc.entries.length === 0) return undefined;
  const claimed = new Set<Heading>();
  const lines = toc.entries.map((e) => entryLine(doc, e));
  const byHeading = new Map<Heading, EntryLine>();
  const depthsOfKind = new Map<string, number[]>();
  const named = new Map(tocEntryTargets(doc).map((t) => [t.entry, t]));
  for (const line of lines) {
    // The heading the entry names (model/toc.ts), else the one its link reaches (an entry
    // whose label differs from its heading); a heading named twice keeps its first entry.
    const t = named.get(line.entry);
    const h = t?.named && !t.namedTwice ? t.named : t?.target && !claimed.has(t.target) ? t.target : undefined;
    if (!h || claimed.has(h)) continue;
    claimed.add(h);
    byHeading.set(h, line);
    const depths = depthsOfKind.get(kindKey(h)) ?? [];
    depths.push(line.entry.depth);
    depthsOfKind.set(kindKey(h), depths);
  }
  const columnAt = (depth: number) => mostCommon(lines.filter((l) => l.entry.depth === depth).map((l) => l.column)) ?? lines[0].column + depth * toc.indent;
  const templateAt = (depth: number, kind: string) =>
    lines.find((l) => l.entry.depth === depth && [...byHeading].some(([h, el]) => el === l && kindKey(h) === kind)) ??
    lines.find((l) => l.entry.depth === depth) ??
    lines[0];

  const eol = /\r\n|\r|\n/.exec(doc.text)?.[0] ?? '\n';
  const out: string[] = [];
  const counters: number[] = [];
  let previous = -1;
  for (const h of headings) {
    if (h.span.start < toc.span.start) continue;
    const kind = kindKey(h);
    const depths = depthsOfKind.get(kind);
    if (!depths) continue;
    const depth = Math.min(mostCommon(depths)!, previous + 1);
    previous = depth;
    counters.length = depth + 1;
    counters[depth] = (counters[depth] ?? 0) + 1;
    const own = byHeading.get(h);
    const template = templateAt(depth, kind);
    let line: string;
    if (own) {
      // Keep the entry as written (its label may differ from the heading); mend only its link.
      const fragment = own.entry.link.fragmentSpan;
      line = fragment
        ? doc.text.slice(own.entry.span.start, fragment.start) + h.slug + doc.text.slice(fragment.end, own.entry.span.end)
        : own.template.replace(LABEL, own.entry.text).replace(FRAGMENT, h.slug);
      line = line.replace(/^([-*+]|\d+[.)])/, template.bullet);
    } else {
      // A backslash escapes too: `Title \` must not turn the closing `]` into text.
      const label = h.text.replace(/[[\]\\]/g, (c) => `\\${c}`);
      line = template.template.replace(LABEL, label).replace(FRAGMENT, h.slug);
    }
    const numbered = /^(\d+)([.)])/.exec(line);
    if (numbered) line = `${counters[depth]}${numbered[2]}${line.slice(numbered[0].length)}`;
    out.push(' '.repeat(columnAt(depth)) + line);
  }
  const start = lineStart(doc, toc.span.start);
  return { start, end: toc.span.end, text: out.join(eol) };
}

export function updateTocFix(doc: GoalDoc, isPreferred: boolean, headings?: Heading[]): Fix[] {
  const toc = regeneratedToc(doc, headings);
  if (!toc) return [];
  const edits = lineDiff(doc.text.slice(toc.start, toc.end), toc.text, toc.start);
  return edits.length ? [{ title: 'Update table of contents', edits, safe: true, group: 'toc', isPreferred }] : [];
}

export const fixTocByUpdate: FixProvider = (doc) => updateTocFix(doc, true);
