// Drives the built server over stdio through completion, outline, definition, references and
// rename on the seed page, copied into a temporary workspace folder next to a doc that links
// into it (left on disk, so the server must find it through its workspace index).
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CompletionList, DocumentSymbol, Location, Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { CORPUS_DIR, CORPUS_SKIP } from '../support/corpus';
import { type LspSession, openDocument, startServer } from '../support/lspClient';

const GOAL = 'Automatic e2e testing';
const NOTES = `# Distribution notes\n\nSee [${GOAL}](goals_completed.md#automatic-e2e-testing) and [2019](goals_completed.md#2019).\n`;

describe('navigation over stdio on goals_completed.md', { skip: CORPUS_SKIP }, () => {
  let session: LspSession;
  let folder: string;
  let uri: string;
  let notesUri: string;
  let text: string;

  const lineOf = (needle: string): number => text.split('\n').findIndex((l) => l.includes(needle));
  const at = (needle: string, offset = 0): Position => ({ line: lineOf(needle), character: text.split('\n')[lineOf(needle)].indexOf(needle) + offset });
  const request = <T>(method: string, params: object) => session.connection.sendRequest<T>(method, { textDocument: { uri }, ...params });

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'goal-docs-nav-'));
    copyFileSync(path.join(CORPUS_DIR, 'goals_completed.md'), path.join(folder, 'goals_completed.md'));
    writeFileSync(path.join(folder, 'notes.md'), NOTES);
    uri = pathToFileURL(path.join(folder, 'goals_completed.md')).href;
    notesUri = pathToFileURL(path.join(folder, 'notes.md')).href;
    // One line is added at the end to type a link into.
    text = readFileSync(path.join(folder, 'goals_completed.md'), 'utf8') + '\nSee [the quarter](#fy-20) and [web](https://example.com/#x).\n';
    session = await startServer({ rootUri: pathToFileURL(folder).href });
    openDocument(session, uri, text);
  });
  after(async () => {
    await session?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('completes every heading after ](#, replacing the typed fragment', async () => {
    const list = await request<CompletionList>('textDocument/completion', { position: at('(#fy-20)', '(#fy-'.length) });
    const slugs = list.items.map((i) => (i.textEdit as TextEdit).newText);
    assert.equal(slugs.length, 23);
    for (const s of ['2020', 'fy-20-q4', 'automatic-e2e-testing', 'fy-19-q1']) assert.ok(slugs.includes(s), s);
    const q4 = list.items.find((i) => i.label === 'FY-20-Q4')!;
    assert.deepEqual((q4.textEdit as TextEdit).range, { start: at('(#fy-20)', 2), end: at('(#fy-20)', 7) });
    assert.equal(q4.detail, '2020');
  });

  it('outlines years › quarters › goals', async () => {
    const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', {});
    const [title] = symbols;
    const y2020 = title.children!.find((s) => s.name === '2020')!;
    const q4 = y2020.children!.find((s) => s.name === 'FY-20-Q4')!;
    assert.deepEqual(q4.children!.map((g) => g.name).slice(0, 1), [GOAL]);
    assert.equal(q4.children![0].detail, 'Dave');
    assert.deepEqual(title.children!.map((s) => s.name), ['2020', '2019']);
  });

  it('goes from a TOC link to its heading', async () => {
    const [loc] = await request<Location[]>('textDocument/definition', { position: at('[FY-19-Q4](#FY-19-Q4)', 14) });
    assert.equal(loc.uri, uri);
    assert.equal(loc.range.start.line, lineOf('### FY-19-Q4'));
  });

  it('finds references in the page and in a file on disk', async () => {
    const refs = await request<Location[]>('textDocument/references', { position: at(`#### ${GOAL}`, 6), context: { includeDeclaration: false } });
    assert.deepEqual(refs.map((r) => [path.basename(new URL(r.uri).pathname), r.range.start.line]).sort(), [
      ['goals_completed.md', lineOf('(see [Automatic e2e testing]')],
      ['notes.md', 2],
    ]);
  });

  it('refuses to rename an external link, saying why', async () => {
    await assert.rejects(request('textDocument/prepareRename', { position: at('example.com/#x', 14) }), /external URL/);
  });

  it('renames a goal heading and the links to it in both files', async () => {
    const prepared = await request<{ placeholder: string }>('textDocument/prepareRename', { position: at(`#### ${GOAL}`, 6) });
    assert.equal(prepared.placeholder, GOAL);
    const edit = await request<WorkspaceEdit>('textDocument/rename', { position: at(`#### ${GOAL}`, 6), newName: 'Automatic end-to-end testing' });
    // This client does not announce documentChanges, so the server answers with `changes`.
    const changes = edit.changes!;
    assert.deepEqual(Object.keys(changes).sort(), [uri, notesUri].sort());
    assert.deepEqual(changes[notesUri].map((e) => e.newText), ['automatic-end-to-end-testing']);
    assert.deepEqual(changes[uri].map((e) => e.newText).sort(), ['Automatic end-to-end testing', 'automatic-end-to-end-testing']);
  });
});
