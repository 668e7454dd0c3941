// What the two end-to-end runners share (test/e2e/run.mjs in a Node extension host, test/web/run.mjs
// in a browser): the log with elapsed seconds, the results of each phase printed as they come,
// the .vsix under test, a fresh workspace per phase, and the last line `LABEL: N passed, N failed`
// with exit status 1 on any failure (a fatal error counts as one; no test run at all fails too).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The .vsix that `npm run package` built; `script` names the npm script that builds it first. */
export function findVsix(repo, script) {
  const { name, version } = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
  const vsix = path.join(repo, `${name}-${version}.vsix`);
  if (!fs.existsSync(vsix)) throw new Error(`${path.basename(vsix)} not found: run \`npm run package\` first (npm run ${script} does)`);
  return vsix;
}

/** A fresh copy of examples/ to open as the workspace, so tests may edit files. */
export function makeWorkspace(repo, tmpRoot, name) {
  const dir = path.join(tmpRoot, name);
  fs.cpSync(path.join(repo, 'examples'), dir, { recursive: true });
  return dir;
}

export function testRun(label) {
  const started = Date.now();
  const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)}s`;
  const log = (m) => console.log(`${label}: [${seconds(started)}] ${m}`);
  const results = [];
  const record = (phaseResults) => {
    for (const r of phaseResults) {
      results.push(r);
      console.log(`  ${r.state === 'passed' ? '✓' : '✗'} ${r.title}${r.ms !== undefined ? ` (${(r.ms / 1000).toFixed(1)}s)` : ''}`);
      if (r.error) console.log(r.error.split('\n').map((l) => `      ${l}`).join('\n'));
    }
  };
  /** Runs `main`, prints the summary and exits. Ctrl+C exits too, so the exit hooks stop any code-server still running. */
  const run = async (main) => {
    for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { console.error(`${label}: ${sig}, stopping`); process.exit(130); });
    let fatal;
    try {
      await main();
    } catch (err) {
      fatal = err;
      console.error(`${label}: FAILED: ${err.stack ?? err.message ?? err}`);
    }
    const passed = results.filter((r) => r.state === 'passed').length;
    const failed = results.length - passed + (fatal ? 1 : 0);
    log(`done in ${seconds(started)}`);
    console.log(`${label}: ${passed} passed, ${failed} failed`);
    process.exit(failed > 0 || passed === 0 ? 1 : 0);
  };
  return { log, seconds, record, run };
}
