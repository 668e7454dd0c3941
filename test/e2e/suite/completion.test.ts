// (c) After `](#` each heading of the document is offered once, beside VS Code's built-in Markdown
// completion: by default the built-in's (Goal Docs adds none), and Goal Docs' own once
// `markdown.suggest.paths.enabled` is off, in a goal doc and in a plain README alike.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, counts, headingTexts, openDoc, repeated, typeAtEnd, waitFor, withSetting } from './helpers';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The anchor an item inserts: `#fy-23-q1` (the built-in's) and `fy-23-q1` (ours) are the same one. */
function anchorOf(item: vscode.CompletionItem): string {
  const insert = item.insertText instanceof vscode.SnippetString ? item.insertText.value : item.insertText;
  return (insert ?? labelOf(item)).replace(/^.*#/, '');
}

/** The built-in labels its items `#slug`; ours carry the heading's text. */
const isBuiltins = (item: vscode.CompletionItem) => labelOf(item).startsWith('#');

async function anchorCompletions(name: string, accept: (items: vscode.CompletionItem[]) => boolean) {
  const editor = await openDoc(name);
  const at = await typeAtEnd(editor, '\nSee [the first quarter](#');
  const headings = headingTexts(editor.document);
  let last: vscode.CompletionItem[] = [];
  const items = await waitFor(`completion items after ](# in ${name}`, async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, at, '#');
    last = list?.items ?? [];
    return last.length >= headings.length && accept(last) ? last : undefined;
  }, { describeLast: () => last.map((i) => `${labelOf(i)} (${anchorOf(i)})`).join(' | ') || 'no completion items' });
  return { items, headings };
}

function assertEachHeadingOnce(items: vscode.CompletionItem[], headings: string[], name: string): void {
  const anchors = items.map(anchorOf);
  assert.deepEqual(repeated(anchors), [], `anchors offered more than once in ${name}`);
  assert.equal(counts(anchors).size, headings.length, `${name} has ${headings.length} headings; offered: ${anchors.join(', ')}`);
  // Printed for the report: what the suggest widget is given.
  console.log(`e2e-count: ${name} ](# completion: ${items.length} items for ${headings.length} headings`);
}

describe('anchor completion beside the built-in Markdown completion', () => {
  afterEach(closeAll);

  it('offers each heading of a goal doc once after ](# — the built-in’s, by default', async () => {
    const { items, headings } = await anchorCompletions('goals_completed.md', (is) => is.some((i) => anchorOf(i) === 'fy-23-q1'));
    assertEachHeadingOnce(items, headings, 'goals_completed.md');
    assert.ok(items.every(isBuiltins), `Goal Docs added items beside the built-in's: ${items.filter((i) => !isBuiltins(i)).map(labelOf).join(', ')}`);
  });

  it('offers each heading of a plain README once, from the built-in', async () => {
    const { items, headings } = await anchorCompletions('README.md', (is) => is.some((i) => anchorOf(i) === 'mistakes-to-find'));
    assertEachHeadingOnce(items, headings, 'README.md');
  });

  describe('with markdown.suggest.paths.enabled off', () => {
    let restore: (() => Promise<void>) | undefined;
    before(async () => {
      restore = await withSetting('markdown', 'suggest.paths.enabled', false);
    });
    after(async () => restore?.());

    it('offers each heading of a goal doc once, and they are Goal Docs’ (heading text, place, owners)', async () => {
      const { items, headings } = await anchorCompletions('goals_completed.md', (is) => is.length > 0 && !is.some(isBuiltins));
      assertEachHeadingOnce(items, headings, 'goals_completed.md (Goal Docs)');
      const goal = items.find((i) => labelOf(i) === 'Nightly reconciliation finishes before the morning close');
      assert.ok(goal, `no item labelled with the goal's heading text: ${items.map(labelOf).join(' | ')}`);
      assert.equal(goal.detail, '2024 › FY-24-Q4');
      assert.match((goal.documentation as vscode.MarkdownString).value, /Priya, Tomasz/);
    });

    it('still completes anchors in a plain README, from Goal Docs', async () => {
      const { items, headings } = await anchorCompletions('README.md', (is) => is.length > 0 && !is.some(isBuiltins));
      assertEachHeadingOnce(items, headings, 'README.md (Goal Docs)');
      assert.ok(items.some((i) => labelOf(i) === 'Mistakes to find'));
    });
  });
});
