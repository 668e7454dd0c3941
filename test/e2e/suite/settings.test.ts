// (b) A change to `goalDocs.rules` reaches the server: turning a rule off removes its diagnostics,
// turning it back on restores them.
import * as vscode from 'vscode';
import { closeAll, codeOf, openDoc, waitForDiagnostics } from './helpers';

describe('settings', () => {
  after(async () => {
    await vscode.workspace.getConfiguration('goalDocs').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAll();
  });

  it('goalDocs.rules {"goal.owner-missing": "off"} removes that diagnostic, and only that', async () => {
    const { document } = await openDoc('goals_completed.md');
    const has = (code: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === code);
    await waitForDiagnostics(document.uri, 'goal.owner-missing before the change', has('goal.owner-missing'));

    await vscode.workspace.getConfiguration('goalDocs')
      .update('rules', { 'goal.owner-missing': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(document.uri, 'goal.owner-missing to go, other rules staying',
      (ds) => !has('goal.owner-missing')(ds) && has('toc.missing-entry')(ds));

    await vscode.workspace.getConfiguration('goalDocs').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(document.uri, 'goal.owner-missing to come back once the setting is removed', has('goal.owner-missing'));
  });
});
