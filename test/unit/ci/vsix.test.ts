// The .vsix as a user installs it: `npm run vsix` on the production build that `npm test` makes
// (pretest), read back entry by entry. VS Code's extension details page shows README's images
// from https URLs only, so every image and link of the packaged README must be absolute, and each
// one that vsce pointed at the repository must name a file the repository holds.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { REPO_ROOT } from '../../support/corpus';
import { run, scratchDir } from '../../support/repoCopy';

const BUILT = ['client.js', 'server.js', 'browser/client.js', 'browser/server.js'].every((f) => existsSync(path.join(REPO_ROOT, 'dist', f)));
const PRODUCTION = BUILT && !existsSync(path.join(REPO_ROOT, 'dist', 'server.js.map'));
const SKIP = PRODUCTION ? false : 'needs the production build of dist/ (npm run build:production; npm test builds it first)';

describe('the .vsix', { skip: SKIP }, () => {
  it('ships minified bundles without source maps or the CLI, and a README whose images and links all resolve', async () => {
    const dir = scratchDir('vsix');
    try {
      const out = path.join(dir, 'goal-docs.vsix');
      run(process.execPath, [path.join(REPO_ROOT, 'scripts', 'vsix.mjs'), '--out', out], { cwd: REPO_ROOT });
      const zip = await JSZip.loadAsync(readFileSync(out));
      const files = Object.keys(zip.files).filter((f) => !zip.files[f]!.dir);
      assert.ok(!files.some((f) => f.endsWith('.map') || f.endsWith('cli.js')), files.join(', '));
      const server = await zip.file('extension/dist/server.js')!.async('string');
      // Minified: a few very long lines, not tens of thousands of short ones.
      assert.ok(server.split('\n').length < 100, `server.js has ${server.split('\n').length} lines`);

      const readme = await zip.file('extension/readme.md')!.async('string');
      const tracked = new Set(run('git', ['ls-files'], { cwd: REPO_ROOT }).stdout.split('\n'));
      const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
      assert.ok(images.length >= 4, `${images.length} images`);
      for (const src of images) assert.match(src, /^https:\/\//, `image ${src} is not https: the details page would not show it`);
      const { repository } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { repository: { url: string } };
      const home = repository.url.replace(/\.git$/, '');
      const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
      for (const target of targets) {
        assert.match(target, /^(?:https?:|mailto:|#)/, `link ${target} is relative in the packaged README`);
        if (!target.startsWith(`${home}/`)) continue;
        const file = decodeURIComponent(target.slice(home.length + 1).replace(/^(?:raw|blob|tree)\/HEAD\//, '').replace(/#.*$/, ''));
        assert.ok(tracked.has(file) || [...tracked].some((t) => t.startsWith(`${file}/`)), `${target}: ${file} is not in the repository`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
