// Runs the mocha suite (test/e2e/suite, bundled) inside a real VS Code extension host, against
// the extension installed from the .vsix. Two hosts:
//  - desktop VS Code through @vscode/test-electron, when one can be had (VSCODE_EXECUTABLE_PATH,
//    or its download works);
//  - otherwise code-server, whose workbench runs the suite when started with the smoke-test
//    driver enabled and opened with a `payload` naming the test paths (see VSCODE-HOST.md).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeServerDirs, installVsix, startCodeServer } from '../../scripts/host/code-server.mjs';
import { launchChromium } from './browser.mjs';

// VS Code's built-in Markdown extension stays on, as every user has it: the suite checks what a
// user sees beside it (each heading once), and tells our answers from its by their shape.
const SUITE_TIMEOUT_MS = 8 * 60_000;

/** Settings for a quiet, deterministic workbench. */
export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'update.mode': 'none',
  // code-server saves edits after a delay by default; the tests revert what they type.
  'files.autoSave': 'off',
};

export function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...extra }, null, 2));
}

/** A do-nothing extension to pass as extensionDevelopmentPath, so that the .vsix is what runs. */
function writeHarness(dir) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: 'goal-docs-e2e-harness', publisher: 'goal-docs', version: '0.0.0',
    description: 'Hosts the goal-docs e2e tests; the extension under test is the installed .vsix.',
    engines: { vscode: '^1.95.0' },
  }, null, 2));
  return dir;
}

/** The per-test results the suite wrote, or one failure titled `title` that says why there are none. */
export function readResults(file, fallbackError, title = 'extension-host suite') {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')).results;
  } catch {
    return [{ title, state: 'failed', error: fallbackError }];
  }
}

/**
 * Opens code-server's workbench in Chromium on `workspace` with the smoke-test driver's payload
 * naming the harness and the suite, and waits for the extension host that runs the tests to exit
 * (or SUITE_TIMEOUT_MS). Mocha's output reaches the page console (with the workbench's log
 * noise): it is kept in `consoleLogFile` for a failing run. Returns the exit code, or why none.
 */
export async function runSuitePage({ server, harness, suiteJs, workspace, consoleLogFile }) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    let settle;
    const exitCode = new Promise((resolve) => { settle = resolve; });
    // The workbench calls this when the extension host exits after running the tests.
    await page.exposeFunction('codeAutomationExit', (code) => settle(code));
    page.on('close', () => settle('page closed'));
    page.on('crash', () => settle('page crashed'));
    const consoleLog = fs.createWriteStream(consoleLogFile);
    page.on('console', (msg) => consoleLog.write(`${msg.type()}: ${msg.text()}\n`));
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [['extensionDevelopmentPath', remote(harness)], ['extensionTestsPath', remote(suiteJs)]];
    const open = workspace.endsWith('.code-workspace') ? 'workspace' : 'folder';
    await page.goto(`${server.url}/?${open}=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    return await Promise.race([exitCode, new Promise((resolve) => setTimeout(() => resolve('timeout'), SUITE_TIMEOUT_MS).unref())]);
  } finally {
    await browser.close().catch(() => {});
  }
}

/** Runs the suite in code-server. Returns the per-test results. */
export async function runSuiteInCodeServer({ host, vsix, suiteJs, workspace, tmpRoot, repo, log }) {
  const dirs = codeServerDirs(path.join(tmpRoot, 'suite-host'));
  const harness = writeHarness(path.join(tmpRoot, 'harness'));
  const resultsFile = path.join(tmpRoot, 'suite-results.json');
  // Word-based suggestions would hide a missing anchor completion behind a list of words.
  writeUserSettings(dirs.userData, { 'editor.wordBasedSuggestions': 'off' });
  log(`installing ${path.basename(vsix)} into code-server`);
  await installVsix(host, dirs, vsix);
  const server = await startCodeServer(host, dirs, {
    vscodeOptions: ['enable-smoke-test-driver'],
    env: { GOAL_DOCS_E2E_RESULTS: resultsFile, GOAL_DOCS_E2E_REPO: repo, GOAL_DOCS_E2E_GREP: process.env.GOAL_DOCS_E2E_GREP ?? '' },
  });
  log(`code-server ${server.url} (pid ${server.pid}); its log: ${dirs.log}`);
  try {
    const code = await runSuitePage({ server, harness, suiteJs, workspace, consoleLogFile: path.join(tmpRoot, 'suite-console.log') });
    log(`extension host exited: ${code}`);
    return readResults(resultsFile, `the suite wrote no results (exit: ${code}); code-server log: ${dirs.log}`);
  } finally {
    await server.stop();
  }
}

/**
 * Finds a desktop VS Code: $VSCODE_EXECUTABLE_PATH, else @vscode/test-electron's download.
 * Returns undefined (and says so) when there is none: code-server is used instead, which is
 * expected where VS Code's download server cannot be reached.
 */
export async function findDesktopVSCode({ log }) {
  if (process.env.VSCODE_EXECUTABLE_PATH) return process.env.VSCODE_EXECUTABLE_PATH;
  if (process.env.GOAL_DOCS_E2E_HOST === 'code-server') return undefined;
  try {
    const { downloadAndUnzipVSCode } = await import('@vscode/test-electron');
    return await downloadAndUnzipVSCode({ version: 'stable', timeout: 20_000 });
  } catch (err) {
    const why = String(err.message ?? err).split('\n')[0];
    log(`desktop VS Code cannot be downloaded on this machine (${why}); using code-server instead, the same VS Code workbench and extension host (set VSCODE_EXECUTABLE_PATH to use a desktop VS Code)`);
    return undefined;
  }
}

/** Runs the suite in desktop VS Code via @vscode/test-electron. Returns the per-test results. */
export async function runSuiteInDesktop({ executable, vsix, suiteJs, workspace, tmpRoot, repo, log }) {
  const { runTests, resolveCliArgsFromVSCodeExecutablePath } = await import('@vscode/test-electron');
  const { spawnSync } = await import('node:child_process');
  const userData = path.join(tmpRoot, 'desktop-user-data');
  const extensions = path.join(tmpRoot, 'desktop-extensions');
  const resultsFile = path.join(tmpRoot, 'suite-results.json');
  writeUserSettings(userData, { 'editor.wordBasedSuggestions': 'off' });
  const [cli] = resolveCliArgsFromVSCodeExecutablePath(executable);
  const dirArgs = [`--extensions-dir=${extensions}`, `--user-data-dir=${userData}`];
  log(`installing ${path.basename(vsix)} into ${executable}`);
  const installed = spawnSync(cli, [...dirArgs, '--install-extension', vsix, '--force'], { encoding: 'utf8' });
  if (installed.status !== 0) throw new Error(`installing the .vsix failed:\n${installed.stdout}${installed.stderr}`);
  if (process.platform === 'linux' && !process.env.DISPLAY) log('warning: DISPLAY is not set; desktop VS Code needs an X server (e.g. run under xvfb-run)');
  let error = 'the suite wrote no results';
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: writeHarness(path.join(tmpRoot, 'harness')),
      extensionTestsPath: suiteJs,
      extensionTestsEnv: { GOAL_DOCS_E2E_RESULTS: resultsFile, GOAL_DOCS_E2E_REPO: repo, GOAL_DOCS_E2E_GREP: process.env.GOAL_DOCS_E2E_GREP ?? '' },
      launchArgs: [workspace, ...dirArgs, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } catch (err) {
    error = `${error}: ${err.message ?? err}`;
  }
  return readResults(resultsFile, error);
}
