// What a team declares about its pages where a page alone cannot show it (`goalDocs.fields`,
// `goalDocs.periods` in .goal-docs.json or the editor's settings): other names for goal fields
// (`Point of contact` for Owner) and the shapes of its period headings (`Sprint {year}-{half}`).
// It is data, compiled here into lookups and bounded matchers; the parse reads a page with it, so
// it is one of the parse's inputs (build.ts, cache.ts): a model is of one text and one dialect.
import type { FieldName } from './types';
import { compilePeriodTemplate, type PeriodTemplate } from './periods';

/** Every kind of goal field, as `goalDocs.fields` names them. */
export const FIELD_NAMES = [
  'owner',
  'status',
  'outcomes',
  'milestones',
  'descopedOutcomes',
  'problem',
  'discussions',
  'dependencies',
  'estimatedCompletion',
  'trackingIssue',
] as const satisfies readonly FieldName[];
// Each FieldName is listed: a kind added to the model and not here fails to compile.
const everyFieldName: Exclude<FieldName, (typeof FIELD_NAMES)[number]> extends never ? true : never = true;
void everyFieldName;

/** A name a team may give a field: letters and single spaces (what a field line's name may hold, fields.ts). */
export const FIELD_LABEL_PATTERN = '^[A-Za-z]+( [A-Za-z]+)*$';
export const FIELD_LABEL_MAX_LENGTH = 40;

/** A team's declarations as the settings hold them. */
export interface DialectDeclaration {
  /** Other names per field kind: `{ "owner": ["Point of contact", "Lead"] }`. */
  fields: Readonly<Partial<Record<FieldName, readonly string[]>>>;
  /** Period heading templates: `Sprint {year}-{half}`, `{year} Cycle {quarter}`. */
  periods: readonly string[];
}

export interface Dialect {
  /** Equal for equal declarations: what tells a model of one dialect from another's (cache keys). */
  readonly key: string;
  /** The declared field names, lower case, to their kind. */
  readonly fieldNames: ReadonlyMap<string, FieldName>;
  readonly periods: readonly PeriodTemplate[];
}

/** No declarations: the page is read as it always was. */
export const DEFAULT_DIALECT: Dialect = { key: '', fieldNames: new Map(), periods: [] };

const compiled = new Map<string, Dialect>();

/** The dialect of a declaration; names and templates that are not valid are left out (the settings reader reports them). */
export function compileDialect(declaration: DialectDeclaration): Dialect {
  const fieldNames = new Map<string, FieldName>();
  for (const kind of FIELD_NAMES) {
    for (const name of declaration.fields[kind] ?? []) {
      const key = name.toLowerCase();
      if (name.length <= FIELD_LABEL_MAX_LENGTH && new RegExp(FIELD_LABEL_PATTERN).test(name) && !fieldNames.has(key)) fieldNames.set(key, kind);
    }
  }
  const periods = declaration.periods.flatMap((t) => compilePeriodTemplate(t) ?? []);
  if (fieldNames.size === 0 && periods.length === 0) return DEFAULT_DIALECT;
  const key = JSON.stringify([[...fieldNames], periods.map((p) => p.template)]);
  let dialect = compiled.get(key);
  if (!dialect) {
    dialect = { key, fieldNames, periods };
    // A handful of dialects live in one workspace; a bound keeps a long session's edits of the file from piling up.
    if (compiled.size >= 32) compiled.clear();
    compiled.set(key, dialect);
  }
  return dialect;
}
