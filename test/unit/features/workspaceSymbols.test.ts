import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { SymbolKind } from 'vscode-languageserver-types';
import { matchScore, provideWorkspaceSymbols } from '../../../server/src/features/workspaceSymbols';
import { NOT_CANCELLED } from '../../../server/src/workspace/goalDocWorkspace';
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
  it('matches the query as prefixes of consecutive words of goal and quarter titles, in every goal doc', async () => {
    const found = await provideWorkspaceSymbols('nightrec', workspace, NOT_CANCELLED);
    assert.deepEqual(found.map((s) => [s.name, s.location.uri.split('/').pop(), s.kind]), [
      ['Nightly reconciliation finishes early', 'goals.md', SymbolKind.Class],
    ]);
    assert.equal(found[0].containerName, '2024 › FY-24-Q1');
  });

  it('ranks a title that starts with the query first, then one with a word that does', async () => {
    const found = await provideWorkspaceSymbols('recon', workspace, NOT_CANCELLED);
    assert.deepEqual(found.map((s) => s.name), ['Reconcile ledgers nightly', 'Nightly reconciliation finishes early']);
  });

  it('lists quarters too, and everything for an empty query, never a plain Markdown file', async () => {
    const all = await provideWorkspaceSymbols('', workspace, NOT_CANCELLED);
    assert.deepEqual(all.map((s) => s.name).sort(), ['Currency rates are cached', 'FY-24-Q1', 'FY24-Q2 OKRs', 'Nightly reconciliation finishes early', 'Reconcile ledgers nightly']);
    assert.equal(all.find((s) => s.name === 'FY-24-Q1')!.kind, SymbolKind.Event);
  });

  it('scores word and prefix matches, and drops letters scattered over a title', () => {
    assert.equal(matchScore('release', 'Release automation'), 0);
    assert.equal(matchScore('q1', 'FY-24-Q1'), 1);
    assert.equal(matchScore('auto release', 'Release automation'), 2);
    assert.equal(matchScore('fy24', 'FY-24-Q1'), 3);
    assert.equal(matchScore('lease', 'Release automation'), 4);
    assert.equal(matchScore('xyz', 'FY-24-Q1'), undefined);
    // Each of these holds r, e, l, e, a, s, e in order; none is about releases.
    for (const title of ['Remote execution at scale', 'Reduce flaky e2e tests across services', 'Rewrite the ledger as a service']) {
      assert.equal(matchScore('release', title), undefined, title);
    }
  });

});
