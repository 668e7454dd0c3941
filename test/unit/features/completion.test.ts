import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CompletionItemKind, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { provideCompletions } from '../../../server/src/features/completion';
import { NOT_CANCELLED } from '../../../server/src/workspace/goalDocWorkspace';
import { CORPUS_DIR, CORPUS_SKIP } from '../../support/corpus';
import { applyEdits, model, withCursor } from '../../support/fixture';
import { MemoryWorkspace, workspaceWithCursor } from './support';

const GOALS = `
  # Ledger team goals

  ## 2020

  ### FY-20-Q4

  #### Nightly reconciliation

  - **Owner**: Dave, Robert
  - **Milestones**:
    - ~~Measure~~ Done: 3.19
    - ~~Batch the writes~~ Done: 3.20
    - Parallel jobs
    - ~~Rewrite in Rust~~ _Descoped_: too costly

  #### Nightly reconciliation

  - Owner: Ann

  ## Notes
`;

async function complete(files: Record<string, string>): Promise<{ items: CompletionItem[]; apply(label: string): string; text: string }> {
  const { workspace, doc, position } = workspaceWithCursor(files);
  const list = await provideCompletions(doc, position, workspace, NOT_CANCELLED);
  return {
    items: list.items,
    text: doc.text,
    apply(label) {
      const item = list.items.find((i) => i.label === label);
      assert.ok(item, `no item ${label} in ${list.items.map((i) => i.label).join(', ')}`);
      return applyEdits(doc.text, [item.textEdit as TextEdit]);
    },
  };
}

describe('completion: anchors', () => {
  it("offers every heading of the document after ](#, by GitHub slug", async () => {
    const { items } = await complete({ 'goals.md': GOALS + '\nSee [it](#$0)\n' });
    assert.deepEqual(
      items.map((i) => (i.textEdit as TextEdit).newText),
      ['ledger-team-goals', '2020', 'fy-20-q4', 'nightly-reconciliation', 'nightly-reconciliation-1', 'notes'],
    );
  });

  it('labels items with the heading text, kinds per level, and the place as detail', async () => {
    const { items } = await complete({ 'goals.md': GOALS + '\nSee [it](#$0)\n' });
    const byLabel = (l: string) => items.filter((i) => i.label === l);
    assert.equal(byLabel('2020')[0].kind, CompletionItemKind.Module);
    assert.equal(byLabel('FY-20-Q4')[0].kind, CompletionItemKind.Event);
    assert.equal(byLabel('FY-20-Q4')[0].detail, '2020');
    const goal = byLabel('Nightly reconciliation')[0];
    assert.equal(goal.kind, CompletionItemKind.Class);
    assert.equal(goal.detail, '2020 › FY-20-Q4');
    assert.equal(byLabel('Notes')[0].kind, CompletionItemKind.Reference);
  });

  it("documents a goal's owners and milestone progress", async () => {
    const { items } = await complete({ 'goals.md': GOALS + '\nSee [it](#$0)\n' });
    const doc = items.find((i) => i.label === 'Nightly reconciliation')!.documentation as { value: string };
    assert.match(doc.value, /\*\*Owner\*\*: Dave, Robert/);
    assert.match(doc.value, /2\/4 done, 1 descoped/);
    assert.match(doc.value, /`#nightly-reconciliation`/);
  });

  it('finds a heading by its words, not only by its slug', async () => {
    const { items } = await complete({ 'goals.md': GOALS + '\nSee [it](#$0)\n' });
    const goal = items.find((i) => i.label === 'Nightly reconciliation')!;
    assert.ok(goal.filterText!.includes('Nightly reconciliation'));
    assert.ok(goal.filterText!.includes('nightly-reconciliation'));
  });

  it('replaces the whole fragment already typed, also after the cursor', async () => {
    const { apply } = await complete({ 'goals.md': GOALS + '\nSee [it](#night$0ly-rec) and more.\n' });
    assert.match(apply('FY-20-Q4'), /See \[it\]\(#fy-20-q4\) and more\./);
  });

  it('completes in reference definitions and HTML links', async () => {
    const def = await complete({ 'goals.md': GOALS + '\n[q4]: #fy$0\n' });
    assert.match(def.apply('FY-20-Q4'), /\[q4\]: #fy-20-q4\n/);
    const html = await complete({ 'goals.md': GOALS + '\n<a href="#fy$0">Q4</a>\n' });
    assert.match(html.apply('FY-20-Q4'), /<a href="#fy-20-q4">Q4<\/a>/);
  });

  it("offers another file's headings after ](other.md#", async () => {
    const { items, apply } = await complete({
      'goals.md': GOALS,
      'team/readme.md': 'See [reconciliation](../goals.md#$0).\n',
    });
    assert.equal(items.length, 6);
    assert.match(apply('FY-20-Q4'), /\(\.\.\/goals\.md#fy-20-q4\)/);
  });

  it('offers nothing outside a link, inside a code block, or for an external URL', async () => {
    assert.equal((await complete({ 'goals.md': GOALS + '\nJust #$0\n' })).items.length, 0);
    assert.equal((await complete({ 'goals.md': GOALS + '\n```\n[x](#$0)\n```\n' })).items.length, 0);
    assert.equal((await complete({ 'goals.md': GOALS + '\n[x](https://example.com/page#$0)\n' })).items.length, 0);
    assert.equal((await complete({ 'goals.md': GOALS + '\n[x](missing.md#$0)\n' })).items.length, 0);
  });
});

describe('completion: paths, folder by folder', () => {
  const FILES = {
    'goals.md': GOALS,
    'goals_completed.md': '# Done\n',
    'team/on call.md': '# On call\n',
    'team/roster.csv': 'name\n',
    'images/chart (old).png': '',
  };

  it("offers the document's headings as #slug, then the files and folders next to it, after ](", async () => {
    const { items, apply } = await complete({ ...FILES, 'goals.md': GOALS + '\nSee [done]($0)\n' });
    const labels = items.map((i) => i.label);
    assert.deepEqual(labels.slice(6), ['images/', 'team/', 'goals.md', 'goals_completed.md']);
    assert.match(apply('FY-20-Q4'), /See \[done\]\(#fy-20-q4\)/);
    assert.match(apply('goals_completed.md'), /See \[done\]\(goals_completed\.md\)/);
    // VS Code orders by sortText, comparing code points.
    const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1)).map((i) => i.label);
    assert.deepEqual(sorted, labels, 'headings first, then folders, then files');
  });

  it('lists a folder typed so far, non-Markdown files included, replacing only the last segment', async () => {
    const { items, apply } = await complete({ ...FILES, 'goals.md': GOALS + '\nSee [team](team/ro$0)\n' });
    assert.deepEqual(items.map((i) => i.label), ['on call.md', 'roster.csv']);
    assert.ok(items.every((i) => i.kind === CompletionItemKind.File));
    assert.match(apply('on call.md'), /See \[team\]\(team\/on%20call\.md\)/);
    assert.match(apply('roster.csv'), /See \[team\]\(team\/roster\.csv\)/);
  });

  it('offers a folder with its slash, asking for suggestions again to go one level down', async () => {
    const { items, apply } = await complete({ ...FILES, 'goals.md': GOALS + '\nSee [team]($0)\n' });
    const team = items.find((i) => i.label === 'team/')!;
    assert.equal(team.kind, CompletionItemKind.Folder);
    assert.equal(team.command?.command, 'editor.action.triggerSuggest');
    assert.match(apply('team/'), /See \[team\]\(team\/\)/);
  });

  it('escapes what a link destination cannot hold, and goes up with ../ and from the root with /', async () => {
    const chart = await complete({ ...FILES, 'goals.md': GOALS + '\n![chart](images/$0)\n' });
    assert.match(chart.apply('chart (old).png'), /!\[chart\]\(images\/chart%20\(old\)\.png\)/);
    const up = await complete({ ...FILES, 'team/notes.md': '[g](../$0)\n' });
    assert.deepEqual(up.items.map((i) => i.label), ['images/', 'team/', 'goals.md', 'goals_completed.md']);
    const root = await complete({ ...FILES, 'team/notes.md': '[g](/te$0)\n' });
    assert.deepEqual(root.items.map((i) => i.label), ['images/', 'team/', 'goals.md', 'goals_completed.md']);
  });

  it('lists nothing outside the workspace folder', async () => {
    assert.deepEqual((await complete({ ...FILES, 'goals.md': GOALS + '\n[x](../$0)\n' })).items, []);
    assert.deepEqual((await complete({ ...FILES, 'team/notes.md': '[x](../../../etc/$0)\n' })).items, []);
  });

  it('offers no headings in an image, and paths in HTML src and href attributes', async () => {
    const image = await complete({ ...FILES, 'goals.md': GOALS + '\n![chart]($0)\n' });
    assert.deepEqual(image.items.map((i) => i.label), ['images/', 'team/', 'goals.md', 'goals_completed.md']);
    const img = await complete({ ...FILES, 'goals.md': GOALS + '\n<img alt="c" src="images/$0">\n' });
    assert.match(img.apply('chart (old).png'), /<img alt="c" src="images\/chart%20\(old\)\.png">/);
    const a = await complete({ ...FILES, 'goals.md': GOALS + '\n<a href="$0">x</a>\n' });
    assert.ok(a.items.some((i) => i.label === 'FY-20-Q4') && a.items.some((i) => i.label === 'team/'));
  });
});

describe('completion: workspace headings and reference labels', () => {
  it('offers every Markdown file\'s headings after ](##, the document\'s own first', async () => {
    const { items, apply } = await complete({
      'goals.md': GOALS + '\nSee [q](##$0)\n',
      'team/on call.md': '# On call\n\n## Rota\n',
    });
    assert.equal(items.length, 8);
    assert.match(apply('FY-20-Q4'), /See \[q\]\(#fy-20-q4\)/);
    assert.match(apply('Rota'), /See \[q\]\(team\/on%20call\.md#rota\)/);
    assert.equal(items.find((i) => i.label === 'Rota')!.labelDetails?.description, 'team/on%20call.md');
  });

  it('offers the reference definitions after [text][, each label once', async () => {
    const { items, apply } = await complete({
      'goals.md': GOALS + '\nSee [the board][bo$0].\n\n[board]: https://example.com/board\n[Board]: https://example.com/other\n[plan]: plan.md\n',
    });
    assert.deepEqual(items.map((i) => i.label), ['board', 'plan']);
    assert.equal(items[0].detail, 'https://example.com/board');
    assert.match(apply('plan'), /See \[the board\]\[plan\]\./);
  });
});

describe('completion: corpus', () => {
  it('lists every heading of goals_completed.md', { skip: CORPUS_SKIP }, async () => {
    const text = readFileSync(path.join(CORPUS_DIR, 'goals_completed.md'), 'utf8');
    const { text: withLink, position } = withCursor(text + '\n[x](#$0)\n');
    const uri = 'file:///ws/goals_completed.md';
    const doc = model(withLink, uri);
    const workspace = new MemoryWorkspace({ [uri]: withLink });
    const list = await provideCompletions(doc, position, workspace, NOT_CANCELLED);
    assert.equal(list.items.length, doc.headings.length);
    assert.deepEqual(list.items.map((i) => (i.textEdit as TextEdit).newText), doc.headings.map((h) => h.slug));
    const first = list.items.find((i) => i.label === 'Any engineer at Sourcegraph can create a release for all of our supported deployment types')!;
    assert.equal(first.detail, '2020 › FY-21-Q1');
    assert.match((first.documentation as { value: string }).value, /Dave, Robert[\s\S]*6\/7 done, 1 descoped/);
  });
});
