// The `goalDocs` settings: one schema (SETTINGS, a JSON Schema per setting, the rules' part from
// their declarations), the typed view, the defaults, the reader that holds a raw object to the
// schema, and how the editor's settings and a folder's .goal-docs.json are layered. package.json's
// settings and the config file's JSON schema are written from SETTINGS (settings/jsonSchema.ts,
// `npm run rules:write`). Adding a setting: its entry here, its field in the interface, a test.
import type { CalendarSettings } from '../model/periods';
import { PERIOD_TEMPLATE_MAX_LENGTH, PERIOD_TEMPLATE_PATTERN } from '../model/periods';
import { compileDialect, type Dialect, type DialectDeclaration, FIELD_LABEL_MAX_LENGTH, FIELD_LABEL_PATTERN, FIELD_NAMES } from '../model/dialect';
import { type RuleSeverity, SEVERITIES } from '../diagnostics/rule';
import { RETIRED_RULES, RULE_CODES, RULE_LIST, type RuleCode } from '../diagnostics/rules';

export type { RuleSeverity } from '../diagnostics/rule';

export type DoneStyleSetting = 'auto' | 'strike-plain' | 'strike-code' | 'emoji' | 'checkbox';

export interface GoalDocsSettings extends CalendarSettings, DialectDeclaration {
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
  /** `fields` and `periods` compiled: what pages are parsed with. */
  dialect: Dialect;
}

/** The part of JSON Schema (draft-07) the settings use, with VS Code's keywords and two of the reader's own. */
export interface SettingSchema {
  type: 'object' | 'array' | 'string' | 'integer' | 'boolean';
  properties?: Readonly<Record<string, SettingSchema>>;
  additionalProperties?: false;
  items?: SettingSchema;
  enum?: readonly string[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  maxLength?: number;
  markdownDescription?: string;
  enumDescriptions?: readonly string[];
  /** The reader's words for a valid value, where the schema's would not say it (a pattern's). */
  expected?: string;
  /** The reader's words for a key an object does not have. */
  unknownKey?: (key: string) => string;
}

const SEVERITY_WORDS = SEVERITIES.join(', ');

/** Every setting, in the order the Settings editor and the config file's schema list them. */
export const SETTINGS = {
  files: {
    type: 'array',
    items: { type: 'string' },
    default: [],
    markdownDescription:
      'Globs (relative to the workspace folder) of Markdown files that are goal docs whatever they hold (none by default). Other Markdown files are goal docs when their content shows it (see the README, *Which files are goal docs*; a name such as `goals.md` is one sign among others); a `<!-- goal-docs: on -->` or `<!-- goal-docs: off -->` comment in a file decides for that file.',
  },
  exclude: {
    type: 'array',
    items: { type: 'string' },
    default: [],
    markdownDescription:
      'Globs (relative to the workspace folder) of Markdown files that are never goal docs, whatever their name or content (for example `["**/iteration_log*.md", "process/**"]`). A `<!-- goal-docs: on -->` comment in a file still makes it one.',
  },
  rules: {
    type: 'object',
    default: {},
    markdownDescription: `Severity per diagnostic code (${SEVERITIES.map((s) => `\`${s}\``).join(', ')}). Codes not listed keep their default severity.`,
    properties: Object.fromEntries(RULE_LIST.map((rule) => [rule.code, { type: 'string', enum: SEVERITIES, default: rule.severity, markdownDescription: ruleDescription(rule) }])),
    additionalProperties: false,
    unknownKey: (code) => (Object.hasOwn(RETIRED_RULES, code) ? RETIRED_RULES[code]! : `is not a rule code (the codes: ${RULE_CODES.join(', ')})`),
  },
  fields: {
    type: 'object',
    default: {},
    markdownDescription:
      'Other names your pages give goal fields, per kind: `{ "owner": ["Point of contact", "Lead"], "milestones": ["Deliverables"] }`. A name is letters and spaces, matched whatever its case. Your names are read before the built-in ones (`Owner`, `DRI`, `Status`, `Milestones`…).',
    properties: Object.fromEntries(
      FIELD_NAMES.map((kind) => [
        kind,
        {
          type: 'array',
          items: { type: 'string', pattern: FIELD_LABEL_PATTERN, maxLength: FIELD_LABEL_MAX_LENGTH, expected: `a field name of letters and single spaces, at most ${FIELD_LABEL_MAX_LENGTH} characters` },
          default: [],
          markdownDescription: `Other names of the \`${kind}\` field.`,
        },
      ]),
    ),
    additionalProperties: false,
    unknownKey: () => `is not a kind of goal field (the kinds: ${FIELD_NAMES.join(', ')})`,
  },
  periods: {
    type: 'array',
    items: {
      type: 'string',
      pattern: PERIOD_TEMPLATE_PATTERN,
      maxLength: PERIOD_TEMPLATE_MAX_LENGTH,
      expected: `a period template of at most ${PERIOD_TEMPLATE_MAX_LENGTH} characters with one {year} and at most one {quarter} or {half}, and no other braces (\`Sprint {year}-{half}\`)`,
    },
    default: [],
    markdownDescription:
      'Headings your pages use for periods, as templates: `Sprint {year}-{half}`, `{year} Cycle {quarter}`, `FY{year} Term {half}`. `{year}` is four digits (or two right after `FY` or `CY`), `{quarter}` 1 to 4, `{half}` 1 or 2; the rest is matched as written, case ignored, at the start of a heading (words may follow after a space, a colon or a dash).',
  },
  fiscalYearStartMonth: {
    type: 'integer',
    minimum: 1,
    maximum: 12,
    default: 1,
    markdownDescription:
      'The month (1 = January) in which a fiscal year starts. A fiscal year is named after the calendar year it ends in: with `2`, FY21 runs from February 2020 to January 2021. Used by `period.year`.',
  },
  yearHeadings: {
    type: 'string',
    enum: ['fiscal', 'calendar'],
    default: 'fiscal',
    enumDescriptions: ['`## 2021` names fiscal year 2021.', '`## 2021` names calendar year 2021.'],
    markdownDescription: 'Whether a year heading without `FY`/`CY` (`## 2021`) names a fiscal or a calendar year.',
  },
  done: {
    type: 'object',
    default: { style: 'auto', version: 'latest' },
    markdownDescription: 'How *Mark milestone done* stamps an item.',
    properties: {
      style: {
        type: 'string',
        enum: ['auto', 'strike-plain', 'strike-code', 'emoji', 'checkbox'] satisfies DoneStyleSetting[],
        default: 'auto',
        enumDescriptions: ['Follow the done items already in the document.', '`~~text~~ Done: 3.19`', '`~~text~~ Done: `3.19``', 'Prefix ✅ (replacing 🔄).', 'Tick the task box `- [x]`.'],
        markdownDescription: 'How **Mark milestone done** stamps an item in a document that has no done items yet to copy the style from.',
      },
      version: {
        type: 'string',
        default: 'latest',
        markdownDescription:
          'The version text of a new Done stamp: `latest` (the latest release version already stamped in the document) or a template such as `Dist: ${date:YYYY.MM.DD}`.',
      },
    },
    additionalProperties: false,
  },
  codeLens: {
    type: 'boolean',
    default: true,
    markdownDescription: 'Show `4/7 milestones done` above each goal and quarter.',
  },
  maxFileSize: {
    type: 'integer',
    minimum: 1,
    default: 5_000_000,
    markdownDescription: 'Documents longer than this many characters are not analysed (one message says so), so a huge export never slows the editor.',
  },
} as const satisfies Record<Exclude<keyof GoalDocsSettings, 'dialect'>, SettingSchema>;

export type SettingKey = keyof typeof SETTINGS;
const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** The settings as one object schema: what `goalDocs` (and .goal-docs.json) holds. */
export const SETTINGS_OBJECT: SettingSchema = {
  type: 'object',
  properties: SETTINGS,
  additionalProperties: false,
  unknownKey: () => `is not a setting (the settings: ${SETTING_KEYS.join(', ')})`,
};

/** What a rule's setting says in the Settings editor: its meaning, and more where it says more. */
export function ruleDescription(rule: { meaning: string; details?: string }): string {
  return rule.details ? `${rule.meaning} ${rule.details}` : rule.meaning;
}

export function defaultSettings(): GoalDocsSettings {
  return mergeSettings([]);
}

// --- Reading ---

/** A value the reader left out: where it is (keys, and list positions) and why. */
export interface SettingsProblem {
  path: Array<string | number>;
  /** The problem is the key itself (one the object does not have), not its value. */
  key?: boolean;
  /** What is wrong and what was expected, without the place: `"loud" is not one of error, …`. */
  message: string;
}

/** One source's settings: only the values it holds that are valid, keyed as the schema is. */
export type SettingsLayer = Readonly<Record<string, unknown>>;

/** A JSON object (not an array, not null). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** What a schema accepts, in words. */
function expectedOf(s: SettingSchema): string {
  if (s.expected) return s.expected;
  if (s.enum) return `one of ${s.enum.join(', ')}`;
  switch (s.type) {
    case 'boolean':
      return 'true or false';
    case 'integer':
      if (s.minimum !== undefined && s.maximum !== undefined) return `a whole number from ${s.minimum} to ${s.maximum}`;
      return s.minimum !== undefined ? `a whole number of at least ${s.minimum}` : 'a whole number';
    case 'string':
      return 'a string';
    case 'array':
      return `a list, each item ${s.items ? expectedOf(s.items) : 'anything'}`;
    case 'object':
      return 'an object';
  }
}

function fits(s: SettingSchema, v: unknown): boolean {
  switch (s.type) {
    case 'boolean':
      return typeof v === 'boolean';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v) && (s.minimum === undefined || v >= s.minimum) && (s.maximum === undefined || v <= s.maximum);
    case 'string':
      return (
        typeof v === 'string' &&
        (!s.enum || s.enum.includes(v)) &&
        (s.maxLength === undefined || v.length <= s.maxLength) &&
        (s.pattern === undefined || new RegExp(s.pattern, 'u').test(v))
      );
    default:
      return false;
  }
}

/**
 * The valid part of `value` under schema `s`: an object keeps its valid properties, a list its
 * valid items; each value left out is a problem at its path.
 */
function readValue(s: SettingSchema, value: unknown, path: Array<string | number>, problems: SettingsProblem[]): unknown {
  if (s.type === 'object') {
    if (!isObject(value)) {
      problems.push({ path, message: `${shown(value)} is not ${expectedOf(s)}` });
      return undefined;
    }
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const sub = s.properties && Object.hasOwn(s.properties, key) ? s.properties[key] : undefined;
      if (!sub) {
        problems.push({ path: [...path, key], key: true, message: s.unknownKey?.(key) ?? 'is not a setting here' });
        continue;
      }
      const read = readValue(sub, v, [...path, key], problems);
      if (read !== undefined) out[key] = read;
    }
    return out;
  }
  if (s.type === 'array') {
    if (!Array.isArray(value)) {
      problems.push({ path, message: `${shown(value)} is not ${expectedOf(s)}` });
      return undefined;
    }
    return value.flatMap((item, i) => {
      const read = s.items ? readValue(s.items, item, [...path, i], problems) : item;
      return read === undefined ? [] : [read];
    });
  }
  if (fits(s, value)) return value;
  problems.push({ path, message: `${shown(value)} is not ${expectedOf(s)}` });
  return undefined;
}

/** A raw `goalDocs` object (the editor's settings, or a .goal-docs.json's): its valid values, and the problems of the others. */
export function readSettingsLayer(raw: unknown, at: Array<string | number> = []): { layer: SettingsLayer; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  if (raw === undefined || raw === null) return { layer: {}, problems };
  const layer = readValue(SETTINGS_OBJECT, raw, at, problems);
  return { layer: isObject(layer) ? layer : {}, problems };
}

/**
 * The settings of layers read in turn, each over the ones before and all over the defaults: an
 * object setting (`rules`, `fields`, `done`) key by key, any other value whole (a list of globs
 * replaces the list below it).
 */
export function mergeSettings(layers: readonly SettingsLayer[]): GoalDocsSettings {
  const merged: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const s: SettingSchema = SETTINGS[key];
    let value: unknown = structuredClone(s.default);
    if (s.type === 'object' && s.properties) value = { ...Object.fromEntries(Object.entries(s.properties).map(([k, p]) => [k, p.default])), ...(value as object) };
    for (const layer of layers) {
      if (!Object.hasOwn(layer, key)) continue;
      value = s.type === 'object' ? { ...(value as object), ...(layer[key] as object) } : layer[key];
    }
    merged[key] = value;
  }
  const settings = merged as Omit<GoalDocsSettings, 'dialect'>;
  return { ...settings, dialect: compileDialect(settings) };
}

/**
 * A problem as one line, placed in `where`: `goalDocs` (the editor's settings) or a file's name.
 * A key that does not belong is named in the message, at the place of the object that holds it.
 */
export function problemText(where: string, p: SettingsProblem): string {
  const { place, message } = describeProblem(p);
  return `${where === 'goalDocs' ? `goalDocs${place ? `.${place}` : ''}` : place ? `${where}: ${place}` : where}: ${message}; ignored.`;
}

/** A problem's place (`rules`, `periods[0]`; empty at the top) and what is wrong there. */
export function describeProblem(p: SettingsProblem): { place: string; message: string } {
  const keys = p.key ? p.path.slice(0, -1) : p.path;
  const place = keys.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('').replace(/^\./, '');
  return { place, message: p.key ? `${JSON.stringify(p.path[p.path.length - 1])} ${p.message}` : p.message };
}

export interface SettingsResult {
  settings: GoalDocsSettings;
  /** One message per value left out, naming it and what was expected; the defaults stand instead. */
  problems: string[];
}

/** Reads a raw `goalDocs` object alone, over the defaults. */
export function readSettings(raw: unknown): SettingsResult {
  const { layer, problems } = readSettingsLayer(raw);
  return { settings: mergeSettings([layer]), problems: problems.map((p) => problemText('goalDocs', p)) };
}
