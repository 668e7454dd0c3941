// List items as milestones and outcomes: strike-through, Done stamps, Descoped markers, status
// emoji and tails, task boxes, nesting.
import type { List, ListItem as MdListItem, Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DoneStamp, DoneStampStyle, FieldName, ItemRole, ListItem, Marker, Span, StatusKind } from './types';
import { lineEndAt, type PositionFactory } from './text';
import { matchField } from './fields';
import type { Dialect } from './dialect';

/** A chunk's text, the factory of its positions, and the dialect it is read in. */
/** A score or a share done: `=> 78%`, ``=> `100%` ``, `(99% completed)`, `Grade: .7`, `Score: 0.8`. */
export const SCORE = /=>\s*`?\d{1,3}(?:\.\d+)?\s*%|\(\s*\d{1,3}\s*%\s*(?:complete|completed|done)?\s*\)|\b(?:grade|score|scored)\s*:?\s*(?:0?\.\d|1\.0|[01]\b|\d{1,3}\s*%)/i;

export interface SourceContext {
  text: string;
  f: PositionFactory;
  dialect?: Dialect;
}

export const STATUS_EMOJI = ['🔄', '✅', '⏳', '🚫', '❌', '✔️', '✔', '☑️', '☑', '🟢', '🟡', '🔴', '⚠️', '🚧', '🏁', '🔜'];
export const DONE_EMOJI = new Set(['✅', '✔️', '✔', '☑️', '☑', '🏁']);
const DONE_SUFFIXES = [...DONE_EMOJI].sort((a, b) => b.length - a.length);
const LEADING_EMOJI = new RegExp(`^(?:${STATUS_EMOJI.map((e) => e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'u');

// `Done: 3.19`, ``Done: `3.20` ``, ``Done: `Dist: 2020.11.16` ``, `**Done!**`, `=> Done`.
const DONE = /(=>\s*)?(\*\*|__)?\bDone(!)?(\*\*|__)?(?:\s*:\s*(`[^`\n]+`|[0-9][^\s,;)]*))?/g;
const DESCOPED = /(?:_|\*\*?)?(?<![A-Za-z])(?:Descoped|De-scoped|Deprioriti[sz]ed|Won'?t do|Not doing)(?![A-Za-z])(?:_|\*\*?)?:?/i;
const STATUS_TAILS: Array<[RegExp, StatusKind]> = [
  [/(\*\*|__|_|\*)In progress\1\.?|\bIn progress\.?$/i, 'in-progress'],
  [/_Estimated:[^_\n]*_|\bEstimated:\s*[^\n]*$|\bETA:?\s+[^\n.;]+/i, 'estimate'],
];

interface Positioned {
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/** Start and end of a node, not yet registered with the factory. */
export function offsetsOf(node: Positioned): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

function spanOf(ctx: SourceContext, node: Positioned): Span {
  return ctx.f.span(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
}

function marker(ctx: SourceContext, at: Span): Marker {
  const span = ctx.f.span(at.start, at.end);
  return { span, range: ctx.f.range(span), text: ctx.text.slice(span.start, span.end) };
}

function findDone(ctx: SourceContext, masked: string, offset: number): DoneStamp | undefined {
  let found: DoneStamp | undefined;
  for (const m of masked.matchAll(DONE)) {
    const [whole, arrow, boldOpen, bang, boldClose, version] = m;
    const bold = !!boldOpen && boldOpen === boldClose;
    if (!arrow && !bold && !bang && !version) continue;
    if (boldOpen && !bold) continue;
    let style: DoneStampStyle = 'plain';
    if (arrow) style = 'arrow';
    else if (bold) style = 'bold';
    else if (version?.startsWith('`')) style = 'code';
    let v = version?.replace(/^`|`$/g, '');
    if (v && style !== 'code') v = v.replace(/\.$/, '');
    const start = offset + (m.index ?? 0);
    let end = start + whole.length;
    if (version && style !== 'code' && version.endsWith('.')) end--;
    found = { span: { start, end }, range: undefined!, text: ctx.text.slice(start, end), style, version: v };
  }
  if (found) {
    found.span = ctx.f.span(found.span.start, found.span.end);
    found.range = ctx.f.range(found.span);
  }
  return found;
}

/** Builds milestones for the items of a list. Items that are fields are passed to `onField`. */
export function buildMilestones(
  ctx: SourceContext,
  list: List,
  depth: number,
  field: FieldName | undefined,
  onField?: (item: MdListItem, span: Span) => void,
): ListItem[] {
  const result: ListItem[] = [];
  for (const item of list.children) {
    const span = spanOf(ctx, item);
    const first = item.children[0];
    const firstLineEnd = lineEndAt(ctx.text, span.start);
    if (first?.type === 'paragraph') {
      const pSpan = offsetsOf(first);
      if (matchField(ctx.text.slice(pSpan.start, lineEndAt(ctx.text, pSpan.start)), ctx.dialect?.fieldNames)) {
        onField?.(item, span);
        continue;
      }
    }
    result.push(buildMilestone(ctx, item, list, span, firstLineEnd, depth, field, onField));
  }
  return result;
}

function buildMilestone(
  ctx: SourceContext,
  item: MdListItem,
  list: List,
  span: Span,
  firstLineEnd: number,
  depth: number,
  field: FieldName | undefined,
  onField?: (item: MdListItem, span: Span) => void,
): ListItem {
  const { text, f } = ctx;
  const markerMatch = /^[ \t]*([-*+]|\d{1,9}[.)])/.exec(text.slice(span.start, firstLineEnd));
  const markerText = markerMatch ? markerMatch[1] : '-';
  const paragraph = item.children[0]?.type === 'paragraph' ? (item.children[0] as Paragraph) : undefined;
  // After a task box and a CRLF, mdast-util-gfm-task-list-item counts the CR alone as the break:
  // the paragraph would start between CR and LF.
  let contentStart = paragraph ? offsetsOf(paragraph).start : firstLineEnd;
  if (text[contentStart - 1] === '\r' && text[contentStart] === '\n') {
    contentStart++;
    while (text[contentStart] === ' ' || text[contentStart] === '\t') contentStart++;
  }
  const contentSpan = paragraph ? f.span(contentStart, Math.max(contentStart, offsetsOf(paragraph).end)) : f.span(firstLineEnd, firstLineEnd);
  const lineSpan = f.span(span.start, firstLineEnd);
  const m: ListItem = {
    role: roleOf(field),
    span,
    range: f.range(span),
    lineSpan,
    lineRange: f.range(lineSpan),
    contentSpan,
    contentRange: f.range(contentSpan),
    text: paragraph ? toString(paragraph) : '',
    marker: markerText,
    ordered: !!list.ordered,
    depth,
    struck: false,
    whollyStruck: false,
    strikes: [],
    // Every item gets every property, set or not: one object shape for all items keeps the
    // rules' loops over thousands of them fast (V8 reads a property of one shape in one step).
    done: undefined,
    descoped: undefined,
    status: undefined,
    doneSuffix: undefined,
    checkbox: undefined,
    children: [],
    field,
  };
  if (item.checked !== null && item.checked !== undefined) {
    const box = /\[[ xX]\]/.exec(text.slice(span.start, firstLineEnd));
    if (box) {
      const s = { start: span.start + box.index, end: span.start + box.index + 3 };
      m.checkbox = { ...marker(ctx, s), checked: item.checked };
    }
  }
  if (paragraph) analyseParagraph(ctx, paragraph, m);
  for (const child of item.children) {
    if (child.type === 'list') m.children.push(...buildMilestones(ctx, child, depth + 1, field, onField));
  }
  return m;
}

function analyseParagraph(ctx: SourceContext, paragraph: Paragraph, m: ListItem): void {
  const { text } = ctx;
  const p = m.contentSpan;
  let firstSignificant: PhrasingContent | undefined;
  for (const child of paragraph.children) {
    if (child.type === 'delete') m.strikes.push(spanOf(ctx, child));
    if (!firstSignificant) {
      if (child.type === 'text' && child.value.replace(LEADING_EMOJI, '').trim() === '') continue;
      firstSignificant = child;
    }
  }
  m.struck = firstSignificant?.type === 'delete';
  // Search markers outside the struck text, so that a struck `Done` is not a stamp.
  let masked = text.slice(p.start, p.end);
  for (const s of m.strikes) {
    const a = s.start - p.start;
    const b = s.end - p.start;
    masked = masked.slice(0, a) + ' '.repeat(b - a) + masked.slice(b);
  }
  m.done = findDone(ctx, masked, p.start);
  const descoped = DESCOPED.exec(masked);
  if (descoped) {
    const s = { start: p.start + descoped.index, end: p.start + descoped.index + descoped[0].length };
    m.descoped = marker(ctx, s);
  }
  const lead = LEADING_EMOJI.exec(text.slice(p.start, p.end));
  if (lead) {
    const s = { start: p.start, end: p.start + lead[0].length };
    m.status = { ...marker(ctx, s), kind: 'emoji' };
    if (!DONE_EMOJI.has(lead[0])) m.doneSuffix = doneSuffixOf(ctx, p);
  } else {
    m.doneSuffix = doneSuffixOf(ctx, p);
    for (const [re, kind] of STATUS_TAILS) {
      const t = re.exec(masked);
      if (t) {
        const s = { start: p.start + t.index, end: p.start + t.index + t[0].length };
        m.status = { ...marker(ctx, s), kind };
        break;
      }
    }
  }
  if (m.struck) m.whollyStruck = nothingOutside(text, p, [...m.strikes, m.done?.span, m.descoped && { start: m.descoped.span.start, end: p.end }, m.status?.span, m.doneSuffix?.span]);
}

/** A done emoji that ends the item's text (`Keep the business informed ✅`). */
function doneSuffixOf(ctx: SourceContext, p: Span): Marker | undefined {
  let end = p.end;
  while (end > p.start && /\s/.test(ctx.text[end - 1]!)) end--;
  for (const e of DONE_SUFFIXES) {
    if (end - e.length > p.start && ctx.text.startsWith(e, end - e.length)) return marker(ctx, { start: end - e.length, end });
  }
  return undefined;
}

/** What may stand outside the struck text of a wholly struck item: punctuation, symbols, emoji, spaces. */
const NOT_TEXT = /[\s\p{P}\p{S}\p{Extended_Pictographic}\uFE0F\u200D]/gu;

/** True when, outside the given parts, the span holds nothing but punctuation, symbols, emoji and spaces. */
function nothingOutside(text: string, p: Span, parts: Array<Span | undefined>): boolean {
  let rest = '';
  let at = p.start;
  for (const s of parts.filter((x): x is Span => !!x).sort((a, b) => a.start - b.start)) {
    if (s.start > at) rest += text.slice(at, s.start);
    at = Math.max(at, s.end);
  }
  if (at < p.end) rest += text.slice(at, p.end);
  return rest.replace(NOT_TEXT, '') === '';
}

/** Every item, depth first, children after their parent. */
/** What the items of a field (or of no field) are to their goal. */
function roleOf(field: FieldName | undefined): ItemRole {
  switch (field) {
    case undefined:
    case 'milestones':
      return 'milestone';
    case 'outcomes':
      return 'outcome';
    case 'descopedOutcomes':
      return 'descoped';
    default:
      return 'other';
  }
}

export function* allMilestones(items: ListItem[]): Generator<ListItem> {
  for (const m of items) {
    yield m;
    yield* allMilestones(m.children);
  }
}

/** A stamp version that is a date (`Dist: 2020.11.16`, `2021-02-05`): prefix, year, separator, month, day, rest. */
export const DATE_VERSION = /^(.*?)(\d{4})([./-])(\d{1,2})\3(\d{1,2})(?!\d)(.*)$/;

/** The day a date-shaped stamp version names, or undefined for a version that is no date (`3.20`). */
export function versionDate(version: string): Date | undefined {
  const m = DATE_VERSION.exec(version);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[2]), Number(m[4]), Number(m[5])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return new Date(year, month - 1, day);
}
