// `npm run vsix`: packages dist/ as it is built (`npm run package` builds it for production first)
// into goal-docs-<version>.vsix with vsce; extra arguments go to `vsce package`.
//
// README's images: VS Code shows an installed extension's README (its details page) in a webview
// that keeps only http(s) image sources, loads only https: and data: ones, and resolves no
// relative path, so `![…](docs/problems.png)` is a broken image there even when the package holds
// the file (tried in code-server 4.139.1: relative and data: sources are dropped, https ones show).
// When package.json names a repository, vsce rewrites README's relative images and links to the
// repository's https URLs (github.com/<owner>/<repo>/raw/HEAD/…), which work; until it does, they
// stay relative and this says so.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { repository } = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const args = ['package', '--no-dependencies'];
if (!repository) {
  args.push('--allow-missing-repository', '--no-rewrite-relative-links');
  console.error("vsix: package.json names no repository, so README's images keep relative paths, which VS Code's extension details page cannot show (it shows https images only); add \"repository\" for vsce to point them at it.");
}
const vsce = path.join(repo, 'node_modules', '@vscode', 'vsce', 'vsce');
const r = spawnSync(process.execPath, [vsce, ...args, ...process.argv.slice(2)], { cwd: repo, stdio: 'inherit' });
process.exit(r.status ?? 1);
