// `goal-docs check --changed-since REF`: a change is held to the lines it touched.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseUnifiedDiff } from '../../../server/src/cli/changedLines';
import { runCli } from '../../../server/src/cli/main';
import { git, gitRepository, scratchDir } from '../../support/repoCopy';

async function check(cwd: string, ...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(['check', ...args], cwd, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

// A page with an old error (a dead link) that a change does not touch.
const PAGE = ['# Goals', '', '## 2024', '', '### FY-24-Q1', '', '#### Ship it', '', '- **Owner**: Ann', '', 'See [the old plan](old.md).', ''].join('\n');

describe('changed lines', () => {
  it('reads the new side of a unified diff: added and changed lines, nothing for removals or deleted files, quoted paths', () => {
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
    ].join('\n');
    assert.deepEqual(
      [...parseUnifiedDiff(diff)].map(([file, lines]) => [file, [...lines]]),
      [
        ['team/goals.md', [3, 11, 12]],
        ['café "q".md', [1, 2, 3]],
      ],
    );
  });

  it('reports and fails only for problems on lines changed since the commit, and new files whole', async () => {
    const repo = gitRepository('changed', { 'team/goals.md': PAGE });
    assert.equal((await check(repo, '--changed-since', 'HEAD')).out, '0 problems in 1 goal doc.\n', 'nothing changed: the old error is left out');

    writeFileSync(path.join(repo, 'team/goals.md'), PAGE.replace('- **Owner**: Ann', '- **Owner**: Ann\n\nAnd [the new plan](new.md).'));
    writeFileSync(path.join(repo, 'goals.md'), '# Goals\n\n## 2024\n\nSee [there](nowhere.md).\n');
    const r = await check(repo, '--changed-since', 'HEAD', '--verbose');
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
    assert.match(r.err, /; 1 problem on lines unchanged since HEAD left out\.\n$/);

    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'New plans');
    writeFileSync(path.join(repo, 'goals.md'), '# Goals\n\n## 2024\n\nSee [there](team/goals.md).\n');
    const sinceLast = await check(repo, '--changed-since', 'HEAD');
    assert.deepEqual([sinceLast.code, sinceLast.out], [0, '0 problems in 2 goal docs.\n'], 'the fix is the only change since the last commit');
    const sinceFirst = await check(repo, '--changed-since', 'HEAD~1', '--format', 'json');
    assert.equal(sinceFirst.code, 1);
    assert.deepEqual(JSON.parse(sinceFirst.out).map((d: { file: string; range: { start: { line: number } } }) => `${d.file}:${d.range.start.line + 1}`), ['team/goals.md:11']);
  });

  it('says so with exit status 2 when the commit is unknown or the folder is not in a git repository', async () => {
    const repo = gitRepository('changed-bad', { 'goals.md': PAGE });
    const unknown = await check(repo, '--changed-since', 'no-such-branch');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /^goal-docs: --changed-since: 'no-such-branch' is not a commit git knows here/);
    const outside = await check(scratchDir('not-git'), '--changed-since', 'HEAD');
    assert.equal(outside.code, 2);
    assert.match(outside.err, /^goal-docs: --changed-since: 'HEAD' is not a commit git knows here \(fatal: not a git repository/);
  });
});
