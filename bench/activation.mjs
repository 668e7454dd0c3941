// The extension's activation in a real VS Code (code-server 4.139.1, the e2e tests' host): a .vsix
// installed into a fresh profile each run, examples/ opened, goals.md clicked in the Explorer
// (the first Markdown file: `onLanguage:markdown` activates us), its first squiggle awaited, then
// VS Code's own figures for the extension read from Developer: Startup Performance's "Extension
// Activation Stats": three durations one after the other, Load Code (requiring dist/client.js),
// Call Activate (activate() up to its first await) and Finish Activate (from there until
// activate()'s promise settles: the language server started and initialized). VS Code's Running
// Extensions view shows Load Code + Call Activate as "Activation".
// (The time from the click to the first squiggle is not reported: in a window just opened it is
// mostly VS Code starting its extension host, seconds on this machine, before any extension runs.)
//
//   flock /tmp/goal-docs-vscode.lock node bench/activation.mjs [--vsix FILE] [--runs N] [--json OUT]
//
// Without --vsix it packages dist/ as built (npm run bench builds it for production first).
// Starts code-server: run it under the flock above, so that one VS Code runs on the machine at a time.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureCodeServer } from '../scripts/host/install.mjs';
import { codeServerDirs, installVsix, startCodeServer } from '../scripts/host/code-server.mjs';
import { launchChromium } from '../test/e2e/browser.mjs';
import { writeUserSettings } from '../test/e2e/extension-host.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION_ID = 'goal-docs.goal-docs';
const STEP_TIMEOUT_MS = 60_000;

/** The row of the Startup Performance table for `id`, as numbers. */
export function activationRow(line, id = EXTENSION_ID) {
  const cells = line.split('|').map((c) => c.trim());
  // | Extension | Eager | Load Code | Call Activate | Finish Activate | Event | By |
  if (cells[1] !== id) return undefined;
  const [loadCode, callActivate, finishActivate] = cells.slice(3, 6).map(Number);
  if (![loadCode, callActivate, finishActivate].every(Number.isFinite)) return undefined;
  return { loadCodeMs: loadCode, callActivateMs: callActivate, finishActivateMs: finishActivate, event: cells[6] };
}

async function command(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

async function oneRun(host, vsix, browser, root) {
  const dirs = codeServerDirs(path.join(root, 'host'));
  writeUserSettings(dirs.userData);
  await installVsix(host, dirs, vsix);
  const workspace = path.join(root, 'examples');
  fs.cpSync(path.join(repo, 'examples'), workspace, { recursive: true });
  const server = await startCodeServer(host, dirs);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  try {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    const row = page.locator('.explorer-folders-view .monaco-list-row[aria-label="goals.md"]');
    await row.first().waitFor();
    await row.first().click();
    // Activated and answering: the server's diagnostics are on screen.
    await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor({ state: 'attached' });

    await command(page, 'Developer: Startup Performance');
    await page.locator('.tab.active', { hasText: 'Startup Performance' }).first().waitFor();
    // The table is near the end of a long document: find our row so that the editor renders it.
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+f');
    await page.keyboard.type(`| ${EXTENSION_ID} `);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    const line = page.locator('.editor-instance .monaco-editor .view-line', { hasText: `| ${EXTENSION_ID} ` });
    await line.first().waitFor();
    const text = (await line.first().innerText()).replace(/\u00a0/g, ' ');
    const stats = activationRow(text);
    if (!stats) throw new Error(`cannot read the activation row: ${text}`);
    return stats;
  } finally {
    await page.close().catch(() => {});
    await server.stop();
  }
}

function packageVsix(dir) {
  const out = path.join(dir, 'goal-docs.vsix');
  const r = spawnSync(process.execPath, [path.join(repo, 'scripts', 'vsix.mjs'), '--out', out], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`packaging failed:\n${r.stdout}\n${r.stderr}`);
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

export async function measureActivation({ vsix, runs = 5, log = (m) => process.stderr.write(`${m}\n`) } = {}) {
  const host = await ensureCodeServer({ log: (m) => log(`activation: ${m}`) });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'goal-docs-bench-activation-'));
  const browser = await launchChromium();
  try {
    vsix ??= packageVsix(tmp);
    const results = [];
    for (let i = 0; i < runs; i++) {
      const r = await oneRun(host, vsix, browser, path.join(tmp, `run-${i + 1}`));
      log(`activation: run ${i + 1}: load code ${r.loadCodeMs} ms, call activate ${r.callActivateMs} ms, finish activate ${r.finishActivateMs} ms`);
      results.push(r);
    }
    const pick = (k) => median(results.map((r) => r[k]));
    return {
      host: 'code-server 4.139.1',
      vsix: path.basename(vsix),
      vsixBytes: fs.statSync(vsix).size,
      runs: results,
      median: { loadCodeMs: pick('loadCodeMs'), callActivateMs: pick('callActivateMs'), finishActivateMs: pick('finishActivateMs') },
      loadAverage: os.loadavg()[0],
    };
  } finally {
    await browser.close().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { vsix: { type: 'string' }, runs: { type: 'string', default: '5' }, json: { type: 'string' } } });
  const result = await measureActivation({ vsix: values.vsix && path.resolve(values.vsix), runs: Number(values.runs) });
  const m = result.median;
  console.log(`activation (${result.host}, ${result.runs.length} runs, median): load code ${m.loadCodeMs} ms + call activate ${m.callActivateMs} ms = ${m.loadCodeMs + m.callActivateMs} ms ("Activation" in Running Extensions); then ${m.finishActivateMs} ms until activate() resolves (server started); load average ${result.loadAverage.toFixed(1)}`);
  if (values.json) fs.writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
}
