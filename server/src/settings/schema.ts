// The one typed view of the `goalDocs.*` settings, their defaults, and their validation.
// Adding a setting: package.json contributes it, this interface and DEFAULTS carry it, a test.
import type { CalendarSettings } from '../model/periods';
import { type RuleSeverity, SEVERITIES } from '../diagnostics/rule';
import { defaultSeverities, isRuleCode, RETIRED_RULES, RULE_CODES, RULES, type RuleCode } from '../diagnostics/rules';

export type { RuleSeverity } from '../diagnostics/rule';

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
    rules: defaultSeverities(),
    fiscalYearStartMonth: 1,
    yearHeadings: 'fiscal',
    done: { style: 'auto', version: 'latest' },
    codeLens: true,
    maxFileSize: 5_000_000,
  };
}


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
        if (Object.hasOwn(RETIRED_RULES, code)) problems.push(`goalDocs.rules: '${code}' ${RETIRED_RULES[code]}; its setting is ignored.`);
        else if (!isRuleCode(code)) problems.push(`goalDocs.rules: unknown rule '${code}' (known: ${RULE_CODES.join(', ')}).`);
        else if (typeof value !== 'string' || !SEVERITIES.includes(value as RuleSeverity))
          problems.push(`goalDocs.rules.${code}: '${String(value)}' is not one of error, warning, information, hint, off; using '${RULES[code].severity}'.`);
        else settings.rules[code] = value as RuleSeverity;
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
