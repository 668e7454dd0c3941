import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { provideDocumentLinks } from '../../../server/src/features/documentLinks';
import { NOT_CANCELLED } from '../../../server/src/workspace/goalDocWorkspace';
import { CORPUS_SKIP, corpusDocs } from '../../support/corpus';
import { model } from '../../support/fixture';
import { MemoryWorkspace } from './support';

describe('document links', () => {
  it('links fragments to the line of their heading, in this file and others', () => {
    const workspace = MemoryWorkspace.of({
      'goals.md': `
        # Goals

        [q1](#fy-24-q1) [there](notes.md#later) [web](https://example.com/#x) [file](notes.md) [broken](#nope)

        ## FY-24-Q1
      `,
      'notes.md': '# Notes\n\n## Later\n',
    });
    const links = provideDocumentLinks(workspace.model('file:///ws/goals.md')!, workspace, NOT_CANCELLED);
    assert.deepEqual(links.map((l) => [l.range.start.character, l.target, l.tooltip]), [
      [5, 'file:///ws/goals.md#L5', "Go to heading 'FY-24-Q1'"],
      [24, 'file:///ws/notes.md#L3', "Go to heading 'Later'"],
    ]);
  });

  it("links every resolvable anchor of goals_completed.md", { skip: CORPUS_SKIP }, () => {
    const text = readFileSync(corpusDocs()[0], 'utf8');
    const uri = 'file:///ws/goals_completed.md';
    const links = provideDocumentLinks(model(text, uri), new MemoryWorkspace({ [uri]: text }), NOT_CANCELLED);
    assert.ok(links.length >= 8);
    assert.ok(links.every((l) => /^file:\/\/\/ws\/goals_completed\.md#L\d+$/.test(l.target!)));
  });
});
