import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { provideDefinition } from '../../../server/src/features/definition';
import { NOT_CANCELLED } from '../../../server/src/workspace/goalDocWorkspace';
import { CORPUS_SKIP, corpusDocs } from '../../support/corpus';
import { model } from '../../support/fixture';
import { MemoryWorkspace, workspaceWithCursor } from './support';

const GOALS = `
  # Goals

  - [FY-24-Q1](#fy-24-q1)

  ## FY-24-Q1

  ### Faster builds

  - Owner: Ann
`;

function definitionAt(files: Record<string, string>) {
  const { workspace, doc, position } = workspaceWithCursor(files);
  return provideDefinition(doc, position, workspace, NOT_CANCELLED).map((l) => [l.uri.replace('file:///ws/', ''), l.range.start.line]);
}

describe('definition', () => {
  it('goes from an in-page link to its heading', () => {
    assert.deepEqual(definitionAt({ 'goals.md': GOALS.replace('[FY-24-Q1](#', '[FY-24-Q1](#$0') }), [['goals.md', 4]]);
  });

  it('goes to a heading of another file, case ignored as the model resolves it', () => {
    assert.deepEqual(definitionAt({ 'goals.md': GOALS, 'team/notes.md': 'See [builds](../goals.md#Faster-$0builds).\n' }), [['goals.md', 6]]);
  });

  it('goes to the top of a linked file without a fragment', () => {
    assert.deepEqual(definitionAt({ 'goals.md': GOALS, 'notes.md': 'See [goals]($0goals.md).\n' }), [['goals.md', 0]]);
  });

  it('goes nowhere from a broken anchor, an external link, or plain text', () => {
    assert.deepEqual(definitionAt({ 'goals.md': GOALS + '\n[x](#nope$0)\n' }), []);
    assert.deepEqual(definitionAt({ 'goals.md': GOALS + '\n[x](https://example.com/#a$0)\n' }), []);
    assert.deepEqual(definitionAt({ 'goals.md': GOALS + '\nplain $0text\n' }), []);
  });

  it('resolves every in-page anchor link of goals_completed.md that reaches a heading', { skip: CORPUS_SKIP }, () => {
    const text = readFileSync(corpusDocs()[0], 'utf8');
    const uri = 'file:///ws/goals_completed.md';
    const doc = model(text, uri);
    const workspace = new MemoryWorkspace({ [uri]: text });
    const inPage = doc.links.filter((l) => !l.external && l.path === '' && l.fragment);
    assert.ok(inPage.length >= 8);
    for (const link of inPage) {
      const [loc] = provideDefinition(doc, link.fragmentRange!.start, workspace, NOT_CANCELLED);
      assert.ok(loc, `no definition for #${link.fragment}`);
      const h = doc.headings.find((x) => x.range.start.line === loc.range.start.line)!;
      assert.equal(h.slug, link.fragment!.toLowerCase());
    }
  });
});
