// The Node server (desktop VS Code) with a workspace that is not on its disk: a repository opened
// from GitHub (`vscode-vfs://github/…`). Files of other schemes are asked of the client
// (goalDocs/fs/*), which VS Code answers with workspace.fs; files on disk never are.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { indexBuilt, type LspSession, openDocument, pullDiagnostics, startServer } from '../support/lspClient';
import { HANDBOOK, uriOf, VfsAnswers, VFS_ROOT } from '../support/vfsWorkspace';

describe('the Node server over a virtual workspace', () => {
  const sessions: LspSession[] = [];
  const folder = mkdtempSync(path.join(tmpdir(), 'goal-docs-local-'));
  after(async () => {
    for (const s of sessions) await s.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('checks the links of a vscode-vfs page against the repository, read through the client', async () => {
    const fs = new VfsAnswers(HANDBOOK);
    const session = await startServer({
      rootUri: VFS_ROOT,
      handlers: fs.handlers(),
      initializationOptions: { fileRequests: true },
    });
    sessions.push(session);
    const uri = uriOf('team/goals.md');
    const text = HANDBOOK['team/goals.md']!;
    openDocument(session, uri, text);
    const codes = (await pullDiagnostics(session, uri)).map((d) => `${d.range.start.line}:${d.code}`);
    const line = (part: string) => text.split('\n').findIndex((l) => l.includes(part));
    assert.ok(codes.includes(`${line('restart-the-cach')}:link.file-anchor-missing`), codes.join(', '));
    assert.ok(codes.includes(`${line('(planning.md)')}:link.file-missing`), codes.join(', '));
    assert.ok(!codes.includes(`${line('goals_completed.md')}:link.file-missing`), codes.join(', '));
    assert.ok(fs.readPaths().includes('process/runbook.md'), fs.readPaths().join(', '));
    // Kept until the client says a file changed: a keystroke asks nothing more. (The workspace
    // index reads the repository in the background once, after start-up: its log says when it
    // is over, so its reads are done before the keystroke on a loaded machine too.)
    await indexBuilt(session);
    const before = fs.requests.length;
    session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${text}\nMore.\n` }] });
    await pullDiagnostics(session, uri);
    assert.deepEqual(fs.requests.slice(before), []);
  });

  it('reads files on disk itself, asking the client nothing, though the client answers', async () => {
    writeFileSync(path.join(folder, 'goals.md'), '## FY-24-Q4\n\n#### Ship it\n\n- **Owner**: Ann\n- See [the plan](plan.md) and [notes](notes.md#gone).\n');
    writeFileSync(path.join(folder, 'notes.md'), '# Notes\n\n## Here\n');
    const fs = new VfsAnswers({});
    const session = await startServer({ rootUri: pathToFileURL(folder).href, handlers: fs.handlers(), initializationOptions: { fileRequests: true } });
    sessions.push(session);
    const uri = pathToFileURL(path.join(folder, 'goals.md')).href;
    openDocument(session, uri, '## FY-24-Q4\n\n#### Ship it\n\n- **Owner**: Ann\n- See [the plan](plan.md) and [notes](notes.md#gone).\n');
    assert.deepEqual((await pullDiagnostics(session, uri)).map((d) => d.code).sort(), ['link.file-anchor-missing', 'link.file-missing']);
    await session.connection.sendRequest('workspace/symbol', { query: 'ship' });
    await indexBuilt(session);
    assert.deepEqual(fs.requests, []);
  });
});
