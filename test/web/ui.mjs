// The UI check in the web worker extension host: code-server in Chromium with the .vsix installed
// and "remote.extensionKind" running it in the browser, as github.dev runs it. A person opens a
// goal doc and sees its problems, the Goals view, Goal Docs' link completion and a quick fix that
// edits the page. No Goal Docs server process runs on the machine meanwhile: the answers came from
// the Web Worker. Screenshots go to `screenshotDir` (docs/ with --screenshots docs).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeServerDirs, installVsix, startCodeServer } from '../../scripts/host/code-server.mjs';
import { launchChromium } from '../e2e/browser.mjs';
import { writeUserSettings } from '../e2e/extension-host.mjs';
import { headingsOf, lineNumberOf, lineOf, waitUntil, waitUntilAsync, Workbench } from '../e2e/ui.mjs';
import { WEB_EXTENSION_KIND } from './extension-host.mjs';

const STEP_TIMEOUT_MS = 45_000;
const GOALS_VIEW_TITLE = 'Goals (Goal Docs)';

/** Processes of the machine running the installed extension's Node server (dist/server.js), if any. */
function nodeServerProcesses(extensionsDir) {
  const table = execFileSync('ps', ['-A', '-o', 'pid=,args='], { encoding: 'utf8' });
  return table.split('\n').filter((row) => row.includes(extensionsDir) && /dist\/server\.js/.test(row)).map((row) => row.trim());
}

export async function runWebUiCheck({ host, vsix, workspace, tmpRoot, screenshotDir, failureDir, log }) {
  const dirs = codeServerDirs(path.join(tmpRoot, 'web-ui-host'));
  writeUserSettings(dirs.userData, {
    ...WEB_EXTENSION_KIND,
    'workbench.colorTheme': 'Default Light Modern',
    'editor.minimap.enabled': false,
    'editor.fontSize': 14,
    'window.commandCenter': false,
    'workbench.layoutControl.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    // Goal Docs completes links (the choice its notification offers, made beforehand).
    'markdown.suggest.paths.enabled': false,
  });
  log(`installing ${path.basename(vsix)} into code-server`);
  await installVsix(host, dirs, vsix);
  const server = await startCodeServer(host, dirs);
  log(`code-server ${server.url} (pid ${server.pid}); its log: ${dirs.log}`);
  fs.mkdirSync(screenshotDir, { recursive: true });
  const browser = await launchChromium();
  const results = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    // No server log in a browser: the quick-fix helper reads an empty one.
    const ui = new Workbench(page, screenshotDir, path.join(dirs.root, 'no-server-log'), log);
    const step = async (title, fn) => {
      const t = Date.now();
      try {
        await fn();
        results.push({ title: `web UI ${title}`, state: 'passed', ms: Date.now() - t });
        return true;
      } catch (err) {
        fs.mkdirSync(failureDir, { recursive: true });
        const kept = path.join(failureDir, `web-ui-failure-${results.length + 1}.png`);
        await page.screenshot({ path: kept }).catch(() => {});
        for (let i = 0; i < 2; i++) await page.keyboard.press('Escape').catch(() => {});
        results.push({ title: `web UI ${title}`, state: 'failed', error: `${err.message.split('\n').slice(0, 6).join('\n')}\n(screenshot: ${kept})` });
        return false;
      }
    };

    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    const completed = path.join(workspace, 'goals_completed.md');
    const opened = await step('opens goals_completed.md and shows its problems, with their codes', async () => {
      await ui.openFromExplorer('goals_completed.md', 'Ledger team completed goals');
      await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor({ state: 'attached' });
      await page.keyboard.press('Control+Shift+M');
      for (const [text, code] of [['has no entry in the table of contents', 'toc.missing-entry'], ['planning.md', 'link.file-missing']]) {
        const row = page.locator('.markers-panel .monaco-list-row', { hasText: text });
        await row.first().waitFor();
        const shown = await row.first().innerText();
        if (!shown.includes(code)) throw new Error(`the Problems row does not show the code ${code}: ${shown}`);
      }
      await ui.screenshot('web-problems.png');
      await ui.runCommand('View: Hide Panel');
    });
    const skipUnlessOpened = () => { if (!opened) throw new Error('skipped: the document did not open'); };

    await step('shows Year › Quarter › Goal with owners and progress in the Goals view', async () => {
      skipUnlessOpened();
      await ui.collapsePane(path.basename(workspace));
      await ui.collapsePane('Outline');
      await ui.expandPane(GOALS_VIEW_TITLE);
      await ui.widenSideBar(560);
      const rows = ui.paneRows(GOALS_VIEW_TITLE);
      const goal = rows.filter({ hasText: 'Nightly reconciliation finishes before the morning close' });
      await goal.first().waitFor();
      const text = await goal.first().innerText();
      if (!/Priya, Tomasz · 3\/3 done/.test(text)) throw new Error(`the goal's row does not show its owners and progress: ${text}`);
      const levels = await ui.rowLevels(rows, ['2024', 'FY-24-Q4', 'Nightly reconciliation finishes before the morning close']);
      if (!levels) throw new Error(`no Goals view rows nest 2024 › FY-24-Q4 › Nightly reconciliation…; rows:\n${(await rows.allInnerTexts()).join(' | ')}`);
      await ui.screenshot('web-goals-view.png');
      await ui.collapsePane(GOALS_VIEW_TITLE);
      await ui.expandPane(path.basename(workspace));
    });

    await step("completes anchors with Goal Docs' rows: each heading once, with its owners", async () => {
      skipUnlessOpened();
      const rows = await ui.suggestAfter('See [the first quarter](#', 'FY-23-Q1');
      const headings = headingsOf(completed);
      if (rows.length !== headings.length || new Set(rows).size !== rows.length) throw new Error(`${rows.length} rows for ${headings.length} headings: ${rows.join(' | ')}`);
      if (rows.some((r) => r.startsWith('#'))) throw new Error(`the built-in completes too: ${rows.join(' | ')}`);
      await ui.focusSuggestion('Nightly reconciliation finishes before the morning close');
      await page.locator('.suggest-details-container .docs', { hasText: 'Priya, Tomasz' }).first().waitFor();
      await ui.screenshot('web-completion.png');
      await ui.revert();
    });

    await step('Ctrl+. on an open milestone offers "Mark milestone done", which strikes and stamps it in the file', async () => {
      const goals = path.join(workspace, 'goals.md');
      await ui.openFromExplorer('goals.md', 'Ledger team goals');
      await ui.goToLine(lineNumberOf(goals, 'Match partial refunds'));
      const item = await ui.quickFixMenu(/Mark milestone done(?! with)/, 'Mark milestone done');
      await ui.screenshot('web-lightbulb.png');
      await item.first().click();
      await page.locator('.monaco-editor .view-line', { hasText: 'Match partial refunds' }).filter({ hasText: /Done:/ }).first().waitFor();
      await page.keyboard.press('Control+s');
      const expected = /^ {2}- ~~Match partial refunds to their original payments automatically\.~~ Done: \S+$/;
      await waitUntil('goals.md saved with the milestone marked done', () => expected.test(lineOf(goals, 'Match partial refunds')), () => lineOf(goals, 'Match partial refunds'));
    });

    await step('lists Goal Docs among the running extensions of the web worker host', async () => {
      await ui.runCommand('Developer: Show Running Extensions');
      const rows = page.locator('.runtime-extensions-editor .monaco-list-row');
      const row = rows.filter({ hasText: 'Goal Docs' });
      // The list is sorted by activation time and only its rows in view exist: on a busy machine
      // the built-ins take longer to activate and Goal Docs' row starts below the view.
      await rows.first().waitFor();
      await waitUntilAsync('Goal Docs among the running extensions', async () => {
        if (await row.count()) return true;
        await rows.first().hover();
        await page.mouse.wheel(0, 200);
        return (await row.count()) > 0;
      }, async () => (await rows.allInnerTexts()).map((t) => t.split('\n')[0]).join(' | '));
      const shown = (await row.first().innerText()).replace(/\s+/g, ' ');
      if (!/web worker/i.test(shown)) throw new Error(`Goal Docs does not run in the web worker host: ${shown}`);
      await ui.screenshot('web-running-extensions.png');
      log(`running extensions: ${shown}`);
    });

    await step('answered from the browser: no Goal Docs server process runs on the machine', async () => {
      const running = nodeServerProcesses(dirs.extensions);
      if (running.length) throw new Error(`a Node server runs: ${running.join('\n')}`);
    });
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
  return results;
}
