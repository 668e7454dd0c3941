// The server beside an editor with its own Markdown features (VS Code's built-in extension): the
// capabilities it leaves to the editor, link completion by `markdown.suggest.paths.enabled`,
// broken links by `markdown.validate.*`, and the Goals view's request. Driven over stdio.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CompletionList, DocumentSymbol, TextEdit } from 'vscode-languageserver-types';
import { GOAL_TREE_REQUEST, type GoalTreeResult } from '../../server/src/protocol';
import { type LspSession, openDocument, pullDiagnostics, startServer } from '../support/lspClient';

const NAVIGATION = ['documentSymbolProvider', 'workspaceSymbolProvider', 'referencesProvider', 'definitionProvider', 'documentLinkProvider'];
const KEPT = ['completionProvider', 'renameProvider', 'hoverProvider', 'foldingRangeProvider', 'codeLensProvider', 'codeActionProvider', 'documentHighlightProvider'];

const GOALS = '# Goals\n\n## 2024\n\n### FY-24-Q1\n\n#### Ship it\n\n- **Owner**: Ann\n- **Milestones**:\n  - ~~Plan~~ Done: 1.0\n  - Build\n\nSee [q](#fy-24-q1) [x](#nowhere) [c](#FY-24-Q1) [gone](gone.md).\n';
const README = '# Readme\n\n## Set up\n\nSee [setup](#) and [the notes](team/).\n';

describe('capabilities with and without the editor’s Markdown features', () => {
  for (const [what, initializationOptions, present] of [
    ['any client', undefined, true],
    ['VS Code with its built-in Markdown features', { editorHasMarkdownFeatures: true }, false],
  ] as const) {
    it(`${what}: navigation ${present ? 'included' : 'left to the editor'}, the rest kept`, async () => {
      const session = await startServer({ initializationOptions });
      try {
        const caps = session.initialized.capabilities;
        for (const c of NAVIGATION) assert.equal(c in caps, present, c);
        for (const c of KEPT) assert.ok(c in caps, c);
      } finally {
        await session.close();
      }
    });
  }
});

describe('link completion, broken links and the goal tree beside the editor’s', () => {
  let session: LspSession;
  let folder: string;
  let goals: string;
  let readme: string;
  const complete = async (uri: string, text: string, after: string) => {
    const line = text.split('\n').findIndex((l) => l.includes(after));
    const position = { line, character: text.split('\n')[line].indexOf(after) + after.length };
    return session.connection.sendRequest<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });
  };
  const configure = (markdown: unknown) => {
    session.configuration.markdown = markdown;
    session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  };

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'goal-docs-editor-md-'));
    mkdirSync(path.join(folder, 'team'));
    writeFileSync(path.join(folder, 'team', 'notes.txt'), 'notes\n');
    goals = pathToFileURL(path.join(folder, 'goals.md')).href;
    readme = pathToFileURL(path.join(folder, 'README.md')).href;
    session = await startServer({ rootUri: pathToFileURL(folder).href, initializationOptions: { editorHasMarkdownFeatures: true } });
    openDocument(session, goals, GOALS);
    openDocument(session, readme, README);
  });
  after(async () => {
    await session.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('completes nothing while the editor completes links itself', async () => {
    configure({ suggest: { paths: { enabled: true } } });
    assert.equal(await complete(goals, GOALS, '[q](#'), null);
    assert.equal(await complete(readme, README, '[setup](#'), null);
  });

  it('completes anchors and paths in every Markdown file once the editor does not', async () => {
    configure({ suggest: { paths: { enabled: false } } });
    const anchors = await complete(goals, GOALS, '[q](#');
    assert.deepEqual(anchors!.items.map((i) => (i.textEdit as TextEdit).newText), ['goals', '2024', 'fy-24-q1', 'ship-it']);
    const inReadme = await complete(readme, README, '[setup](#');
    assert.deepEqual(inReadme!.items.map((i) => i.label), ['Readme', 'Set up']);
    const paths = await complete(readme, README, '[the notes](team/');
    assert.deepEqual(paths!.items.map((i) => i.label), ['notes.txt']);
  });

  it('leaves broken links to the editor’s validation when it is on, and keeps anchor.case', async () => {
    configure({ suggest: { paths: { enabled: true } } });
    const codes = async () => (await pullDiagnostics(session, goals)).map((d) => d.code).sort();
    assert.deepEqual(await codes(), ['anchor.case', 'anchor.missing', 'link.file-missing']);
    configure({ validate: { enabled: true, fragmentLinks: { enabled: 'warning' }, fileLinks: { enabled: 'warning', markdownFragmentLinks: 'inherit' } } });
    assert.deepEqual(await codes(), ['anchor.case']);
    configure(null);
    assert.deepEqual(await codes(), ['anchor.case', 'anchor.missing', 'link.file-missing']);
  });

  it('answers completion and broken links in an MDX page, which the editor’s Markdown features do not take', async () => {
    const page = "import Chart from './chart'\n\n" + GOALS;
    for (const languageId of ['mdx', 'plaintext']) {
      const uri = pathToFileURL(path.join(folder, `goals-${languageId}.mdx`)).href;
      openDocument(session, uri, page, 1, languageId);
      configure({ suggest: { paths: { enabled: true } }, validate: { enabled: true, fragmentLinks: { enabled: 'warning' }, fileLinks: { enabled: 'warning', markdownFragmentLinks: 'inherit' } } });
      assert.deepEqual((await pullDiagnostics(session, uri)).map((d) => d.code).sort(), ['anchor.case', 'anchor.missing', 'link.file-missing'], languageId);
      const anchors = await complete(uri, page, '[q](#');
      assert.deepEqual(anchors?.items.map((i) => (i.textEdit as TextEdit).newText), ['goals', '2024', 'fy-24-q1', 'ship-it'], languageId);
      // The same settings leave a Markdown file's to the editor.
      assert.deepEqual((await pullDiagnostics(session, goals)).map((d) => d.code), ['anchor.case'], languageId);
      assert.equal(await complete(goals, GOALS, '[q](#'), null);
      configure(null);
    }
  });

  it('answers the Goals view’s request with Year › Quarter › Goal for a goal doc, null for another file', async () => {
    const tree = await session.connection.sendRequest<GoalTreeResult>(GOAL_TREE_REQUEST, { uri: goals });
    const names = (s: DocumentSymbol): unknown => [s.name, s.detail ?? '', ...(s.children ?? []).map(names)];
    assert.deepEqual(tree!.map(names), [['Goals', '', ['2024', '1 quarter', ['FY-24-Q1', 'FY24 Q1 · 1 goal', ['Ship it', 'Ann · 1/2 done']]]]]);
    assert.equal(await session.connection.sendRequest<GoalTreeResult>(GOAL_TREE_REQUEST, { uri: readme }), null);
  });
});
