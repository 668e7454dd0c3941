// What one line of a team's plan says about the goal it states, in the words other teams use: a
// label naming its kind (`Objective 1:`, `KR 2:`, `**CEO KR:**`, `Initiative:`, `Goal:`), an owner
// written before it (`CMO:`, `**CFO**:`, `VP Engineering:`, `[ana]`, `@ana:`) or inside it
// (`… **DRI:** @ana`), a score (`=> 78%`, ``=> `100%` ``, `- 100%`, `*50%*`, `Grade: .7`,
// `(99% completed)`) and a status (`=> Done`, `=> In progress`, `*DONE:*`). A score is progress as
// the page writes it: it is kept as written, never read as a done or an open milestone.
import type { MilestoneState } from './done';
import { parseOwners } from './fields';
import { plainInline } from './pageScan';

/**
 * What a goal is in its plan: a goal, an OKR's objective or key result, an initiative that serves
 * one, a criterion a goal is met by (an exit criterion, an item of a definition of done) or a
 * deliverable it hands over.
 */
export type PlanKind = 'goal' | 'objective' | 'keyResult' | 'initiative' | 'criterion' | 'deliverable';

/** Each kind in words, one and many. */
export const PLAN_KIND_WORDS: Record<PlanKind, [string, string]> = { goal: ['goal', 'goals'], objective: ['objective', 'objectives'], keyResult: ['key result', 'key results'], initiative: ['initiative', 'initiatives'], criterion: ['criterion', 'criteria'], deliverable: ['deliverable', 'deliverables'] };

/** A goal's parts counted by kind, in the order they come: `4 key results, 2 initiatives`. */
export function partsInWords(kinds: readonly PlanKind[]): string {
  const counts = new Map<PlanKind, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${PLAN_KIND_WORDS[k][n === 1 ? 0 : 1]}`).join(', ');
}

/** The words of a status and the state they name, when they name one (`Done`, `In progress`, `Accepted`: open; `Proposal under review` names none). */
export interface PlanStatus {
  text: string;
  state?: MilestoneState;
}

/** What the start, the end and the inside of a goal's line say. */
export interface LineReading {
  /** The kind its label names (`Objective 1:` → objective), if it has one. */
  kind?: PlanKind;
  owners: string[];
  /** A score as written (`78%`, `100%, 0%, 100%`, `.7`). */
  score?: string;
  status?: PlanStatus;
  /** The line without its label, owner, score and status: what the goal is. */
  title: string;
}

const KIND_LABEL = /^(?:(objectives?|okrs?|o\d+)|(key\s+results?|krs?|kr\d+)|(initiatives?)|(goals?))$/i;

/** The kind a label word names: `Objective`, `O1`, `KR`, `Key result`, `Initiative`, `Goal`. */
export function kindOfLabel(word: string): PlanKind | undefined {
  const m = KIND_LABEL.exec(word.trim());
  if (!m) return undefined;
  return m[1] ? 'objective' : m[2] ? 'keyResult' : m[3] ? 'initiative' : 'goal';
}

// `Objective 1:`, `OBJECTIVE:`, `KR 2:`, `KR1.2 -`, `Key result:`, `Initiative:`, `Goal:`, `O1:`,
// with a role or a name before the label (`CEO KR:`, `Marketing objective:`).
const LABEL = /^(?:([^\s:][^:]{0,40}?)\s+)?(objectives?|o\d+|key\s+results?|krs?|kr\d+(?:\.\d+)*|initiatives?|goals?)(?:\s*#?\d+(?:\.\d+)*)?\s*[:.\-–—)]\s+/i;
const NUMBERING = /^\s*(?:\d{1,3}[.)]|[IVX]{1,4}\.|[A-Za-z]\))\s+/;

/** An owner before a colon: up to six words a part, parts split by `;` (`Director of Product, Dev; Director of Product, Ops:`). */
const OWNER_LEAD = /^([^:\n]{1,80}?)\s*:\s+(?=\S)/;
/** The roles and names any page may lead an item with, OKR or not: `CMO:`, `VP Engineering:`, `[ana] …`, `@ana: …`. */
const STRICT_OWNER_LEAD = /^(?:([A-Z]{2,6}|(?:Chief|VP|SVP|EVP|Head|Director|Senior Director|Sr\.? Director|Manager|Lead)\b[^:\n]{0,40}?)\s*:\s+|\[([\w .@-]{2,30})\]\s+|(@[\w.-]+(?:\/[\w.-]+)?)\s*:\s+)/;
/** Prefixes that are no one: a note, a question, a field of the page, a link's scheme. */
const NOT_AN_OWNER = /^(?:note|notes|example|e\.g|i\.e|why|what|who|how|when|where|goal|goals|update|updates|status|result|results|outcome|outcomes|problem|context|summary|description|details|issue|issues|epic|epics|link|links|see|also|tbd|todo|done|in progress|https?|mailto|ftp|phase \d+|step \d+|stretch|bonus|optional|required|deadline|target|metric|metrics|kpi|kpis|eta|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|q[1-4]|h[12])$/i;
/** A prefix ending in a label's noun names a topic, not an owner: `Problem Area:`, `Theme 2:`, `Phase 1:`. */
const LABEL_NOUN = /\b(?:areas?|themes?|topics?|focus|pillars?|work ?streams?|streams?|tracks?|categor(?:y|ies)|projects?|phases?|steps?|stages?|milestones?|epics?|problems?|questions?|ideas?|priorit(?:y|ies)|bets?|goals?|objectives?|results?|outcomes?|notes?)(?:\s*\d+)?$/i;
/** An owner named inside a line: `… **DRI:** @ana`, `(Owner: Ana)`, `Point of contact: @ana`. */
const INNER_OWNER = /(?:^|[\s(])(?:DRI|DRIs|Owners?|Point of contact|Lead|Leads)\s*:\s*([@\p{Lu}][^()\n]{0,60}?)\s*(?:\)|$|\.\s|;)/u;

/** Words of a role or a team name that are not capitalised: `VP of Product`, `CoST to the CEO`, `Data team`. */
const ROLE_SMALL_WORD = /^(?:of|to|the|and|for|in|&|[-–—,]|team|group|squad|lead|leads|manager|department|org|ops)$/;

/** Whether a prefix before a colon reads as a role or a team (`VP Engineering`, `CLO - Contracts`, `Data team`), not as words of the sentence. */
function isOwnerWords(prefix: string): boolean {
  const parts = prefix.split(';').map((p) => p.trim());
  return parts.every((p) => {
    const words = p.split(/\s+/);
    if (!p || words.length > 6 || NOT_AN_OWNER.test(p) || LABEL_NOUN.test(p) || /[.!?]$/.test(p) || !/\p{L}/u.test(p) || /\d{3,}/.test(p)) return false;
    return words.every((w) => /^[\p{Lu}@\[(&]/u.test(w) || ROLE_SMALL_WORD.test(w.replace(/[,()]/g, '') || w));
  });
}

function ownersOfLead(prefix: string): string[] {
  return prefix
    .split(';')
    .map((p) => p.trim().replace(/^@/, ''))
    .filter(Boolean);
}

// --- Scores and statuses, read from the line's source (emphasis and code marks tell a score from a sentence) ---

const PERCENT = String.raw`\d{1,3}(?:\.\d+)?\s*%`;
const PERCENTS = String.raw`${PERCENT}(?:\s*,\s*${PERCENT})*`;
const FRACTION = String.raw`(?:0?\.\d+|1(?:\.0+)?|0)`;
/** `=> 78%`, ``=> `100%` ``, `= 100%`, `=> **130% Complete**`, `=> 100%, 0%, 100%`, `=> 0.7`. */
const ARROW_SCORE = new RegExp(String.raw`=+>?\s*\.?\s*[*_\x60]*\s*(${PERCENTS}|${FRACTION}(?![\d.]))`, 'u');
/** `Grade: .7`, `Score: 0.8`, `scored 70%`. */
const NAMED_SCORE = new RegExp(String.raw`\b(?:grade|score|scored)\s*:?\s*[*_\x60]*(${PERCENT}|${FRACTION})(?![\d.%])`, 'iu');
/** A percentage set apart at the end: `- 100%`, `*50%*`, `(75%)`, ``\`100%\` ``. */
const END_SCORE = new RegExp(String.raw`(?:\s[-–—]\s*|[*_\x60(]\s*)(${PERCENTS})\s*[*_\x60)]*\s*$`, 'u');
/** A share done among words: `(99% completed)`, `75% completed with …`, `(100% - delivered behind a flag)`. */
const DONE_SHARE = new RegExp(String.raw`(?:\(\s*(${PERCENT})(?:\s*[-–—,:]|\s+(?:complete|completed|done)\b|\s*\))|\b(${PERCENT})\s+(?:complete|completed|done)\b)`, 'iu');
/** `=> Done`, `==> Not Done`, `=> In progress, COVID-19 adds uncertainty`: a status after an arrow. */
const ARROW_STATUS = /=+>\.?\s*(?![*_`\s]*\d)([^\n]{1,400})$/u;
/** `*DONE:*`, `**IN PROGRESS:**`, `Done -` leading the line. */
const LEADING_STATUS = /^[*_]*\s*(done|complete|completed|in progress|on track|at risk|blocked|not started|descoped|dropped|cancell?ed)\s*[*_]*\s*[:\-–—]\s*[*_]*\s*/i;

const DONE_WORDS = /^(?:done|complete|completed|finished|shipped|achieved|delivered|closed|merged|launched|yes|100\s*%)\b/i;
const DESCOPED_WORDS = /^(?:descoped|de-scoped|dropped|cancell?ed|abandoned|won'?t do|not doing|deprioriti[sz]ed|withdrawn|rejected)\b/i;
const OPEN_WORDS = /^(?:not (?:yet|done|started|on track)|in[ -]progress|wip|on[ -]track|at[ -]risk|off[ -]track|blocked|started|ongoing|delayed|pending|planned|proposed|accepted|draft|active|open|todo|to do|tbd|next|later|\d{1,2}\s*%)\b/i;

/** The state a status's words name, if any: `Done` → done, `In progress` → open, `Descoped` → descoped. */
export function stateOfWords(text: string): MilestoneState | undefined {
  const t = text.replace(/^[\s*_`✅🟢🟡🔴❌⚠️🔄]+/u, '').trim();
  if (DESCOPED_WORDS.test(t)) return 'descoped';
  if (/^not\b/i.test(t)) return OPEN_WORDS.test(t) ? 'open' : undefined;
  if (DONE_WORDS.test(t)) return 'done';
  if (OPEN_WORDS.test(t)) return 'open';
  return undefined;
}

/** A status read from words (a table cell, a metadata row, the words after `=>`). */
export function statusOfWords(text: string): PlanStatus | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t || /^[-–—?]+$/.test(t)) return undefined;
  const state = stateOfWords(t);
  return state ? { text: t, state } : { text: t };
}

function cleanPercent(s: string): string {
  return s.replace(/\s+%/g, '%').replace(/\s*,\s*/g, ', ');
}

interface Mark {
  score?: string;
  status?: PlanStatus;
  /** Where the mark starts in the source: the title ends before it. */
  at: number;
}

/** A score or a status the source writes, and where it starts (the end of the title). */
function readMarks(source: string): Mark | undefined {
  const arrow = ARROW_SCORE.exec(source);
  if (arrow && /=/.test(arrow[0])) return { score: cleanPercent(arrow[1]!), at: arrow.index };
  const named = NAMED_SCORE.exec(source);
  if (named) return { score: cleanPercent(named[1]!), at: named.index };
  const share = DONE_SHARE.exec(source);
  if (share) return { score: cleanPercent(share[1] ?? share[2]!), at: share.index };
  const end = END_SCORE.exec(source);
  if (end) return { score: cleanPercent(end[1]!), at: end.index };
  const status = ARROW_STATUS.exec(source);
  if (status) {
    const words = plainWords(status[1]!).replace(/[.;]+$/, '');
    if (words) return { status: statusOfWords(words.length > 80 ? `${words.slice(0, 77)}…` : words), at: status.index };
  }
  return undefined;
}

/** Source text read as words (pageScan.ts's reading), with strikes (unless kept) and encoded spaces left out too. */
export function plainWords(source: string, keepStrikes = false): string {
  return plainInline((keepStrikes ? source : source.replace(/~~?/g, '')).replace(/&#x20;/g, ' '));
}

/**
 * What a goal's line says: its label, owners, score and status and what is left for a title.
 * `source` is the line as written (its list marker and task box left out); `roles` says whether
 * any short capitalised words before a colon name an owner (`Development:`, `Data team:`), as
 * they do on an OKR page, or only the unmistakable ones (`CMO:`, `[ana]`, `@ana:`).
 */
export function readLine(source: string, roles: boolean): LineReading {
  // Links are read as their text, addresses left out: `?gid=0` in a URL is no score.
  let rest = source
    .replace(NUMBERING, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<?\bhttps?:\/\/[^\s>)]+>?/g, '');
  const reading: LineReading = { owners: [], title: '' };
  const lead = LEADING_STATUS.exec(rest);
  if (lead) {
    reading.status = statusOfWords(lead[1]!);
    rest = rest.slice(lead[0].length);
  }
  const marks = readMarks(rest);
  if (marks) {
    reading.score = marks.score;
    reading.status ??= marks.status;
    rest = rest.slice(0, marks.at);
  }
  let words = plainWords(rest);
  const label = LABEL.exec(words);
  if (label && kindOfLabel(label[2]!.replace(/[\d.]+$/, '')) !== undefined) {
    reading.kind = kindOfLabel(label[2]!.replace(/\d+(?:\.\d+)*$/, '') || label[2]!);
    if (label[1] && isOwnerWords(label[1]) && !/^(?:the|our|a|an|this|each|every|one|two|three)\b/i.test(label[1])) reading.owners = ownersOfLead(label[1]);
    words = words.slice(label[0].length);
  } else {
    const strict = STRICT_OWNER_LEAD.exec(words);
    const loose = roles ? OWNER_LEAD.exec(words) : null;
    if (strict) {
      reading.owners = ownersOfLead(strict[1] ?? strict[2] ?? strict[3]!);
      words = words.slice(strict[0].length);
    } else if (loose && isOwnerWords(loose[1]!)) {
      reading.owners = ownersOfLead(loose[1]!);
      words = words.slice(loose[0].length);
    }
  }
  if (!reading.owners.length) {
    const inner = INNER_OWNER.exec(words);
    if (inner) {
      reading.owners = parseOwners(inner[1]!);
      words = words.slice(0, inner.index).trim();
    }
  }
  reading.title = words.replace(/\s*[.,;:–—-]+\s*$/, '').trim();
  return reading;
}
