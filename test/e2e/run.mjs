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

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: opts } = parseArgs({
  options: {
    only: { type: 'string' },
    screenshots: { type: 'string', default: path.join(repo, 'dist-test', 'screenshots') },
    keep: { type: 'boolean', default: false },
  },
});
const started = Date.now();
const log = (m) => console.log(`e2e: [${((Date.now() - started) / 1000).toFixed(1)}s] ${m}`);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)}s`;
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
  if (!fs.existsSync(vsix)) throw new Error(`${path.basename(vsix)} not found: run \`npm run package\` first (npm run test:e2e does)`);
  return vsix;
}

/** A fresh copy of examples/ to open as the workspace, so tests may edit files. */
function makeWorkspace(tmpRoot, name) {
  const dir = path.join(tmpRoot, name);
  fs.cpSync(path.join(repo, 'examples'), dir, { recursive: true });
  return dir;
}

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
      const workspace = makeWorkspace(tmpRoot, 'suite-workspace');
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

// Let Ctrl+C run the exit hook that kills any code-server still running.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { console.error(`e2e: ${sig}, stopping`); process.exit(130); });

let fatal;
try {
  await main();
} catch (err) {
  fatal = err;
  console.error(`e2e: FAILED: ${err.message ?? err}`);
}
const passed = results.filter((r) => r.state === 'passed').length;
const failed = results.length - passed + (fatal ? 1 : 0);
log(`done in ${seconds(started)}`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
