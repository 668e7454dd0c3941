// Whether an open file is a goal doc, and saying so: the goalDocs/verdict request that the status
// bar item shows, and goalDocs.setGoalDocMarker applying its edit through workspace/applyEdit as
// VS Code does, for the version it was computed for. Driven over stdio.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { SET_GOAL_DOC_MARKER_COMMAND, type SetGoalDocMarkerResult, VERDICT_REQUEST, VERDICTS_CHANGED_NOTIFICATION, type VerdictResult } from '../../server/src/protocol';
import { applyEdits } from '../support/fixture';
import { type LspSession, openDocument, startServer } from '../support/lspClient';

const GOALS = '# Search goals\n\n## FY-24-Q1\n\n### Faster ranking\n\n- **Owner**: Ana\n- **Milestones**:\n  - Ship the new index\n';
const NOTES = '# Team notes\n\n## March 4, 2024\n\nWe looked at the ranking tests and who takes the index next.\n\n## March 11, 2024\n\nAna showed the new dashboard.\n\n## March 18, 2024\n\nNothing new on the index; the ranking tests pass again.\n';

describe('goalDocs/verdict and goalDocs.setGoalDocMarker over stdio', () => {
  let session: LspSession;
  const goals = 'file:///ws/search/goals.md';
  const notes = 'file:///ws/team/notes.md';
  const edits: Array<{ label?: string; edit: WorkspaceEdit }> = [];
  let verdictsChanged = 0;
  const verdict = (uri: string) => session.connection.sendRequest<VerdictResult>(VERDICT_REQUEST, { uri });
  const setMarker = (uri: string, marker: string) =>
    session.connection.sendRequest<SetGoalDocMarkerResult | null>('workspace/executeCommand', { command: SET_GOAL_DOC_MARKER_COMMAND, arguments: [{ uri, marker }] });

  before(async () => {
    session = await startServer({ rootUri: 'file:///ws', workspaceEdits: true });
    session.connection.onRequest('workspace/applyEdit', (params: { label?: string; edit: WorkspaceEdit }) => {
      edits.push(params);
      return { applied: true };
    });
    session.connection.onNotification(VERDICTS_CHANGED_NOTIFICATION, () => {
      verdictsChanged++;
    });
    openDocument(session, goals, GOALS, 3);
    openDocument(session, notes, NOTES, 5);
  });
  after(async () => {
    await session?.close();
  });

  it('answers whether an open file is a goal doc, and why, for its version', async () => {
    const g = await verdict(goals);
    assert.equal(g?.goalDoc, true);
    assert.equal(g?.reason, 'content');
    assert.equal(g?.version, 3);
    assert.match(g!.explanation, /^a goal doc: a quarter heading “FY-24-Q1”/);
    assert.deepEqual(await verdict(notes), {
      version: 5,
      goalDoc: false,
      reason: 'not-enough-content',
      explanation: 'not a goal doc: meeting notes: 3 date headings (“March 4, 2024”)',
    });
    assert.equal(await verdict('file:///ws/not-open.md'), null);
  });

  it('writes the marker as an edit of the version it read, and the file then is a goal doc', async () => {
    const result = await setMarker(notes, 'on');
    assert.equal(result?.applied, true);
    const change = edits.at(-1)!.edit.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri: notes, version: 5 });
    const text = applyEdits(NOTES, change.edits as TextEdit[]);
    assert.equal(text, `<!-- goal-docs: on -->\n\n${NOTES}`);
    // The editor applies it: the next version says so.
    session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: notes, version: 6 }, contentChanges: [{ text }] });
    assert.deepEqual(await verdict(notes), { version: 6, goalDoc: true, reason: 'marker', explanation: 'a goal doc: its goal-docs: on comment says so' });
    // Saying it again changes nothing; letting the content decide removes the comment.
    assert.match((await setMarker(notes, 'on'))?.message ?? '', /already says it is a goal doc/);
    await setMarker(notes, 'none');
    const removal = edits.at(-1)!.edit.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(removal.textDocument, { uri: notes, version: 6 });
    assert.equal(applyEdits(text, removal.edits as TextEdit[]), NOTES);
    assert.equal(await setMarker('file:///ws/not-open.md', 'on'), null);
  });

  it('tells the client to ask again when the settings change, and answers by the new ones', async () => {
    const before = verdictsChanged;
    session.configuration.goalDocs = { exclude: ['search/**'] };
    session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const deadline = Date.now() + 5000;
    while (verdictsChanged === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.equal(verdictsChanged, before + 1);
    const g = await verdict(goals);
    assert.deepEqual([g?.goalDoc, g?.explanation], [false, 'not a goal doc: goalDocs.exclude names it']);
    delete session.configuration.goalDocs;
    session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });
});
