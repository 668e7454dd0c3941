// The move over stdio, as another editor would use it: the code action carries the edit for the
// inferred quarter (with data for a client that asks first), and goalDocs.moveGoal answers the
// choices, then applies the move for the quarter it is given through workspace/applyEdit.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { applyEdits } from '../support/fixture';
import { type LspSession, openDocument, startServer } from '../support/lspClient';

const GOALS = '# Goals\n\nSee our [completed goals](goals_completed.md) and [the ledger](#ship-the-ledger).\n\n## Active goals\n\n### Ship the ledger\n\n- **Owner**: Priya\n- **Milestones**:\n  - ~~Load the history.~~ Done: `Dist: 2021.01.11`\n';
const COMPLETED = '# Completed goals\n\n## 2020\n\n### FY-20-Q4\n\n#### Older\n\n- **Owner**: Ann\n';

describe('goalDocs.moveGoal over stdio', () => {
  let session: LspSession;
  let folder: string;
  let goals: string;
  let completed: string;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'goal-docs-move-'));
    goals = pathToFileURL(path.join(folder, 'goals.md')).href;
    completed = pathToFileURL(path.join(folder, 'goals_completed.md')).href;
    writeFileSync(path.join(folder, 'goals.md'), GOALS);
    writeFileSync(path.join(folder, 'goals_completed.md'), COMPLETED);
    session = await startServer({ rootUri: pathToFileURL(folder).href, workspaceEdits: true });
    openDocument(session, goals, GOALS, 3);
  });
  after(async () => {
    await session?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const applied = (edit: WorkspaceEdit, uri: string, text: string) => {
    const change = (edit.documentChanges as TextDocumentEdit[]).find((c) => c.textDocument.uri === uri)!;
    return applyEdits(text, change.edits as TextEdit[]);
  };

  it('offers the move on the goal heading with the edit for the inferred quarter, versioned for both files', async () => {
    const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: goals },
      range: { start: { line: 6, character: 6 }, end: { line: 6, character: 6 } },
      context: { diagnostics: [], only: ['refactor.move'] },
    });
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred]), [['Move goal to goals_completed.md (FY-21-Q1)', 'refactor.move', true]]);
    const [move] = actions;
    assert.deepEqual(move!.data, { moveGoal: { uri: goals, version: 3, line: 6 } });
    assert.deepEqual((move!.edit!.documentChanges as TextDocumentEdit[]).map((c) => c.textDocument), [{ uri: goals, version: 3 }, { uri: completed, version: null }]);
    assert.match(applied(move!.edit!, completed, COMPLETED), /^# Completed goals\n\n## 2021\n\n### FY-21-Q1\n\n#### Ship the ledger\n/);
  });

  it('answers the choices, then applies the move under the quarter it is given, as one edit', async () => {
    const args = { uri: goals, version: 3, line: 6 };
    const choices = await session.connection.sendRequest('workspace/executeCommand', { command: 'goalDocs.moveGoal', arguments: [args] });
    assert.deepEqual(choices, { completedPage: 'goals_completed.md', createsPage: false, inferred: 'FY-21-Q1', inferredFrom: 'stamp', quarters: ['FY-20-Q4'] });
    let edit: WorkspaceEdit | undefined;
    const handler = session.connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      edit = params.edit;
      return { applied: true };
    });
    try {
      const result = await session.connection.sendRequest<{ applied?: boolean }>('workspace/executeCommand', { command: 'goalDocs.moveGoal', arguments: [{ ...args, quarter: 'Q4 2020' }] });
      assert.equal(result.applied, true);
      assert.equal(applied(edit!, goals, GOALS), '# Goals\n\nSee our [completed goals](goals_completed.md) and [the ledger](goals_completed.md#ship-the-ledger).\n\n## Active goals\n');
      assert.equal(applied(edit!, completed, COMPLETED), `${COMPLETED}\n#### Ship the ledger\n\n- **Owner**: Priya\n- **Milestones**:\n  - ~~Load the history.~~ Done: \`Dist: 2021.01.11\`\n`);
      const stale = await session.connection.sendRequest<{ message?: string }>('workspace/executeCommand', { command: 'goalDocs.moveGoal', arguments: [{ ...args, version: 2, quarter: 'Q4 2020' }] });
      assert.equal(stale.message, 'The document changed since the goal was chosen; run the command again.');
    } finally {
      handler.dispose();
    }
  });
});
