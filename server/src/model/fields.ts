// Goal field names in their spelling variants: `- Owner:`, `- **Owner:**`, `- **Owner**:`,
// `- **Owners:**`, `**Milestones:**` as a paragraph, `### Milestones` as a heading.
import type { FieldName } from './types';

const NAMES: Array<[RegExp, FieldName]> = [
  [/^(owners?|owner\(s\)|dris?|directly responsible individuals?)$/i, 'owner'],
  [/^status$/i, 'status'],
  [/^(outcomes?|key results?)$/i, 'outcomes'],
  [/^milestones?$/i, 'milestones'],
  [/^descoped (outcomes?|milestones?)$/i, 'descopedOutcomes'],
  [/^problems?$/i, 'problem'],
  [/^discussions?$/i, 'discussions'],
  [/^dependencies$/i, 'dependencies'],
  [/^(estimated completion|eta)$/i, 'estimatedCompletion'],
  [/^tracking issues?$/i, 'trackingIssue'],
];

/** The field a label names; `declared` holds a team's own names, lower case (model/dialect.ts), read first. */
export function fieldNameOf(label: string, declared?: ReadonlyMap<string, FieldName>): FieldName | undefined {
  const t = label.trim();
  const own = declared?.size ? declared.get(t.toLowerCase()) : undefined;
  if (own) return own;
  for (const [re, name] of NAMES) if (re.test(t)) return name;
  return undefined;
}

export interface FieldMatch {
  name: FieldName;
  label: string;
  /** Offset, within the matched line, where the value begins. */
  valueStart: number;
}

// `**Owner**:`, `**Owner:**`, `Owner:`, `__Owner__:`, `_Owner:_`, with an optional `(s)` or
// parenthesised note after the name.
const FIELD_LINE = /^(\*\*|__|\*|_)?\s*([A-Za-z][A-Za-z ()]*?)\s*(?:\([^)]*\))?\s*(?::\s*(\*\*|__|\*|_)|(\*\*|__|\*|_)\s*:|:)/;

/** Recognises a field at the start of a line of source (a list item's or a paragraph's text); `declared` as for fieldNameOf. */
export function matchField(line: string, declared?: ReadonlyMap<string, FieldName>): FieldMatch | undefined {
  const link = /^\[(tracking issues?)\]\(/i.exec(line);
  if (link) return { name: 'trackingIssue', label: link[1], valueStart: 0 };
  const m = FIELD_LINE.exec(line);
  if (!m) return undefined;
  const open = m[1] ?? '';
  const close = m[3] ?? m[4] ?? '';
  // Bold or italic must close around the name or right after the colon.
  if (open !== close) return undefined;
  const name = fieldNameOf(m[2], declared);
  if (!name) return undefined;
  let valueStart = m[0].length;
  while (valueStart < line.length && line[valueStart] === ' ') valueStart++;
  return { name, label: m[2].trim(), valueStart };
}

/** A separator of owners at the very position lastIndex names (sticky: it looks there only). */
const OWNER_SEPARATOR = /,|;|\/|&|\band\b|\+/y;

/**
 * Splits an Owner value into names: `Dave, Robert`, `[Ann](…) and Bo`, `@carl / @dee`. A note in
 * parentheses stays with its name: `@ana (and friends)`, `Product team (PMs, Design)`.
 */
export function parseOwners(value: string): string[] {
  const plain = value
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/<!--.*?-->/g, '');
  // Separators inside parentheses are the note's own words.
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < plain.length; i++) {
    const c = plain[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      OWNER_SEPARATOR.lastIndex = i;
      const m = OWNER_SEPARATOR.exec(plain);
      if (m) {
        names.push(plain.slice(start, i));
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  names.push(plain.slice(start));
  return names.map((s) => s.trim().replace(/^@/, '')).filter((s) => s.length > 0 && !/^[-–—?.]+$/.test(s));
}
