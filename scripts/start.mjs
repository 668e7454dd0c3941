// `npm start`: builds, then opens VS Code with this extension on a scratch copy of examples/,
// made afresh on every start, so that trying quick fixes (or Fix all) never edits the tracked
// examples and each start shows their deliberate mistakes again.
//  - With a desktop `code` on PATH: `code --extensionDevelopmentPath=<repo> <scratch copy>`.
//  - Otherwise: installs code-server (cached, see scripts/host/install.mjs), starts it on
//    127.0.0.1 and prints the URL to open, which loads the extension from this folder (the
//    workbench's `payload` names it as extensionDevelopmentPath; code-server honours a payload
//    only with the smoke-test driver option on, and ignores a server-side extensionDevelopmentPath).
//    Ctrl+C stops it (and its extension host and language server).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer } from './host/install.mjs';
import { codeServerDirs, startCodeServer } from './host/code-server.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = path.join(repo, 'examples');
const cache = process.env.GOAL_DOCS_HOST_CACHE || path.join(os.homedir(), '.cache', 'goal-docs-host');
const log = (m) => console.log(`start: ${m}`);

/** A fresh copy of examples/ outside the repository; the same path each time, so the editor reopens its files. */
function scratchExamples() {
  const scratch = path.join(cache, 'start-workspace', 'examples');
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.cpSync(examples, scratch, { recursive: true });
  log(`copied examples/ to ${scratch} (a scratch copy: edits there never reach the repository)`);
  return scratch;
}

/**
 * The start profile's settings: written once, then kept (layout, theme) apart from auto-save,
 * which code-server turns on by default and which is set off unless the profile says otherwise.
 */
function writeStartSettings(file) {
  let settings = {
    'workbench.startupEditor': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'telemetry.telemetryLevel': 'off',
  };
  if (fs.existsSync(file)) {
    try {
      settings = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      log(`${file} is not plain JSON (comments?); leaving it as it is`);
      return;
    }
    if ('files.autoSave' in settings) return; // the profile's own choice
  }
  settings['files.autoSave'] = 'off';
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
}

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

log('building');
const build = spawnSync(process.execPath, [path.join(repo, 'scripts', 'build.mjs')], { cwd: repo, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const workspace = scratchExamples();
if (onPath('code') && !process.env.GOAL_DOCS_USE_CODE_SERVER) {
  log(`opening desktop VS Code: code --extensionDevelopmentPath=${repo} ${workspace}`);
  const code = spawn('code', [`--extensionDevelopmentPath=${repo}`, workspace], { stdio: 'inherit' });
  code.on('exit', (status) => process.exit(status ?? 0));
} else {
  log('no desktop VS Code (`code`) on PATH: using code-server instead, the same VS Code workbench, in your browser');
  const host = await ensureCodeServer({ log: (m) => log(m) });
  // Keep the editor's state between runs (open files, layout), apart from any real profile.
  const dirs = codeServerDirs(path.join(cache, 'start-profile'));
  writeStartSettings(path.join(dirs.userData, 'User', 'settings.json'));
  const port = Number(process.env.PORT) || undefined;
  const server = await startCodeServer(host, dirs, {
    port,
    folder: workspace,
    vscodeOptions: ['enable-smoke-test-driver'],
  });
  const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${repo}`]];
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log(`\n  Goal Docs is running in VS Code (code-server) on a scratch copy of examples/ (${workspace}).\n  Open in a browser:\n\n    ${url}\n\n  Ctrl+C stops it. (code-server log: ${dirs.log})\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log('stopping code-server');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Report it if code-server dies on its own.
  const watch = setInterval(() => {
    if (server.exited && !stopping) {
      clearInterval(watch);
      console.error(`start: code-server exited (${server.exited}); see ${dirs.log}`);
      process.exit(1);
    }
  }, 1000);
}
