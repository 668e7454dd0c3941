import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { SymbolKind } from 'vscode-languageserver-types';
import { provideDocumentSymbols } from '../../../server/src/features/documentSymbols';
import { NOT_CANCELLED } from '../../../server/src/workspace/goalDocWorkspace';
import { CORPUS_SKIP, corpusDocs } from '../../support/corpus';
import { dedent, model } from '../../support/fixture';
import { rangeInside as inside, symbolTree as tree } from './support';

describe('document symbols', () => {
  it('nests goals under quarters under years, with our kinds and details', () => {
    const doc = model(dedent(`
      # Ledger goals

      ## 2020

      ### FY-20-Q4

      #### Nightly reconciliation

      - **Owner**: Dave, Robert
      - **Milestones**:
        - ~~Measure~~ Done: 3.19
        - Batch the writes

      ##### Notes

      Some notes.

      ### FY-20-Q3

      ## Active goals

      ### Faster builds

      - Owner: Ann
    `));
    assert.deepEqual(tree(provideDocumentSymbols(doc, NOT_CANCELLED)), [
      ['Ledger goals', SymbolKind.Namespace, undefined, [
        ['2020', SymbolKind.Module, '2 quarters', [
          ['FY-20-Q4', SymbolKind.Event, 'FY20 Q4 · 1 goal', [
            ['Nightly reconciliation', SymbolKind.Class, 'Dave, Robert · 1/2 done', [
              ['Notes', SymbolKind.Namespace, undefined, []],
            ]],
          ]],
          ['FY-20-Q3', SymbolKind.Event, 'FY20 Q3 · 0 goals', []],
        ]],
        ['Active goals', SymbolKind.Namespace, undefined, [
          ['Faster builds', SymbolKind.Class, 'Ann', []],
        ]],
      ]],
    ]);
  });

  it('puts a goal written at its quarter level under the quarter, and widens the quarter to hold it', () => {
    const doc = model(dedent(`
      ## 2021

      ### FY-21-Q1

      ### Any engineer can release

      - **Owner**: Dave

      ### FY-20-Q4
    `));
    const symbols = provideDocumentSymbols(doc, NOT_CANCELLED);
    const [year] = symbols;
    const [q1, q4] = year.children!;
    assert.equal(q1.name, 'FY-21-Q1');
    assert.deepEqual(q1.children!.map((c) => c.name), ['Any engineer can release']);
    assert.equal(q4.name, 'FY-20-Q4');
    assert.ok(inside(q1.children![0].range, q1.range), 'the quarter range holds its goal');
  });

  it('uses the section as range and the heading text as selection range', () => {
    const doc = model('## FY-24-Q1\n\n### Goal\n\n- Owner: Ann\n');
    const [q] = provideDocumentSymbols(doc, NOT_CANCELLED);
    assert.deepEqual(q.range, { start: { line: 0, character: 0 }, end: { line: 4, character: 12 } });
    assert.deepEqual(q.selectionRange, { start: { line: 0, character: 3 }, end: { line: 0, character: 11 } });
  });

  it('shows a half-year as a half (FY25 H2), not as its first quarter', () => {
    const doc = model('## 2025\n\n### FY25H2\n\n#### Ship it\n\n- Owner: Ann\n\n### 2025 H1 priorities\n\n#### Plan it\n\n- Owner: Bo\n');
    const [year] = provideDocumentSymbols(doc, NOT_CANCELLED);
    assert.deepEqual(year.children!.map((h) => h.detail), ['FY25 H2 · 1 goal', '2025 H1 · 1 goal']);
  });

  it('gives an empty heading a name, as VS Code requires one', () => {
    const [s] = provideDocumentSymbols(model('##\n\ntext\n'), NOT_CANCELLED);
    assert.equal(s.name, '(empty heading)');
  });

  it('nests the goals of goals_completed.md under their quarters and years', { skip: CORPUS_SKIP }, () => {
    const file = corpusDocs()[0];
    const symbols = provideDocumentSymbols(model(readFileSync(file, 'utf8')), NOT_CANCELLED);
    const years = symbols[0].children!;
    const y2020 = years.find((y) => y.name === '2020')!;
    const q4 = y2020.children!.find((q) => q.name === 'FY-20-Q4')!;
    assert.equal(q4.kind, SymbolKind.Event);
    assert.deepEqual(q4.children!.map((g) => g.name).slice(0, 2), ['Automatic e2e testing', 'CI infrastructure that can run Docker containers in a reliable way']);
    const q1 = y2020.children!.find((q) => q.name === 'FY-21-Q1')!;
    assert.equal(q1.children![0].detail, 'Dave, Robert · 6/7 done, 1 descoped');
  });
});
