// (g) A goal moved to the completed page in a real VS Code: the lightbulb offers the move on the
// goal's heading and asks for the quarter first (the client's quick pick; the UI test picks one
// like a person), the command files it under the quarter given, and both pages, and the page
// that links to the goal, read back right.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, docUri, lineOf, openDoc, positionOf, waitFor } from './helpers';

const GOAL = 'Ledger API has a versioned public contract';

describe('move goal to the completed page', () => {
  after(closeAll);

  it('is offered on the goal heading as refactor.move, asking for the quarter in VS Code', async () => {
    const editor = await openDoc('goals.md');
    const at = positionOf(editor.document, `### ${GOAL}`, 8);
    let titles: string[] = [];
    const move = await waitFor('a "Move goal to goals_completed.md" action', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(at, at), vscode.CodeActionKind.RefactorMove.value);
      titles = (actions ?? []).map((a) => a.title);
      return (actions ?? []).find((a) => a.title.startsWith('Move goal to goals_completed.md ('));
    }, { describeLast: () => titles.join(' | ') || 'no refactor.move actions' });
    assert.equal(move.kind?.value, 'refactor.move');
    // The server's edit is replaced by the client's quick pick of the quarter.
    assert.equal(move.edit, undefined);
    assert.equal(move.command?.command, 'goalDocs.moveGoalToCompleted');
    assert.deepEqual(move.command?.arguments, [{ uri: editor.document.uri.toString(), version: editor.document.version, line: at.line }]);
  });

  it('files the goal under the quarter given, one level below it, with the TOC and the link from platform_goals.md following', async () => {
    const goals = (await openDoc('goals.md')).document;
    const line = lineOf(goals, `### ${GOAL}`);
    const result = await vscode.commands.executeCommand<{ applied?: boolean; message?: string }>('goalDocs.moveGoal', { uri: goals.uri.toString(), version: goals.version, line, quarter: 'FY25 Q1' });
    assert.equal(result?.applied, true, result?.message ?? JSON.stringify(result));

    assert.ok(!goals.getText().includes(GOAL), 'the goal is still in goals.md');
    const completed = await vscode.workspace.openTextDocument(docUri('goals_completed.md'));
    const text = completed.getText();
    const heading = lineOf(completed, `#### ${GOAL}`);
    assert.equal(completed.lineAt(heading - 2).text, '### FY-25-Q1', 'under its quarter, written as the page writes quarters');
    assert.equal(completed.lineAt(heading - 4).text, '## 2025', 'under a new year heading');
    assert.ok(lineOf(completed, '## 2025') < lineOf(completed, '## 2024'), 'newest first, as the page lists');
    assert.ok(text.includes('- [**2025**](#2025)\n  - [FY-25-Q1](#fy-25-q1)\n- [**2024**](#2024)'), text.split('\n').slice(4, 18).join('\n'));
    const platform = await vscode.workspace.openTextDocument(docUri('platform_goals.md'));
    assert.ok(platform.getText().includes('(goals_completed.md#ledger-api-has-a-versioned-public-contract)'), platform.getText().split('\n').slice(0, 5).join('\n'));
  });
});
