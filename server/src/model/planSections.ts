// What a heading is to a team's plan, and the lists a section holds with the label paragraph
// each stands under. A heading may hold goals (`Objectives`, `Key results`, `Exit criteria`,
// `Definition of done`: its items are goals of that kind), hold nothing that is open work (`Out
// of scope`, `Non-goals`, `Descoped`, `Backlog`), hold nothing that is a goal (a page's Overview,
// Glossary, Open questions, Change log, Roles; a page about the method: `How we set objectives`),
// or be a priority bucket (`### P0: Logs`): a rank among work streams, no goal of its own.
import type { GoalDoc, Heading, ListItem, Span } from './types';
import { parsePeriod, type PeriodLabel } from './periods';
import { kindOfLabel, type PlanKind, plainWords } from './planWords';
import { matchField } from './fields';

/** A heading's text as a label: numbering, emoji, markup, a percentage and trailing punctuation left out. */
export function bareTitle(text: string): string {
  return text
    .replace(/^[\s\p{Extended_Pictographic}\uFE0F#*_`~]+/u, '')
    .replace(/^(?:\d+[.):]|[IVX]+\.)\s*/i, '')
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/\s*[`=>]*\s*\d+(?:\.\d+)?\s*%.*$/, '')
    .replace(/[\s:.\-–—*_]+$/, '')
    .trim();
}

const NOT_OPEN_WORK = /^(?:scope exclusions|not goals|backlog|parking lot|icebox)$/i;
/** Words that set work aside, in a heading or a paragraph over a list: `Out of scope`, `Non-goals`, `Not a focus in 2026`, `Questions we are not prioritizing now`. */
const SET_ASIDE = /\b(?:out[ -]of[ -]scope|not in scope|non-?goals?|descoped|de-scoped|deprioriti[sz]ed|deprioriti[sz]ing|won'?t do|not doing|not planned|not (?:a )?(?:focus|priority)|not prioriti[sz]ing|not prioriti[sz]ed|not investing)\b/i;
const NO_GOALS = /^(?:overview|summary|summary details|background|introduction|context|purpose|about(?: us| this page)?|table of contents|contents|on this page|glossary|terminology|references|resources|key resources|links|useful links|appendix|faq|frequently asked questions|open questions|questions(?:\s*\/\s*issues)?(?: for [\w\s]+)?|additional information|further reading|see also|change ?log|logs?|implementation log|history|meetings?|meeting notes|attendees|agenda|notes|roles(?: and responsibilities)?|members|membership|team|people|leads|sub-?groups|contacts?|funding requests?|previous updates|current status|up next|activity|activities|status updates?|recordings|presentations|pre-meeting recordings|how to achieve presentations|okr schedule|schedule|timeline|how to contribute|contributing|feedback|vision|team vision|mission|values)$/i;
const PRIORITY_BUCKET = /^\s*\[?p[0-4]\]?\s*[:.\-–—]/i;

/** Nouns of a heading (or a label paragraph) over a list of goals, and the kind of goal each lists. */
const GOAL_NOUNS: Array<[RegExp, PlanKind]> = [
  [/\b(?:objectives|objectifs|okrs)\b/i, 'objective'],
  [/\b(?:key results|krs)\b/i, 'keyResult'],
  [/\binitiatives\b/i, 'initiative'],
  [/\b(?:exit criteria|success criteria|acceptance criteria|definition of done)\b/i, 'criterion'],
  [/\bdeliverables\b/i, 'deliverable'],
  [/\b(?:goals|commitments|targets)\b/i, 'goal'],
];
/** A heading over goals: a few words and a goal noun (`Current quarter objectives`, `Exit Criteria`, `2023 Goals`); no question, no how-to. */
const EXPLAINS = /^(?:how|why|what|when|who|where|which|should|can|do|does|is|are|tips|guidelines?|about|previous|past|last|completed|archived?|comment|pourquoi|quand|qui|quoi|précédents?)\b|\?\s*$/i;
/** The words of the goal method, in a heading about it (`How we set objectives`, `Comment nous fixons les objectifs`). */
const METHOD_WORDS = /\b(?:okrs?|objecti(?:ve|f)s?|key results?|résultats clés|goals?|krs?)\b/i;

export type HeadingRole =
  /** Nothing under it is a goal or open work: its subtree is left out. */
  | { role: 'leftOut'; why: 'notOpenWork' | 'noGoals' | 'priority' | 'method' }
  /** Its items (and those of its plain sub-headings) are goals of this kind. */
  | { role: 'goals'; kind: PlanKind }
  | { role: 'other' };

/**
 * What a heading is to the plan. A heading the model takes for a goal (a handbook goal, with its
 * fields) is only left out for what no goal is called: a scope exclusion, a page's overview or
 * log, a priority bucket.
 */
export function headingRole(text: string, modelGoal: boolean): HeadingRole {
  const bare = bareTitle(text);
  if (NOT_OPEN_WORK.test(bare) || SET_ASIDE.test(bare)) return { role: 'leftOut', why: 'notOpenWork' };
  if (NO_GOALS.test(bare)) return { role: 'leftOut', why: 'noGoals' };
  if (PRIORITY_BUCKET.test(text)) return { role: 'leftOut', why: 'priority' };
  if (modelGoal) return { role: 'other' };
  const kind = goalListKind(bare);
  if (kind) return { role: 'goals', kind };
  // `How we set objectives quarterly`, `What are OKRs?`: a page's words about the method.
  if (EXPLAINS.test(bare) && METHOD_WORDS.test(bare)) return { role: 'leftOut', why: 'method' };
  return { role: 'other' };
}

/** The kind of goal a heading or a label names as a list of them (`Objectives`, `OKRs:`, `Key results`), if it does. */
export function goalListKind(words: string): PlanKind | undefined {
  const t = words.trim();
  if (!t || EXPLAINS.test(t) || t.split(/\s+/).length > 6) return undefined;
  // The first noun names the list: `Goals, objectives, and requirements` lists goals.
  let first: { at: number; kind: PlanKind } | undefined;
  for (const [re, kind] of GOAL_NOUNS) {
    const at = t.search(re);
    if (at >= 0 && (!first || at < first.at)) first = { at, kind };
  }
  if (first) return first.kind;
  const single = kindOfLabel(t.replace(/s$/i, ''));
  return single === 'goal' && /s$/i.test(t) ? 'goal' : single && /s$/i.test(t) ? single : undefined;
}

// --- A section's own lists, and the paragraph each stands under ---

/** A short paragraph that labels the list after it: `Processes:`, `OKRs:`, `By end of Q1:`, `**End of Q2:**`. */
export interface ListLabel {
  text: string;
  /** A deadline's period (`By end of Q1:` → Q1), without a year when it names none. */
  deadline?: PeriodLabel;
  /** The kind of goal it names as a list (`OKRs:` → objective). */
  kind?: PlanKind;
  /** It sets the list aside (`Questions we are not prioritizing now:`): no open work. */
  notOpenWork?: boolean;
  /** It is a goal's field or names one (`**Problem:** …`, `Milestones and outcomes:`): the list is no list of goals. */
  field?: boolean;
}

const DEADLINE = /^(?:by\s+(?:the\s+)?end\s+of|end\s+of|by|before|until|due)\s+(?:the\s+)?((?:Q[1-4]|H[12])(?:\s*(?:FY|CY)?\s?'?\d{2,4})?|(?:FY|CY)?\s?\d{4}\s*(?:Q[1-4]|H[12]))\+?\s*:$/i;

/** A goal's field or its words over a list (`**Problem:** …`, `Milestones and outcomes:`): the list is the goal's, not goals. */
const FIELD_WORDS = /^(?:[\w\s/&,-]*\b)?(?:problems?|milestones?|outcomes?|status|owners?|dependencies|discussions?|notes?|context|background|risks?|questions?|examples?|use cases?)\b/i;

function readLabel(line: string): ListLabel | undefined {
  const text = plainWords(line);
  if (matchField(text)) return { text, field: true };
  if (!text.endsWith(':') || text.length > 60) return undefined;
  const deadline = DEADLINE.exec(text);
  if (deadline) {
    const period = parsePeriod(deadline[1]!);
    if (period && period !== 'invalid') return { text, deadline: period };
  }
  const kind = goalListKind(text.slice(0, -1));
  return kind || !FIELD_WORDS.test(text) ? { text, kind } : { text, field: true };
}

export interface SectionList {
  items: ListItem[];
  /** The label paragraph right above the list, or undefined when prose or nothing stands there. */
  label?: ListLabel;
}

/**
 * The top-level items of a span of the page (a heading's own part, up to its first sub-heading),
 * grouped by the label paragraph above them. A label holds for the lists after it until prose or
 * another label comes.
 */
export function listsIn(doc: GoalDoc, span: Span): SectionList[] {
  const lists: SectionList[] = [];
  let label: ListLabel | undefined;
  let at = span.start;
  const items = outerItems(doc);
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.span.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < items.length && items[i]!.span.start < span.end; i++) {
    const item = items[i]!;
    const between = doc.text.slice(at, item.span.start);
    const lines = between.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    if (lines.length) {
      // Prose ends a label's list; a label starts one; words that set work aside hold for the list after them.
      label = readLabel(lines[lines.length - 1]!);
      if (lines.some((l) => SET_ASIDE.test(l))) label = { text: label?.text ?? '', notOpenWork: true };
      lists.push({ items: [], label });
    } else if (!lists.length) {
      lists.push({ items: [], label });
    }
    lists[lists.length - 1]!.items.push(item);
    at = item.span.end;
  }
  return lists;
}

const outer = new WeakMap<GoalDoc, ListItem[]>();

/**
 * The items of a page that stand at the top of their list, in document order. A field's items
 * (`- **Outcomes:**` and the list under it) are the field's, not goals of the section; the model
 * lists them before the items of the list the field stands in.
 */
function outerItems(doc: GoalDoc): ListItem[] {
  let items = outer.get(doc);
  if (!items) outer.set(doc, (items = doc.items.filter((m) => m.depth === 0 && m.field === undefined).sort((a, b) => a.span.start - b.span.start)));
  return items;
}

/** A heading's own part: from the end of its line to its first sub-heading (or the end of its section). */
export function ownSpan(doc: GoalDoc, h: Heading): Span {
  const next = doc.headings[h.index + 1];
  const end = next && next.span.start < h.sectionSpan.end ? next.span.start : h.sectionSpan.end;
  return { start: h.span.end, end };
}
