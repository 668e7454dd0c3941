// (e) References and workspace symbols beside VS Code's built-in Markdown ones: a goal heading
// linked once from another file has one reference there, and Ctrl+T lists the goal once.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { basename, closeAll, openDoc, positionOf, repeated, waitFor } from './helpers';

const GOAL = 'Nightly reconciliation finishes before the morning close';

describe('references and workspace symbols', () => {
  after(closeAll);

  it('finds the one link to a goal heading from goals.md once', async () => {
    const { document } = await openDoc('goals_completed.md');
    const at = positionOf(document, `#### ${GOAL}`, '#### Nightly'.length);
    let last: vscode.Location[] = [];
    const where = (l: vscode.Location) => `${basename(l.uri)}:${l.range.start.line + 1}:${l.range.start.character + 1}`;
    await waitFor('a reference from goals.md', async () => {
      last = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, at)) ?? [];
      return last.some((l) => basename(l.uri) === 'goals.md') ? true : undefined;
    }, { describeLast: () => last.map(where).join(', ') || 'no references' });
    const fromGoals = last.filter((l) => basename(l.uri) === 'goals.md');
    assert.equal(fromGoals.length, 1, `the link in goals.md is reported ${fromGoals.length} times: ${fromGoals.map(where).join(', ')}`);
    // The heading itself may come back as its own declaration, but nothing twice.
    assert.deepEqual(repeated(last.map((l) => `${basename(l.uri)}:${l.range.start.line}`)), [], `a line reported twice: ${last.map(where).join(', ')}`);
    console.log(`e2e-count: references to '${GOAL}': ${last.length} (${last.map(where).join(', ')})`);
  });

  it('lists the goal once in the workspace symbols', async () => {
    let names: string[] = [];
    await waitFor('workspace symbols for the goal', async () => {
      const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Nightly reconciliation');
      names = (symbols ?? []).filter((s) => basename(s.location.uri) === 'goals_completed.md').map((s) => s.name.replace(/^#+\s*/, ''));
      return names.includes(GOAL) ? true : undefined;
    }, { describeLast: () => names.join(' | ') || 'no symbols' });
    assert.deepEqual(names.filter((n) => n === GOAL), [GOAL], `the goal is listed ${names.filter((n) => n === GOAL).length} times`);
  });
});
