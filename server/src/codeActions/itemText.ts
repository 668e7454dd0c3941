// The parts of a milestone's text that marking it done, reopening or descoping rewrites: a
// leading status, status markers that done makes stale, the body a strike wraps, and the strike.
import type { GoalDoc, Milestone, Span } from '../model/types';
import { DONE_EMOJI } from '../model/milestones';
import { skipWhitespaceBack, skipWhitespaceForward } from '../model/text';

// Statuses written as words at the start of an item: `(in-progress) Publish …`, `WIP: …`.
const LEAD_WORDS = /^(?:\((?:in[- ]progress|wip|doing|ongoing)\)|\[(?:in[- ]progress|wip)\])(?=\s)/i;
const LEAD_WIP = /^WIP:?(?=\s)/;
// Stale once done, wherever they stand: `(Estimated completion July 30th)`, `(ETA May)`, `WIP: `.
const STALE_WORDS: RegExp[] = [/\((?:Estimated completion|ETA)\b[^)\n]*\)/gi, /\bWIP:/g];

export interface LeadStatus {
  span: Span;
  text: string;
  done: boolean;
}

export interface ItemParts {
  item: Milestone;
  content: Span;
  /** A status at the start of the content (🔄, ✅, `(in-progress)`), without the space after it. */
  lead?: LeadStatus;
  /** After the lead status and its space. */
  bodyStart: number;
  /** Before the trailing stale markers, stamp, Descoped marker, done emoji and spaces. */
  bodyEnd: number;
  /** Stale status markers inside the body, each with the space it takes along. */
  staleInside: Span[];
  /** The end of the last stale marker after the body (`bodyEnd` when there is none). */
  tailEnd: number;
  /** A done emoji at the end of the content (`Keep the business informed ✅`). */
  suffixDone?: Span;
  /** The strike that opens the body, and its delimiter (`~~` or `~`). */
  strike?: { span: Span; delimiter: string };
  /** The model's `whollyStruck`: nothing but punctuation, emoji and markers outside the strikes. */
  whollyStruck: boolean;
}


function staleMarkers(doc: GoalDoc, m: Milestone, from: number, to: number): Span[] {
  const spans: Span[] = [];
  if (m.status && m.status.kind !== 'emoji') spans.push({ start: m.status.span.start, end: m.status.span.end });
  const text = doc.text.slice(from, to);
  for (const re of STALE_WORDS) {
    for (const match of text.matchAll(re)) {
      const start = from + (match.index ?? 0);
      const end = start + match[0].length;
      if (!spans.some((s) => s.start < end && start < s.end)) spans.push({ start, end });
    }
  }
  return spans;
}

export function itemParts(doc: GoalDoc, m: Milestone): ItemParts {
  const { text } = doc;
  const content = { start: m.contentSpan.start, end: m.contentSpan.end };
  let lead: LeadStatus | undefined;
  if (m.status?.kind === 'emoji' && m.status.span.start === content.start) {
    lead = { span: { ...m.status.span }, text: m.status.text, done: DONE_EMOJI.has(m.status.text) };
  } else {
    const head = text.slice(content.start, content.end);
    const word = LEAD_WORDS.exec(head) ?? LEAD_WIP.exec(head);
    if (word) lead = { span: { start: content.start, end: content.start + word[0].length }, text: word[0], done: false };
  }
  const bodyStart = lead ? skipWhitespaceForward(text, lead.span.end, content.end) : content.start;

  const stale = staleMarkers(doc, m, bodyStart, content.end);
  const suffixDone = lead?.done || !m.doneSuffix || m.doneSuffix.span.start < bodyStart ? undefined : { ...m.doneSuffix.span };
  const trailing: Span[] = [...stale];
  if (m.done) trailing.push(m.done.span);
  if (m.descoped) trailing.push({ start: m.descoped.span.start, end: content.end });
  if (suffixDone) trailing.push(suffixDone);
  let bodyEnd = skipWhitespaceBack(text, content.end, bodyStart);
  for (;;) {
    const t = trailing.find((s) => s.start < bodyEnd && bodyEnd <= s.end);
    if (!t) break;
    bodyEnd = skipWhitespaceBack(text, t.start, bodyStart);
  }
  const staleInside = stale
    .filter((s) => s.end <= bodyEnd && s.start >= bodyStart)
    .map((s) => {
      const after = skipWhitespaceForward(text, s.end, bodyEnd);
      return after > s.end ? { start: s.start, end: after } : { start: skipWhitespaceBack(text, s.start, bodyStart), end: s.end };
    });

  const tailEnd = Math.max(bodyEnd, ...stale.filter((s) => s.start >= bodyEnd).map((s) => s.end));

  let strike: ItemParts['strike'];
  const first = m.struck ? m.strikes[0] : undefined;
  if (first) strike = { span: { ...first }, delimiter: text.startsWith('~~', first.start) ? '~~' : '~' };
  return { item: m, content, lead, bodyStart, bodyEnd, staleInside, tailEnd, suffixDone, strike, whollyStruck: m.whollyStruck };
}
