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
const GOALS_VIEW_TITLE = 'Goals (Goal Docs)';
const OFFER = 'Goal Docs can complete links';

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
  // The language server writes every request it answers here (lsp/main.ts): when a menu does not
  // show, the log says whether the request reached the server and what it answered.
  const serverLog = path.join(dirs.root, 'server-requests.jsonl');
  const server = await startCodeServer(host, dirs, { env: { GOAL_DOCS_SERVER_LOG: serverLog } });
  log(`code-server ${server.url} (pid ${server.pid}); its log: ${dirs.log}`);
  fs.mkdirSync(screenshotDir, { recursive: true });
  const browser = await launchChromium();
  const results = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    const ui = new Workbench(page, screenshotDir, serverLog, log);
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
        // Close what the failed step left open (a suggest list, a peek), so the next step starts clean.
        for (let i = 0; i < 2; i++) await page.keyboard.press('Escape').catch(() => {});
        results.push({ title: `UI ${title}`, state: 'failed', error: `${err.message.split('\n').slice(0, 6).join('\n')}\n(screenshot: ${kept})` });
        return false;
      }
    };

    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    const completed = path.join(workspace, 'goals_completed.md');
    const completedHeadings = headingsOf(completed);
    const opened = await step('opens goals_completed.md from the Explorer', async () => {
      await ui.openFromExplorer('goals_completed.md', 'Ledger team completed goals');
    });
    await step("offers Goal Docs' link completion in a notification when the first goal doc opens", async () => {
      const toast = page.locator('.notification-toast', { hasText: OFFER });
      await toast.first().waitFor({ timeout: 20_000 });
      // Unanswered for now: Escape puts it away into the notification center, where it waits.
      await ui.focusEditor();
      await page.keyboard.press('Escape');
      await toast.first().waitFor({ state: 'detached' });
    });
    const skipUnlessOpened = () => { if (!opened) throw new Error('skipped: the document did not open'); };

    await step("suggests each heading once after ](# beside VS Code's own completion (the built-in's, by default)", async () => {
      skipUnlessOpened();
      const rows = await ui.suggestAfter('See [the first quarter](#', '#fy-23-q1');
      assertEachOnce(rows, completedHeadings.length, 'suggest rows');
      if (!rows.every((r) => r.startsWith('#'))) throw new Error(`Goal Docs added rows beside the built-in's: ${rows.join(' | ')}`);
      log(`counts: suggest rows after ](# in goals_completed.md (built-in): ${rows.length} for ${completedHeadings.length} headings`);
      await ui.revert();
    });
    await step("offers Goal Docs' completion once, and only the click writes markdown.suggest.paths.enabled", async () => {
      skipUnlessOpened();
      const userSettings = path.join(dirs.userData, 'User', 'settings.json');
      if (/markdown\.suggest/.test(fs.readFileSync(userSettings, 'utf8'))) throw new Error('the setting was written before the click');
      await ui.clickNotification(OFFER, "Use Goal Docs' completion");
      // The workbench may be halfway through writing the file: a read that does not parse is a miss.
      const written = () => { try { return JSON.parse(fs.readFileSync(userSettings, 'utf8'))['markdown.suggest.paths.enabled'] === false; } catch { return false; } };
      await waitUntil('markdown.suggest.paths.enabled: false in the user settings', written, () => fs.readFileSync(userSettings, 'utf8'));
    });
    await step("then suggests each heading once, Goal Docs' own (heading text, place, owners)", async () => {
      skipUnlessOpened();
      // settings.json is on disk before the workbench reloads it and before the built-in's server
      // and Goal Docs' hear of it: type again until the list is Goal Docs' alone (with a deadline).
      let rows = [];
      let last = '';
      await waitUntilAsync("Goal Docs' rows alone after ](#", async () => {
        rows = await ui.suggestAfter('See [the first quarter](#', 'FY-23-Q1').catch((err) => { last = err.message; return []; });
        if (rows.length && !rows.some((r) => r.startsWith('#'))) return true;
        if (rows.length) last = `the built-in still completes: ${rows.join(' | ')}`;
        await ui.revert();
        return false;
      }, async () => last);
      assertEachOnce(rows, completedHeadings.length, 'suggest rows');
      log(`counts: suggest rows after ](# in goals_completed.md (Goal Docs): ${rows.length} for ${completedHeadings.length} headings`);
      // Show a goal's owners and progress in the details beside the list.
      await ui.focusSuggestion('Nightly reconciliation finishes before the morning close');
      await page.locator('.suggest-details-container .docs', { hasText: 'Priya, Tomasz' }).first().waitFor();
      await ui.screenshot('completion.png');
      await ui.revert();
    });
    await step('still suggests anchors in a plain README', async () => {
      await ui.openFromExplorer('README.md', 'Tidewater Payments');
      const headings = headingsOf(path.join(workspace, 'README.md'));
      const rows = await ui.suggestAfter('See [the list](#', 'Mistakes to find');
      assertEachOnce(rows, headings.length, 'README suggest rows');
      log(`counts: suggest rows after ](# in README.md: ${rows.length} for ${headings.length} headings`);
      await ui.revert();
    });

    await step('shows a squiggle and the problem in the Problems panel', async () => {
      await ui.openFromExplorer('goals_completed.md', 'Ledger team completed goals');
      await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor({ state: 'attached' });
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'has no entry in the table of contents' });
      await row.first().waitFor();
      const text = await row.first().innerText();
      if (!/toc\.missing-entry/.test(text)) throw new Error(`the Problems row does not show the code toc.missing-entry: ${text}`);
      await ui.screenshot('problems.png');
      await ui.runCommand('View: Hide Panel');
    });
    await step('shows each heading once in the Outline, and one trail in the breadcrumbs', async () => {
      skipUnlessOpened();
      await ui.collapsePane(path.basename(workspace));
      await ui.collapsePane(GOALS_VIEW_TITLE);
      await ui.runCommand('Explorer: Focus on Outline View');
      await ui.widenSideBar(440);
      const rows = ui.paneRows('Outline');
      await rows.filter({ hasText: 'Nightly reconciliation finishes before the morning close' }).first().waitFor();
      await rows.filter({ hasText: completedHeadings.at(-1) }).first().waitFor();
      const texts = (await rows.allInnerTexts()).map((t) => t.split('\n')[0].replace(/^#+\s*/, '').trim());
      assertEachOnce(texts.filter((t) => completedHeadings.includes(t)), completedHeadings.length, 'Outline rows');
      log(`counts: Outline rows for goals_completed.md: ${texts.length} rows for ${completedHeadings.length} headings`);
      const goalLine = lineNumberOf(completed, '#### Nightly reconciliation');
      await ui.goToLine(goalLine);
      // The breadcrumbs follow the cursor 150 ms after it moves (documentSymbolsOutline.ts): until
      // then they show the line the focusing click landed on.
      let crumbs = [];
      await waitUntilAsync('the breadcrumbs of the goal heading', async () => {
        crumbs = await ui.breadcrumbs();
        return crumbs.some((c) => c.replace(/^#+\s*/, '') === 'Nightly reconciliation finishes before the morning close');
      }, async () => crumbs.join(' › '));
      const trail = crumbs.map((c) => c.replace(/^#+\s*/, ''));
      for (const name of ['2024', 'FY-24-Q4', 'Nightly reconciliation finishes before the morning close']) {
        if (trail.filter((c) => c === name).length !== 1) throw new Error(`the breadcrumbs do not show ${name} once: ${crumbs.join(' › ')}`);
      }
      log(`counts: breadcrumbs on the goal heading: ${crumbs.join(' › ')}`);
      await ui.screenshot('outline.png');
      await ui.expandPane(path.basename(workspace));
    });
    await step('shows Year › Quarter › Goal with owners and progress in the Goals view; a click reveals the heading', async () => {
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
      log(`counts: Goals view rows: ${await rows.count()} (2024 › FY-24-Q4 › goal at levels ${levels.join(', ')})`);
      await ui.screenshot('goals-view.png');
      const target = lineNumberOf(completed, '#### Currency rates are cached per day');
      await rows.filter({ hasText: 'Currency rates are cached per day' }).first().click();
      await page.locator('.monaco-editor .line-numbers.active-line-number', { hasText: String(target) }).first().waitFor();
      // A file that is no goal doc gets a word instead of a tree.
      await ui.expandPane(path.basename(workspace));
      await ui.openFromExplorer('README.md', 'Tidewater Payments');
      const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: GOALS_VIEW_TITLE }) });
      await pane.locator('.welcome-view-content', { hasText: 'is not a goal doc' }).first().waitFor();
      await ui.openFromExplorer('goals_completed.md', 'Ledger team completed goals');
    });
    await step('says in the status bar whether the file is a goal doc and why; a click offers to say so for the file', async () => {
      skipUnlessOpened();
      await ui.openFromExplorer('goals_completed.md', 'Ledger team completed goals');
      const goalDoc = await ui.goalDocStatus('Goal doc');
      if (!/^Goal Docs: a goal doc: .*quarter heading/.test(goalDoc.label)) throw new Error(`the item does not say why goals_completed.md is a goal doc: ${goalDoc.label}`);
      await ui.openFromExplorer('README.md', 'Tidewater Payments');
      const plain = await ui.goalDocStatus('Not a goal doc');
      if (!/^Goal Docs: not a goal doc: /.test(plain.label)) throw new Error(`the item does not say why README.md is no goal doc: ${plain.label}`);
      log(`counts: status bar: goals_completed.md "${goalDoc.text}" (${goalDoc.label}); README.md "${plain.text}" (${plain.label})`);
      await ui.goalDocStatusItem().click();
      const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
      await rows.filter({ hasText: 'This file is not a goal doc' }).first().waitFor();
      const offered = (await rows.allInnerTexts()).map((t) => t.split('\n')[0].trim());
      const expected = ['Treat this file as a goal doc', 'This file is not a goal doc'];
      if (offered.join(' | ') !== expected.join(' | ')) throw new Error(`the quick pick offers ${offered.join(' | ')}, not ${expected.join(' | ')}`);
      await page.keyboard.press('Escape');
      await ui.openFromExplorer('goals_completed.md', 'Ledger team completed goals');
    });
    await step('counts one reference to a goal heading linked once from another file (Shift+F12, Peek References)', async () => {
      skipUnlessOpened();
      const onGoalHeading = async () => {
        await ui.goToLine(lineNumberOf(completed, '#### Nightly reconciliation'));
        await page.keyboard.press('Home');
        for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
      };
      // Go to References goes straight to a single reference, and peeks at two or more.
      await ui.openFromExplorer('goals_completed.md', 'Ledger team completed goals');
      await onGoalHeading();
      await page.keyboard.press('Shift+F12');
      const linkLine = lineNumberOf(path.join(workspace, 'goals.md'), 'goals_completed.md#nightly-reconciliation');
      await page.locator('.tab.active', { hasText: 'goals.md' }).first().waitFor();
      await page.locator('.monaco-editor .line-numbers.active-line-number', { hasText: String(linkLine) }).first().waitFor();
      log(`counts: Shift+F12 on '#### Nightly reconciliation…': 1 reference (went straight to goals.md:${linkLine})`);
      // Peek References also lists the heading itself (the built-in's declaration): each once.
      await ui.openFromExplorer('goals_completed.md', 'Ledger team completed goals');
      await onGoalHeading();
      await ui.runCommand('Peek References');
      const title = page.locator('.peekview-widget .peekview-title');
      await waitUntilAsync('the peek to count the references', async () => /\(\d+\)/.test(await title.first().innerText().catch(() => '')),
        async () => title.first().innerText().catch(() => 'no peek'));
      const files = await page.locator('.peekview-widget .ref-tree .monaco-list-row').evaluateAll((els) => els
        .map((el) => ({ name: el.querySelector('.label-name')?.textContent?.trim(), badge: el.querySelector('.monaco-count-badge')?.textContent?.trim() }))
        .filter((r) => r.badge));
      const byFile = files.map((f) => `${f.name} ${f.badge}`).join(', ');
      log(`counts: Peek References on the goal heading: ${/References \(\d+\)/.exec(await title.first().innerText())?.[0]}: ${byFile}`);
      await ui.screenshot('references.png');
      if (byFile !== 'goals.md 1, goals_completed.md 1') throw new Error(`expected the link in goals.md once and the heading itself once: ${byFile}`);
      await page.keyboard.press('Escape');
    });
    const goalsOpened = await step('opens goals.md and goes to an open milestone', async () => {
      await ui.openFromExplorer('goals.md', 'Ledger team goals');
      await ui.goToLine(lineNumberOf(path.join(workspace, 'goals.md'), 'Match partial refunds'));
      // Answered once, the offer is not made again for another goal doc.
      if (await page.locator('.notification-toast, .notification-list-item', { hasText: OFFER }).count()) throw new Error('the completion offer was made again');
    });
    await step('Ctrl+. offers "Mark milestone done", which strikes and stamps the milestone', async () => {
      if (!goalsOpened) throw new Error('skipped: goals.md did not open');
      const item = await ui.quickFixMenu(/Mark milestone done(?! with)/, 'Mark milestone done');
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
    await step('Ctrl+. on a goal heading offers the move; the quarter quick pick files it, and both files read back', async () => {
      if (!goalsOpened) throw new Error('skipped: goals.md did not open');
      const goalsFile = path.join(workspace, 'goals.md');
      const title = 'Ledger API has a versioned public contract';
      await ui.goToLine(lineNumberOf(goalsFile, `### ${title}`));
      const item = await ui.quickFixMenu(/Move goal to goals_completed\.md/, 'Move goal to goals_completed.md');
      await item.first().click();
      // The quick pick: the inferred quarter first, the completed page's quarters, then a new one.
      const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
      await rows.filter({ hasText: 'A new quarter…' }).first().waitFor();
      const labels = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      // The goal has open milestones: it is filed as of today (the current quarter), unless chosen otherwise.
      if (!/the current quarter/.test(labels[0] ?? '') || !labels.some((l) => l.startsWith('FY-24-Q4'))) throw new Error(`the quick pick does not offer the inferred quarter first, then the page's: ${labels.join(' | ')}`);
      log(`counts: the move's quick pick: ${labels.join(' | ')}`);
      await ui.screenshot('move-goal.png');
      const input = page.locator('.quick-input-widget input');
      await input.fill('A new quarter');
      await rows.filter({ hasText: 'A new quarter…' }).first().waitFor();
      await page.keyboard.press('Enter');
      // The input box for the new quarter's label, prefilled with the inferred one.
      await waitUntilAsync('the input box prefilled with the inferred quarter', async () => /^FY-\d\d-Q\d$/.test(await input.inputValue().catch(() => '')), () => input.inputValue().catch(() => '(none)'));
      await input.fill('FY25 Q1');
      await page.keyboard.press('Enter');
      await input.waitFor({ state: 'hidden' });
      await page.locator('.editor-instance .monaco-editor .view-line', { hasText: `### ${title}` }).first().waitFor({ state: 'detached' });
      const completedFile = path.join(workspace, 'goals_completed.md');
      const platformFile = path.join(workspace, 'platform_goals.md');
      const retargeted = '(goals_completed.md#ledger-api-has-a-versioned-public-contract)';
      const saved = () => !fs.readFileSync(goalsFile, 'utf8').includes(title) && fs.readFileSync(completedFile, 'utf8').includes(`#### ${title}`) && fs.readFileSync(platformFile, 'utf8').includes(retargeted);
      // Save All while any tab is still dirty: the page the edit changed without an editor
      // (platform_goals.md) gets its tab as the edit lands, which can be after a first Save All.
      const dirtyTabs = () => page.locator('.tabs-container .tab.dirty').allInnerTexts();
      await waitUntilAsync('the three pages saved with the goal moved and the link following it', async () => {
        if (saved()) return true;
        if ((await dirtyTabs()).length) await ui.runCommand('File: Save All');
        return saved();
      }, async () => `dirty tabs: ${(await dirtyTabs()).join(', ') || 'none'}; goals.md has it: ${fs.readFileSync(goalsFile, 'utf8').includes(title)}; goals_completed.md: ${lineOf(completedFile, title)}; platform_goals.md: ${lineOf(platformFile, 'Ledger team goals')}`);
      const lines = fs.readFileSync(completedFile, 'utf8').split('\n');
      const at = lines.indexOf(`#### ${title}`);
      if (lines[at - 2] !== '### FY-25-Q1' || lines[at - 4] !== '## 2025') throw new Error(`the goal is not under ## 2025 › ### FY-25-Q1: ${lines.slice(Math.max(0, at - 4), at + 1).join(' / ')}`);
      if (!lines.includes('  - [FY-25-Q1](#fy-25-q1)')) throw new Error(`the TOC has no entry for FY-25-Q1: ${lines.slice(4, 16).join(' / ')}`);
    });
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
  return results;
}

/** The workbench, seen and driven from the page (the web UI check drives it too: test/web/ui.mjs). */
export class Workbench {
  constructor(page, screenshotDir, serverLog, log) {
    this.page = page;
    this.screenshotDir = screenshotDir;
    this.serverLog = serverLog;
    this.log = log;
  }

  /** The language server's request log (lsp/main.ts) from `since` (ms since the epoch). */
  serverRequests(since) {
    let lines = [];
    try { lines = fs.readFileSync(this.serverLog, 'utf8').trim().split('\n'); } catch { /* none yet */ }
    return lines.flatMap((l) => { try { return [JSON.parse(l)]; } catch { return []; } }).filter((e) => e.at >= since);
  }

  /**
   * Presses Ctrl+. where the cursor is, as a user does right after moving it, and returns the
   * menu row titled `title`. The editor must have the focus and the cursor (the status bar's
   * `Ln`), which is what a user sees before pressing. If no menu shows, the server's log of the
   * invoked code-action request says why: not asked, not answered, or answered without the
   * action are the product's failures; answered with it, and VS Code showed nothing, is the
   * editor dropping the answer (its own newer automatic request cancels a slower invoked one),
   * which a user meets by pressing again, so the test does too, once, and says so.
   */
  async quickFixMenu(titlePattern, title) {
    await this.page.locator('.editor-instance .monaco-editor.focused').first().waitFor();
    const rows = this.page.locator('.action-widget .monaco-list-row');
    const item = rows.filter({ hasText: titlePattern });
    for (let attempt = 1; ; attempt++) {
      const pressed = Date.now();
      await this.page.keyboard.press('Control+.');
      const shown = await item.first().waitFor({ timeout: 8_000 }).then(() => true, () => false);
      if (shown) return item;
      const offered = await rows.allInnerTexts().catch(() => []);
      const invoked = this.serverRequests(pressed).filter((e) => e.method.startsWith('textDocument/codeAction') && e.method.includes('invoked'));
      const trace = this.serverRequests(pressed - 2_000).map((e) => `${new Date(e.at).toISOString().slice(17, 23)} ${e.method} v${e.version ?? '-'} ${e.ms ?? ''}ms ${e.outcome}`).join('\n  ');
      // VS Code defers the automatic request of the cursor's last move by 500 ms and then cancels
      // an invoked one still pending (codeActionModel.ts): answered, or answered after that cancel,
      // is the editor's doing. Without a log (the server runs in the browser: test/web/ui.mjs) it
      // cannot be told apart, and the key is pressed again once all the same.
      const logged = fs.existsSync(this.serverLog);
      const answered = invoked.some((e) => /^answered [1-9]/.test(e.outcome));
      const why = `no "${title}" in the Ctrl+. menu; it offers: ${offered.join(' | ') || 'nothing'}; the server's log since 2 s before the key:\n  ${trace || (logged ? '(nothing)' : '(no server log)')}`;
      if ((logged && !answered) || attempt === 2) throw new Error(why);
      this.log(`ui: VS Code showed no menu for an invoked code-action request the server answered; pressing Ctrl+. again. ${why}`);
      await this.page.keyboard.press('Escape');
    }
  }

  async openFromExplorer(fileName, firstLineText) {
    const row = this.page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${fileName}"]`);
    await row.first().waitFor();
    await row.first().click();
    await this.page.locator('.tab.active', { hasText: fileName }).first().waitFor();
    // A document open already keeps its scroll position: go to its top.
    await this.focusEditor();
    await this.page.keyboard.press('Control+Home');
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

  /** The rows of an Explorer pane, found by its title. */
  paneRows(title) {
    return this.page.locator('.pane', { has: this.page.locator('.pane-header', { hasText: title }) }).locator('.pane-body .monaco-list-row');
  }

  async collapsePane(title) {
    const header = this.page.locator('.pane-header', { hasText: title }).first();
    if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
  }

  async expandPane(title) {
    const header = this.page.locator('.pane-header', { hasText: title }).first();
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  }

  /** The aria-levels of rows naming each of `names`, if each is one level below the previous. */
  async rowLevels(rows, names) {
    const all = await rows.evaluateAll((els) =>
      els.map((el) => ({ level: Number(el.getAttribute('aria-level')), text: el.innerText.trim() })));
    for (let i = 0; i < all.length; i++) {
      // A chain starting at row i: each name on a later row whose level is one more.
      const chain = [];
      let level = 0;
      for (const name of names) {
        const start = chain.length ? all.findIndex((r, j) => j > chain.at(-1) && r.text.startsWith(name)) : i;
        const row = all[start];
        if (!row || !row.text.startsWith(name) || (chain.length && row.level !== level + 1)) break;
        chain.push(start);
        level = row.level;
      }
      if (chain.length === names.length) return chain.map((j) => all[j].level);
    }
    return undefined;
  }

  /**
   * Types `text` on a new first line and returns the label of every row of the suggest widget
   * that opens, in order. The list shows a dozen rows at a time, so it is walked row by row.
   */
  async suggestAfter(text, expectedLabel) {
    // Reading a long list is keyboard work (the list is virtual: only the rows in view exist); if
    // the widget closes or stops following the keys half-way, that is the harness, not a count:
    // read it once more from scratch, and say so.
    for (let attempt = 1; ; attempt++) {
      const read = await this.readSuggestions(text);
      if (read.labels.length === read.size || attempt === 2) {
        if (read.labels.length < read.size) throw new Error(`read ${read.labels.length} of the ${read.size} suggest rows (${read.why}): ${read.labels.join(' | ')}`);
        if (!read.labels.includes(expectedLabel)) throw new Error(`no suggestion ${expectedLabel}: ${read.labels.join(' | ')}`);
        return read.labels;
      }
      console.log(`ui: read ${read.labels.length} of ${read.size} suggest rows (${read.why}); reading again`);
      await this.revert();
    }
  }

  /** Types `text` on a new first line and reads every row of the suggest list it opens. */
  async readSuggestions(text) {
    await this.focusEditor();
    // On a new first line: at the end of a long document, code lenses arriving after the editor
    // scrolled could push the cursor's line, and the suggest list with it, out of view.
    await this.page.keyboard.press('Control+Home');
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('ArrowUp');
    await this.page.keyboard.type(text);
    const rows = this.page.locator('.suggest-widget.visible .monaco-list-row');
    try {
      await rows.first().waitFor({ timeout: 5_000 });
    } catch {
      await this.page.keyboard.press('Control+Space');
      await rows.first().waitFor();
    }
    // The list can still grow while providers answer: its size, once it has held for 300 ms
    // (polled, at most 4 s).
    const sizeNow = async () => Number(await rows.first().getAttribute('aria-setsize'));
    let size = await sizeNow();
    let heldSince = Date.now();
    await waitUntilAsync('the suggest list to stop growing', async () => {
      const now = await sizeNow();
      if (now !== size) [size, heldSince] = [now, Date.now()];
      return Date.now() - heldSince >= 300;
    }, async () => `${size} rows`, 4_000).catch(() => { /* still growing: read what is there */ });
    const labels = new Map();
    let why = '';
    for (let i = 0; i < size; i++) {
      for (const row of await rows.evaluateAll((els) => els.map((el) => ({ at: Number(el.getAttribute('aria-posinset')), label: el.querySelector('.label-name')?.textContent ?? el.innerText })))) {
        labels.set(row.at, row.label.trim());
      }
      if (labels.size >= size) break;
      await this.page.keyboard.press('ArrowDown');
      // The list scrolls after the focus moves: wait for the focused row to be the next one.
      const focused = this.page.locator(`.suggest-widget.visible .monaco-list-row.focused[aria-posinset="${i + 2}"]`);
      const moved = await focused.waitFor({ timeout: 2_000 }).then(() => true, () => false);
      if (!moved) {
        const visible = await this.page.locator('.suggest-widget.visible').count();
        why = visible ? `the focus did not move to row ${i + 2}` : `the list closed at row ${i + 1}`;
        if (!visible) break;
      }
    }
    const all = [...labels.keys()].sort((a, b) => a - b).map((k) => labels.get(k));
    return { labels: all, size, why };
  }

  /** Moves the suggest widget's focus to the row labelled `label`. */
  async focusSuggestion(label) {
    const focused = this.page.locator('.suggest-widget.visible .monaco-list-row.focused');
    for (let i = 0; i < 40 && !(await focused.first().innerText()).includes(label); i++) await this.page.keyboard.press('ArrowDown');
    if (!(await focused.first().innerText()).includes(label)) throw new Error(`no suggestion ${label}`);
    // The details pane opens beside the list with Ctrl+Space.
    if (!(await this.page.locator('.suggest-details-container .docs').first().isVisible().catch(() => false))) await this.page.keyboard.press('Control+Space');
  }

  /** Closes the suggest widget and puts the file back as it is on disk. */
  async revert() {
    await this.page.keyboard.press('Escape');
    await this.runCommand('File: Revert File');
    await this.page.keyboard.press('Control+Home');
  }

  /** Clicks `button` on the notification that says `text`, from the toast or the notification center. */
  async clickNotification(text, button) {
    const toast = this.page.locator('.notification-toast', { hasText: text });
    try {
      await toast.first().waitFor({ timeout: 3_000 });
    } catch {
      await this.runCommand('Notifications: Show Notifications');
    }
    const notification = this.page.locator('.notification-list-item', { hasText: text }).first();
    await notification.locator('.monaco-button', { hasText: button }).first().click();
    await notification.waitFor({ state: 'detached' });
  }

  /** Goal Docs' status bar item (its id is the extension's and the item's). */
  goalDocStatusItem() {
    return this.page.locator('.statusbar-item[id="goal-docs.goal-docs.goalDocs.verdict"]');
  }

  /** Waits until Goal Docs' status bar item says `text`; returns its text and its label for screen readers (the why). */
  async goalDocStatus(text) {
    const item = this.goalDocStatusItem();
    const shown = async () => (await item.first().innerText({ timeout: 1_000 }).catch(() => '(no item)')).trim();
    await waitUntilAsync(`the status bar item to say "${text}"`, async () => (await shown()) === text, shown);
    const label = (await item.first().locator('.statusbar-item-label').getAttribute('aria-label')) ?? (await item.first().getAttribute('aria-label')) ?? '';
    return { text, label };
  }

  /** The breadcrumbs above the active editor. */
  async breadcrumbs() {
    const items = this.page.locator('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item');
    await items.last().waitFor();
    return (await items.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  }

  async screenshot(name) {
    await this.page.screenshot({ path: path.join(this.screenshotDir, name) });
  }
}

/** The texts of a file's ATX headings. */
export function headingsOf(file) {
  return fs.readFileSync(file, 'utf8').split('\n').flatMap((l) => {
    const m = /^#{1,6}\s+(.*?)\s*$/.exec(l);
    return m ? [m[1]] : [];
  });
}

/** Fails unless there are `expected` values and none twice. */
function assertEachOnce(values, expected, what) {
  const twice = values.filter((v, i) => values.indexOf(v) !== i);
  if (twice.length) throw new Error(`${what}: shown more than once: ${[...new Set(twice)].join(', ')}`);
  if (values.length !== expected) throw new Error(`${what}: ${values.length} for ${expected} headings: ${values.join(' | ')}`);
}

export function lineOf(file, text) {
  return fs.readFileSync(file, 'utf8').split('\n').find((l) => l.includes(text)) ?? '(no such line)';
}

export function lineNumberOf(file, text) {
  const i = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`no line of ${file} contains ${text}`);
  return i + 1;
}

export async function waitUntilAsync(what, check, describe, timeoutMs = STEP_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen: ${await describe()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function waitUntil(what, check, describe, timeoutMs = STEP_TIMEOUT_MS) {
  return waitUntilAsync(what, async () => check(), async () => describe(), timeoutMs);
}
