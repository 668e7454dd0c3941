import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CompletionItemKind, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { provideCompletions } from '../../../server/src/features/completion';
import { NOT_CANCELLED } from '../../../server/src/features/workspace';
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

describe('completion: paths', () => {
  it("offers the workspace's other Markdown files relative to the document after ](", async () => {
    const { items, apply } = await complete({
      'goals.md': GOALS + '\nSee [done](gc$0)\n',
      'goals_completed.md': '# Done\n',
      'team/on call.md': '# On call\n',
    });
    assert.deepEqual(items.map((i) => i.label), ['goals_completed.md', 'team/on%20call.md']);
    assert.ok(items.every((i) => i.kind === CompletionItemKind.File));
    assert.match(apply('goals_completed.md'), /See \[done\]\(goals_completed\.md\)/);
  });

  it('walks up with ../ from a subfolder', async () => {
    const { items } = await complete({ 'goals.md': GOALS, 'team/notes.md': '[g]($0)\n' });
    assert.deepEqual(items.map((i) => i.label), ['../goals.md']);
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
