// (c) After `](#` the server offers the document's anchors, as GitHub spells them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, openDoc, waitFor } from './helpers';

function textsOf(item: vscode.CompletionItem): string[] {
  const label = typeof item.label === 'string' ? item.label : item.label.label;
  const insert = item.insertText instanceof vscode.SnippetString ? item.insertText.value : item.insertText;
  const edit = item.textEdit?.newText;
  return [label, insert, edit, item.filterText].filter((t): t is string => typeof t === 'string');
}

describe('anchor completion', () => {
  after(closeAll);

  it("offers the document's heading anchors after ](#", async () => {
    const editor = await openDoc('goals_completed.md');
    const doc = editor.document;
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const typed = '\nSee [the first quarter](#';
    assert.ok(await editor.edit((b) => b.insert(end, typed)), 'could not type into the document');
    const at = doc.lineAt(doc.lineCount - 1).range.end;

    const wanted = ['fy-23-q1', 'nightly-reconciliation-finishes-before-the-morning-close'];
    let last: string[] = [];
    await waitFor(`completion items for ${wanted.join(', ')}`, async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider', doc.uri, at, '#');
      last = (list?.items ?? []).flatMap(textsOf);
      return wanted.every((w) => last.some((t) => t.includes(w))) ? true : undefined;
    }, { describeLast: () => (last.length ? last.slice(0, 20).join(' | ') : 'no completion items (is completion implemented in the server?)') });
  });
});
