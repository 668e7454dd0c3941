import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import { RULE_CODES } from '../../server/src/diagnostics/rules';
import { CORPUS_DIR, CORPUS_SKIP, REPO_ROOT } from '../support/corpus';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'goal-docs-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function run(cwd: string, ...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, cwd, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

const GOALS = '# Goals\n\n- [**2024**](#2024)\n  - [FY-24-Q1](#2024)\n\n## 2024\n\n### FY-24-Q1\n\n#### Ship it\n\n- **Owner**: Ann\n';

describe('cli', () => {
  it('finds goal docs under the current folder and ignores other Markdown', async () => {
    const dir = workspace({ 'team/goals.md': GOALS, 'README.md': '# Readme\n\n[x](#nowhere)\n' });
    const { code, out } = await run(dir, 'check', '--format', 'json');
    assert.equal(code, 0, 'warnings only: exit status 0');
    const rows = JSON.parse(out);
    assert.deepEqual(rows, [
      {
        file: 'team/goals.md',
        range: { start: { line: 3, character: 16 }, end: { line: 3, character: 20 } },
        severity: 'warning',
        code: 'toc.entry-mismatch',
        message: "TOC entry 'FY-24-Q1' links to #2024, which is the heading '2024'; the heading 'FY-24-Q1' is #fy-24-q1",
      },
    ]);
  });

  it('exits 0 when only warnings are found, and 1 on an error', async () => {
    const warningsOnly = workspace({ 'goals.md': GOALS });
    assert.equal((await run(warningsOnly, 'check')).code, 0);
    const withError = workspace({ 'goals.md': GOALS + '\nSee [gone](missing.md).\n' });
    const r = await run(withError, 'check');
    assert.equal(r.code, 1);
    assert.match(r.out, /goals\.md:14:12: error link\.file-missing: Link target 'missing\.md' does not exist/);
    assert.match(r.out, /2 problems in 1 goal doc\./);
  });

  it('prints GitHub workflow annotations', async () => {
    const dir = workspace({ 'goals.md': GOALS });
    const { out } = await run(dir, 'check', '--format=github', 'goals.md');
    assert.equal(
      out.trim(),
      "::warning file=goals.md,line=4,col=17,endLine=4,endColumn=21,title=toc.entry-mismatch::TOC entry 'FY-24-Q1' links to #2024, which is the heading '2024'; the heading 'FY-24-Q1' is #fy-24-q1",
    );
  });

  it('reads .goal-docs.json and reports bad values there', async () => {
    const dir = workspace({ 'goals.md': GOALS, '.goal-docs.json': JSON.stringify({ rules: { 'toc.entry-mismatch': 'off', 'x.y': 'on' } }) });
    const { out, err, code } = await run(dir, 'check', '--format', 'json');
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out), []);
    assert.equal(err.split('\n')[0], `goal-docs: .goal-docs.json: rules: "x.y" is not a rule code (the codes: ${RULE_CODES.join(', ')}); ignored.`);
  });

  it('refuses a .goal-docs.json that is not JSON, saying where, as bad usage', async () => {
    const dir = workspace({ 'goals.md': GOALS, '.goal-docs.json': '{\n  "rules": { "toc.entry-mismatch": "off", }\n}\n' });
    const { err, code } = await run(dir, 'check');
    assert.equal(code, 2);
    assert.equal(err, 'goal-docs: .goal-docs.json: line 2, column 43: property name expected: the file is not valid JSON.\n');
  });

  it('expands globs to goal docs only, and checks a named file whatever it holds', async () => {
    const dir = workspace({ 'a/goals.md': GOALS, 'a/notes.md': '# N\n\n[x](#nowhere)\n' });
    assert.deepEqual(JSON.parse((await run(dir, 'check', 'a/*.md', '--format', 'json')).out).map((r: { file: string }) => r.file), ['a/goals.md']);
    assert.deepEqual(JSON.parse((await run(dir, 'check', 'a/notes.md', '--format', 'json')).out).map((r: { code: string }) => r.code), ['anchor.missing']);
  });

  it("takes the user's word: goalDocs.exclude in .goal-docs.json, and a file's own marker, named or found", async () => {
    const dir = workspace({
      'team/goals.md': GOALS,
      'logs/goals.md': GOALS,
      'off/goals.md': `<!-- goal-docs: off -->\n${GOALS}`,
      'notes/plan.md': `<!-- goal-docs: on -->\n# Plan\n\n[x](#nowhere)\n`,
      '.goal-docs.json': JSON.stringify({ goalDocs: { exclude: ['logs/**'] } }),
    });
    const files = (r: { out: string }) => [...new Set(JSON.parse(r.out).map((x: { file: string }) => x.file))];
    assert.deepEqual(files(await run(dir, 'check', '--format', 'json')), ['notes/plan.md', 'team/goals.md']);
    assert.deepEqual(files(await run(dir, 'check', 'off/goals.md', 'logs/goals.md', '--format', 'json')), []);
  });

  it('exits 2 with a clear message on bad usage', async () => {
    const dir = workspace({});
    for (const args of [['lint'], ['check', '--format', 'xml'], ['check', '--frobnicate'], ['check', 'no-such-file.md']]) {
      const r = await run(dir, ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /^goal-docs: .+\n\nUsage: goal-docs check/);
    }
    assert.equal((await run(dir, 'check', '--help')).code, 0);
  });

  it('--fail-on sets the least severity that fails: warnings fail with warning, nothing fails with never', async () => {
    const warningsOnly = workspace({ 'goals.md': GOALS });
    assert.equal((await run(warningsOnly, 'check', '--fail-on', 'warning')).code, 1);
    assert.equal((await run(warningsOnly, 'check', '--fail-on', 'information')).code, 1);
    assert.equal((await run(warningsOnly, 'check', '--fail-on', 'error')).code, 0);
    const withError = workspace({ 'goals.md': GOALS + '\nSee [gone](missing.md).\n' });
    const never = await run(withError, 'check', '--fail-on', 'never');
    assert.equal(never.code, 0);
    assert.match(never.out, /error link\.file-missing/, 'the problems are still printed');
    const bad = await run(withError, 'check', '--fail-on', 'info');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /^goal-docs: --fail-on takes error, warning, information, hint or never, not 'info'\./);
  });

  it('--config reads the settings from the named file instead of .goal-docs.json, and refuses one that is not there', async () => {
    const dir = workspace({
      'goals.md': GOALS,
      '.goal-docs.json': JSON.stringify({ rules: { 'toc.entry-mismatch': 'error' } }),
      'ci/goal-docs.json': JSON.stringify({ goalDocs: { rules: { 'toc.entry-mismatch': 'off' } } }),
    });
    assert.equal((await run(dir, 'check')).code, 1, '.goal-docs.json makes the mismatch an error');
    const r = await run(dir, 'check', '--config', 'ci/goal-docs.json', '--format', 'json');
    assert.deepEqual(JSON.parse(r.out), []);
    assert.equal(r.code, 0);
    const missing = await run(dir, 'check', '--config', 'ci/nope.json');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /^goal-docs: --config: no such file: ci\/nope\.json\n/);
  });

  it('--goal-docs-only leaves out named files that are not goal docs, as a pre-commit hook passing every Markdown file needs', async () => {
    const dir = workspace({ 'goals.md': GOALS, 'README.md': '# Readme\n\n[x](#nowhere)\n' });
    const files = (r: { out: string }) => [...new Set(JSON.parse(r.out).map((x: { file: string }) => x.file))];
    assert.deepEqual(files(await run(dir, 'check', 'README.md', 'goals.md', '--format', 'json')), ['README.md', 'goals.md']);
    assert.deepEqual(files(await run(dir, 'check', 'README.md', 'goals.md', '--goal-docs-only', '--format', 'json')), ['goals.md']);
  });

  it('--verbose tells how many files it looked at and checked; named files come first, then the searched ones in path order', async () => {
    const files: Record<string, string> = { 'README.md': '# Readme\n\n[x](#nowhere)\n', 'team/big_goals.md': GOALS + 'x'.repeat(300) };
    for (let i = 0; i < 12; i++) files[`team/${String(i).padStart(2, '0')}/goals.md`] = GOALS;
    const dir = workspace({ ...files, '.goal-docs.json': JSON.stringify({ maxFileSize: GOALS.length + 200 }) });
    const r = await run(dir, 'check', 'README.md', '.', '--verbose');
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, /^goal-docs: skipped team\/big_goals\.md: /);
    assert.match(r.err, /\ngoal-docs: looked at 14 files, checked 13 goal docs in [\d.]+ s\.\n$/);
    const order = [...new Set(r.out.split('\n').filter((l) => /^[^:]+:\d+:\d+: /.test(l)).map((l) => l.split(':')[0]))];
    assert.deepEqual(order, ['README.md', ...Array.from({ length: 12 }, (_, i) => `team/${String(i).padStart(2, '0')}/goals.md`)]);
    assert.equal((await run(dir, 'check', 'README.md')).err, '', 'without --verbose, nothing on stderr');
  });

  it('walks and checks an MDX goal doc, leaving its imports, exports, JSX and expressions alone', async () => {
    const page = [
      "import Chart from './chart'",
      "export const links = { plan: '[the plan](#nowhere)' }",
      '',
      '# Search goals',
      '',
      '{/*',
      '## FY-99-Q9 draft',
      '*/}',
      '',
      '<Chart data={[1, 2]} caption="[old](#gone)" />',
      '',
      '## FY-24-Q1',
      '',
      '### Faster ranking',
      '',
      '- **Owner**: Ana',
      '- **Milestones**:',
      '  - ~~Ship the index~~ Done: 2.1 (see [the quarter](#fy-24-q1) and [the draft](#fy-99-q9-draft))',
      '',
    ].join('\n');
    const found = (r: { out: string }) => JSON.parse(r.out).map((x: { file: string; code: string; range: { start: { line: number } } }) => `${x.file}:${x.range.start.line + 1} ${x.code}`);
    const dir = workspace({ 'search/goals.mdx': page, 'README.md': '# Readme\n' });
    // The commented-out heading is no heading; the links in the ESM and the JSX are no links.
    assert.deepEqual(found(await run(dir, 'check', '--format', 'json')), ['search/goals.mdx:18 anchor.missing']);
    // Read as Markdown, the same text has them all.
    const asMarkdown = workspace({ 'search/goals.md': page });
    assert.deepEqual(found(await run(asMarkdown, 'check', '--format', 'json')), ['search/goals.md:2 anchor.missing', 'search/goals.md:10 anchor.missing']);
  });

  it('--list prints each Markdown file looked at, whether it is a goal doc and why, and exits 0', async () => {
    const dir = workspace({
      'team/goals.md': GOALS + '\nSee [gone](missing.md).\n',
      'team/notes.md': '# Team notes\n\n## March 4, 2024\n\nWe looked at the ranking tests and who takes the index next.\n\n## March 11, 2024\n\nAna showed the new dashboard to the team.\n\n## March 18, 2024\n\nNothing new on the index; the ranking tests pass again.\n',
      'design/goals.md': '# The new index\n\n## Background\n\nThe index is slow.\n\n## Goals\n\n- Fast queries\n- Small memory\n\n## Non-goals\n\n- Sharding\n\n## Proposal\n\nA new layout.\n\n## Alternatives considered\n\nNone.\n',
      'search/index.mdx': "import Chart from './chart'\n\n# Search\n\n<Chart />\n\n## FY-24-Q2\n\n### Smaller index\n\n- **Owner**: Ben\n- **Milestones**:\n  - Measure\n",
      'README.md': '# Readme\n\n<!-- goal-docs: on -->\n\nHow we work.\n',
    });
    assert.equal((await run(dir, 'check')).code, 1, 'team/goals.md has a broken link');
    const r = await run(dir, 'check', '--list');
    assert.equal(r.code, 0);
    assert.equal(r.err, '');
    const lines = r.out.trimEnd().split('\n');
    const expected = [
      /^README\.md: goal doc: its goal-docs: on comment says so$/,
      /^design\/goals\.md: not a goal doc: a design document \(“Non-goals”, “Background”\)/,
      /^search\/index\.mdx: goal doc: a quarter heading “FY-24-Q2”/,
      /^team\/goals\.md: goal doc: a quarter heading “FY-24-Q1”/,
      /^team\/notes\.md: not a goal doc: meeting notes: 3 date headings \(“March 4, 2024”\)$/,
      /^3 goal docs among 5 Markdown files\.$/,
    ];
    assert.equal(lines.length, expected.length, r.out);
    expected.forEach((re, i) => assert.match(lines[i]!, re));
    // Named files, as JSON: the same words as the editor's status bar item.
    const json = await run(dir, 'check', '--list', '--format', 'json', 'team/notes.md', 'README.md');
    assert.deepEqual(JSON.parse(json.out), [
      { file: 'team/notes.md', goalDoc: false, reason: 'not-enough-content', explanation: 'not a goal doc: meeting notes: 3 date headings (“March 4, 2024”)' },
      { file: 'README.md', goalDoc: true, reason: 'marker', explanation: 'a goal doc: its goal-docs: on comment says so' },
    ]);
    const sarif = await run(dir, 'check', '--list', '--format', 'sarif');
    assert.equal(sarif.code, 2);
    assert.match(sarif.err, /^goal-docs: --list prints text or json, not sarif\./);
    assert.match((await run(dir, '--help')).out, /goal-docs check --list \[paths or globs…\]/);
  });

  it('runs as the built dist/cli.js on the seed page', { skip: CORPUS_SKIP }, () => {
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'check', path.join(CORPUS_DIR, 'goals_completed.md'), '--format', 'json'], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const codes = JSON.parse(r.stdout).map((d: { code: string }) => d.code);
    assert.equal(codes.length, 15);
    assert.ok(codes.includes('period.order') && codes.includes('goal.heading-level'));
  });
});

describe('cli --cache', () => {
  const LINKED = GOALS + '\nSee [the plan](notes/plan.md#the-plan) and [the log](log.md).\n';
  const files = (r: { out: string }) => JSON.parse(r.out).map((d: { file: string; code: string }) => `${d.file} ${d.code}`);

  it('gives the same answer from the cache for files that did not change, and says how many came from it', async () => {
    const dir = workspace({ 'goals.md': LINKED, 'notes/plan.md': '# The plan\n', 'log.md': '# Log\n', 'README.md': '# Readme\n' });
    const plain = await run(dir, 'check', '--format', 'json');
    assert.ok(!existsSync(path.join(dir, '.goal-docs-cache')), 'without --cache nothing is written');
    const first = await run(dir, 'check', '--format', 'json', '--cache', '--verbose');
    assert.match(first.err, /checked 1 goal doc \(0 files from the cache\)/);
    const second = await run(dir, 'check', '--format', 'json', '--cache', '--verbose');
    assert.equal(second.out, plain.out);
    assert.equal(second.code, plain.code);
    assert.match(second.err, /looked at 4 files, checked 1 goal doc \(4 files from the cache\)/);
  });

  it('checks a file again when a page its links reach changed, appeared or is gone, though its own text is the same', async () => {
    const dir = workspace({ 'goals.md': LINKED, 'notes/plan.md': '# The plan\n', 'log.md': '# Log\n' });
    const cached = () => run(dir, 'check', '--format', 'json', '--cache');
    assert.deepEqual(files(await cached()), ['goals.md toc.entry-mismatch']);
    writeFileSync(path.join(dir, 'notes/plan.md'), '# Another plan\n');
    assert.deepEqual(files(await cached()), ['goals.md toc.entry-mismatch', 'goals.md link.file-anchor-missing']);
    rmSync(path.join(dir, 'log.md'));
    assert.deepEqual(files(await cached()), ['goals.md toc.entry-mismatch', 'goals.md link.file-anchor-missing', 'goals.md link.file-missing']);
    writeFileSync(path.join(dir, 'log.md'), '# Log again\n');
    writeFileSync(path.join(dir, 'notes/plan.md'), '# The plan\n');
    assert.deepEqual(files(await cached()), ['goals.md toc.entry-mismatch']);
  });

  it('starts afresh when the settings change, and at --cache-location when given', async () => {
    const dir = workspace({ 'goals.md': GOALS });
    const at = path.join('build', 'gd-cache.json');
    assert.deepEqual(files(await run(dir, 'check', '--format', 'json', '--cache', '--cache-location', at)), ['goals.md toc.entry-mismatch']);
    assert.ok(existsSync(path.join(dir, at)));
    writeFileSync(path.join(dir, '.goal-docs.json'), JSON.stringify({ rules: { 'toc.entry-mismatch': 'off' } }));
    const r = await run(dir, 'check', '--format', 'json', '--cache', '--cache-location', at, '--verbose');
    assert.deepEqual(files(r), []);
    assert.match(r.err, /\(0 files from the cache\)/);
  });

  it('says so when the cache file cannot be read, checks every file and writes it anew', async () => {
    const dir = workspace({ 'goals.md': GOALS, '.goal-docs-cache': '{"key": "x", "entr' });
    const r = await run(dir, 'check', '--format', 'json', '--cache');
    assert.deepEqual(files(r), ['goals.md toc.entry-mismatch']);
    assert.match(r.err, /^goal-docs: the cache \.goal-docs-cache cannot be read \(.+\); checking every file and writing it anew\.\n$/);
    assert.doesNotThrow(() => JSON.parse(readFileSync(path.join(dir, '.goal-docs-cache'), 'utf8')));
    assert.equal((await run(dir, 'check', '--cache')).err, '');
  });

  it('refuses --cache-location without --cache', async () => {
    const r = await run(workspace({}), 'check', '--cache-location', 'x');
    assert.equal(r.code, 2);
    assert.match(r.err, /^goal-docs: --cache-location is used with --cache\./);
  });
});

describe('cli report', () => {
  const PAGE = '# Goals\n\n## 2021\n\n### FY-21-Q2\n\n#### Ship it\n\n- **Owner**: Ann\n- **Milestones**:\n  - ~~Plan.~~ Done: 3.20\n  - Build.\n\n### FY-21-Q1\n\n#### Plan it\n\n- **Owner**: Bo\n- **Milestones**:\n  - ~~Draft.~~ Done: 3.19\n';

  it('prints the report of the goal docs under the folder, one period with --period in any spelling, as JSON with --format json', async () => {
    const dir = workspace({ 'team/goals.md': PAGE, 'README.md': '# Readme\n' });
    const all = await run(dir, 'report');
    assert.equal(all.code, 0);
    assert.match(all.out, /^<!-- goal-docs: off -->\n# Goals report\n\n2 goals in 2 periods\.\n\n## FY-21-Q2\n\n### Ship it\n\nteam\/goals\.md:7 · Ann · 1 done, 1 open, 0 descoped\n\n- Done: Plan \(`3\.20`\)\n- Open: Build\n/);
    const one = await run(dir, 'report', '--period', 'Q1 2021', '--format', 'json');
    assert.equal(one.code, 0);
    const report = JSON.parse(one.out);
    assert.deepEqual(report.periods.map((p: { label: string }) => p.label), ['FY-21-Q1']);
    assert.deepEqual(report.owners, [{ owner: 'Bo', goals: 1, done: 1, open: 0, descoped: 0 }]);
  });

  it('refuses a period that is no quarter, and an unknown format, with exit status 2', async () => {
    const dir = workspace({ 'goals.md': PAGE });
    const bad = await run(dir, 'report', '--period', 'soon');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /'soon' is not a quarter or half-year with a year/);
    assert.equal((await run(dir, 'report', '--format', 'xml')).code, 2);
  });
});
