// Requests a user makes right after an edit (issue 19): Ctrl+. after typing, completion while
// typing, hover after a save. Each is answered for the document's latest version, even when a
// newer version arrives while the server is still working on the request: VS Code does not ask
// again after `ContentModified` for code actions, so an answer dropped there is a menu that
// never shows.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ResponseError } from 'vscode-jsonrpc/node';
import { type LspSession, openDocument, startServer } from '../support/lspClient';

const ROUNDS = 40;

const GOALS = [
  '# Ledger goals',
  '',
  '## 2024',
  '',
  '### FY-24-Q4',
  '',
  '#### Statements reconcile overnight',
  '',
  '- **Owner**: Priya',
  '- **Milestones**:',
  '  - Match refunds to their payments',
  '  - ~~Import the bank feed~~ Done: `4.2`',
  '',
  'See [the goal](#statements-reconcile-overnight).',
  '',
  'Notes:',
  '',
].join('\n');
const MILESTONE_LINE = 10;
const GOAL_HEADING_LINE = 6;
const LINK_LINE = 13;

type Action = { title: string };

describe('requests that arrive while a newer version is analysed', () => {
  let folder: string;
  let session: LspSession;
  let uri: string;
  let version = 1;
  let notes = '';

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'goal-docs-during-edits-'));
    writeFileSync(path.join(folder, 'goals.md'), GOALS);
    writeFileSync(path.join(folder, 'goals_completed.md'), '# Ledger completed goals\n\n## 2024\n\n### FY-24-Q3\n\n#### Older goal\n\n- **Owner**: Tom\n');
    for (let i = 0; i < 30; i++) writeFileSync(path.join(folder, `page-${i}.md`), `# Page ${i}\n\nSee [goals](goals.md#statements-reconcile-overnight).\n`);
    session = await startServer({ rootUri: pathToFileURL(folder).href, workspaceEdits: true });
    session.connection.onRequest('workspace/workspaceFolders', () => [{ uri: pathToFileURL(folder).href, name: 'root' }]);
    uri = pathToFileURL(path.join(folder, 'goals.md')).href;
    openDocument(session, uri, GOALS, version);
  });
  after(async () => {
    await session?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** Types at the end of the document (below every line the requests ask about). */
  const type = (chars: string) => {
    const line = GOALS.split('\n').length - 1;
    const at = { line, character: notes.length };
    notes += chars;
    session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range: { start: at, end: at }, text: chars }],
    });
  };
  /** What a pull after an edit makes the server do: analyse the newest version at once. */
  const pull = () => session.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }).catch(() => undefined);

  const codeActions = (line: number, character: number) => {
    const position = { line, character };
    return session.connection.sendRequest<Action[] | null>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: position, end: position },
      context: { diagnostics: [], triggerKind: 1 },
    });
  };

  it(`answers Ctrl+. on a milestone sent right after an edit, with another edit right behind it, ${ROUNDS} times of ${ROUNDS}`, async () => {
    const failures: string[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      type('a');
      const request = codeActions(MILESTONE_LINE, 8);
      // The next keystroke lands while the request is being answered.
      type('b');
      void pull();
      try {
        const actions = (await request) ?? [];
        if (!actions.some((a) => a.title === 'Mark milestone done')) failures.push(`round ${i + 1}: ${actions.map((a) => a.title).join(' | ') || 'no actions'}`);
      } catch (e) {
        failures.push(`round ${i + 1}: ${e instanceof ResponseError ? `error ${e.code} ${e.message}` : String(e)}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it(`answers Ctrl+. on a goal heading (the move, which reads the completed page) under the same edits, ${ROUNDS} times of ${ROUNDS}`, async () => {
    const failures: string[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      type('c');
      const request = codeActions(GOAL_HEADING_LINE, 10);
      type('d');
      void pull();
      try {
        const actions = (await request) ?? [];
        if (!actions.some((a) => a.title.startsWith('Move goal to goals_completed.md'))) failures.push(`round ${i + 1}: ${actions.map((a) => a.title).join(' | ') || 'no actions'}`);
      } catch (e) {
        failures.push(`round ${i + 1}: ${e instanceof ResponseError ? `error ${e.code} ${e.message}` : String(e)}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it(`answers hover and completion on a link under the same edits, ${ROUNDS} times of ${ROUNDS}`, async () => {
    const failures: string[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      type('e');
      const position = { line: LINK_LINE, character: 20 };
      const hover = session.connection.sendRequest<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri }, position });
      const completion = session.connection.sendRequest<{ items: Array<{ label: string }> } | null>('textDocument/completion', { textDocument: { uri }, position: { line: LINK_LINE, character: 16 } });
      type('f');
      void pull();
      try {
        if (!(await hover)) failures.push(`round ${i + 1}: no hover`);
        const items = (await completion)?.items ?? [];
        if (!items.some((c) => c.label === 'Statements reconcile overnight')) failures.push(`round ${i + 1}: completion ${items.map((c) => c.label).join(' | ') || 'empty'}`);
      } catch (e) {
        failures.push(`round ${i + 1}: ${e instanceof ResponseError ? `error ${e.code} ${e.message}` : String(e)}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});
