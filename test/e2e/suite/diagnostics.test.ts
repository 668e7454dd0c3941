// (a) The installed extension publishes goal-docs diagnostics for a goal doc, with the codes of
// the mistakes planted in examples/goals_completed.md, and none for an ordinary README.md.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, codeOf, describeDiagnostics, docUri, EXTENSION_ID, goalDocDiagnostics, lineOf, openDoc, positionOf, waitFor, waitForDiagnostics, withSetting } from './helpers';

/** Each planted mistake: its code and a piece of the line it is on. */
const EXPECTED: ReadonlyArray<[code: string, onLine: string]> = [
  ['link.file-missing', '[planning guide](planning.md)'],
  ['toc.entry-mismatch', '- [FY-24-Q3](#FY-24-Q2)'],
  ['milestone.struck-without-marker', '~~Backfill and repair the 41 historic entries'],
  ['milestone.done-not-struck', 'Report violations to the finance channel. Done: 24.09'],
  ['anchor.missing', '(#currency-rates-are-cached-daily)'],
  ['goal.owner-missing', '#### Currency rates are cached per day'],
  ['period.order', '### FY-23-Q3'],
  ['toc.missing-entry', '### FY-23-Q1'],
];

describe('diagnostics', () => {
  after(closeAll);

  it('comes from the installed .vsix, not from the repository', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    const repo = process.env.GOAL_DOCS_E2E_REPO;
    if (repo) assert.ok(!ext.extensionPath.startsWith(repo), `extension runs from the repository (${ext.extensionPath}), not the installed .vsix`);
  });

  it('reports the planted mistakes of goals_completed.md with their codes', async () => {
    const editor = await openDoc('goals_completed.md');
    const doc = editor.document;
    const codes = new Set(EXPECTED.map(([code]) => code));
    const diagnostics = await waitForDiagnostics(doc.uri, `diagnostics with codes ${[...codes].join(', ')}`,
      (ds) => [...codes].every((c) => ds.some((d) => codeOf(d) === c)));
    for (const [code, onLine] of EXPECTED) {
      const line = lineOf(doc, onLine);
      assert.ok(diagnostics.some((d) => codeOf(d) === code && d.range.start.line === line),
        `expected ${code} on line ${line + 1} (${onLine}); got ${diagnostics.map((d) => `${d.range.start.line + 1}:${codeOf(d)}`).join(', ')}`);
    }
    for (const d of diagnostics) assert.equal(d.source, 'goal-docs');
  });

  it('reports nothing for an ordinary README.md', async () => {
    // Open the README first, then a goal doc: once the goal doc has its diagnostics, the server
    // has had the README's turn too.
    const readme = (await openDoc('README.md')).document;
    const goals = (await openDoc('goals.md')).document;
    await waitForDiagnostics(goals.uri, 'any diagnostics', (ds) => ds.length > 0);
    await vscode.window.showTextDocument(readme);
    assert.deepEqual(goalDocDiagnostics(docUri('README.md')).map(codeOf), []);
  });
});

describe('diagnostics beside the built-in link validation (markdown.validate.enabled)', () => {
  let restore: (() => Promise<void>) | undefined;
  before(async () => {
    restore = await withSetting('markdown', 'validate.enabled', true);
  });
  after(async () => {
    await restore?.();
    await closeAll();
  });

  it('reports a broken in-page anchor once, and offers Goal Docs’ fix on the built-in’s diagnostic', async () => {
    const { document } = await openDoc('goals_completed.md');
    const line = lineOf(document, '(#currency-rates-are-cached-daily)');
    const onLine = () => vscode.languages.getDiagnostics(document.uri).filter((d) => d.range.start.line === line);
    // The built-in's diagnostic has to arrive and ours has to go: then exactly one is left. Ours
    // must have arrived too (the page's toc.entry-mismatch): on a freshly opened page the
    // built-in's pull can answer first, and "no anchor.missing" then only means "none of ours yet".
    const oursArrived = () => goalDocDiagnostics(document.uri).some((d) => codeOf(d) === 'toc.entry-mismatch');
    const [builtin, ...more] = await waitFor(`the built-in's diagnostic alone on line ${line + 1}, beside ours`, () => {
      const ds = onLine();
      return oursArrived() && ds.some((d) => codeOf(d) === 'link.no-such-header-in-own-file') && !ds.some((d) => codeOf(d) === 'anchor.missing') ? ds : undefined;
    }, { events: [vscode.languages.onDidChangeDiagnostics], describeLast: () => describeDiagnostics(vscode.languages.getDiagnostics(document.uri)) });
    assert.deepEqual(more.map(codeOf), [], `more than one diagnostic for one broken link: ${describeDiagnostics(onLine())}`);
    // A missing file, too, gets one diagnostic: the built-in's.
    const fileLine = lineOf(document, '(planning.md)');
    const onFileLine = () => vscode.languages.getDiagnostics(document.uri).filter((d) => d.range.start.line === fileLine && d.range.end.character > document.lineAt(fileLine).text.indexOf('(planning.md)'));
    await waitFor(`one diagnostic for planning.md on line ${fileLine + 1}`, () => (onFileLine().length === 1 ? true : undefined),
      { events: [vscode.languages.onDidChangeDiagnostics], describeLast: () => describeDiagnostics(onFileLine()) });
    assert.equal(codeOf(onFileLine()[0]), 'link.no-such-file');
    // Our other rules go on: the TOC's case-only link is ours alone.
    assert.ok(goalDocDiagnostics(document.uri).some((d) => codeOf(d) === 'toc.entry-mismatch'), describeDiagnostics(goalDocDiagnostics(document.uri)));
    console.log(`e2e-count: diagnostics on the broken anchor with markdown.validate.enabled: ${1 + more.length} (${codeOf(builtin)})`);

    // The hover there holds the diagnostic and nothing that repeats it; a good link gets ours.
    const hovers = (at: vscode.Position) => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
    assert.deepEqual(await hovers(builtin.range.start.translate(0, 2)), []);
    const good = positionOf(document, '(#fy-24-q4)', 3);
    const onGood = await waitFor('a hover on a good TOC link', async () => ((await hovers(good)).length ? hovers(good) : undefined));
    assert.equal(onGood.length, 1, 'one hover on a good link');

    let titles: string[] = [];
    await waitFor('"Change to #currency-rates-are-cached-per-day" on the built-in\'s diagnostic', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider', document.uri, builtin.range, vscode.CodeActionKind.QuickFix.value);
      titles = (actions ?? []).map((a) => a.title);
      return titles.includes('Change to #currency-rates-are-cached-per-day') ? true : undefined;
    }, { describeLast: () => titles.join(' | ') || 'no quick fixes' });
  });
});
