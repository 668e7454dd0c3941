// `goal-docs check --format sarif`, from the built CLI that ships, held against the published SARIF
// 2.1.0 JSON schema with a real validator. The schema is the one npm carries in
// @microsoft/jest-sarif (lib/schemas/sarif-2.1.0-rtm.5.json: SARIF 2.1.0 as SchemaStore publishes
// it, JSON Schema draft-04), pinned in package.json.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { RULE_CODES, RULES } from '../../../server/src/diagnostics/rules';
import { REPO_ROOT } from '../../support/corpus';
import { run, scratchDir, writeFiles } from '../../support/repoCopy';

const SCHEMA_FILE = path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

function sarifValidator() {
  // strict: the schema has keywords ajv's strict mode does not know (draft-04 `id`s in places);
  // unicodeRegExp: its language pattern (`…{2}]?$`) is valid JavaScript only without the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
}

// An error (a missing file), a warning (a TOC entry naming another heading) and notes (a struck
// milestone without a stamp, an ended quarter with it open), in a folder whose name needs
// escaping in a URI.
const GOALS = [
  '# Goals',
  '',
  '- [**2024**](#2024)',
  '  - [FY-24-Q1](#2024)',
  '',
  '## 2024',
  '',
  '### FY-24-Q1',
  '',
  '#### Ship it',
  '',
  '- **Owner**: Ann',
  '- **Milestones**:',
  '  - ~~Plan it~~ Done: 3.19',
  '  - ~~Build it~~',
  '',
  'See [the plan](plan.md).',
  '',
].join('\n');

function checkAsSarif(): { log: Sarif.Log; status: number | null; dir: string } {
  const dir = scratchDir('sarif');
  writeFiles(dir, { 'team one/goals.md': GOALS });
  const r = run(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'check', '--format', 'sarif'], { cwd: dir, allowFailure: true });
  assert.equal(r.stderr, '');
  return { log: JSON.parse(r.stdout) as Sarif.Log, status: r.status, dir };
}

describe('cli --format sarif', () => {
  const validate = sarifValidator();

  it('writes a log that the SARIF 2.1.0 schema accepts, which the schema would refuse if it were wrong', () => {
    const { log, status } = checkAsSarif();
    assert.equal(status, 1, 'an error-severity problem still fails the check');
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const broken = structuredClone(log);
    broken.runs[0]!.results![0]!.level = 'information' as Sarif.Result.level;
    assert.equal(validate(broken), false, 'the validator refuses a level SARIF does not have');
  });

  it('names the tool and every rule with its meaning, and gives each problem its rule, level, message and place', () => {
    const { log, dir } = checkAsSarif();
    const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const run0 = log.runs[0]!;
    const driver = run0.tool.driver;
    assert.equal(driver.name, 'goal-docs');
    assert.equal(driver.version, version);
    assert.match(driver.informationUri!, /^https:\/\//);
    assert.deepEqual(driver.rules!.map((r) => r.id), RULE_CODES);
    const missing = driver.rules!.find((r) => r.id === 'link.file-missing')!;
    assert.equal(missing.shortDescription!.markdown, RULES['link.file-missing'].meaning);
    assert.equal(missing.shortDescription!.text, 'A relative link to a file that does not exist (page, page.md, page/index.md all count).', 'plain text has no code marks');
    const ended = driver.rules!.find((r) => r.id === 'period.ended-open')!;
    assert.equal(ended.fullDescription!.markdown, `${RULES['period.ended-open'].meaning} ${RULES['period.ended-open'].details}`, 'a rule that says more has a full description');
    assert.equal(missing.defaultConfiguration!.level, 'error');

    const base = run0.originalUriBaseIds!.SRCROOT!.uri!;
    assert.equal(base, pathToFileURL(dir).href + '/');
    const found = run0.results!.map((r) => {
      const loc = r.locations![0]!.physicalLocation!;
      assert.equal(driver.rules![r.ruleIndex!]!.id, r.ruleId, 'ruleIndex points at the rule');
      assert.equal(loc.artifactLocation!.uriBaseId, 'SRCROOT');
      // The relative URI, resolved against the base, is the file that was checked.
      assert.equal(new URL(loc.artifactLocation!.uri!, base).href, pathToFileURL(path.join(dir, 'team one', 'goals.md')).href);
      const { startLine, startColumn, endLine, endColumn } = loc.region!;
      return { rule: r.ruleId, level: r.level, message: r.message.text, region: [startLine, startColumn, endLine, endColumn] };
    });
    assert.deepEqual(
      found.map((f) => [f.rule, f.level, ...f.region]),
      [
        ['toc.entry-mismatch', 'warning', 4, 17, 4, 21],
        ['period.ended-open', 'note', 10, 6, 10, 13],
        ['milestone.struck-without-marker', 'note', 15, 5, 15, 17],
        ['link.file-missing', 'error', 17, 16, 17, 23],
      ],
    );
    assert.equal(found[2]!.message, "'Build it' is struck through but has no Done stamp or Descoped marker");
    assert.equal(found[3]!.message, "Link target 'plan.md' does not exist");
  });
});
