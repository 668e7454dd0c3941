// The Goals view's tree: the outline with the page's plan in it (fixtures written for this test).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { provideGoalTree } from '../../../server/src/features/goalTree';
import { provideDocumentSymbols } from '../../../server/src/features/documentSymbols';
import { NOT_CANCELLED } from '../../../server/src/workspace/goalDocWorkspace';
import { CORPUS_SKIP, corpusDocs } from '../../support/corpus';
import { dedent, model } from '../../support/fixture';
import { rangeInside as inside, symbolTree as tree } from './support';

describe('the Goals view’s tree', () => {
  it('puts an objective’s key results and their initiatives under it, with owners and scores', () => {
    const doc = model(
      dedent(`
        ---
        title: "FY24-Q2 OKRs"
        ---

        ## On this page

        ### 1. CEO: Grow recurring revenue.

        1. VP Sales: Close the pipeline gap
            1. Sales Ops: Clean up the forecast => 80%
        1. **CEO KR:** Reach 120% net retention. => Done
      `),
      'file:///ws/okrs/index.md',
    );
    assert.deepEqual(tree(provideGoalTree(doc, 'okrs/index.md', NOT_CANCELLED)), [
      [
        'On this page',
        SymbolKind.Namespace,
        undefined,
        [
          [
            '1. CEO: Grow recurring revenue.',
            SymbolKind.Class,
            'objective · CEO · 2 key results',
            [
              ['Close the pipeline gap', SymbolKind.Key, 'VP Sales · 1 initiative', [['Clean up the forecast', SymbolKind.Function, 'Sales Ops · 80%', []]]],
              ['Reach 120% net retention', SymbolKind.Key, 'CEO · Done', []],
            ],
          ],
        ],
      ],
    ]);
  });

  it('places goals written as items or rows under their heading, and shows a team section over its objectives as a heading', () => {
    const doc = model(
      dedent(`
        # FY25-Q1 OKRs

        ## Marketing

        1. **OBJECTIVE: Be known for search**
           - KR: Publish four case studies => Done

        ## Platform

        | Goal | Owner | Status |
        | --- | --- | --- |
        | Cut hosting costs | Ana | ✅ |
      `),
    );
    assert.deepEqual(tree(provideGoalTree(doc, 'goals.md', NOT_CANCELLED)), [
      [
        'FY25-Q1 OKRs',
        SymbolKind.Event,
        'FY25 Q1 · 2 goals',
        [
          ['Marketing', SymbolKind.Namespace, undefined, [['Be known for search', SymbolKind.Class, '1 key result', [['Publish four case studies', SymbolKind.Key, 'Done', []]]]]],
          ['Platform', SymbolKind.Namespace, undefined, [['Cut hosting costs', SymbolKind.Class, 'Ana · ✅', []]]],
        ],
      ],
    ]);
  });

  it('keeps the handbook’s goals as the outline has them, and every child inside its parent', () => {
    const doc = model(
      dedent(`
        # Payments team goals

        ## 2022

        ### FY-22-Q1

        #### Refunds settle within a day

        - **Owner**: Mira
        - **Milestones**:
          - ~~Trace a refund end to end.~~ Done: \`4.02\`
          - Settle in a day
        - **Status**: On track
      `),
    );
    assert.deepEqual(provideGoalTree(doc, 'goals.md', NOT_CANCELLED), provideDocumentSymbols(doc, NOT_CANCELLED));
  });

  it('keeps every symbol of every corpus doc inside its parent', { skip: CORPUS_SKIP }, () => {
    for (const file of corpusDocs()) {
      const doc = model(readFileSync(file, 'utf8'), 'file:///corpus/' + file.split('/').pop());
      const check = (s: DocumentSymbol, parent?: DocumentSymbol) => {
        assert.ok(s.name.length > 0, `${file}: an empty name`);
        assert.ok(inside(s.selectionRange, s.range), `${file}: ${s.name}: selection outside its range`);
        if (parent) assert.ok(inside(s.range, parent.range), `${file}: ${s.name} outside ${parent.name}`);
        for (const c of s.children ?? []) check(c, s);
      };
      for (const s of provideGoalTree(doc, file, NOT_CANCELLED)) check(s);
    }
  });
});
