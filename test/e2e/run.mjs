// End-to-end tests of the packaged extension in a real VS Code:
//   1. the extension-host suite (test/e2e/suite, mocha) in desktop VS Code when one can be had,
//      else in code-server;
//   2. the UI test (./ui.mjs): code-server in Chromium, driven like a person would, taking
//      screenshots.
// Both use the .vsix that `npm run package` built, installed the way a user would install it.
//
//   node test/e2e/run.mjs [--only suite|ui] [--screenshots DIR]
//
// GOAL_DOCS_E2E_GREP=TEXT runs only the suite's tests whose full title holds TEXT.
//
// Prints `e2e: N passed, N failed` as its last line; exits 1 on any failure, including a missing
// editor or browser (it never skips).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { ensureCodeServer } from '../../scripts/host/install.mjs';
import { chromiumMissing } from './browser.mjs';
import { findDesktopVSCode, runSuiteInCodeServer, runSuiteInDesktop } from './extension-host.mjs';
import { runUiTest } from './ui.mjs';
import { findVsix as findRunVsix, makeWorkspace as makeRunWorkspace, testRun } from './runner.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: opts } = parseArgs({
  options: {
    only: { type: 'string' },
    screenshots: { type: 'string', default: path.join(repo, 'dist-test', 'screenshots') },
    keep: { type: 'boolean', default: false },
  },
});
const { log, seconds, record, run } = testRun('e2e');
const findVsix = () => findRunVsix(repo, 'test:e2e');
const makeWorkspace = (tmpRoot, name) => makeRunWorkspace(repo, tmpRoot, name);

async function bundleSuite() {
  const outfile = path.join(repo, 'dist-test', 'e2e', 'suite.js');
  await esbuild.build({
    entryPoints: [path.join(repo, 'test', 'e2e', 'suite', 'index.ts')],
    outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'inline',
    external: ['vscode'], logLevel: 'warning',
    // mocha's parallel mode (unused here) resolves worker files at run time.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return outfile;
}

async function codeServerHost() {
  try {
    return await ensureCodeServer({ log: (m) => log(`host: ${m}`) });
  } catch (err) {
    throw new Error(`code-server could not be installed: ${err.message}\n` +
      'Install the prerequisites with `bash scripts/host/apt-prereqs.sh` (apt: libkrb5-dev build-essential pkg-config python3 chromium) ' +
      'and the npm registry must be reachable; or set VSCODE_EXECUTABLE_PATH to a desktop VS Code.');
  }
}

async function main() {
  const vsix = findVsix();
  log(`testing ${path.relative(repo, vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB)`);
  const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'goal-docs-e2e-'));
  if (!opts.keep) process.on('exit', () => fs.rmSync(tmpRoot, { recursive: true, force: true }));
  let host;
  try {
    if (opts.only !== 'ui') {
      const t = Date.now();
      const suiteJs = await bundleSuite();
      // Opened as a workspace file holding the one folder, as a team's multi-root setup is: a test
      // can then add a folder beside it (foldersNotOnDisk.test.ts) without the window entering a
      // new workspace, which would end the extension host that runs the suite.
      const workspace = path.join(tmpRoot, 'suite.code-workspace');
      fs.writeFileSync(workspace, JSON.stringify({ folders: [{ path: makeWorkspace(tmpRoot, 'suite-workspace') }] }, null, 2));
      const desktop = await findDesktopVSCode({ log });
      if (desktop) {
        log(`extension-host suite: host = desktop VS Code (${desktop}) via @vscode/test-electron`);
        record(await runSuiteInDesktop({ executable: desktop, vsix, suiteJs, workspace, tmpRoot, repo, log }));
      } else {
        host = await codeServerHost();
        const missing = chromiumMissing();
        if (missing) throw new Error(missing);
        log('extension-host suite: host = code-server 4.139.1 (VS Code 1.139.1 workbench in Chromium, Node extension host)');
        record(await runSuiteInCodeServer({ host, vsix, suiteJs, workspace, tmpRoot, repo, log }));
      }
      log(`extension-host suite took ${seconds(t)}`);
    }
    if (opts.only !== 'suite') {
      const t = Date.now();
      host ??= await codeServerHost();
      const missing = chromiumMissing();
      if (missing) throw new Error(missing);
      log(`UI test: host = code-server 4.139.1 in Chromium; screenshots → ${path.relative(repo, opts.screenshots) || '.'}`);
      record(await runUiTest({ host, vsix, workspace: makeWorkspace(tmpRoot, 'ui-workspace'), tmpRoot, screenshotDir: opts.screenshots,
        failureDir: path.join(repo, 'dist-test', 'ui-failures'), log }));
      log(`UI test took ${seconds(t)}`);
    }
  } finally {
    if (opts.keep) log(`kept ${tmpRoot}`);
  }
}

await run(main);
