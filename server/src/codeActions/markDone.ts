// The edits that mark a milestone done in a document's house style, reopen it (the reverse), or
// descope it. Each keeps the list marker, indentation, links and nested items as they are.
import type { GoalDoc, Milestone, Span } from '../model/types';
import { allMilestones } from '../model/milestones';
import { type DoneStyle, stampText } from './doneStyle';
import { EditBuilder, type SpanEdit } from './edit';
import { skipBlanksBack } from '../model/text';
import { type ItemParts, itemParts } from './itemText';

/** Removes the delimiters of strikes inside the body, so that a new strike around it does not nest. */
export function unstrikeBody(ed: EditBuilder, doc: GoalDoc, p: ItemParts): void {
  for (const s of p.item.strikes) {
    if (s.start < p.bodyStart || s.end > p.bodyEnd) continue;
    const d = doc.text.startsWith('~~', s.start) ? 2 : 1;
    ed.delete(s.start, s.start + d);
    ed.delete(s.end - d, s.end);
  }
}

/**
 * Where a new strike of the body opens and closes. Stray tildes (not a strike's) at the body's
 * ends stay outside: next to a new delimiter they would lengthen its run, and a run of another
 * length closes nothing (`x ~~` struck as `~~x ~~~~` is not struck at all).
 */
export function strikeBounds(doc: GoalDoc, p: ItemParts): { start: number; end: number; escapes: SpanEdit[] } {
  const stray = (i: number) => doc.text[i] === '~' && doc.text[i - 1] !== '\\' && !p.item.strikes.some((s) => s.start <= i && i < s.end);
  const space = (i: number) => /[ \t\r\n]/.test(doc.text[i] ?? '');
  const start = p.bodyStart;
  let end = p.bodyEnd;
  // Spaces are passed only along with the tildes they stand before or after.
  for (let e = end; e > start && (stray(e - 1) || space(e - 1)); e--) if (stray(e - 1)) end = e - 1;
  if (end < p.bodyEnd) while (end > start && space(end - 1)) end--;
  // Stray tildes right against a new delimiter are escaped: they read the same, and join no run.
  // (At the start they stay inside the strike, which must open before anything else of the text.)
  const escapes: SpanEdit[] = [];
  let after = end;
  while (after < p.bodyEnd && stray(after)) after++;
  if (after > end) escapes.push({ start: end, end: after, newText: '\\~'.repeat(after - end) });
  let first = start;
  while (first < end && stray(first)) first++;
  if (first > start) escapes.push({ start, end: first, newText: '\\~'.repeat(first - start) });
  // Inside, too: a stray run could open a strike of its own that the new closing delimiter
  // closes instead (`~~a ~~b~~` strikes only `b`).
  for (let i = first; i < end; i++) if (stray(i)) escapes.push({ start: i, end: i + 1, newText: '\\~' });
  // A backslash that ends the text would escape the closing delimiter: it is doubled (reads the same).
  let slashes = 0;
  while (end - slashes > start && doc.text[end - slashes - 1] === '\\') slashes++;
  if (slashes % 2 === 1 && after === end) escapes.push({ start: end - 1, end, newText: '\\\\' });
  return { start, end, escapes };
}

/** Strikes the body through (unless it already is) and puts `suffix` after the strike. */
function strikeBody(ed: EditBuilder, doc: GoalDoc, p: ItemParts, periodInStrike: boolean, suffix: string): void {
  if (p.whollyStruck) {
    ed.replace(p.bodyEnd, p.tailEnd, suffix);
    return;
  }
  unstrikeBody(ed, doc, p);
  const { start, end, escapes } = strikeBounds(doc, p);
  for (const e of escapes) ed.replace(e.start, e.end, e.newText);
  const period = periodInStrike && !/[.!?:;]/.test(doc.text[end - 1] ?? '') ? '.' : '';
  ed.insert(start, '~~');
  if (end < p.bodyEnd) ed.insert(end, `${period}~~`).replace(p.bodyEnd, p.tailEnd, suffix);
  else ed.replace(p.bodyEnd, p.tailEnd, `${period}~~${suffix}`);
}

/** Drops what done makes stale: a leading status that is not done, and in-progress or estimate markers. */
function dropStale(ed: EditBuilder, p: ItemParts): void {
  for (const s of p.staleInside) ed.delete(s.start, s.end);
  if (p.lead && !p.lead.done) ed.delete(p.lead.span.start, p.bodyStart);
}

export function markItemDone(doc: GoalDoc, m: Milestone, style: DoneStyle, version: string): SpanEdit[] {
  const ed = new EditBuilder(doc.text);
  const p = itemParts(doc, m);
  // An empty item has nothing to strike or mark.
  if (p.bodyEnd <= p.bodyStart) return [];
  const { mark } = style;
  if (m.checkbox || mark.kind === 'checkbox') {
    // A task box is ticked, whatever else the document does.
    dropStale(ed, p);
    if (m.checkbox) ed.replace(m.checkbox.span.start, m.checkbox.span.end, '[x]');
    else ed.insert(p.content.start, '[x] ');
    ed.delete(p.bodyEnd, p.tailEnd);
    return ed.edits;
  }
  if (mark.kind === 'emoji') {
    for (const s of p.staleInside) ed.delete(s.start, s.end);
    // A document that marks done with emoji does not strike: a strike was this item's makeshift mark.
    if (p.item.struck) unstrikeBody(ed, doc, p);
    if (mark.at === 'prefix') {
      if (p.lead) ed.replace(p.lead.span.start, p.lead.span.end, mark.emoji);
      else ed.insert(p.bodyStart, `${mark.emoji} `);
      ed.delete(p.bodyEnd, p.tailEnd);
    } else {
      if (p.lead) ed.delete(p.lead.span.start, p.bodyStart);
      ed.replace(p.bodyEnd, p.tailEnd, ` ${mark.emoji}`);
    }
    return ed.edits;
  }
  dropStale(ed, p);
  const stamp = mark.kind === 'stamp' ? ` ${stampText(mark, version)}` : '';
  if (mark.kind === 'stamp' && !mark.strike) ed.replace(p.bodyEnd, p.tailEnd, stamp);
  else strikeBody(ed, doc, p, style.periodInStrike, stamp);
  return ed.edits;
}

/** The exact reverse of marking done (or descoping): unticks, unstrikes, removes the stamp or marker. */
export function reopenItem(doc: GoalDoc, m: Milestone): SpanEdit[] {
  const ed = new EditBuilder(doc.text);
  const p = itemParts(doc, m);
  if (m.checkbox?.checked) ed.replace(m.checkbox.span.start, m.checkbox.span.end, '[ ]');
  if (p.lead?.done) ed.delete(p.lead.span.start, p.bodyStart);
  const markers = [m.done?.span, p.suffixDone, m.descoped && { start: m.descoped.span.start, end: skipBlanksBack(doc.text, p.content.end) }].filter((s) => !!s);
  if (markers.length) {
    // Not back into the done lead status removed above (`✅ Done: 3.20`).
    const start = Math.max(skipBlanksBack(doc.text, Math.min(...markers.map((s) => s.start))), p.lead?.done ? p.bodyStart : 0);
    ed.delete(start, Math.max(...markers.map((s) => s.end)));
  }
  if (p.strike) {
    const { span, delimiter } = p.strike;
    ed.delete(span.start, span.start + delimiter.length);
    ed.delete(span.end - delimiter.length, span.end);
  }
  // An item whose first line is nothing but its stamp (`=> Done`), with more lines after it, would
  // lose them: not offered.
  if (!escapeLoneSyntax(ed, p.content)) return [];
  return ed.edits;
}

/** Text a lone line of which starts a block of its own: a list marker, a heading, a rule, a fence. */
const BLOCK_SYNTAX = /^[ \t]*(?:[-+*]|\d{1,9}[.)]|#{1,6}|>|=+|-+|(?:[-_*][ \t]*){3,}|`{3,}|~{3,})[ \t]*$/;

/**
 * False when the edits leave nothing of the content's first line but something after it. When
 * what they leave of it is only block syntax (`- *** => Done` reopened is `- ***`, a rule), its
 * first character is escaped: it reads the same and stays text.
 */
function escapeLoneSyntax(ed: EditBuilder, content: Span): boolean {
  const edits = [...ed.edits].sort((a, b) => a.start - b.start);
  let left = '';
  let at = content.start;
  for (const e of edits) {
    if (e.end < content.start || e.start > content.end) continue;
    left += ed.text.slice(at, Math.max(at, e.start)) + e.newText;
    at = Math.max(at, e.end);
  }
  left += ed.text.slice(at, Math.max(at, content.end));
  // Its first line decides what the item's text is: empty, the lines after it are no longer the
  // item's (`+ => Done` then a lazy `[x]: y` line, which becomes a definition).
  const firstLine = left.split(/\r\n|\r|\n/)[0]!;
  if (firstLine.trim() === '') return left.trim() === '';
  if (!BLOCK_SYNTAX.test(firstLine)) return true;
  for (let i = content.start; i < content.end; i++) {
    if (edits.some((e) => e.start <= i && i < e.end) || /[ \t]/.test(ed.text[i]!)) continue;
    if (!edits.some((e) => e.start === i && e.end === i)) ed.insert(i, '\\');
    return true;
  }
  return true;
}

/** The Descoped marker this document writes (`_Descoped_:`, `Descoped`, `Deprioritized`), with a reason placeholder where it takes one. */
export function descopedMarker(doc: GoalDoc): string {
  const counts = new Map<string, number>();
  for (const m of allMilestones(doc.items)) if (m.descoped) counts.set(m.descoped.text, (counts.get(m.descoped.text) ?? 0) + 1);
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const marker = top?.[0] ?? '_Descoped_:';
  return marker.endsWith(':') ? `${marker} TBD` : marker;
}

/** Strikes the item and adds the Descoped marker. */
export function descopeItem(doc: GoalDoc, m: Milestone, style: DoneStyle): SpanEdit[] {
  const ed = new EditBuilder(doc.text);
  const p = itemParts(doc, m);
  dropStale(ed, p);
  strikeBody(ed, doc, p, style.periodInStrike, ` ${descopedMarker(doc)}`);
  return ed.edits;
}
