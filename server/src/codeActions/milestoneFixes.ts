// milestone.struck-without-marker → mark it done, or descoped; milestone.done-not-struck → strike
// it; milestone.done-style → restamp it in the house style.
import type { DoneStampStyle } from '../model/types';
import { doneStyleFor, inferStampVersion, stampText } from './doneStyle';
import { EditBuilder } from './edit';
import { type FixProvider, itemOnLine } from './fix';
import { itemParts } from './itemText';
import { descopedMarker, descopeItem, markItemDone, strikeBounds, unstrikeBody } from './markDone';

// Struck text can also be a revised estimate, so neither reading of a bare strike is applied unasked.
export const fixStruckByMarkingDone: FixProvider<{ line: number }> = (doc, target, ctx) => {
  const m = itemOnLine(doc, target.data.line);
  if (!m) return [];
  const style = doneStyleFor(doc, m, ctx.settings);
  const version = inferStampVersion(doc, ctx.settings, ctx.today, m);
  // In a document whose only done mark is a bare strike, a stamp is what the item lacks.
  const mark = style.mark.kind === 'strike' ? { ...style, mark: { kind: 'stamp', style: 'plain', strike: true } as const } : style;
  const done = markItemDone(doc, m, mark, version);
  if (!done.length) return [];
  const what = mark.mark.kind === 'stamp' ? `add "${stampText(mark.mark, version)}"` : mark.mark.kind === 'emoji' ? `mark ${mark.mark.emoji}` : 'tick its box';
  return [{ title: `Mark done: ${what}`, edits: done, safe: false, isPreferred: true }];
};

export const fixStruckByDescoping: FixProvider<{ line: number }> = (doc, target, ctx) => {
  const m = itemOnLine(doc, target.data.line);
  const descoped = m ? descopeItem(doc, m, doneStyleFor(doc, m, ctx.settings)) : [];
  return descoped.length ? [{ title: `Mark descoped: add "${descopedMarker(doc)}"`, edits: descoped, safe: false }] : [];
};

export const fixDoneNotStruck: FixProvider<{ line: number }> = (doc, target) => {
  const m = itemOnLine(doc, target.data.line);
  if (!m?.done || m.struck) return [];
  const p = itemParts(doc, m);
  // A stamp at the start would be struck with the text, and then no longer read as a stamp.
  const { start, end, escapes } = strikeBounds(doc, p);
  if (m.done.span.start < p.bodyEnd || start >= end) return [];
  // Strikes inside the text go: a strike around them would not nest, and its delimiters would
  // pair with theirs instead (`~~a ~~b~~~~`).
  const ed = new EditBuilder(doc.text);
  unstrikeBody(ed, doc, p);
  ed.insert(start, '~~').insert(end, '~~');
  for (const e of escapes) ed.replace(e.start, e.end, e.newText);
  return [{ title: 'Strike the done item through', edits: ed.edits, safe: true, isPreferred: true }];
};

export const fixDoneStyle: FixProvider<{ line: number; style: DoneStampStyle }> = (doc, target) => {
  const m = itemOnLine(doc, target.data.line);
  const { style } = target.data;
  if (!m?.done || style === m.done.style) return [];
  const version = m.done.version;
  // Bold and arrow stamps hold no version (restamping a versioned one would lose it); the others need one.
  const versionless = style === 'bold' || style === 'arrow';
  if (versionless === !!version) return [];
  const text = stampText({ kind: 'stamp', style, strike: m.struck }, version ?? '');
  // A version a plain stamp cannot hold stays in backticks; then there is nothing to change.
  if (text === m.done.text || (style === 'plain' && text.includes('`'))) return [];
  return [{ title: `Restamp as "${text}"`, edits: [{ ...m.done.span, newText: text }], safe: true, isPreferred: true }];
};
