// period.order → the out-of-order quarter or year moved, with everything under it, above the
// siblings it belongs before in the document's own order (newest or oldest first);
// period.ended-open → what is left of the goal descoped (its move and carry-over: lifecycle.ts).
import { outlineParent } from '../model/headings';
import type { GoalDoc, Heading } from '../model/types';
import { periodOrderKey } from '../model/periods';
import { applySpanEdits, lineStart } from './edit';
import { openWork } from '../model/progress';
import { buildGoalDoc } from '../model/build';
import { descopeItem } from './markDone';
import { doneStyleFor } from './doneStyle';
import { type FixProvider, headingBySlug } from './fix';

function orderKey(doc: GoalDoc, h: Heading): number | undefined {
  const q = doc.quarters.find((x) => x.heading === h);
  if (q) return periodOrderKey(q.label);
  return doc.years.find((y) => y.heading === h)?.year;
}

export const fixPeriodOrder: FixProvider<{ slug: string; newestFirst: boolean }> = (doc, target) => {
  const h = headingBySlug(doc, target.data.slug);
  const { newestFirst } = target.data;
  if (!h) return [];
  const key = orderKey(doc, h);
  if (key === undefined) return [];
  // Walk back over the siblings of the same kind that belong after it.
  const parent = outlineParent(doc, h);
  let above: Heading | undefined;
  for (let i = h.index - 1; i >= 0; i--) {
    const s = doc.headings[i];
    if (s.level < h.level) break;
    if (s.level > h.level || s.kind !== h.kind || outlineParent(doc, s) !== parent) continue;
    const k = orderKey(doc, s);
    if (k === undefined || (newestFirst ? k >= key : k <= key)) break;
    above = s;
  }
  if (!above) return [];

  const { text } = doc;
  const start = lineStart(doc, h.span.start);
  const next = doc.headings.find((s) => s.index > h.index && s.level <= h.level);
  const end = next ? lineStart(doc, next.span.start) : text.length;
  const at = lineStart(doc, above.span.start);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const title = `Move "${h.text}" above "${above.text}"`;
  const reorders = { block: doc.headings.slice(h.index, next ? next.index : doc.headings.length), before: above };
  if (next) return [{ title, edits: [{ start: at, end: at, newText: text.slice(start, end) }, { start, end, newText: '' }], safe: true, isPreferred: true, reorders }];
  // The last section: it gains the blank line it lacked, and the text before it keeps its ending.
  let contentEnd = start;
  while (contentEnd > 0 && /\s/.test(text[contentEnd - 1])) contentEnd--;
  const block = text.slice(start).replace(/\s*$/, '') + eol + eol;
  const ending = /\r?\n$/.test(text) ? eol : '';
  return [{ title, edits: [{ start: at, end: at, newText: block }, { start: contentEnd, end: text.length, newText: ending }], safe: true, isPreferred: true, reorders }];
};

/** period.ended-open → descope what is left of the goal (its open counted milestones), in the page's descoped style. */
export const fixEndedOpenByDescoping: FixProvider<{ slug: string }> = (doc, target, ctx) => {
  const goal = doc.goals.find((g) => g.heading.slug === target.data.slug);
  if (!goal) return [];
  const open = openWork(doc, goal);
  const edits = open.flatMap((m) => descopeItem(doc, m, doneStyleFor(doc, m, ctx.settings)));
  if (!edits.length) return [];
  // Offered only where it answers the finding: every counted milestone closed after it.
  const after = buildGoalDoc(applySpanEdits(doc.text, edits), { uri: doc.uri, version: doc.version });
  const same = after.goals.find((g) => g.heading.index === goal.heading.index);
  if (!same || openWork(after, same).length > 0) return [];
  return [{ title: open.length === 1 ? 'Descope the open milestone' : `Descope the ${open.length} open milestones`, edits, safe: false }];
};
