// The one typed view of the `goalDocs.*` settings, their defaults, and their validation.
// Adding a setting: package.json contributes it, this interface and DEFAULTS carry it, a test.
import type { CalendarSettings } from '../model/periods';

export type RuleSeverity = 'error' | 'warning' | 'information' | 'hint' | 'off';

export const RULES = {
  'anchor.missing': { severity: 'error', fix: true, meaning: 'An in-page link whose #fragment matches no heading, in the text or in the table of contents.' },
  'anchor.case': { severity: 'warning', fix: true, meaning: 'An in-page link that matches a heading only if case is ignored (GitHub anchors are lower case).' },
  'toc.entry-mismatch': { severity: 'warning', fix: true, meaning: 'A TOC entry whose text names one heading while its link reaches another (a link that reaches nothing is anchor.missing).' },
  'toc.missing-entry': { severity: 'warning', fix: true, meaning: 'A heading of a kind the TOC lists (years, quarters, goals) that has no TOC entry.' },
  'period.label': { severity: 'warning', fix: false, meaning: 'A heading shaped like a quarter label that is not a valid one (`FY-20-Q5`).' },
  'period.order': { severity: 'warning', fix: true, meaning: 'A quarter or year out of the order (newest or oldest first) the rest of the document keeps.' },
  'period.year': { severity: 'warning', fix: false, meaning: "A quarter filed under a year section its fiscal year does not belong to." },
  'period.ended-open': { severity: 'information', fix: true, meaning: 'A goal with open milestones in a quarter that has ended by the fiscal calendar (not on a completed-goals page).' },
  'goal.heading-level': { severity: 'warning', fix: true, meaning: "A goal heading at its quarter's level, which makes it a sibling of the quarter." },
  'goal.owner-missing': { severity: 'warning', fix: true, meaning: 'A goal without an Owner (or with an empty one) in a document whose goals have owners.' },
  'goal.duplicate-title': { severity: 'warning', fix: true, meaning: 'Two goals of one period with the same title (GitHub gives the second a `-1` anchor), or a link that reaches the first of two same-named goals from the period of the other.' },
  'milestone.struck-without-marker': { severity: 'information', fix: true, meaning: 'A struck-through item with no Done stamp or Descoped marker.' },
  'milestone.done-not-struck': { severity: 'warning', fix: true, meaning: 'An item stamped Done that is not struck through, where the document strikes done items.' },
  'milestone.done-style': { severity: 'information', fix: true, meaning: "A Done stamp written unlike the document's dominant house style." },
  'text.mojibake': { severity: 'warning', fix: true, meaning: 'UTF-8 text that was decoded as Windows-1252 and saved again (`ðŸ¦„` for 🦄).' },
  'link.file-missing': { severity: 'error', fix: false, meaning: 'A relative link to a file that does not exist.' },
  'link.file-anchor-missing': { severity: 'error', fix: false, meaning: 'A relative link `other.md#anchor` whose anchor matches no heading of that file.' },
} as const satisfies Record<string, { severity: RuleSeverity; fix: boolean; meaning: string }>;

/** Codes that earlier versions had, and what became of them. */
const RETIRED_RULES: Record<string, string> = {
  'toc.stale-entry': 'is now reported as anchor.missing (a TOC link that reaches no heading is a dead link)',
};

export type RuleCode = keyof typeof RULES;
export const RULE_CODES = Object.keys(RULES) as RuleCode[];

export type DoneStyleSetting = 'auto' | 'strike-plain' | 'strike-code' | 'emoji' | 'checkbox';

export interface GoalDocsSettings extends CalendarSettings {
  /** Globs (matched against the workspace-relative path) of files that are goal docs. */
  files: string[];
  /** Globs of files that are never goal docs, whatever their name or content. */
  exclude: string[];
  rules: Record<RuleCode, RuleSeverity>;
  done: {
    /** How "Mark milestone done" stamps items in a document that has no done items yet. */
    style: DoneStyleSetting;
    /** The version text of a new stamp: a template with `${date:YYYY.MM.DD}`, or `latest`. */
    version: string;
  };
  codeLens: boolean;
  /** Documents larger than this many characters are not analysed (one message says so). */
  maxFileSize: number;
}

/** Files that are goal docs whatever they hold: none unless a team declares them (a name is a signal, model/evidence.ts). */
export const DEFAULT_FILES: string[] = [];

export function defaultSettings(): GoalDocsSettings {
  return {
    files: [...DEFAULT_FILES],
    exclude: [],
    rules: Object.fromEntries(RULE_CODES.map((c) => [c, RULES[c].severity])) as Record<RuleCode, RuleSeverity>,
    fiscalYearStartMonth: 1,
    yearHeadings: 'fiscal',
    done: { style: 'auto', version: 'latest' },
    codeLens: true,
    maxFileSize: 5_000_000,
  };
}

const SEVERITIES = new Set<RuleSeverity>(['error', 'warning', 'information', 'hint', 'off']);

export interface SettingsResult {
  settings: GoalDocsSettings;
  /** One message per invalid value; the default is used instead. */
  problems: string[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads a raw `goalDocs` configuration object (from the client or `.goal-docs.json`). */
export function readSettings(raw: unknown): SettingsResult {
  const settings = defaultSettings();
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  if (!isObject(raw)) return { settings, problems: ['goalDocs settings must be an object; using the defaults.'] };

  if (raw.files !== undefined) {
    if (Array.isArray(raw.files) && raw.files.every((f) => typeof f === 'string')) settings.files = raw.files as string[];
    else problems.push('goalDocs.files must be a list of glob strings; using the default list.');
  }
  if (raw.exclude !== undefined) {
    if (Array.isArray(raw.exclude) && raw.exclude.every((f) => typeof f === 'string')) settings.exclude = raw.exclude as string[];
    else problems.push('goalDocs.exclude must be a list of glob strings; using none.');
  }
  if (raw.rules !== undefined) {
    if (!isObject(raw.rules)) problems.push('goalDocs.rules must be an object mapping rule codes to a severity; using the defaults.');
    else {
      for (const [code, value] of Object.entries(raw.rules)) {
        if (code in RETIRED_RULES) problems.push(`goalDocs.rules: '${code}' ${RETIRED_RULES[code]}; its setting is ignored.`);
        else if (!(code in RULES)) problems.push(`goalDocs.rules: unknown rule '${code}' (known: ${RULE_CODES.join(', ')}).`);
        else if (typeof value !== 'string' || !SEVERITIES.has(value as RuleSeverity))
          problems.push(`goalDocs.rules.${code}: '${String(value)}' is not one of error, warning, information, hint, off; using '${RULES[code as RuleCode].severity}'.`);
        else settings.rules[code as RuleCode] = value as RuleSeverity;
      }
    }
  }
  if (raw.fiscalYearStartMonth !== undefined) {
    const m = raw.fiscalYearStartMonth;
    if (typeof m === 'number' && Number.isInteger(m) && m >= 1 && m <= 12) settings.fiscalYearStartMonth = m;
    else problems.push(`goalDocs.fiscalYearStartMonth must be a whole number from 1 to 12, not ${JSON.stringify(m)}; using 1 (January).`);
  }
  if (raw.yearHeadings !== undefined) {
    if (raw.yearHeadings === 'fiscal' || raw.yearHeadings === 'calendar') settings.yearHeadings = raw.yearHeadings;
    else problems.push(`goalDocs.yearHeadings must be "fiscal" or "calendar", not ${JSON.stringify(raw.yearHeadings)}; using "fiscal".`);
  }
  if (raw.done !== undefined) {
    if (!isObject(raw.done)) problems.push('goalDocs.done must be an object; using the defaults.');
    else {
      const styles: DoneStyleSetting[] = ['auto', 'strike-plain', 'strike-code', 'emoji', 'checkbox'];
      if (raw.done.style !== undefined) {
        if (styles.includes(raw.done.style as DoneStyleSetting)) settings.done.style = raw.done.style as DoneStyleSetting;
        else problems.push(`goalDocs.done.style must be one of ${styles.join(', ')}, not ${JSON.stringify(raw.done.style)}; using "auto".`);
      }
      if (raw.done.version !== undefined) {
        if (typeof raw.done.version === 'string') settings.done.version = raw.done.version;
        else problems.push('goalDocs.done.version must be a string; using "latest".');
      }
    }
  }
  if (raw.codeLens !== undefined) {
    if (typeof raw.codeLens === 'boolean') settings.codeLens = raw.codeLens;
    else problems.push('goalDocs.codeLens must be true or false; using true.');
  }
  if (raw.maxFileSize !== undefined) {
    const n = raw.maxFileSize;
    if (typeof n === 'number' && Number.isFinite(n) && n > 0) settings.maxFileSize = Math.floor(n);
    else problems.push(`goalDocs.maxFileSize must be a positive number of characters, not ${JSON.stringify(n)}; using ${settings.maxFileSize}.`);
  }
  return { settings, problems };
}
