// `goal-docs check --changed-lines-from DIFF`: a change is held to the lines it touched.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseUnifiedDiff } from '../../../server/src/cli/changedLines';
import { runCli } from '../../../server/src/cli/main';
import { git, gitRepository } from '../../support/repoCopy';

async function check(cwd: string, ...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(['check', ...args], cwd, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

/** The change since `base` as a diff file in the repository's root, the way the Action writes it. */
function diffSince(repo: string, base: string): string {
  git(repo, 'add', '-A');
  writeFileSync(path.join(repo, '.git', 'changes.diff'), git(repo, 'diff', '--unified=0', '--no-color', base));
  return '.git/changes.diff';
}

// A page with an old error (a dead link) that a change does not touch.
const PAGE = ['# Goals', '', '## 2024', '', '### FY-24-Q1', '', '#### Ship it', '', '- **Owner**: Ann', '', 'See [the old plan](old.md).', ''].join('\n');

describe('changed lines', () => {
  it('reads the new side of a unified diff: added and changed lines, nothing for removals or deleted files, git prefixes and quoted paths', () => {
    const diff = [
      'diff --git a/team/goals.md b/team/goals.md',
      '--- a/team/goals.md',
      '+++ b/team/goals.md',
      '@@ -3 +3 @@ heading',
      '-old',
      '+new',
      '@@ -10,0 +11,2 @@',
      '+a',
      '+b',
      '@@ -20,3 +22,0 @@',
      '-x',
      'diff --git a/gone.md b/gone.md',
      '--- a/gone.md',
      '+++ /dev/null',
      '@@ -1,2 +0,0 @@',
      'diff --git "a/caf\\303\\251 \\"q\\".md" "b/caf\\303\\251 \\"q\\".md"',
      '--- "a/caf\\303\\251 \\"q\\".md"',
      '+++ "b/caf\\303\\251 \\"q\\".md"',
      '@@ -1 +1,3 @@',
      // git diff --no-prefix, and a plain diff -u with timestamps: the paths as they are.
      '--- b/notes.md',
      '+++ b/notes.md',
      '@@ -4 +4 @@',
      '--- plan.md\t2024-01-01 10:00:00',
      '+++ plan.md\t2024-01-02 10:00:00',
      '@@ -7,2 +7,2 @@',
    ].join('\n');
    assert.deepEqual(
      [...parseUnifiedDiff(diff)].map(([file, lines]) => [file, [...lines]]),
      [
        ['team/goals.md', [3, 11, 12]],
        ['café "q".md', [1, 2, 3]],
        ['b/notes.md', [4]],
        ['plan.md', [7, 8]],
      ],
    );
  });

  it("reports and fails only for problems on the lines git diff shows changed, a new file's whole", async () => {
    const repo = gitRepository('changed', { 'team/goals.md': PAGE });
    const base = git(repo, 'rev-parse', 'HEAD').trim();
    const none = await check(repo, '--changed-lines-from', diffSince(repo, base));
    assert.deepEqual([none.code, none.out], [0, '0 problems in 1 goal doc.\n'], 'nothing changed: the old error is left out');

    writeFileSync(path.join(repo, 'team/goals.md'), PAGE.replace('- **Owner**: Ann', '- **Owner**: Ann\n\nAnd [the new plan](new.md).'));
    writeFileSync(path.join(repo, 'goals.md'), '# Goals\n\n## FY-24-Q1\n\nSee [there](nowhere.md).\n');
    const r = await check(repo, '--changed-lines-from', diffSince(repo, base), '--verbose');
    assert.equal(
      r.out,
      [
        "goals.md:5:13: error link.file-missing: Link target 'nowhere.md' does not exist",
        "team/goals.md:11:20: error link.file-missing: Link target 'new.md' does not exist",
        '2 problems in 2 goal docs.',
        '',
      ].join('\n'),
    );
    assert.equal(r.code, 1);
    assert.match(r.err, /; 1 problem on lines \.git\/changes\.diff does not change left out\.\n$/);

    git(repo, 'commit', '-q', '-m', 'New plans');
    writeFileSync(path.join(repo, 'goals.md'), '# Goals\n\n## FY-24-Q1\n\nSee [there](team/goals.md).\n');
    const sinceLast = await check(repo, '--changed-lines-from', diffSince(repo, 'HEAD'));
    assert.deepEqual([sinceLast.code, sinceLast.out], [0, '0 problems in 2 goal docs.\n'], 'the fix is the only change since the last commit');
    const sinceFirst = await check(repo, '--changed-lines-from', diffSince(repo, base), '--format', 'json');
    assert.equal(sinceFirst.code, 1);
    assert.deepEqual(JSON.parse(sinceFirst.out).map((d: { file: string; range: { start: { line: number } } }) => `${d.file}:${d.range.start.line + 1}`), ['team/goals.md:11']);
  });

  it('says so with exit status 2 when the diff cannot be read', async () => {
    const repo = gitRepository('changed-bad', { 'goals.md': PAGE });
    const missing = await check(repo, '--changed-lines-from', 'no-such.diff');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /^goal-docs: --changed-lines-from: cannot read no-such\.diff: ENOENT/);
  });
});
