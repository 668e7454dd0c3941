// The service every host makes with createGoalDocsService: what a request does when the document
// changes while it is answered, and how the CLI's check reads files through the same models.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ContentModified, createGoalDocsService } from '../../server/src/service/service';
import { NodeFileSystem } from '../../server/src/node/fileSystem';
import { NOT_CANCELLED } from '../../server/src/workspace/goalDocWorkspace';
import { openDocuments } from '../support/fixture';

describe('the goal-docs service', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'goal-docs-service-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  const text = '## FY-24-Q1\n\n### Ship it\n\n- Owner: Ann\n';

  it('answers again on the newer version when one replaced the model a request read while it awaited', async () => {
    writeFileSync(path.join(folder, 'notes.md'), '# Notes\n\n[s](goals.md#ship-it)\n');
    const uri = pathToFileURL(path.join(folder, 'goals.md')).href;
    const open = new Map([[uri, TextDocument.create(uri, 'markdown', 1, text)]]);
    const service = createGoalDocsService({ documents: openDocuments(open), fileSystem: new NodeFileSystem() });
    service.setWorkspaceFolders([pathToFileURL(folder).href]);
    // References wait for the workspace walk; meanwhile the user types and the next version is built.
    const pending = service.references(uri, { line: 2, character: 5 }, { includeDeclaration: false }, NOT_CANCELLED);
    await new Promise((resolve) => setImmediate(resolve));
    open.set(uri, TextDocument.update(open.get(uri)!, [{ text: `${text}\nMore.\n` }], 2));
    await service.diagnostics(uri);
    // Not ContentModified (VS Code never asks again for code actions): the answer of version 2.
    const answer = await pending;
    assert.equal(answer?.length, 1);
    assert.equal(service.models.peek(uri)?.version, 2);
  });

  it('gives up with ContentModified only when the request was cancelled meanwhile', async () => {
    const uri = pathToFileURL(path.join(folder, 'goals.md')).href;
    const open = new Map([[uri, TextDocument.create(uri, 'markdown', 1, text)]]);
    const service = createGoalDocsService({ documents: openDocuments(open), fileSystem: new NodeFileSystem() });
    service.setWorkspaceFolders([pathToFileURL(folder).href]);
    const token = { isCancellationRequested: false };
    const pending = service.references(uri, { line: 2, character: 5 }, { includeDeclaration: false }, token);
    await new Promise((resolve) => setImmediate(resolve));
    open.set(uri, TextDocument.update(open.get(uri)!, [{ text: `${text}\nMore.\n` }], 2));
    await service.diagnostics(uri);
    token.isCancellationRequested = true;
    await assert.rejects(pending, ContentModified);
  });

  it('checks files on disk for the CLI with the models other files link to', async () => {
    writeFileSync(path.join(folder, 'goals.md'), `${text}\nSee [the other](other_goals.md#gone).\n`);
    writeFileSync(path.join(folder, 'other_goals.md'), '## FY-24-Q2\n\n### Other\n\n- Owner: Bo\n');
    const service = createGoalDocsService({ readable: 'any', fileSystem: new NodeFileSystem(false) });
    service.setWorkspaceFolders([pathToFileURL(folder).href]);
    const other = pathToFileURL(path.join(folder, 'other_goals.md')).href;
    const checked = await service.check(pathToFileURL(path.join(folder, 'goals.md')).href, false);
    assert.equal(checked.kind, 'checked');
    assert.deepEqual(checked.kind === 'checked' && checked.diagnostics.map((d) => d.code), ['link.file-anchor-missing']);
    // The linked file's model was read once, and is the one its own check uses.
    const linked = await service.files.model(other);
    assert.ok(linked);
    await service.check(other, false);
    assert.equal(await service.files.model(other), linked);
  });

  it('checks the anchors of links into .mdx and .markdown pages too, the Markdown files the walk takes', async () => {
    writeFileSync(path.join(folder, 'goals.md'), `${text}\nSee [search](search.mdx#gone), [ranking](ranking.markdown#fy-24-q2) and [the chart](chart.svg#gone).\n`);
    writeFileSync(path.join(folder, 'search.mdx'), "import Chart from './chart'\n\n## FY-24-Q2\n\n<Chart />\n");
    writeFileSync(path.join(folder, 'ranking.markdown'), '## FY-24-Q2\n');
    writeFileSync(path.join(folder, 'chart.svg'), '<svg/>');
    const service = createGoalDocsService({ readable: 'any', fileSystem: new NodeFileSystem(false) });
    service.setWorkspaceFolders([pathToFileURL(folder).href]);
    const checked = await service.check(pathToFileURL(path.join(folder, 'goals.md')).href, false);
    assert.equal(checked.kind, 'checked');
    const found = checked.kind === 'checked' ? checked.diagnostics : [];
    // The MDX page has no #gone; the .markdown page has its #fy-24-q2; an image is not read for anchors.
    assert.deepEqual(found.map((d) => d.code), ['link.file-anchor-missing']);
    assert.match(String(found[0]!.message), /search\.mdx#gone|#gone.*search\.mdx|search\.mdx.*gone/);
  });
});
