// The pre-commit hook (.pre-commit-hooks.yaml) with Debian's pre-commit, for real: a scratch
// repository whose .pre-commit-config.yaml points at a git copy of this repository, `pre-commit
// install`, then `git commit` of a broken goal doc (refused, with the problem shown), of the fix
// (accepted), and of a README with a dead anchor (not a goal doc: left alone).
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { copyOfRepository, git, gitRepository, run, scratchDir, writeFiles } from '../../support/repoCopy';

const GOALS = '# Goals\n\n## 2024\n\n### FY-24-Q1\n\n#### Ship it\n\n- **Owner**: Ann\n';

function preCommitMissing(): string | undefined {
  try {
    run('pre-commit', ['--version']);
    return undefined;
  } catch (e) {
    return `pre-commit is not installed (${(e as Error).message.split('\n')[0]}): apt-get install pre-commit, as scripts/host/apt-prereqs.sh does`;
  }
}

describe('pre-commit hook', () => {
  const home = scratchDir('pre-commit-home');
  // pre-commit keeps its clone of the hook repository, with the hook's node environment, here.
  after(() => rmSync(home, { recursive: true, force: true }));

  it('refuses a commit of a broken goal doc, saying why, and takes the fix and other Markdown', () => {
    const missing = preCommitMissing();
    assert.equal(missing, undefined, missing);

    const hookRepo = copyOfRepository('hook-repo');
    git(hookRepo, 'init', '-q');
    git(hookRepo, 'add', '-A');
    git(hookRepo, 'commit', '-q', '-m', 'Goal Docs as this test found it');
    const rev = git(hookRepo, 'rev-parse', 'HEAD').trim();

    const config = `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: goal-docs\n`;
    const repo = gitRepository('pre-commit-user', { '.pre-commit-config.yaml': config });
    // pre-commit's own cache, and npm's as CI's npm ci filled it (the registry for anything missing).
    const env = { ...process.env, PRE_COMMIT_HOME: home, npm_config_prefer_offline: 'true' };
    run('pre-commit', ['install'], { cwd: repo, env });

    writeFiles(repo, { 'team/goals.md': `${GOALS}\nSee [the plan](plan.md).\n` });
    git(repo, 'add', '-A');
    const refused = run('git', ['-c', 'user.name=T', '-c', 'user.email=t@goal-docs.invalid', 'commit', '-m', 'Broken goals'], { cwd: repo, env, allowFailure: true });
    const said = refused.stdout + refused.stderr;
    assert.equal(refused.status, 1, said);
    assert.match(said, /Goal Docs\.+Failed/);
    assert.match(said, /team\/goals\.md:11:16: error link\.file-missing: Link target 'plan\.md' does not exist/);
    assert.equal(run('git', ['rev-list', '--count', 'HEAD'], { cwd: repo }).stdout.trim(), '1', 'nothing was committed');

    writeFiles(repo, { 'team/goals.md': `${GOALS}\nSee [the plan](plan.md).\n`, 'team/plan.md': '# Plan\n', 'README.md': '# Readme\n\n[Up](#nowhere)\n' });
    git(repo, 'add', '-A');
    const taken = run('git', ['-c', 'user.name=T', '-c', 'user.email=t@goal-docs.invalid', 'commit', '-m', 'The plan'], { cwd: repo, env, allowFailure: true });
    assert.equal(taken.status, 0, taken.stdout + taken.stderr);
    assert.match(taken.stdout + taken.stderr, /Goal Docs\.+Passed/);
  });
});
