// (d) Beside VS Code's built-in Markdown outline: the Outline (document symbols) lists each
// heading once, and the years › quarters › goals tree with owners and progress is the Goals view's.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, docUri, goalDocsApi, type GoalNode, headingTexts, openDoc, repeated, waitFor } from './helpers';

function flatten(symbols: readonly vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

function find(nodes: GoalNode[], label: string): GoalNode | undefined {
  return nodes.find((n) => n.label === label);
}

function show(nodes: GoalNode[], depth = 0): string {
  return nodes.map((n) => `${'  '.repeat(depth)}${n.kind} ${n.label}${n.description ? ` — ${n.description}` : ''}\n${show(n.children, depth + 1)}`).join('');
}

describe('outline and Goals view', () => {
  after(closeAll);

  it('lists each heading once in the document symbols (the Outline and breadcrumbs)', async () => {
    const { document } = await openDoc('goals_completed.md');
    const headings = headingTexts(document);
    let names: string[] = [];
    await waitFor('document symbols for every heading', async () => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      // The built-in names a heading's symbol with its `#`s; link definitions are symbols too.
      names = flatten(symbols ?? []).map((s) => s.name.replace(/^#+\s*/, '')).filter((n) => headings.includes(n));
      return names.length >= headings.length ? true : undefined;
    }, { describeLast: () => names.join(' | ') || 'no symbols' });
    assert.deepEqual(repeated(names), [], 'headings listed twice');
    assert.equal(names.length, headings.length);
    console.log(`e2e-count: goals_completed.md document symbols: ${names.length} for ${headings.length} headings`);
  });

  it('nests goals under quarters under years in the Goals view, with owners and progress', async () => {
    const api = await goalDocsApi();
    const uri = docUri('goals_completed.md');
    await vscode.workspace.openTextDocument(uri);
    const tree = await waitFor('the Goals view tree of goals_completed.md', async () => (await api.goalTree(uri)) ?? undefined);
    // The page title is the root; the years are below it.
    const years = tree.flatMap((t) => (t.kind === 'year' ? [t] : t.children));
    for (const [year, quarter, goal, description] of [
      ['2024', 'FY-24-Q4', 'Nightly reconciliation finishes before the morning close', 'Priya, Tomasz · 3/3 done'],
      ['2024', 'FY-24-Q1', 'Currency rates are cached per day', undefined],
      ['2023', 'FY-23-Q1', 'On-call handbook for ledger incidents', undefined],
    ] as const) {
      const y = find(years, year);
      assert.equal(y?.kind, 'year', `no year ${year} in\n${show(tree)}`);
      const q = find(y!.children, quarter);
      assert.equal(q?.kind, 'quarter', `no quarter ${quarter} under ${year} in\n${show(tree)}`);
      const g = find(q!.children, goal);
      assert.equal(g?.kind, 'goal', `no goal '${goal}' under ${quarter} in\n${show(tree)}`);
      if (description) assert.equal(g!.description, description);
    }
    assert.ok(!find(years, 'Nightly reconciliation finishes before the morning close'), 'a goal sits at the level of the years');
    await vscode.workspace.openTextDocument(docUri('README.md'));
    assert.equal(await api.goalTree(docUri('README.md')), null, 'a plain README is no goal doc');
  });
});
