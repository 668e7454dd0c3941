// Drives the built server over stdio through code actions: the lightbulb's quick fixes, the
// "Mark milestone done" action, "Fix all", and goalDocs.markDoneWithVersion applying its edit
// through workspace/applyEdit as an editor would.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { applyEdits } from '../support/fixture';
import { type LspSession, openDocument, startServer } from '../support/lspClient';

const TEXT = [
  '# Ledger goals',
  '',
  'See [the close](#Month-end-close-takes-one-day).',
  '',
  '### Month-end close takes one day',
  '',
  '- **Owner**: Priya',
  '- **Milestones**:',
  '  - ~~Publish the list.~~ Done: 25.04',
  '  - Match partial refunds. **In progress**',
  '',
].join('\n');

describe('code actions over stdio', () => {
  let session: LspSession;
  let folder: string;
  let uri: string;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'goal-docs-actions-'));
    uri = pathToFileURL(path.join(folder, 'goals.md')).href;
    session = await startServer({ rootUri: pathToFileURL(folder).href });
    openDocument(session, uri, TEXT, 7);
  });
  after(async () => {
    await session?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const codeActions = (line: number, diagnostics: Diagnostic[] = [], only?: string[]) =>
    session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line, character: 4 }, end: { line, character: 4 } },
      context: { diagnostics, ...(only ? { only } : {}) },
    });
  const applied = (action: CodeAction) => {
    const change = action.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri, version: 7 });
    return applyEdits(TEXT, change.edits as TextEdit[]);
  };

  it('marks the milestone under the cursor done, tied to the document version', async () => {
    const actions = await codeActions(9);
    const mark = actions.find((a) => a.title === 'Mark milestone done')!;
    assert.equal(mark.kind, 'quickfix');
    assert.equal(applied(mark), TEXT.replace('  - Match partial refunds. **In progress**', '  - ~~Match partial refunds.~~ Done: 25.04'));
  });

  it("fixes a diagnostic it is given, reading the diagnostic's data", async () => {
    const report = await session.connection.sendRequest<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    const anchor = report.items.find((d) => d.code === 'anchor.case')!;
    const [fix] = (await codeActions(2, [anchor])).filter((a) => a.diagnostics?.length);
    assert.equal(fix.title, 'Change to #month-end-close-takes-one-day');
    assert.equal(applied(fix), TEXT.replace('(#Month-end', '(#month-end'));
    const all = await codeActions(0, [], ['source.fixAll']);
    assert.deepEqual(all.map((a) => a.kind), ['source.fixAll.goalDocs']);
  });

  interface ApplyWorkspaceEditParams {
    label?: string;
    edit: WorkspaceEdit;
  }

  it('goalDocs.markDoneWithVersion answers the inferred version, then applies the chosen one', async () => {
    const args = { uri, version: 7, lines: [9] };
    const asked = await session.connection.sendRequest<{ inferredVersion: string }>('workspace/executeCommand', { command: 'goalDocs.markDoneWithVersion', arguments: [args] });
    assert.deepEqual(asked, { inferredVersion: '25.04' });
    let edit: ApplyWorkspaceEditParams | undefined;
    const handler = session.connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
      edit = params;
      return { applied: true };
    });
    try {
      const result = await session.connection.sendRequest<{ applied?: boolean }>('workspace/executeCommand', {
        command: 'goalDocs.markDoneWithVersion',
        arguments: [{ ...args, stampVersion: '25.06' }],
      });
      assert.equal(result.applied, true);
      const change = edit!.edit.documentChanges![0] as TextDocumentEdit;
      assert.equal(applyEdits(TEXT, change.edits as TextEdit[]), TEXT.replace('  - Match partial refunds. **In progress**', '  - ~~Match partial refunds.~~ Done: 25.06'));
    } finally {
      handler.dispose();
    }
  });
});
