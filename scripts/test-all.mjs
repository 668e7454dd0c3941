// `npm test`: every test stage in turn — unit, corpus and LSP-level tests; the grammar's scope
// snapshots; the end-to-end tests in a real VS Code; the same in a browser (test/web) — then one
// closing line with the totals.
// Each stage's output is shown as it runs; counts are read from each runner's own summary.
// `pretest` has type-checked and built dist/ once; the e2e stage packages that build as it is.
import { spawn } from 'node:child_process';

const stages = [
  // The folders of unit and LSP tests are test-unit.mjs's own default, named there only.
  { name: 'unit', cmd: ['node', 'scripts/test-unit.mjs'], count: (out) => ({ passed: last(out, /^ℹ pass (\d+)/m), failed: last(out, /^ℹ fail (\d+)/m) }) },
  { name: 'grammar', cmd: ['npm', 'run', '--silent', 'test:grammar'], count: (out) => ({ passed: (out.match(/^✓ /gm) ?? []).length, failed: (out.match(/^✗ /gm) ?? []).length }) },
  { name: 'e2e', cmd: ['sh', '-c', 'npm run --silent vsix && node test/e2e/run.mjs'], count: (out) => ({ passed: last(out, /^e2e: (\d+) passed/m), failed: last(out, /^e2e: \d+ passed, (\d+) failed/m) }) },
  // In a browser: the server in a Web Worker of Chromium, the suite and a UI check in the web worker extension host.
  { name: 'web', cmd: ['sh', '-c', 'npm run --silent vsix && node test/web/run.mjs'], count: (out) => ({ passed: last(out, /^web: (\d+) passed/m), failed: last(out, /^web: \d+ passed, (\d+) failed/m) }) },
];

function last(out, re) {
  const all = [...out.matchAll(new RegExp(re.source, 'gm'))];
  return all.length ? Number(all[all.length - 1][1]) : 0;
}

function run(cmd) {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const summary = [];
for (const stage of stages.filter((s) => only.length === 0 || only.includes(s.name))) {
  console.log(`\n=== ${stage.name} tests ===`);
  const { code, out } = await run(stage.cmd);
  const c = stage.count(out);
  // A stage that fails without reporting a failed test still counts as one failure.
  if (code !== 0 && c.failed === 0) c.failed = 1;
  passed += c.passed;
  failed += c.failed;
  summary.push(`${stage.name}: ${c.passed} passed, ${c.failed} failed${code !== 0 ? ` (exit ${code})` : ''}`);
}
console.log('\n' + summary.join('\n'));
console.log(`all: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
