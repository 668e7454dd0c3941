// (e) Renaming a goal heading updates the links to it in another goal doc.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, docUri, lineOf, openDoc, positionOf, waitFor } from './helpers';

describe('rename', () => {
  after(closeAll);

  it('renames a goal heading and the link to it from goals.md', async () => {
    const completed = (await openDoc('goals_completed.md')).document;
    const goals = await vscode.workspace.openTextDocument(docUri('goals.md'));
    const oldTitle = 'Nightly reconciliation finishes before the morning close';
    const newTitle = 'Nightly reconciliation finishes before opening';
    const at = positionOf(completed, `#### ${oldTitle}`, '#### Nightly'.length);

    const edit = await waitFor('a rename edit', async () => {
      const e = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
        'vscode.executeDocumentRenameProvider', completed.uri, at, newTitle);
      return e && e.size > 0 ? e : undefined;
    }, { describeLast: () => 'no rename edit (is rename implemented in the server?)' });

    const files = edit.entries().map(([uri]) => uri.path.split('/').pop());
    assert.ok(files.includes('goals_completed.md') && files.includes('goals.md'),
      `the rename should edit goals_completed.md and goals.md; it edits ${files.join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(edit), 'applying the rename edit failed');

    assert.equal(completed.lineAt(lineOf(completed, newTitle)).text, `#### ${newTitle}`);
    assert.ok(goals.getText().includes('(goals_completed.md#nightly-reconciliation-finishes-before-opening)'),
      `goals.md does not link to the new anchor:\n${goals.getText().split('\n').slice(0, 6).join('\n')}`);
    assert.ok(!goals.getText().includes('#nightly-reconciliation-finishes-before-the-morning-close'), 'goals.md still links to the old anchor');
  });
});

describe('rename beside the built-in Markdown rename', () => {
  afterEach(closeAll);

  const renameEdit = (uri: vscode.Uri, at: vscode.Position, newName: string) => waitFor('a rename edit', async () => {
    const e = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, at, newName);
    return e && e.size > 0 ? e : undefined;
  });

  it("is Goal Docs' in a goal doc: VS Code asks it first (it also renames the TOC entry's text)", async () => {
    const { document } = await openDoc('goals_completed.md');
    const edit = await renameEdit(document.uri, positionOf(document, '### FY-23-Q4', 5), 'FY-23-Q4 closed');
    assert.ok(await vscode.workspace.applyEdit(edit), 'applying the rename edit failed');
    assert.ok(document.getText().includes('[FY-23-Q4 closed](#fy-23-q4-closed)'), document.getText().split('\n').slice(5, 13).join('\n'));
  });

  it('falls through to the built-in where Goal Docs has none (a plain README)', async () => {
    const { document } = await openDoc('README.md');
    const edit = await renameEdit(document.uri, positionOf(document, '## Mistakes to find', 5), 'Mistakes');
    assert.ok(edit.get(document.uri).some((e) => e.newText.includes('Mistakes')), 'no edit of the heading');
  });
});
