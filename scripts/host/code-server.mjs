// Starts and stops code-server (installed by ./install.mjs) so that everything it writes stays in
// one folder: its config, user data, extensions and the XDG/TMP dirs its children use.
// Used by test/e2e/run.mjs and scripts/start.mjs.
import { spawn, execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

// Process groups still running, killed if this process exits first (a thrown error, Ctrl+C in a
// caller that turns signals into process.exit), so no code-server outlives its runner.
const liveGroups = new Set();
process.on('exit', () => {
  for (const pgid of liveGroups) { try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ } }
});

/** A free TCP port on 127.0.0.1 (asked of the OS, so parallel runs do not collide). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The folders one code-server instance keeps its state in, created under `root`. */
export function codeServerDirs(root) {
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    xdg: path.join(root, 'xdg'),
    tmp: path.join(root, 'tmp'),
    config: path.join(root, 'config.yaml'),
    log: path.join(root, 'code-server.log'),
  };
  for (const d of [dirs.userData, dirs.extensions, dirs.xdg, dirs.tmp]) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.xdg, 'runtime'), { recursive: true, mode: 0o700 });
  // Without a config file of its own, code-server writes one into ~/.config.
  fs.writeFileSync(dirs.config, 'auth: none\ncert: false\n');
  return dirs;
}

function childEnv(dirs, extra = {}) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'),
    XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: path.join(dirs.xdg, 'cache'),
    XDG_RUNTIME_DIR: path.join(dirs.xdg, 'runtime'),
    TMPDIR: dirs.tmp,
    ...extra,
  };
}

function commonArgs(dirs) {
  return ['--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

/** Installs a .vsix into the instance's extensions dir (code-server's own CLI; no server needed). */
export function installVsix(host, dirs, vsix) {
  return new Promise((resolve, reject) => {
    execFile(host.node, [host.codeServerEntry, ...commonArgs(dirs), '--install-extension', vsix, '--force'],
      { env: childEnv(dirs), timeout: 120_000 }, (err, stdout, stderr) => {
        const out = `${stdout}${stderr}`.trim();
        if (err) reject(new Error(`installing ${vsix} failed: ${err.message}\n${out}`));
        else resolve(out);
      });
  });
}

/**
 * Starts code-server on 127.0.0.1:<port> in its own process group, waits until /healthz answers,
 * and returns { url, port, stop }. `stop()` kills the whole group: a plain SIGTERM to the server
 * leaves its extension host and our language server running for seconds.
 */
export async function startCodeServer(host, dirs, {
  port,
  folder,
  vscodeOptions = [],
  env = {},
  readyTimeoutMs = 60_000,
  inheritOutput = false,
} = {}) {
  port ??= await freePort();
  const args = [
    host.codeServerEntry,
    ...commonArgs(dirs),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--ignore-last-opened',
    ...vscodeOptions.flatMap((o) => ['--vscode-option', o]),
    ...(folder ? [folder] : []),
  ];
  const logFd = fs.openSync(dirs.log, 'a');
  const child = spawn(host.node, args, {
    env: childEnv(dirs, env),
    detached: true,
    stdio: inheritOutput ? ['ignore', 'inherit', 'inherit'] : ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  liveGroups.add(child.pid);
  let exited = null;
  child.on('exit', (code, signal) => { exited = signal ?? `exit ${code}`; });

  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopGroup(child);
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exited) throw new Error(`code-server stopped before it was ready (${exited}); log: ${dirs.log}\n${tail(dirs.log)}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer ${url}/healthz within ${readyTimeoutMs / 1000}s; log: ${dirs.log}\n${tail(dirs.log)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, port, pid: child.pid, stop, get exited() { return exited; } };
}

/** SIGTERM to the process group, then SIGKILL if anything of it is left after 5 s. */
async function stopGroup(child) {
  const pgid = child.pid;
  const alive = () => { try { process.kill(-pgid, 0); return true; } catch { return false; } };
  if (!alive()) { liveGroups.delete(pgid); return; }
  try { process.kill(-pgid, 'SIGTERM'); } catch { /* already gone */ }
  const deadline = Date.now() + 5000;
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive()) { try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ } }
  liveGroups.delete(pgid);
}

export function tail(file, lines = 30) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return ''; }
}
