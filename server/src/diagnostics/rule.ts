// A rule's one declaration, as markdownlint keeps a rule as one object and ESLint a rule's `meta`:
// its code, default severity, meaning, the quick fixes it offers and the data its findings carry
// for them. Each rule is declared beside the findings that report it (diagnostics/*.ts) and
// registered once (rules.ts); the settings, package.json's and the config file's schemas, README's
// tables, the SARIF log and the code-action map all come from these declarations.
import type { DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';

export type RuleSeverity = 'error' | 'warning' | 'information' | 'hint' | 'off';
export const SEVERITIES: readonly RuleSeverity[] = ['error', 'warning', 'information', 'hint', 'off'];

/**
 * How one value of a finding's data is written: a JSON type (`?` when it may be absent), or the
 * list of the strings it may be. Data travels to the editor and back with the diagnostic, so a fix
 * gets it only once it reads as declared (readRuleData).
 */
type Scalar = 'string' | 'number' | 'boolean' | 'string[]';
export type DataField = Scalar | `${Scalar}?` | readonly string[];
export type DataShape = Readonly<Record<string, DataField>>;

type ValueOf<F> = F extends 'string' ? string : F extends 'number' ? number : F extends 'boolean' ? boolean : F extends 'string[]' ? string[] : F extends readonly (infer E)[] ? E : never;
type RequiredKeys<S> = { [K in keyof S]: S[K] extends `${string}?` ? never : K }[keyof S];
type OptionalKeys<S> = { [K in keyof S]: S[K] extends `${string}?` ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] };

/** The data a finding of a rule with this shape carries. */
export type DataOf<S extends DataShape> = Flat<{ [K in RequiredKeys<S>]: ValueOf<S[K]> } & { [K in OptionalKeys<S>]?: S[K] extends `${infer B}?` ? ValueOf<B> : never }>;

export interface RuleDeclaration<Code extends string = string, Shape extends DataShape = DataShape, FixId extends string = string> {
  /** Stable, `family.what` (`anchor.missing`): settings, SARIF and quick fixes name the rule by it. */
  code: Code;
  /** Its severity unless `goalDocs.rules` says otherwise. */
  severity: Exclude<RuleSeverity, 'off'>;
  /** One sentence, Markdown: the Settings editor, README's table, SARIF's short description. */
  meaning: string;
  /** More, where one sentence cannot say when the rule speaks (README, the Settings editor, SARIF). */
  details?: string;
  /** Its quick fixes by id, in the order they are offered, each with what it does (README). */
  fixes: Readonly<Record<FixId, string>>;
  /** What each finding carries for the fixes. */
  data: Shape;
}

/** Declares a rule; the literal types of its code, data and fix ids are kept for the registry. */
export function defineRule<const Code extends string, const Shape extends DataShape, const FixId extends string = never>(
  rule: RuleDeclaration<Code, Shape, FixId>,
): RuleDeclaration<Code, Shape, FixId> {
  return rule;
}

/** Any declared rule. */
export type AnyRule = RuleDeclaration;

/** What a rule reports, before the severity from the settings is applied. */
export interface Finding<R extends AnyRule = AnyRule> {
  code: R['code'];
  range: Range;
  message: string;
  /** What the rule's quick fixes need; fixes read this, never the message. */
  data: DataOf<R['data']>;
  relatedInformation?: DiagnosticRelatedInformation[];
}

/** A finding of any of the rules `R` (a union), its data checked against its own rule's shape. */
export type FindingOf<R extends AnyRule> = R extends AnyRule ? Finding<R> : never;

function fits(field: DataField, value: unknown): boolean {
  if (typeof field !== 'string') return typeof value === 'string' && field.includes(value);
  const optional = field.endsWith('?');
  if (value === undefined) return optional;
  switch (optional ? field.slice(0, -1) : field) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
  }
}

/** A finding's data as its rule declares it, or undefined when it does not read so (stale, or another tool's). */
export function readRuleData<S extends DataShape>(shape: S, raw: unknown): DataOf<S> | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const data = raw as Record<string, unknown>;
  for (const [key, field] of Object.entries(shape)) if (!fits(field, data[key])) return undefined;
  return data as DataOf<S>;
}
