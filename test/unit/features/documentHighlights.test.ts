import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DocumentHighlightKind } from 'vscode-languageserver-types';
import { provideDocumentHighlights } from '../../../server/src/features/documentHighlights';
import { NOT_CANCELLED } from '../../../server/src/workspace/goalDocWorkspace';
import { workspaceWithCursor } from './support';

function highlightsAt(text: string) {
  const { workspace, doc, position } = workspaceWithCursor({ 'goals.md': text });
  return provideDocumentHighlights(doc, position, workspace, NOT_CANCELLED).map((h) => [h.range.start.line, h.kind]);
}

describe('document highlights', () => {
  const text = `
    - [Q1](#fy-24-q1)

    ## FY-24-Q1

    See [above](#fy-24-q1), not [this](#other).

    ## Other
  `;
  it('highlights the heading and the in-page links to it, from the heading', () => {
    assert.deepEqual(highlightsAt(text.replace('## FY-24-Q1', '## FY-$024-Q1')), [
      [2, DocumentHighlightKind.Write],
      [0, DocumentHighlightKind.Read],
      [4, DocumentHighlightKind.Read],
    ]);
  });

  it('does the same from a link', () => {
    assert.equal(highlightsAt(text.replace('[above](#fy', '[above](#f$0y')).length, 3);
  });

  it('highlights nothing on plain text', () => {
    assert.deepEqual(highlightsAt(text.replace('See', 'S$0ee')), []);
  });
});
