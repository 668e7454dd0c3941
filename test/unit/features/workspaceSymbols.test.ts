import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { SymbolKind } from 'vscode-languageserver-types';
import { provideWorkspaceSymbols, subsequenceScore } from '../../../server/src/features/workspaceSymbols';
import { NOT_CANCELLED } from '../../../server/src/features/workspace';
import { MemoryWorkspace } from './support';

const workspace = MemoryWorkspace.of({
  'goals.md': `
    ## 2024

    ### FY-24-Q1

    #### Nightly reconciliation finishes early

    - Owner: Ann

    #### Currency rates are cached

    - Owner: Bo
  `,
  'team/okr_goals.md': `
    # FY24-Q2 OKRs

    ## Reconcile ledgers nightly

    - Owner: Cy
  `,
  'README.md': `
    # Readme

    ## Nightly reconciliation notes
  `,
});

describe('workspace symbols', () => {
  it('matches the query as a subsequence of goal and quarter titles, in every goal doc', async () => {
    const found = await provideWorkspaceSymbols('nightrec', workspace, NOT_CANCELLED);
    assert.deepEqual(found.map((s) => [s.name, s.location.uri.split('/').pop(), s.kind]), [
      ['Nightly reconciliation finishes early', 'goals.md', SymbolKind.Class],
    ]);
    assert.equal(found[0].containerName, '2024 › FY-24-Q1');
  });

  it('ranks a contiguous match at a word start first', async () => {
    const found = await provideWorkspaceSymbols('recon', workspace, NOT_CANCELLED);
    assert.deepEqual(found.map((s) => s.name), ['Nightly reconciliation finishes early', 'Reconcile ledgers nightly']);
  });

  it('lists quarters too, and everything for an empty query, never a plain Markdown file', async () => {
    const all = await provideWorkspaceSymbols('', workspace, NOT_CANCELLED);
    assert.deepEqual(all.map((s) => s.name).sort(), ['Currency rates are cached', 'FY-24-Q1', 'FY24-Q2 OKRs', 'Nightly reconciliation finishes early', 'Reconcile ledgers nightly']);
    assert.equal(all.find((s) => s.name === 'FY-24-Q1')!.kind, SymbolKind.Event);
  });

  it('scores subsequences', () => {
    assert.equal(subsequenceScore('fy24', 'FY-24-Q1'), 2);
    assert.equal(subsequenceScore('q1', 'FY-24-Q1'), 0);
    assert.equal(subsequenceScore('xyz', 'FY-24-Q1'), undefined);
  });

});
