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
import { findVsix as findRunVsix, makeWorkspace as makeRunWorkspace, testRun } from '../e2e/runner.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: opts } = parseArgs({
  options: {
    only: { type: 'string' },
    screenshots: { type: 'string', default: path.join(repo, 'dist-test', 'web-screenshots') },
    keep: { type: 'boolean', default: false },
  },
});
const { log, seconds, record, run } = testRun('web');
const findVsix = () => findRunVsix(repo, 'test:web');
const makeWorkspace = (tmpRoot, name) => makeRunWorkspace(repo, tmpRoot, name);

async function main() {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'goal-docs-web-'));
  if (!opts.keep) process.on('exit', () => fs.rmSync(tmpRoot, { recursive: true, force: true }));
  const phase = async (name, fn) => {
    if (opts.only && opts.only !== name) return;
    const t = Date.now();
    record(await fn());
    log(`${name} took ${seconds(t)}`);
  };
  let host;
  const codeServer = async () => (host ??= await ensureCodeServer({ log: (m) => log(`host: ${m}`) }));
  await phase('worker', () => runWorkerTest({ repo, log }));
  await phase('suite', async () => runWebSuite({ host: await codeServer(), vsix: findVsix(), workspace: makeWorkspace(tmpRoot, 'suite-workspace'), tmpRoot, repo, log }));
  await phase('ui', async () => runWebUiCheck({ host: await codeServer(), vsix: findVsix(), workspace: makeWorkspace(tmpRoot, 'ui-workspace'), tmpRoot, screenshotDir: opts.screenshots,
    failureDir: path.join(repo, 'dist-test', 'web-ui-failures'), log }));
  if (opts.keep) log(`kept ${tmpRoot}`);
}

await run(main);
