// The settings as JSON Schema, from the rules' declarations: package.json's `goalDocs.rules`
// setting is written from it (`npm run rules:write`, scripts/rules.ts), and a test holds the file
// equal to it.
import { SEVERITIES } from '../diagnostics/rule';
import { RULE_LIST } from '../diagnostics/rules';

/** The part of JSON Schema (draft-07) the settings use, with VS Code's extensions to it. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  title?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: readonly unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  description?: string;
  markdownDescription?: string;
  enumDescriptions?: readonly string[];
  scope?: 'resource' | 'window' | 'application';
}

/** What a rule's setting says in the Settings editor: its meaning, and more where it says more. */
export function ruleDescription(rule: { meaning: string; details?: string }): string {
  return rule.details ? `${rule.meaning} ${rule.details}` : rule.meaning;
}

/** `rules`: a severity per rule code, each with its default and meaning. */
export function rulesSchema(): JsonSchema {
  return {
    type: 'object',
    default: {},
    markdownDescription: 'Severity per diagnostic code (`error`, `warning`, `information`, `hint`, or `off`). Codes not listed keep their default severity.',
    properties: Object.fromEntries(
      RULE_LIST.map((rule) => [rule.code, { type: 'string', enum: SEVERITIES, default: rule.severity, markdownDescription: ruleDescription(rule) } satisfies JsonSchema]),
    ),
    additionalProperties: false,
  };
}
