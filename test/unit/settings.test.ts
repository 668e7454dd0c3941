import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultSettings, readSettings } from '../../server/src/settings/schema';
import { RULE_CODES, RULES } from '../../server/src/diagnostics/rules';
import { REPO_ROOT } from '../support/corpus';

describe('settings', () => {
  it('takes valid values', () => {
    const { settings, problems } = readSettings({
      files: ['docs/**/*.md'],
      rules: { 'anchor.case': 'error', 'goal.owner-missing': 'off' },
      fiscalYearStartMonth: 2,
      yearHeadings: 'calendar',
      done: { style: 'emoji', version: 'Dist: ${date:YYYY.MM.DD}' },
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings.files, ['docs/**/*.md']);
    assert.equal(settings.rules['anchor.case'], 'error');
    assert.equal(settings.rules['goal.owner-missing'], 'off');
    assert.equal(settings.rules['anchor.missing'], 'error');
    assert.equal(settings.fiscalYearStartMonth, 2);
    assert.equal(settings.done.style, 'emoji');
  });

  it('replaces each bad value by its default with a message that names it', () => {
    const { settings, problems } = readSettings({
      files: 'goals.md',
      rules: { 'anchor.case': 'loud', 'no.such-rule': 'off' },
      fiscalYearStartMonth: 13,
      yearHeadings: 'lunar',
      done: { style: 'sparkles' },
      maxFileSize: -1,
    });
    assert.deepEqual(settings, defaultSettings());
    assert.equal(problems.length, 7);
    assert.ok(problems.some((p) => p.includes("goalDocs.rules.anchor.case: 'loud' is not one of")));
    assert.ok(problems.some((p) => p.includes("unknown rule 'no.such-rule'")));
    assert.ok(problems.some((p) => p.includes('fiscalYearStartMonth must be a whole number from 1 to 12, not 13')));
    assert.deepEqual(readSettings('nonsense').problems, ['goalDocs settings must be an object; using the defaults.']);
  });

  it('contributes every setting and every rule in package.json with a description and the same default', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const props = pkg.contributes.configuration.properties as Record<string, { default: unknown; description?: string; markdownDescription?: string }>;
    const defaults = defaultSettings();
    for (const [key, prop] of Object.entries(props)) {
      assert.ok(prop.description || prop.markdownDescription, `${key} has no description`);
    }
    assert.deepEqual(props['goalDocs.files'].default, defaults.files);
    assert.equal(props['goalDocs.fiscalYearStartMonth'].default, defaults.fiscalYearStartMonth);
    assert.equal(props['goalDocs.yearHeadings'].default, defaults.yearHeadings);
    assert.equal(props['goalDocs.maxFileSize'].default, defaults.maxFileSize);
    assert.equal(props['goalDocs.codeLens'].default, defaults.codeLens);
    assert.deepEqual(props['goalDocs.done.style'].default, defaults.done.style);
    assert.deepEqual(props['goalDocs.done.version'].default, defaults.done.version);
    const ruleProps = (props['goalDocs.rules'] as unknown as { properties: Record<string, { default: string }> }).properties;
    assert.deepEqual(Object.keys(ruleProps).sort(), [...RULE_CODES].sort());
    for (const code of RULE_CODES) assert.equal(ruleProps[code].default, RULES[code].severity, code);
  });
});
