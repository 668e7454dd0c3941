// The rule registry is the one declaration of each rule: what is written from it (package.json's
// setting, the JSON schema of .goal-docs.json, README's tables) must read as it gives them, and the code-action map must bind exactly
// the fixes each rule declares.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULE_LIST } from '../../server/src/diagnostics/rules';
import { readRuleData } from '../../server/src/diagnostics/rule';
import { FIXES } from '../../server/src/codeActions/index';
import { staleFiles } from '../../scripts/rules';
import { REPO_ROOT } from '../support/corpus';

/** A scratch copy of the generated files, for a test to put out of step. */
function scratchCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'goal-docs-rules-'));
  for (const file of ['package.json', 'README.md', 'schemas']) cpSync(path.join(REPO_ROOT, file), path.join(dir, file), { recursive: true });
  return dir;
}

describe('the rule registry', () => {
  it('has written package.json, the config file schema and README as its declarations give them (npm run rules:write)', () => {
    assert.deepEqual(staleFiles(REPO_ROOT), [], 'run npm run rules:write');
  });

  it('finds the file put out of step when a rule is added to README, package.json or the config file schema alone', () => {
    const dir = scratchCopy();
    try {
      assert.deepEqual(staleFiles(dir), []);
      const readme = path.join(dir, 'README.md');
      const original = readFileSync(readme, 'utf8');
      writeFileSync(readme, original.replace('<!-- rules:end -->', '| `goal.new-rule` | A rule only README knows. | warning | no |\n<!-- rules:end -->'));
      assert.deepEqual(staleFiles(dir), ['README.md']);
      writeFileSync(readme, original);
      const pkgFile = path.join(dir, 'package.json');
      const pkgText = readFileSync(pkgFile, 'utf8');
      const pkg = JSON.parse(pkgText);
      pkg.contributes.configuration.properties['goalDocs.rules'].properties['goal.new-rule'] = { type: 'string', default: 'warning' };
      writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
      assert.deepEqual(staleFiles(dir), ['package.json']);
      writeFileSync(pkgFile, pkgText);
      const schemaFile = path.join(dir, 'schemas', 'goal-docs.schema.json');
      const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
      schema.definitions.settings.properties.rules.properties['goal.new-rule'] = { type: 'string', default: 'warning' };
      writeFileSync(schemaFile, `${JSON.stringify(schema, null, 2)}\n`);
      assert.deepEqual(staleFiles(dir), ['schemas/goal-docs.schema.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('binds each rule to exactly the quick fixes it declares, in its order', () => {
    for (const rule of RULE_LIST) {
      const bound = (FIXES as Record<string, Record<string, unknown> | undefined>)[rule.code];
      assert.deepEqual(Object.keys(bound ?? {}), Object.keys(rule.fixes), rule.code);
    }
  });

  it('gives each code one declaration, a meaning of one sentence, and fix ids that say what they do', () => {
    const codes = RULE_LIST.map((r) => r.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const rule of RULE_LIST) {
      assert.match(rule.code, /^[a-z]+\.[a-z-]+$/, rule.code);
      assert.match(rule.meaning, /^[A-Z].*\.$/s, `${rule.code}: a sentence`);
      for (const [id, what] of Object.entries<string>(rule.fixes)) assert.ok(what.length > 10, `${rule.code}.${id} says what it does`);
    }
  });

  it("gives a fix a finding's data only as its rule declares it", () => {
    const shape = RULE_LIST.find((r) => r.code === 'milestone.done-style')!.data;
    assert.deepEqual(readRuleData(shape, { line: 3, style: 'code', code: 'milestone.done-style' }), { line: 3, style: 'code', code: 'milestone.done-style' });
    assert.equal(readRuleData(shape, { line: '3', style: 'code' }), undefined, 'a line that is no number');
    assert.equal(readRuleData(shape, { line: 3, style: 'shiny' }), undefined, 'a style the rule does not name');
    assert.equal(readRuleData(shape, { style: 'code' }), undefined, 'a missing line');
    const optional = RULE_LIST.find((r) => r.code === 'anchor.missing')!.data;
    assert.ok(readRuleData(optional, { fragment: 'x', candidates: [] }), 'toc may be absent');
    assert.equal(readRuleData(optional, { fragment: 'x', candidates: [1] }), undefined, 'candidates are strings');
  });
});
