// (d) The outline is years › quarters › goals, from our document symbols.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, docUri, waitFor } from './helpers';

type Tree = { name: string; children: Tree[] };

function toTree(symbols: readonly vscode.DocumentSymbol[]): Tree[] {
  // VS Code's own Markdown outline names its symbols with the heading's `#`s; ours are the others.
  return symbols.filter((s) => !s.name.startsWith('#')).map((s) => ({ name: s.name, children: toTree(s.children ?? []) }));
}

function find(nodes: Tree[], text: string): Tree | undefined {
  return nodes.find((n) => n.name.includes(text));
}

function show(nodes: Tree[], depth = 0): string {
  return nodes.map((n) => `${'  '.repeat(depth)}${n.name}\n${show(n.children, depth + 1)}`).join('');
}

describe('outline', () => {
  after(closeAll);

  it('nests goals under quarters under years', async () => {
    const uri = docUri('goals_completed.md');
    await vscode.workspace.openTextDocument(uri);
    let tree: Tree[] = [];
    const years = await waitFor('document symbols for the year 2024', async () => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      tree = toTree(symbols ?? []);
      // The page title may be the root; look for the years at the top or one level down.
      const level = find(tree, '2024') ? tree : tree.flatMap((t) => t.children);
      return find(level, '2024') ? level : undefined;
    }, { describeLast: () => (tree.length ? `\n${show(tree)}` : 'no symbols (are document symbols implemented in the server?)') });
    for (const [year, quarter, goal] of [
      ['2024', 'FY-24-Q4', 'Nightly reconciliation finishes before the morning close'],
      ['2024', 'FY-24-Q1', 'Currency rates are cached per day'],
      ['2023', 'FY-23-Q1', 'On-call handbook for ledger incidents'],
    ]) {
      const y = find(years, year);
      assert.ok(y, `no symbol for the year ${year} in\n${show(tree)}`);
      const q = find(y.children, quarter);
      assert.ok(q, `no symbol for ${quarter} under ${y.name} in\n${show(tree)}`);
      assert.ok(find(q.children, goal), `no symbol for the goal '${goal}' under ${q.name} in\n${show(tree)}`);
    }
    assert.ok(!find(years, 'Nightly reconciliation'), 'a goal sits at the level of the years');
  });
});
