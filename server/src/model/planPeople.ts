// Who owns a page that is one effort, where the page says so outside its metadata: a working
// group's roles table (`| Working Group Role | Person |` with a `Facilitator / DRI` or `DRI` row),
// and a project page's staffing section (`Project Lead: @ana`, `**Project Leads:**` over a list of
// `@handles`, a `#### Project Lead(s)` heading). Sponsors, liaisons, members, functional or area
// DRIs own nothing here: where no lead or DRI is named, no owner is.
import type { GoalDoc, Table } from './types';
import { plainWords } from './planWords';

const ROLE_COLUMN = /^(?:(?:working group |wg )?role)$/i;
const PERSON_COLUMN = /^(?:person|name|member)$/i;
/** The role that owns the whole effort: `DRI`, `Facilitator / DRI`, `Facilitator/DRI`. */
const DRI_ROLE = /^(?:facilitator\s*\/\s*)?dri$/i;

function driOfTable(table: Table): string[] {
  const names = table.header.cells.map((c) => plainWords(c.text));
  const role = names.findIndex((n) => ROLE_COLUMN.test(n));
  const person = names.findIndex((n) => PERSON_COLUMN.test(n));
  if (role < 0 || person < 0) return [];
  return table.rows
    .filter((r) => DRI_ROLE.test(plainWords(r.cells[role]?.text ?? '')))
    .map((r) => plainWords(r.cells[person]?.text ?? ''))
    .filter((name) => name.length > 0 && !/^(?:tbd|tba|n\/a|-+)$/i.test(name));
}

/** The people a roles table names as the effort's DRI. */
export function rolesTableOwners(doc: GoalDoc): string[] {
  for (const table of doc.tables) {
    const owners = driOfTable(table);
    if (owners.length) return owners;
  }
  return [];
}

const STAFFING_HEADING = /\bstaff(?:ing)?\b|\bleads?\b|\bleadership\b/i;
/** A project's lead, in a heading, a label or beside a handle: `Project Lead(s)`, `Project leads / maintainers`, `Project Leadership`. */
const LEAD_WORDS = /\b(?:project\s+)?(?:leads?(?:\(s\))?|leadership)\b/i;
/** Roles beside a lead that are not one: `GC liaison`, `TC Sponsor`, `Sponsoring members`. */
const NOT_LEAD = /\b(?:sponsors?|sponsoring|liaisons?)\b/i;
const HANDLE = /(?<![\w.\\/])\\?@+([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?![\w/-])/g;

/** A line led by another role (`GC Liaison: Bo (@bo)`, `- **TC Sponsor:** @cy`): its people are not leads. */
const ROLE_LEAD = /^\s*(?:[-*+]\s+)?[*_]*[^@:\n]{2,40}?[*_]*:/;

function handlesIn(line: string): string[] {
  return [...line.matchAll(HANDLE)].map((m) => m[1]!);
}

/** A line that starts another role's list: a label (`Sponsor`, `**Approvers**:`, `- GC sponsors:`) without a handle. */
function isLabel(line: string): boolean {
  const words = plainWords(line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ''));
  return /:$/.test(words) || (!/^\s*(?:[-*+]|\d+[.)])\s/.test(line) && words.split(/\s+/).length <= 8);
}

/**
 * The handles a project page names as its leads, in its staffing sections (a heading with
 * `Staffing` or `Lead`, and the sections under it). A lead's line with handles gives them; a lead's
 * heading or label without one gives the handles of the lines under it, up to the next label.
 */
export function staffingLeads(doc: GoalDoc): string[] {
  const leads = new Set<string>();
  for (const h of doc.headings) {
    if (!isStaffing(h.text) || doc.headings.some((o) => o.span.start < h.span.start && h.span.start < o.sectionSpan.end && isStaffing(o.text))) continue;
    let underLead = false;
    for (const line of doc.text.slice(h.span.start, h.sectionSpan.end).split('\n')) {
      if (!line.trim()) continue;
      const lead = LEAD_WORDS.test(line) && !NOT_LEAD.test(line);
      if (/^#{1,6}\s/.test(line)) {
        underLead = lead;
        continue;
      }
      const handles = handlesIn(line);
      // A sentence that mentions leads names none (`Two project leads who are willing to …`).
      if (lead && handles.length) {
        if (line.split(/\s+/).length <= 16) handles.forEach((x) => leads.add(x));
      } else if (lead && isLabel(line)) underLead = true;
      else if ((!handles.length && isLabel(line)) || ROLE_LEAD.test(line)) underLead = false;
      else if (underLead) handles.forEach((x) => leads.add(x));
    }
  }
  return [...leads];
}

function isStaffing(heading: string): boolean {
  return STAFFING_HEADING.test(heading) && !NOT_LEAD.test(heading);
}

const DELIVERABLES = /^(?:\d+[.)]\s*)?deliverables?\b/i;

/** A project page (one time-boxed project a page): a `Deliverables` section and a staffing one (its title, else its file's name, names it). */
export function isProjectPage(doc: GoalDoc): boolean {
  return doc.headings.some((h) => DELIVERABLES.test(plainWords(h.text))) && doc.headings.some((h) => /\bstaffing\b/i.test(h.text));
}
