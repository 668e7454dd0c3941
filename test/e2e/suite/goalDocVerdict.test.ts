// Whether a file is a goal doc, and saying so: the verdict the status bar item shows (the
// extension's API asks the server the same request), the palette's "Treat This File as a Goal
// Doc" and "This File Is Not a Goal Doc" writing the file's marker comment, and an MDX page, which
// VS Code without an MDX extension opens as plaintext, checked like a Markdown page.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { basename, closeAll, codeOf, docUri, goalDocsApi, openDoc, waitFor, waitForDiagnostics } from './helpers';

const MDX_PAGE = [
  "import Chart from './chart'",
  '',
  '# Search team goals',
  '',
  '<Chart caption="[old](#gone)" />',
  '',
  '## FY-25-Q2',
  '',
  '### Faster ranking',
  '',
  '- **Owner**: Ana',
  '- **Milestones**:',
  '  - ~~Measure the index~~ Done: 2.1',
  '',
  'See [the quarter](#fy-25-q3).',
  '',
].join('\n');

describe('whether a file is a goal doc', () => {
  const mdx = () => docUri('search_team.mdx');
  after(async () => {
    await closeAll();
    await vscode.workspace.fs.delete(mdx()).then(undefined, () => undefined);
  });

  const verdictOf = async (document: vscode.TextDocument) => {
    const api = await goalDocsApi();
    // The server answers for the version it has; wait until that is the editor's.
    return waitFor(`the verdict of ${basename(document.uri)} v${document.version}`, async () => {
      const v = await api.verdict(document.uri);
      return v && v.version === document.version ? v : undefined;
    }, { events: [vscode.workspace.onDidChangeTextDocument] });
  };

  it('says whether the open file is a goal doc, and why', async () => {
    const { document: goals } = await openDoc('goals.md');
    const g = await verdictOf(goals);
    assert.equal(g.goalDoc, true);
    assert.match(g.explanation, /^a goal doc: a quarter heading “FY-\d\d-Q\d”/);
    const { document: readme } = await openDoc('README.md');
    const r = await verdictOf(readme);
    assert.deepEqual([r.goalDoc, r.reason], [false, 'not-enough-content']);
    assert.match(r.explanation, /^not a goal doc: /);
  });

  it('"Treat This File as a Goal Doc" writes the comment at the top, and README.md then is one; "This File Is Not a Goal Doc" replaces it', async () => {
    const api = await goalDocsApi();
    const editor = await openDoc('README.md');
    const document = editor.document;
    assert.equal(await api.goalTree(document.uri), null, 'README.md is no goal doc before');
    const firstLine = document.lineAt(0).text;

    await vscode.commands.executeCommand('goalDocs.treatAsGoalDoc');
    await waitFor('the comment on the first line of README.md', () => (document.lineAt(0).text === '<!-- goal-docs: on -->' ? true : undefined), {
      events: [vscode.workspace.onDidChangeTextDocument],
      describeLast: () => document.getText().split('\n').slice(0, 3).join(' / '),
    });
    assert.deepEqual([document.lineAt(1).text, document.lineAt(2).text], ['', firstLine], 'a blank line, then the page as it was');
    const on = await verdictOf(document);
    assert.deepEqual([on.goalDoc, on.reason], [true, 'marker']);
    // The Goals view now has its headings.
    const tree = await waitFor('the Goals view tree of README.md', async () => (await api.goalTree(document.uri)) ?? undefined);
    assert.equal(tree[0]?.label, 'Tidewater Payments: team pages');

    await vscode.commands.executeCommand('goalDocs.notAGoalDoc');
    await waitFor('the comment to say off', () => (document.lineAt(0).text === '<!-- goal-docs: off -->' ? true : undefined), {
      events: [vscode.workspace.onDidChangeTextDocument],
    });
    assert.equal(document.getText().match(/goal-docs:/g)?.length, 1, 'one comment, replaced');
    const off = await verdictOf(document);
    assert.deepEqual([off.goalDoc, off.reason], [false, 'marker']);
    assert.equal(await api.goalTree(document.uri), null);
  });

  it('checks an .mdx page (whatever its language) as a goal doc, leaving its import and JSX alone', async () => {
    await vscode.workspace.fs.writeFile(mdx(), new TextEncoder().encode(MDX_PAGE));
    const { document } = await openDoc('search_team.mdx');
    const ds = await waitForDiagnostics(document.uri, 'the broken in-page link of the MDX page', (d) => d.some((x) => codeOf(x) === 'anchor.missing'));
    assert.deepEqual(ds.map((d) => `${d.range.start.line + 1}:${codeOf(d)}`), ['15:anchor.missing'], `language ${document.languageId}: the link in the JSX is no link`);
    const v = await verdictOf(document);
    assert.equal(v.goalDoc, true);
  });
});
