// The settings' schema (schema.ts SETTINGS) as the two files that carry it: package.json's
// `contributes.configuration` (the Settings editor), and the JSON Schema of .goal-docs.json
// (schemas/goal-docs.schema.json, which VS Code validates and completes the file with).
// `npm run rules:write` (scripts/rules.ts) writes both; a test holds them equal to these.
import { SETTINGS, type SettingSchema } from './schema';
import { CONFIG_FILE_NAME } from './configFile';

type Json = { [key: string]: unknown };

/** A schema without the reader's own keywords; `vscode` keeps VS Code's (the Settings editor's), else they are left out too. */
function published(s: SettingSchema, vscode: boolean): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(s)) {
    if (key === 'expected' || key === 'unknownKey') continue;
    if (!vscode && key === 'enumDescriptions') continue;
    if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value as Record<string, SettingSchema>).map(([k, p]) => [k, published(p, vscode)]));
    else if (key === 'items') out.items = published(value as SettingSchema, vscode);
    else out[key] = value;
  }
  if (!vscode && s.markdownDescription) out.description = s.markdownDescription.replace(/`/g, '');
  return out;
}

/**
 * The `goalDocs.*` settings of package.json. `done`'s two values are settings of their own there
 * (`goalDocs.done.style`), as VS Code reads them back into one `done` object.
 */
export function vscodeSettings(): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const [key, s] of Object.entries(SETTINGS) as Array<[string, SettingSchema]>) {
    if (key === 'done' && s.properties) {
      for (const [sub, p] of Object.entries(s.properties)) out[`goalDocs.${key}.${sub}`] = scoped(published(p, true));
    } else {
      out[`goalDocs.${key}`] = scoped(published(s, true));
    }
  }
  return out;
}

/** Every Goal Docs setting may differ per workspace folder. */
function scoped(s: Json): Json {
  const { type, ...rest } = s;
  return { type, scope: 'resource', ...rest };
}

export const CONFIG_SCHEMA_PATH = 'schemas/goal-docs.schema.json';

/**
 * The JSON Schema (draft-07) of .goal-docs.json: the settings at the top level, or in a `goalDocs`
 * object alone (as the editor's settings nest them), with `$schema` beside either.
 */
export function configFileSchema(): Json {
  const properties = Object.fromEntries(Object.entries(SETTINGS).map(([key, s]) => [key, published(s as SettingSchema, false)]));
  const refs = Object.fromEntries(Object.keys(SETTINGS).map((key) => [key, { $ref: `#/definitions/settings/properties/${key}` }]));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `Goal Docs settings (${CONFIG_FILE_NAME})`,
    description: "A team's Goal Docs settings, read by the editor and by goal-docs check alike; over each person's editor settings, key by key.",
    type: 'object',
    definitions: { settings: { type: 'object', properties, additionalProperties: false } },
    properties: {
      $schema: { type: 'string', description: 'The schema this file follows.' },
      goalDocs: { $ref: '#/definitions/settings', description: 'The settings, nested as the editor nests them; nothing else beside them then.' },
      ...refs,
    },
    additionalProperties: false,
    // With `goalDocs`, nothing but it and `$schema`.
    dependencies: { goalDocs: { propertyNames: { enum: ['$schema', 'goalDocs'] } } },
  };
}
