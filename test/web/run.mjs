// Goal Docs in a browser, as github.dev and vscode.dev run it, at the two levels above the unit
// test (test/lsp/browserServer.test.ts):
//   1. worker: dist/browser/server.js in a real Web Worker of Chromium (./worker.mjs);
//   2. suite: the extension-host suite (test/e2e/suite, with a few web-only tests) in the web
//      worker extension host of a real VS Code workbench: code-server 4.139.1 in Chromium, the
//      .vsix installed, and the user setting "remote.extensionKind" putting the extension there;
//   3. ui: a UI check in that host, driven like a person would (./ui.mjs), with screenshots.
// VS Code's built-in Markdown extension stays on throughout.
//
//   node test/web/run.mjs [--only worker|suite|ui] [--screenshots DIR]
//
// Prints `web: N passed, N failed` as its last line; exits 1 on any failure, including a missing
// editor or browser (it never skips).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer } from '../../scripts/host/install.mjs';
import { chromiumMissing } from '../e2e/browser.mjs';
import { runWorkerTest } from './worker.mjs';
import { runWebSuite } from './extension-host.mjs';
import { runWebUiCheck } from './ui.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: opts } = parseArgs({
  options: {
    only: { type: 'string' },
    screenshots: { type: 'string', default: path.join(repo, 'dist-test', 'web-screenshots') },
    keep: { type: 'boolean', default: false },
  },
});
const started = Date.now();
const log = (m) => console.log(`web: [${((Date.now() - started) / 1000).toFixed(1)}s] ${m}`);
const results = [];

function record(phaseResults) {
  for (const r of phaseResults) {
    results.push(r);
    console.log(`  ${r.state === 'passed' ? '✓' : '✗'} ${r.title}${r.ms !== undefined ? ` (${(r.ms / 1000).toFixed(1)}s)` : ''}`);
    if (r.error) console.log(r.error.split('\n').map((l) => `      ${l}`).join('\n'));
  }
}

function findVsix() {
  const { name, version } = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
  const vsix = path.join(repo, `${name}-${version}.vsix`);
  if (!fs.existsSync(vsix)) throw new Error(`${path.basename(vsix)} not found: run \`npm run package\` first (npm run test:web does)`);
  return vsix;
}

/** A fresh copy of examples/ to open as the workspace, so tests may edit files. */
function makeWorkspace(tmpRoot, name) {
  const dir = path.join(tmpRoot, name);
  fs.cpSync(path.join(repo, 'examples'), dir, { recursive: true });
  return dir;
}

async function main() {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'goal-docs-web-'));
  if (!opts.keep) process.on('exit', () => fs.rmSync(tmpRoot, { recursive: true, force: true }));
  const phase = async (name, fn) => {
    if (opts.only && opts.only !== name) return;
    const t = Date.now();
    record(await fn());
    log(`${name} took ${((Date.now() - t) / 1000).toFixed(1)}s`);
  };
  let host;
  const codeServer = async () => (host ??= await ensureCodeServer({ log: (m) => log(`host: ${m}`) }));
  await phase('worker', () => runWorkerTest({ repo, log }));
  await phase('suite', async () => runWebSuite({ host: await codeServer(), vsix: findVsix(), workspace: makeWorkspace(tmpRoot, 'suite-workspace'), tmpRoot, repo, log }));
  await phase('ui', async () => runWebUiCheck({ host: await codeServer(), vsix: findVsix(), workspace: makeWorkspace(tmpRoot, 'ui-workspace'), tmpRoot, screenshotDir: opts.screenshots,
    failureDir: path.join(repo, 'dist-test', 'web-ui-failures'), log }));
  if (opts.keep) log(`kept ${tmpRoot}`);
}

// Let Ctrl+C run the exit hook that kills any code-server still running.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { console.error(`web: ${sig}, stopping`); process.exit(130); });

let fatal;
try {
  await main();
} catch (err) {
  fatal = err;
  console.error(`web: FAILED: ${err.stack ?? err.message ?? err}`);
}
const passed = results.filter((r) => r.state === 'passed').length;
const failed = results.length - passed + (fatal ? 1 : 0);
log(`done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
console.log(`web: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
