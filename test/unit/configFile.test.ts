// .goal-docs.json: its JSON schema (what VS Code validates and completes the file with) is a valid
// draft-07 schema, and it and the reader the editor and the CLI use say the same of a file: valid,
// or not. The reader's problems name the key, sit on it, and leave the rest of the file applying.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { configDiagnostics, parseConfigText, readConfigFile } from '../../server/src/settings/configFile';
import { mergeSettings } from '../../server/src/settings/schema';
import { CONFIG_SCHEMA_PATH } from '../../server/src/settings/jsonSchema';
import { memoryFileSystem } from '../support/memoryFileSystem';
import { REPO_ROOT } from '../support/corpus';

const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, CONFIG_SCHEMA_PATH), 'utf8')) as Record<string, unknown>;

function ajv(): Ajv {
  // VS Code's keyword for descriptions written in Markdown; the schema's own words otherwise.
  return new Ajv({ strict: true, allErrors: true }).addKeyword('markdownDescription');
}

const GOOD: unknown[] = [
  {},
  { $schema: './node_modules/goal-docs/schemas/goal-docs.schema.json', rules: { 'anchor.case': 'off' } },
  { goalDocs: { exclude: ['logs/**'] } },
  { $schema: 'x', goalDocs: { rules: { 'link.file-missing': 'warning' } } },
  {
    files: ['teams/*/goals.md'],
    exclude: [],
    rules: { 'goal.owner-missing': 'hint', 'period.ended-open': 'off' },
    fields: { owner: ['Point of contact', 'Lead'], milestones: ['Deliverables'] },
    periods: ['Sprint {year}-{half}', '{year} Cycle {quarter}', 'FY{year} Term {half}', 'Annual plan {year}'],
    fiscalYearStartMonth: 2,
    yearHeadings: 'calendar',
    done: { style: 'strike-code', version: 'Dist: ${date:YYYY.MM.DD}' },
    codeLens: false,
    maxFileSize: 100000,
  },
];

const BAD: unknown[] = [
  { frobnicate: 1 },
  { rules: { 'x.y': 'on' } },
  { rules: { 'anchor.case': 'loud' } },
  { rules: { 'toc.stale-entry': 'off' } },
  { rules: [] },
  { fiscalYearStartMonth: 13 },
  { fiscalYearStartMonth: 1.5 },
  { fiscalYearStartMonth: '2' },
  { maxFileSize: 0 },
  { files: 'goals.md' },
  { files: ['a/**', 1] },
  { fields: { mood: ['Vibe'] } },
  { fields: { owner: ['Lead (acting)'] } },
  { fields: { owner: ['Lead  Engineer'] } },
  { fields: { owner: ['x'.repeat(41)] } },
  { fields: { owner: 'Lead' } },
  { periods: ['Sprint {month}'] },
  { periods: ['{year} and {year}'] },
  { periods: ['Q{quarter} H{half} {year}'] },
  { periods: ['Sprint'] },
  { periods: [`${'a'.repeat(55)} {year}`] },
  { periods: ['Sprint {year'] },
  { done: { style: 'sparkles' } },
  { done: { colour: 'red' } },
  { codeLens: 'yes' },
  { goalDocs: { rules: {} }, rules: {} },
  { goalDocs: { frobnicate: 1 } },
  { goalDocs: 'all' },
  [],
  'settings',
  3,
  null,
];

describe('.goal-docs.json', () => {
  it('has a schema that is valid draft-07, which the meta-schema would refuse were it not', () => {
    const validator = ajv();
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.ok(validator.validateSchema(schema), JSON.stringify(validator.errors));
    validator.compile(schema);
    const broken = structuredClone(schema) as { definitions: { settings: { properties: { codeLens: { type: string } } } } };
    broken.definitions.settings.properties.codeLens.type = 'bool';
    assert.equal(ajv().validateSchema(broken), false);
  });

  it('is valid by the schema exactly when the reader finds nothing wrong in it', () => {
    const validate = ajv().compile(schema);
    for (const [examples, valid] of [[GOOD, true], [BAD, false]] as const) {
      for (const example of examples) {
        const text = JSON.stringify(example);
        assert.equal(validate(example), valid, `schema on ${text}: ${JSON.stringify(validate.errors)}`);
        assert.equal(parseConfigText(text).problems.length === 0, valid, `reader on ${text}: ${JSON.stringify(parseConfigText(text).problems)}`);
      }
    }
  });

  it('places each problem on its key or value, and applies the rest of the file', () => {
    const text = '{\n  "rules": { "x.y": "on", "anchor.case": "loud", "goal.owner-missing": "off" },\n  "frob": true\n}\n';
    const read = parseConfigText(text);
    assert.equal(read.kind, 'read');
    const spans = read.problems.map((p) => text.slice(p.offset, p.offset + p.length));
    assert.deepEqual(spans, ['"x.y"', '"loud"', '"frob"']);
    assert.equal(mergeSettings([read.layer]).rules['goal.owner-missing'], 'off');
    const diagnostics = configDiagnostics({ uri: 'file:///w/.goal-docs.json', text, ...read }, 'goal-docs');
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, d.range.start.character, String(d.message).slice(0, 40)]),
      [
        [1, 13, 'rules: "x.y" is not a rule code (the cod'],
        [1, 41, 'rules.anchor.case: "loud" is not one of '],
        [2, 2, '"frob" is not a setting (the settings: f'],
      ],
    );
  });

  it('applies nothing of a file that is not JSON, and says where it breaks', () => {
    const read = parseConfigText('{ "rules": { "anchor.case": "off" ');
    assert.equal(read.kind, 'invalid');
    assert.deepEqual(read.layer, {});
    assert.equal(read.problems.length, 1);
    assert.ok(read.problems[0]!.fatal);
    assert.match(read.problems[0]!.message, /expected: the file is not valid JSON$/);
    assert.equal(parseConfigText('').kind, 'invalid');
  });

  it('is read through the file-system port, missing or there', async () => {
    const root = 'vscode-vfs://github/team/repo';
    const fs = memoryFileSystem(new Map([[`${root}/.goal-docs.json`, '{"codeLens": false}']]), root);
    const read = await readConfigFile(fs, `${root}/.goal-docs.json`);
    assert.equal(read.kind, 'read');
    assert.equal(mergeSettings([read.layer]).codeLens, false);
    assert.equal((await readConfigFile(fs, `${root}/nested/.goal-docs.json`)).kind, 'none');
  });
});
