// (b) A team's .goal-docs.json in the workspace folder: editing it changes a goal doc's diagnostics
// with no restart (the client's file watcher tells the server), and a key it should not have shows
// in the Problems panel twice over: VS Code's JSON validation against the extension's schema, and
// Goal Docs' own diagnostic on that key.
import * as vscode from 'vscode';
import { closeAll, codeOf, describeDiagnostics, docUri, openDoc, SOURCE, waitFor, waitForDiagnostics } from './helpers';

const CONFIG = '.goal-docs.json';

async function writeConfig(text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(docUri(CONFIG), new TextEncoder().encode(text));
}

describe('.goal-docs.json', () => {
  after(async () => {
    await closeAll();
    await vscode.workspace.fs.delete(docUri(CONFIG)).then(undefined, () => undefined);
  });

  it('turns a rule off for the workspace, and on again when it is edited, without a restart', async () => {
    const { document } = await openDoc('goals_completed.md');
    const has = (code: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === code);
    await waitForDiagnostics(document.uri, 'goal.owner-missing before the file', has('goal.owner-missing'));

    await writeConfig(JSON.stringify({ rules: { 'goal.owner-missing': 'off' } }, null, 2));
    await waitForDiagnostics(document.uri, 'goal.owner-missing to go, other rules staying', (ds) => !has('goal.owner-missing')(ds) && has('toc.missing-entry')(ds));

    await writeConfig(JSON.stringify({ rules: { 'goal.owner-missing': 'error' } }, null, 2));
    const back = await waitForDiagnostics(document.uri, 'goal.owner-missing back, as an error', (ds) =>
      ds.some((d) => codeOf(d) === 'goal.owner-missing' && d.severity === vscode.DiagnosticSeverity.Error),
    );
    console.log(`    counts: ${back.filter((d) => codeOf(d) === 'goal.owner-missing').length} goal.owner-missing errors once the file says so`);
  });

  it('shows a key it does not have in the Problems panel: from its JSON schema, and from Goal Docs, on that key', async () => {
    await writeConfig('{\n  "rules": { "goal.owner-missing": "off" },\n  "colour": "red"\n}\n');
    const uri = docUri(CONFIG);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const both = await waitFor(
      'a problem on "colour" from the JSON schema and one from Goal Docs',
      () => {
        const ds = vscode.languages.getDiagnostics(uri).filter((d) => d.range.start.line === 2);
        const schema = ds.find((d) => d.source !== SOURCE && /colour/.test(d.message));
        const ours = ds.find((d) => d.source === SOURCE && codeOf(d) === 'config.ignored');
        return schema && ours ? { schema, ours } : undefined;
      },
      { events: [vscode.languages.onDidChangeDiagnostics], describeLast: () => describeDiagnostics(vscode.languages.getDiagnostics(uri)) + ' ' + vscode.languages.getDiagnostics(uri).map((d) => `${d.source}: ${d.message}`).join(' | ') },
    );
    console.log(`    counts: schema says "${both.schema.message}"; Goal Docs says "${both.ours.message.slice(0, 40)}…"`);
  });
});
