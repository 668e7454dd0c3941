// The UI test: code-server in Chromium, used the way a person uses VS Code (Explorer clicks,
// keyboard shortcuts), against the installed .vsix with VS Code's own Markdown features on.
// Each step waits on what the screen shows, with a deadline; screenshots go to `screenshotDir`.
// The selectors are VS Code 1.139's internal class names: the code-server version is pinned.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeServerDirs, installVsix, startCodeServer } from '../../scripts/host/code-server.mjs';
import { launchChromium } from './browser.mjs';
import { writeUserSettings } from './extension-host.mjs';

const STEP_TIMEOUT_MS = 45_000;

export async function runUiTest({ host, vsix, workspace, tmpRoot, screenshotDir, failureDir, log }) {
  const dirs = codeServerDirs(path.join(tmpRoot, 'ui-host'));
  writeUserSettings(dirs.userData, {
    'workbench.colorTheme': 'Default Light Modern',
    'editor.minimap.enabled': false,
    'editor.fontSize': 14,
    'window.commandCenter': false,
    'workbench.layoutControl.enabled': false,
    'outline.collapseItems': 'alwaysExpand',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
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
    const ui = new Workbench(page, screenshotDir);
    const step = async (title, fn) => {
      const t = Date.now();
      try {
        await fn();
        results.push({ title: `UI ${title}`, state: 'passed', ms: Date.now() - t });
        return true;
      } catch (err) {
        fs.mkdirSync(failureDir, { recursive: true });
        const kept = path.join(failureDir, `ui-failure-${results.length + 1}.png`);
        await page.screenshot({ path: kept }).catch(() => {});
        results.push({ title: `UI ${title}`, state: 'failed', error: `${err.message.split('\n').slice(0, 6).join('\n')}\n(screenshot: ${kept})` });
        return false;
      }
    };

    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    const opened = await step('opens goals_completed.md from the Explorer', async () => {
      await ui.openFromExplorer('goals_completed.md', 'Ledger team completed goals');
    });
    await step('shows a squiggle and the problem in the Problems panel', async () => {
      if (!opened) throw new Error('skipped: the document did not open');
      await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor({ state: 'attached' });
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'has no entry in the table of contents' });
      await row.first().waitFor();
      const text = await row.first().innerText();
      if (!/toc\.missing-entry/.test(text)) throw new Error(`the Problems row does not show the code toc.missing-entry: ${text}`);
      await ui.screenshot('problems.png');
      await ui.runCommand('View: Hide Panel');
    });
    await step('shows years › quarters › goals in the Outline', async () => {
      if (!opened) throw new Error('skipped: the document did not open');
      await ui.runCommand('Explorer: Focus on Outline View');
      // Give the Outline the side bar: fold the file list away and widen the bar.
      await page.locator('.pane-header', { hasText: path.basename(workspace) }).first().click();
      await ui.widenSideBar(440);
      const rows = page.locator('.outline-pane .monaco-list-row');
      // Our tree nests goals under quarters under years (VS Code's Markdown outline nests headings too,
      // but names its entries differently; see the test's check of levels below).
      const goal = rows.filter({ hasText: 'Nightly reconciliation finishes before the morning close' });
      await goal.first().waitFor();
      const levels = await ui.outlineLevels(['2024', 'FY-24-Q4', 'Nightly reconciliation finishes before the morning close']);
      if (!levels) throw new Error(`no Outline rows nest 2024 › FY-24-Q4 › Nightly reconciliation…; rows:\n${(await rows.allInnerTexts()).join(' | ')}`);
      await ui.screenshot('outline.png');
      await page.locator('.pane-header', { hasText: path.basename(workspace) }).first().click();
    });
    const goalsOpened = await step('opens goals.md and goes to an open milestone', async () => {
      await ui.openFromExplorer('goals.md', 'Ledger team goals');
      await ui.goToLine(lineNumberOf(path.join(workspace, 'goals.md'), 'Match partial refunds'));
    });
    await step('Ctrl+. offers "Mark milestone done", which strikes and stamps the milestone', async () => {
      if (!goalsOpened) throw new Error('skipped: goals.md did not open');
      await page.keyboard.press('Control+.');
      const item = page.locator('.action-widget .monaco-list-row', { hasText: /Mark milestone done(?! with)/ });
      try {
        await item.first().waitFor();
      } catch {
        const offered = await page.locator('.action-widget .monaco-list-row').allInnerTexts().catch(() => []);
        throw new Error(`no "Mark milestone done" in the Ctrl+. menu; it offers: ${offered.join(' | ') || 'nothing'}`);
      }
      await ui.screenshot('lightbulb.png');
      await item.first().click();
      const line = page.locator('.monaco-editor .view-line', { hasText: 'Match partial refunds' });
      await line.filter({ hasText: /Done:/ }).first().waitFor();
      await page.keyboard.press('Control+s');
      const file = path.join(workspace, 'goals.md');
      const expected = /^ {2}- ~~Match partial refunds to their original payments automatically\.~~ Done: \S+$/;
      await waitUntil('goals.md saved with the milestone marked done', () => expected.test(lineOf(file, 'Match partial refunds')),
        () => lineOf(file, 'Match partial refunds'));
    });
    await step('suggests anchors after ](#', async () => {
      await ui.openFromExplorer('goals_completed.md', 'Ledger team completed goals');
      await ui.focusEditor();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('See [the first quarter](#');
      const suggestion = page.locator('.suggest-widget.visible .monaco-list-row', { hasText: 'fy-23-q1' });
      try {
        await suggestion.first().waitFor({ timeout: 10_000 });
      } catch {
        await page.keyboard.press('Control+Space');
        await suggestion.first().waitFor();
      }
      await ui.screenshot('completion.png');
      await page.keyboard.press('Escape');
    });
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
  return results;
}

/** The workbench, seen and driven from the page. */
class Workbench {
  constructor(page, screenshotDir) {
    this.page = page;
    this.screenshotDir = screenshotDir;
  }

  async openFromExplorer(fileName, firstLineText) {
    const row = this.page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${fileName}"]`);
    await row.first().waitFor();
    await row.first().click();
    await this.page.locator('.tab.active', { hasText: fileName }).first().waitFor();
    await this.page.locator('.editor-instance .monaco-editor .view-line', { hasText: firstLineText }).first().waitFor();
  }

  async runCommand(title) {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
  }

  /** Drags the side bar's edge so that the bar is `width` pixels wide. */
  async widenSideBar(width) {
    const bar = await this.page.locator('.part.sidebar').first().boundingBox();
    const edge = bar.x + bar.width;
    await this.page.mouse.move(edge, bar.y + bar.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(bar.x + width, bar.y + bar.height / 2, { steps: 5 });
    await this.page.mouse.up();
  }

  /** Clicks into the active editor's text (VS Code on Chromium edits through EditContext, not a textarea). */
  async focusEditor() {
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await this.page.locator('.editor-instance .monaco-editor.focused').first().waitFor();
  }

  /** Puts the cursor at the end of `line` (1-based). */
  async goToLine(line) {
    await this.focusEditor();
    await this.page.keyboard.press('Control+g');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
    await this.page.locator('.monaco-editor .line-numbers.active-line-number', { hasText: String(line) }).first().waitFor();
    await this.page.keyboard.press('End');
  }

  /** The aria-levels of Outline rows naming each of `names`, if each is one level below the previous. */
  async outlineLevels(names) {
    const rows = await this.page.locator('.outline-pane .monaco-list-row').evaluateAll((els) =>
      els.map((el) => ({ level: Number(el.getAttribute('aria-level')), text: el.innerText.trim() })));
    let levels = [];
    for (let i = 0; i < rows.length; i++) {
      // A chain starting at row i: each name on a later row whose level is one more.
      const chain = [];
      let level = 0;
      for (const name of names) {
        const start = chain.length ? rows.findIndex((r, j) => j > chain.at(-1) && r.text.startsWith(name)) : i;
        const row = rows[start];
        if (!row || !row.text.startsWith(name) || (chain.length && row.level !== level + 1)) break;
        chain.push(start);
        level = row.level;
      }
      if (chain.length === names.length) {
        levels = chain.map((j) => rows[j].level);
        return levels;
      }
    }
    return undefined;
  }

  async screenshot(name) {
    await this.page.screenshot({ path: path.join(this.screenshotDir, name) });
  }
}

function lineOf(file, text) {
  return fs.readFileSync(file, 'utf8').split('\n').find((l) => l.includes(text)) ?? '(no such line)';
}

function lineNumberOf(file, text) {
  const i = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`no line of ${file} contains ${text}`);
  return i + 1;
}

async function waitUntil(what, check, describe, timeoutMs = STEP_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen: ${describe()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
