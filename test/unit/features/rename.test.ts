import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import type { TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isRefusal, prepareRename, provideRename, slugChanges } from '../../../server/src/features/rename';
import { NOT_CANCELLED } from '../../../server/src/workspace/goalDocWorkspace';
import { createGoalDocsService } from '../../../server/src/service/service';
import { NodeFileSystem } from '../../../server/src/node/fileSystem';
import { applyEdits, dedent, model } from '../../support/fixture';
import { openDocuments } from '../../support/fixture';
import { workspaceWithCursor } from './support';

const GOALS = `
  # Goals

  - [Faster builds](#faster-builds)
  - [Faster builds](#faster-builds-1)

  ## FY-24-Q1

  ### Faster builds

  - Owner: Ann

  ### Faster builds

  - Owner: Bo
`;
const NOTES = 'See [first](goals.md#faster-builds), [second](goals.md#faster-builds-1) and [case](goals.md#Faster-Builds-1).\n';

/** Runs a rename and returns every file's text after it, by file name. */
async function rename(files: Record<string, string>, newName: string, documentChanges = true): Promise<Record<string, string>> {
  const { workspace, doc, position } = workspaceWithCursor(files);
  const edit = await provideRename(doc, position, newName, workspace, NOT_CANCELLED, { documentChanges });
  assert.ok(edit && !isRefusal(edit), JSON.stringify(edit));
  return applyWorkspaceEdit(workspace.texts, edit);
}

function applyWorkspaceEdit(texts: Record<string, string>, edit: WorkspaceEdit): Record<string, string> {
  const byUri: Array<[string, TextEdit[]]> = edit.documentChanges
    ? (edit.documentChanges as TextDocumentEdit[]).map((c) => [c.textDocument.uri, c.edits as TextEdit[]])
    : Object.entries(edit.changes ?? {});
  const out: Record<string, string> = {};
  for (const [uri, text] of Object.entries(texts)) out[uri.replace(/^file:\/\/\/ws\//, '')] = text;
  for (const [uri, edits] of byUri) {
    const name = uri.replace(/^file:\/\/\/ws\//, '');
    out[name] = applyEdits(out[name], edits);
  }
  return out;
}

describe('rename', () => {
  it('renames a heading and the links to it in two files, shifting duplicate suffixes', async () => {
    const out = await rename({ 'goals.md': GOALS.replace('### Faster builds\n\n  - Owner: Ann', '### Fast$0er builds\n\n  - Owner: Ann'), 'notes.md': NOTES }, 'Quicker builds');
    assert.equal(out['goals.md'], dedent(`
      # Goals

      - [Quicker builds](#quicker-builds)
      - [Faster builds](#faster-builds)

      ## FY-24-Q1

      ### Quicker builds

      - Owner: Ann

      ### Faster builds

      - Owner: Bo
    `));
    assert.equal(out['notes.md'], 'See [first](goals.md#quicker-builds), [second](goals.md#faster-builds) and [case](goals.md#faster-builds).\n');
  });

  it('renames from a link in another file, and answers with `changes` for clients without documentChanges', async () => {
    const out = await rename({ 'goals.md': GOALS, 'notes.md': NOTES.replace('[first](goals.md#fast', '[first](goals.md#fa$0st') }, 'Quicker builds', false);
    assert.match(out['goals.md'], /### Quicker builds\n\n- Owner: Ann/);
    assert.match(out['notes.md'], /\(goals\.md#quicker-builds\), \[second\]\(goals\.md#faster-builds\)/);
  });

  it('renames into a duplicate: the headings after it get the next suffixes', async () => {
    const out = await rename({
      'goals.md': '# A\n\n[a](#a) [b](#b) [b1](#b-1)\n\n## $0A\n\n## B\n\n## B\n'.replace('# A\n', '# Title\n'),
    }, 'B');
    assert.equal(out['goals.md'], '# Title\n\n[a](#b) [b](#b-1) [b1](#b-2)\n\n## B\n\n## B\n\n## B\n');
  });

  it('keeps an explicit {#id}, and leaves links to the id alone', async () => {
    const out = await rename({ 'goals.md': '## **Fiscal** ye$0ar {#fy}\n\n[id](#fy) [slug](#fiscal-year)\n' }, 'Fiscal calendar');
    // The plain text is not one run of the source here, so the whole text is replaced, bold too.
    assert.equal(out['goals.md'], '## Fiscal calendar {#fy}\n\n[id](#fy) [slug](#fiscal-calendar)\n');
  });

  it('keeps bold markup around the heading text', async () => {
    const out = await rename({ 'goals.md': '### **Faster $0builds**\n\n[b](#faster-builds)\n' }, 'Quicker builds');
    assert.equal(out['goals.md'], '### **Quicker builds**\n\n[b](#quicker-builds)\n');
  });

  it('gives an empty heading its text after a space', async () => {
    const out = await rename({ 'goals.md': '## A\n\n#$0#\n\nbody\n' }, 'Named');
    assert.equal(out['goals.md'], '## A\n\n## Named\n\nbody\n');
  });

  it('versions the edits of open documents only', async () => {
    const { workspace, doc, position } = workspaceWithCursor({ 'goals.md': GOALS.replace('### Faster builds\n\n  - Owner: Ann', '### $0Faster builds\n\n  - Owner: Ann'), 'notes.md': NOTES });
    workspace.open.set('file:///ws/goals.md', 7);
    const edit = (await provideRename(doc, position, 'Quicker', workspace, NOT_CANCELLED, { documentChanges: true })) as WorkspaceEdit;
    const versions = (edit.documentChanges as TextDocumentEdit[]).map((c) => [c.textDocument.uri, c.textDocument.version]);
    assert.deepEqual(versions, [['file:///ws/goals.md', 7], ['file:///ws/notes.md', null]]);
  });

  it('computes the new slug of every heading whose slug changes', () => {
    const doc = model('# X\n## B\n## B\n## B\n');
    const changes = slugChanges(doc, doc.headings[0], 'B');
    assert.deepEqual([...changes].map(([h, s]) => [h.slug, s]), [['x', 'b'], ['b', 'b-1'], ['b-1', 'b-2'], ['b-2', 'b-3']]);
  });
});

describe('prepareRename', () => {
  function prepare(files: Record<string, string>) {
    const { workspace, doc, position } = workspaceWithCursor(files);
    return prepareRename(doc, position, workspace);
  }

  it('offers the heading text, on the heading or on a link to it', () => {
    const onHeading = prepare({ 'goals.md': '## **Faster** builds\n\n[b](#faster-builds)\n'.replace('builds\n\n', 'bu$0ilds\n\n') });
    assert.deepEqual(onHeading, { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 20 } }, placeholder: 'Faster builds' });
    const onLink = prepare({ 'goals.md': '## Faster builds\n\n[b](#faster-$0builds)\n' });
    assert.deepEqual(onLink, { range: { start: { line: 2, character: 5 }, end: { line: 2, character: 18 } }, placeholder: 'Faster builds' });
  });

  it('refuses, saying why, where rename makes no sense', () => {
    const refusal = (files: Record<string, string>) => {
      const r = prepare(files);
      assert.ok(isRefusal(r), JSON.stringify(r));
      return r.refused;
    };
    assert.match(refusal({ 'goals.md': '## A\n\n[x](#nope$0)\n' }), /#nope matches no heading/);
    assert.match(refusal({ 'goals.md': '## A\n\n[x](https://example.com/page#a$0)\n' }), /external URL/);
    assert.match(refusal({ 'goals.md': '## A\n\n[x](notes$0.md)\n', 'notes.md': '# N\n' }), /whole file/);
    assert.match(refusal({ 'goals.md': '## A\n\nplain $0text\n' }), /heading, or on a link/);
    assert.match(refusal({ 'goals.md': '## A\n\n[x](gone.md#a$0)\n' }), /not a file of the workspace/);
  });

  it('refuses an empty name', async () => {
    const { workspace, doc, position } = workspaceWithCursor({ 'goals.md': '## A$0\n' });
    const r = await provideRename(doc, position, '  ', workspace, NOT_CANCELLED, { documentChanges: true });
    assert.ok(isRefusal(r));
  });
});

describe('rename in a workspace folder on disk', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'goal-docs-rename-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('edits the open goal doc and a file on disk that links to it', async () => {
    mkdirSync(path.join(folder, 'team'));
    writeFileSync(path.join(folder, 'goals.md'), dedent(GOALS));
    writeFileSync(path.join(folder, 'team', 'notes.md'), NOTES.replace(/goals\.md/g, '../goals.md'));
    const goalsUri = pathToFileURL(path.join(folder, 'goals.md')).href;
    const open = new Map([[goalsUri, TextDocument.create(goalsUri, 'markdown', 3, readFileSync(path.join(folder, 'goals.md'), 'utf8'))]]);
    const service = createGoalDocsService({ documents: openDocuments(open), fileSystem: new NodeFileSystem() });
    service.setWorkspaceFolders([pathToFileURL(folder).href]);

    const doc = service.model(open.get(goalsUri)!);
    const heading = doc.headings.find((h) => h.slug === 'faster-builds')!;
    const edit = (await service.withWorkspace((workspace) => provideRename(doc, heading.textRange.start, 'Quicker builds', workspace, NOT_CANCELLED, { documentChanges: true }))) as WorkspaceEdit;
    const changes = edit.documentChanges as TextDocumentEdit[];
    assert.deepEqual(changes.map((c) => [path.relative(folder, new URL(c.textDocument.uri).pathname), c.textDocument.version]), [['goals.md', 3], ['team/notes.md', null]]);
    const notes = applyEdits(NOTES.replace(/goals\.md/g, '../goals.md'), changes[1].edits as TextEdit[]);
    assert.equal(notes, 'See [first](../goals.md#quicker-builds), [second](../goals.md#faster-builds) and [case](../goals.md#faster-builds).\n');
  });
});
