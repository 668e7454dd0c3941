// The CLI's npm package, for real: `npm pack` in a fresh copy of the repository (its prepack builds
// the bundle), then the tarball installed into an empty folder with npm offline, which works only
// if the package needs nothing else, and `npx goal-docs check` run there on a goal doc.
import { strict as assert } from 'node:assert';
import { readdirSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../../support/corpus';
import { copyOfRepository, run, scratchDir, writeFiles } from '../../support/repoCopy';

const BROKEN_GOALS = '# Goals\n\n## 2024\n\n### FY-24-Q1\n\n#### Ship it\n\n- **Owner**: Ann\n\nSee [the plan](plan.md).\n';

describe('npm package', () => {
  it('packs only what the CLI needs, installs offline into an empty folder, and runs as npx goal-docs check', () => {
    const clone = copyOfRepository('pack');
    // A clone after `npm ci`: the build tools are there, dist/ is not.
    symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
    const out = scratchDir('pack-out');
    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', out], { cwd: clone }).stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    assert.deepEqual(packed[0]!.files.map((f) => f.path).sort(), ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/cli.js', 'package.json', 'schemas/goal-docs.schema.json']);

    const project = scratchDir('pack-install');
    writeFiles(project, { 'team/goals.md': BROKEN_GOALS });
    run('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(out, packed[0]!.filename)], { cwd: project });
    assert.deepEqual(readdirSync(path.join(project, 'node_modules')).filter((n) => !n.startsWith('.')), ['goal-docs'], 'the package brings no dependencies');

    const check = run('npx', ['--offline', 'goal-docs', 'check'], { cwd: project, allowFailure: true });
    assert.equal(check.status, 1, check.stderr);
    assert.equal(check.stdout, "team/goals.md:11:16: error link.file-missing: Link target 'plan.md' does not exist\n1 problem in 1 goal doc.\n");
  });
});
