// (f) "Mark milestone done" strikes an open milestone and stamps it in the document's style.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, openDoc, positionOf, waitFor } from './helpers';

describe('quick fix', () => {
  after(closeAll);

  it('"Mark milestone done" strikes and stamps an open milestone', async () => {
    const editor = await openDoc('goals.md');
    const doc = editor.document;
    const milestone = 'Match partial refunds to their original payments automatically.';
    const start = positionOf(doc, milestone, 0);
    const range = new vscode.Range(start, start.translate(0, 5));
    editor.selection = new vscode.Selection(range.start, range.start);

    let titles: string[] = [];
    const action = await waitFor('a "Mark milestone done" quick fix', async () => {
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider', doc.uri, range, vscode.CodeActionKind.QuickFix.value);
      titles = (actions ?? []).map((a) => a.title);
      return (actions ?? []).find((a): a is vscode.CodeAction => 'title' in a && /^mark milestone done$/i.test(a.title));
    }, { describeLast: () => (titles.length ? titles.join(' | ') : 'no quick fixes (is "Mark milestone done" implemented in the server?)') });

    if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), 'applying the quick fix failed');
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    const line = doc.lineAt(start.line).text;
    // The page stamps done items as `~~…~~ Done: 25.04`.
    assert.match(line, /^ {2}- ~~Match partial refunds to their original payments automatically\.~~ Done: \S+$/);
  });
});
