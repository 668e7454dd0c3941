// The browser server bundle in a real Web Worker of Chromium: a page (workerPage.ts, bundled
// here) starts dist/browser/server.js from its URL, talks LSP to it, and answers its file-system
// requests from a repository under vscode-vfs://github/…; this side checks what the page saw and
// what the worker's own scope holds.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { launchChromium } from '../e2e/browser.mjs';

const TIMEOUT_MS = 60_000;

async function bundlePage(repo) {
  const out = await esbuild.build({
    entryPoints: [path.join(repo, 'test', 'web', 'workerPage.ts')],
    bundle: true, write: false, platform: 'browser', format: 'iife', target: 'es2022', conditions: ['worker'], logLevel: 'warning',
  });
  return out.outputFiles[0].text;
}

/** Serves the page, its script and the server bundle on 127.0.0.1, and nothing else. */
function serve(files) {
  const server = http.createServer((req, res) => {
    const file = files[new URL(req.url, 'http://x').pathname];
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function runWorkerTest({ repo, log }) {
  const results = [];
  const check = (title, fn) => {
    try {
      fn();
      results.push({ title: `worker ${title}`, state: 'passed' });
    } catch (err) {
      results.push({ title: `worker ${title}`, state: 'failed', error: err.message });
    }
  };
  const serverJs = path.join(repo, 'dist', 'browser', 'server.js');
  const server = await serve({
    '/': { type: 'text/html', body: '<!doctype html><title>Goal Docs worker test</title><script src="/page.js"></script>' },
    '/page.js': { type: 'text/javascript', body: await bundlePage(repo) },
    '/server.js': { type: 'text/javascript', body: fs.readFileSync(serverJs) },
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const workerStarted = page.waitForEvent('worker', { timeout: TIMEOUT_MS });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const worker = await workerStarted;
    log(`worker: ${worker.url()} started in Chromium ${browser.version()}`);
    const globals = await worker.evaluate(() => ({
      process: typeof process, require: typeof require, Buffer: typeof Buffer, setImmediate: typeof setImmediate, document: typeof document,
      worker: typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope,
    }));
    await page.waitForFunction(() => window.goalDocsResult !== undefined, undefined, { timeout: TIMEOUT_MS });
    const seen = await page.evaluate(() => window.goalDocsResult);
    if (seen.error) throw new Error(`the page failed: ${seen.error}`);
    const codes = seen.diagnostics.map((d) => d.code);

    check('runs dist/browser/server.js in a Web Worker of Chromium, with no Node global in its scope', () => {
      if (!globals.worker) throw new Error('the script does not run in a WorkerGlobalScope');
      const node = Object.entries(globals).filter(([k, v]) => k !== 'worker' && v !== 'undefined');
      if (node.length) throw new Error(`the worker has ${node.map(([k, v]) => `${k} (${v})`).join(', ')}`);
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    });
    check("reports the goal doc's mistakes, links to other files of the repository included", () => {
      for (const code of ['link.file-anchor-missing', 'link.file-missing', 'anchor.missing', 'goal.owner-missing']) {
        if (!codes.includes(code)) throw new Error(`no ${code} in ${codes.join(', ')}`);
      }
      if (!seen.fileRequests.some((r) => r.startsWith('goalDocs/fs/readFile vscode-vfs://github/acme/handbook/process/runbook.md'))) {
        throw new Error(`the runbook was not read through the page: ${seen.fileRequests.join(', ')}`);
      }
    });
    check('answers a keystroke without another file-system request', () => {
      if (seen.keystrokeRequests.length) throw new Error(`${seen.keystrokeRequests.length} requests: ${seen.keystrokeRequests.join(', ')}`);
    });
    check("completes another file's anchors, offers a quick fix, finds goals by name", () => {
      if (seen.completion.join() !== 'runbook,steps,restart-the-cache') throw new Error(`completion: ${seen.completion.join(', ')}`);
      if (!seen.quickFixes.includes('Change to #fy-24-q4')) throw new Error(`quick fixes: ${seen.quickFixes.join(' | ')}`);
      if (seen.symbols.map((s) => s.name).join() !== 'Card payouts in one day') throw new Error(`symbols: ${JSON.stringify(seen.symbols)}`);
    });
    check('logs no failure', () => {
      const failures = seen.log.filter((m) => /fail|error|exception/i.test(m));
      if (failures.length) throw new Error(failures.join('\n'));
    });
    log(`worker: ${seen.diagnostics.length} diagnostics, ${seen.fileRequests.length} file requests answered by the page`);
  } finally {
    await browser.close().catch(() => {});
    server.close();
  }
  return results;
}
