// The GitHub Action (action.yml) run as a runner runs it: its steps' shell, with the inputs and the
// runner's variables, the action in a fresh copy of this repository (so its first step builds the
// CLI as on GitHub, with npm), against a scratch repository whose pull request adds a broken link
// to a page that already has one.
import { strict as assert } from 'node:assert';
import { existsSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from '../../support/corpus';
import { runCompositeAction, type Workflow } from '../../support/compositeAction';
import { copyOfRepository, git, gitRepository, run, scratchDir, writeFiles } from '../../support/repoCopy';

const BASE_PAGE = [
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
  '',
  'See [the old plan](old.md).',
  '',
].join('\n');
// The pull request adds line 14, a link to a page that does not exist; the old one moves to 16.
const PR_PAGE = BASE_PAGE.replace('- **Owner**: Ann\n', '- **Owner**: Ann\n\nAnd [the new plan](new.md).\n');

const WARNING_LINE_4 = "::warning file=team/goals.md,line=4,col=17,endLine=4,endColumn=21,title=toc.entry-mismatch::TOC entry 'FY-24-Q1' links to #2024, which is the heading '2024'; the heading 'FY-24-Q1' is #fy-24-q1";
const NEW_ERROR = "::error file=team/goals.md,line=14,col=20,endLine=14,endColumn=26,title=link.file-missing::Link target 'new.md' does not exist";
const OLD_ERROR = "::error file=team/goals.md,line=16,col=20,endLine=16,endColumn=26,title=link.file-missing::Link target 'old.md' does not exist";

const annotations = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::'));

describe('GitHub Action', () => {
  let actionPath: string;
  let origin: string;
  let baseSha: string;
  let headSha: string;

  before(() => {
    actionPath = copyOfRepository('action');
    origin = gitRepository('action-origin', { 'team/goals.md': BASE_PAGE, 'other/goals.md': '# Goals\n\n## 2024\n' });
    baseSha = git(origin, 'rev-parse', 'HEAD').trim();
    git(origin, 'checkout', '-q', '-b', 'feature');
    writeFiles(origin, { 'team/goals.md': PR_PAGE });
    git(origin, 'commit', '-q', '-am', 'A new plan');
    headSha = git(origin, 'rev-parse', 'HEAD').trim();
  });
  // The action's copy holds the node_modules its build installed: hundreds of megabytes.
  after(() => rmSync(actionPath, { recursive: true, force: true }));

  /** The pull request's head as actions/checkout leaves it by default: one commit, no history. */
  function checkout(): string {
    const workspace = path.join(scratchDir('action-workspace'), 'repo');
    git(path.dirname(workspace), 'clone', '-q', '--depth=1', '--branch', 'feature', `file://${origin}`, workspace);
    return workspace;
  }

  function pullRequest(inputs: Record<string, string> = {}, workspace = checkout()) {
    const workflow: Workflow = {
      workspace,
      actionPath,
      with: inputs,
      eventName: 'pull_request',
      event: { pull_request: { base: { sha: baseSha }, head: { sha: headSha } } },
      // npm's cache, where CI's own `npm ci` filled it; the registry is asked for anything missing.
      env: { npm_config_prefer_offline: 'true' },
    };
    return runCompositeAction(path.join(REPO_ROOT, 'action.yml'), workflow);
  }

  it('builds the CLI in a checkout of the action, annotates every problem, and fails the job on an error', () => {
    assert.ok(!existsSync(path.join(actionPath, 'dist')), 'the copy starts without a build');
    const r = pullRequest();
    assert.deepEqual(r.steps, ['Build the goal-docs CLI', 'Check goal docs']);
    assert.equal(r.status, 1, r.stderr);
    assert.ok(existsSync(path.join(actionPath, 'dist', 'cli.js')));
    assert.deepEqual(annotations(r.stdout), [WARNING_LINE_4, NEW_ERROR, OLD_ERROR]);
  });

  it('with changed-lines-only, fetches the base the shallow checkout lacks and annotates only the lines the pull request changed', () => {
    const workspace = checkout();
    assert.notEqual(run('git', ['cat-file', '-e', `${baseSha}^{commit}`], { cwd: workspace, allowFailure: true }).status, 0, 'the checkout lacks the base');
    const r = pullRequest({ 'changed-lines-only': 'true' }, workspace);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(annotations(r.stdout), [NEW_ERROR]);
    assert.equal(git(workspace, 'cat-file', '-t', baseSha).trim(), 'commit', 'the base was fetched');
  });

  it('fails at the severity fail-on names, with the settings config names', () => {
    const workspace = checkout();
    writeFiles(workspace, { 'ci/goal-docs.json': JSON.stringify({ rules: { 'link.file-missing': 'warning' } }) });
    const relaxed = pullRequest({ config: 'ci/goal-docs.json' }, workspace);
    assert.equal(relaxed.status, 0, 'only warnings are left');
    assert.deepEqual(annotations(relaxed.stdout), [WARNING_LINE_4, NEW_ERROR.replace('::error', '::warning'), OLD_ERROR.replace('::error', '::warning')]);
    assert.equal(pullRequest({ config: 'ci/goal-docs.json', 'fail-on': 'warning' }, workspace).status, 1);
    const never = pullRequest({ 'fail-on': 'never' }, workspace);
    assert.equal(never.status, 0);
    assert.equal(annotations(never.stdout).length, 3, 'problems are annotated even when none fails the job');
    const typo = pullRequest({ 'fail-on': 'errors' }, workspace);
    assert.equal(typo.status, 2);
    assert.match(typo.stderr, /--fail-on takes error, warning, information, hint or never, not 'errors'/);
  });

  it('checks only the paths given, folders and globs alike, and every line when a push has no commit before it', () => {
    const clean = pullRequest({ paths: 'other\nteam/nothing-*.md' });
    assert.deepEqual([clean.status, annotations(clean.stdout)], [0, []]);
    const workspace = checkout();
    const r = runCompositeAction(path.join(REPO_ROOT, 'action.yml'), {
      workspace,
      actionPath,
      with: { 'changed-lines-only': 'true' },
      eventName: 'push',
      event: { before: '0000000000000000000000000000000000000000', after: headSha },
    });
    assert.equal(r.status, 1);
    assert.deepEqual(annotations(r.stdout), [
      '::notice title=goal-docs::No commit to compare with (not a pull request, or the first push of a branch): every line is checked.',
      WARNING_LINE_4,
      NEW_ERROR,
      OLD_ERROR,
    ]);
  });
});
