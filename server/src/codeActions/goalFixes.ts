// goal.heading-level → the goal heading and its sub-headings one level down, under their
// quarter; goal.owner-missing → an Owner field with a placeholder, spelled as the document spells it.
import type { Field, FieldName, GoalDoc, Span } from '../model/types';
import { goalContaining } from '../model/structure';
import { buildFragment } from '../model/fragment';
import { EXPLICIT_ID } from '../model/headings';
import { lineStart, type SpanEdit } from './edit';
import { type Fix, type FixProvider, headingBySlug } from './fix';

const OWNER_PLACEHOLDER = 'TBD';

export const fixGoalHeadingLevel: FixProvider<{ slug: string; expectedLevel: number }> = (doc, target) => {
  const h = headingBySlug(doc, target.data.slug);
  const expected = target.data.expectedLevel;
  if (!h || expected <= h.level) return [];
  const delta = expected - h.level;
  // The goal and the sub-headings of its own section; sibling goals after it stay where they are.
  const goal = doc.goals.find((g) => g.heading === h);
  const end = goal?.sectionSpan.end ?? h.sectionSpan.end;
  const moved = doc.headings.filter((s) => s === h || (s.index > h.index && s.span.start < end && s.level > h.level));
  // Only `#` headings can be moved a level, and none past level 6.
  if (moved.some((s) => doc.text[s.span.start] !== '#' || s.level + delta > 6)) return [];
  const edits = moved.map((s) => ({ start: s.span.start, end: s.span.start, newText: '#'.repeat(delta) }));
  const title = `Make the goal a level-${expected} heading (${'#'.repeat(expected)})` + (moved.length > 1 ? ` with its ${moved.length - 1} sub-heading${moved.length > 2 ? 's' : ''}` : '');
  return [{ title, edits, safe: true, isPreferred: true }];
};

/** How this document writes a field's bullet, up to the value: `- **Owner**: `, `- Status: `; undefined where it writes none. */
export function fieldSpelling(doc: GoalDoc, name: FieldName): string | undefined {
  const counts = new Map<string, number>();
  for (const goal of doc.goals) {
    for (const f of goal.fields) {
      if (f.name !== name || f.form !== 'bullet') continue;
      const written = doc.text.slice(f.span.start, f.valueSpan.start).replace(/\s+$/, '') + ' ';
      if (!written.includes('\n')) counts.set(written, (counts.get(written) ?? 0) + 1);
    }
  }
  const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return top?.[0];
}

function column(doc: GoalDoc, offset: number): number {
  return offset - lineStart(doc, offset);
}

export const fixOwnerMissing: FixProvider<{ slug: string }> = (doc, target) => {
  const h = headingBySlug(doc, target.data.slug);
  // A goal, or a part of one (an initiative under its objective): the fields of its own section.
  const goal = h && (doc.goals.find((g) => g.heading === h) ?? goalContaining(doc.goals, h.span));
  if (!goal) return [];
  const own = (s: Span) => goal.heading === h || (h.sectionSpan.start <= s.start && s.end <= h.sectionSpan.end);
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  const owner = goal.fields.find((f) => f.name === 'owner' && own(f.span));
  if (owner) {
    if (owner.value !== '') return [];
    const at = owner.valueSpan.start;
    // After a heading's explicit `{#id}` the value would end the id's place at the end of the
    // heading: the anchor would be gone, and every link to it broken.
    if (EXPLICIT_ID.test(doc.text.slice(lineStart(doc, at), at))) return [];
    const space = doc.text[at - 1] === ' ' ? '' : ' ';
    return [{ title: `Fill the empty Owner with "${OWNER_PLACEHOLDER}"`, edits: [{ start: at, end: at, newText: space + OWNER_PLACEHOLDER }], safe: false }];
  }
  const spelling = fieldSpelling(doc, 'owner') ?? '- **Owner**: ';
  const line = `${spelling}${OWNER_PLACEHOLDER}`;
  const title = `Add "${line.trim()}"`;
  // Where the bullet can go, best first: in the goal's own field list, or first in its list of
  // items, as a sibling bullet; else a new list after the goal's text, or right under its heading.
  const ownEnd = doc.headings[h.index + 1]?.span.start ?? doc.text.length;
  const candidates: SpanEdit[] = [];
  const bullets: Array<{ start: number; marker: string }> = [
    ...goal.fields.filter((f: Field) => f.form === 'bullet' && own(f.span)).map((f) => ({ start: f.span.start, marker: /^([-*+]|\d+[.)])/.exec(doc.text.slice(f.span.start))?.[1] ?? '-' })),
    ...goal.items.map((m) => ({ start: m.span.start, marker: m.marker })),
  ].filter((b) => b.start >= h.span.end && b.start < ownEnd);
  bullets.sort((a, b) => a.start - b.start);
  const first = bullets[0];
  if (first) {
    // The first bullet's own marker, numbers included: another would start a list of its own, or
    // join a list just above (a TOC written with the same bullet), and the Owner be no field.
    const text = ' '.repeat(column(doc, first.start)) + line.replace(/^([-*+]|\d+[.)])/, first.marker) + eol;
    const at = lineStart(doc, first.start);
    candidates.push({ start: at, end: at, newText: text });
  }
  let end = ownEnd;
  while (end > h.span.end && /\s/.test(doc.text[end - 1]!)) end--;
  // A blank line after the bullet too, unless one is there: the next line would join it.
  const blankAfter = (at: number) => /^(\r\n|\r|\n)[ \t]*(\r\n|\r|\n|$)/.test(doc.text.slice(at, at + 8)) || at === doc.text.length;
  candidates.push({ start: end, end, newText: `${eol}${eol}${line}${blankAfter(end) ? '' : eol}` });
  const blankAfterHeading = blankAfter(h.span.end);
  candidates.push({ start: h.span.end, end: h.span.end, newText: `${eol}${eol}${line}${blankAfterHeading ? '' : eol}` });
  // Markdown decides what a line is by what stands around it (an open fence or comment takes the
  // bullet in, a bullet takes indented lines after it in): the first place where the bullet reads
  // as the goal's Owner and nothing else of the section changes is taken, and none if none does.
  // (What follows the goal's text is looked at too: a bullet can take the next line in.)
  const checkedEnd = doc.headings[h.index + 2]?.span.start ?? doc.text.length;
  const section = doc.text.slice(h.span.start, checkedEnd);
  const before = shapeOf(buildFragment(section, '', true));
  const edit = candidates.find((c) => addsOnlyAnOwner(section, h.span.start, before, c));
  return edit ? [{ title, edits: [edit], safe: false }] : [];
};

/** What an Owner bullet must leave as it was: headings, links, code, items, and the parse limits. */
function shapeOf(f: ReturnType<typeof buildFragment>): string {
  return JSON.stringify([f.headings.map((x) => [x.level, x.text]), f.links.length, f.codeSpans.length, f.items.length, f.unanalysed !== undefined]);
}

/**
 * True when `edit` inside `section` (a heading, its text and what follows, starting at offset
 * `from` of the document; `before` its shape) makes an Owner field of that heading and leaves the
 * rest of the shape as it was.
 */
function addsOnlyAnOwner(section: string, from: number, before: string, edit: SpanEdit): boolean {
  const changed = section.slice(0, edit.start - from) + edit.newText + section.slice(edit.end - from);
  const after = buildFragment(changed, '', true);
  if (shapeOf(after) !== before) return false;
  const own = after.sections.find((s) => s.heading === after.headings[0]);
  return !!own?.content.fields.some((f) => f.name === 'owner');
}

