import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultSettings, mergeSettings, readSettings, readSettingsLayer, SETTINGS } from '../../server/src/settings/schema';
import { RULE_CODES, RULES } from '../../server/src/diagnostics/rules';
import { DEFAULT_DIALECT } from '../../server/src/model/dialect';
import { REPO_ROOT } from '../support/corpus';

describe('settings', () => {
  it('takes valid values', () => {
    const { settings, problems } = readSettings({
      files: ['docs/**/*.md'],
      rules: { 'anchor.case': 'error', 'goal.owner-missing': 'off' },
      fiscalYearStartMonth: 2,
      yearHeadings: 'calendar',
      done: { style: 'emoji', version: 'Dist: ${date:YYYY.MM.DD}' },
      fields: { owner: ['Point of contact'] },
      periods: ['Sprint {year}-{half}'],
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.files, ['docs/**/*.md']);
    assert.equal(settings.rules['anchor.case'], 'error');
    assert.equal(settings.rules['goal.owner-missing'], 'off');
    assert.equal(settings.rules['anchor.missing'], 'error');
    assert.equal(settings.fiscalYearStartMonth, 2);
    assert.equal(settings.done.style, 'emoji');
    assert.equal(settings.done.version, 'Dist: ${date:YYYY.MM.DD}');
    assert.equal(settings.dialect.fieldNames.get('point of contact'), 'owner');
    assert.deepEqual(settings.dialect.periods.map((p) => p.template), ['Sprint {year}-{half}']);
  });

  it('leaves out each bad value with a message that names its key and what was expected, and keeps the rest', () => {
    const { settings, problems } = readSettings({
      files: 'goals.md',
      rules: { 'anchor.case': 'loud', 'no.such-rule': 'off', 'toc.stale-entry': 'off', 'anchor.missing': 'hint' },
      fiscalYearStartMonth: 13,
      yearHeadings: 'lunar',
      done: { style: 'sparkles', version: 'v1' },
      maxFileSize: -1,
      exclude: ['ok/**', 3],
      fields: { owner: ['Lead', 'Lead (acting)'], mood: ['Vibe'] },
      periods: ['Sprint {month}', '{year} Cycle {quarter}'],
      frobnicate: true,
    });
    // In the order the object holds them.
    assert.deepEqual(problems, [
      'goalDocs.files: "goals.md" is not a list, each item a string; ignored.',
      'goalDocs.rules.anchor.case: "loud" is not one of error, warning, information, hint, off; ignored.',
      `goalDocs.rules: "no.such-rule" is not a rule code (the codes: ${RULE_CODES.join(', ')}); ignored.`,
      'goalDocs.rules: "toc.stale-entry" is now reported as anchor.missing (a TOC link that reaches no heading is a dead link); ignored.',
      'goalDocs.fiscalYearStartMonth: 13 is not a whole number from 1 to 12; ignored.',
      'goalDocs.yearHeadings: "lunar" is not one of fiscal, calendar; ignored.',
      'goalDocs.done.style: "sparkles" is not one of auto, strike-plain, strike-code, emoji, checkbox; ignored.',
      'goalDocs.maxFileSize: -1 is not a whole number of at least 1; ignored.',
      'goalDocs.exclude[1]: 3 is not a string; ignored.',
      'goalDocs.fields.owner[1]: "Lead (acting)" is not a field name of letters and single spaces, at most 40 characters; ignored.',
      'goalDocs.fields: "mood" is not a kind of goal field (the kinds: owner, status, outcomes, milestones, descopedOutcomes, problem, discussions, dependencies, estimatedCompletion, trackingIssue); ignored.',
      'goalDocs.periods[0]: "Sprint {month}" is not a period template of at most 60 characters with one {year} and at most one {quarter} or {half}, and no other braces (`Sprint {year}-{half}`); ignored.',
      'goalDocs: "frobnicate" is not a setting (the settings: files, exclude, rules, fields, periods, fiscalYearStartMonth, yearHeadings, done, codeLens, maxFileSize); ignored.',
    ]);
    const defaults = defaultSettings();
    // What was valid beside the bad values applies.
    assert.deepEqual(settings.exclude, ['ok/**']);
    assert.equal(settings.rules['anchor.missing'], 'hint');
    assert.equal(settings.rules['anchor.case'], defaults.rules['anchor.case']);
    assert.equal(settings.done.version, 'v1');
    assert.equal(settings.done.style, defaults.done.style);
    assert.deepEqual(settings.fields.owner, ['Lead']);
    assert.deepEqual(settings.periods, ['{year} Cycle {quarter}']);
    assert.equal(settings.fiscalYearStartMonth, defaults.fiscalYearStartMonth);
    assert.deepEqual(readSettings('nonsense').problems, ['goalDocs: "nonsense" is not an object; ignored.']);
  });

  it('layers a settings file over the editor settings: rules, fields and done key by key, a list or a value whole', () => {
    const editor = readSettingsLayer({ rules: { 'anchor.case': 'error', 'goal.owner-missing': 'off' }, files: ['a/**'], exclude: ['x/**'], fiscalYearStartMonth: 2, done: { style: 'emoji' }, fields: { owner: ['Lead'] } }).layer;
    const file = readSettingsLayer({ rules: { 'anchor.case': 'hint' }, files: ['b/**'], done: { version: 'v2' }, fields: { milestones: ['Deliverables'] } }).layer;
    const s = mergeSettings([editor, file]);
    assert.equal(s.rules['anchor.case'], 'hint', 'the file wins for the code it names');
    assert.equal(s.rules['goal.owner-missing'], 'off', 'the editor setting stands for a code the file does not name');
    assert.equal(s.rules['anchor.missing'], RULES['anchor.missing'].severity, 'the default for a code neither names');
    assert.deepEqual(s.files, ['b/**'], 'a list is replaced whole, not merged');
    assert.deepEqual(s.exclude, ['x/**']);
    assert.equal(s.fiscalYearStartMonth, 2);
    assert.deepEqual(s.done, { style: 'emoji', version: 'v2' });
    assert.deepEqual([...s.dialect.fieldNames], [['lead', 'owner'], ['deliverables', 'milestones']]);
    assert.equal(mergeSettings([]).dialect, DEFAULT_DIALECT, 'no declarations: the parse is as it always was');
    assert.deepEqual(mergeSettings([readSettingsLayer({ fields: { owner: [] } }).layer]).dialect, DEFAULT_DIALECT);
  });

  it('contributes every setting in package.json with a description and the default of its schema', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const props = pkg.contributes.configuration.properties as Record<string, { default: unknown; markdownDescription?: string; scope?: string }>;
    const defaults = defaultSettings() as unknown as Record<string, unknown>;
    const expected = Object.keys(SETTINGS).flatMap((key) => (key === 'done' ? ['goalDocs.done.style', 'goalDocs.done.version'] : [`goalDocs.${key}`]));
    assert.deepEqual(Object.keys(props), expected);
    for (const [key, prop] of Object.entries(props)) {
      assert.ok(prop.markdownDescription, `${key} has a description`);
      assert.equal(prop.scope, 'resource', `${key} may differ per folder`);
      const [, name, sub] = key.split('.');
      const value = sub ? (defaults[name!] as Record<string, unknown>)[sub] : defaults[name!];
      if (name !== 'rules' && name !== 'fields') assert.deepEqual(prop.default, value, key);
    }
    // README's table names every one.
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    for (const key of expected) assert.ok(readme.includes(`| \`${key}\` |`), `README's settings table lists ${key}`);
    const ruleProps = (props['goalDocs.rules'] as unknown as { properties: Record<string, { default: string }> }).properties;
    assert.deepEqual(Object.keys(ruleProps), [...RULE_CODES]);
    for (const code of RULE_CODES) assert.equal(ruleProps[code]!.default, RULES[code].severity, code);
  });
});
