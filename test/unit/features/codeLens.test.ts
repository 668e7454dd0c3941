import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { provideCodeLenses } from '../../../server/src/features/codeLens';
import { NOT_CANCELLED } from '../../../server/src/workspace/goalDocWorkspace';
import { CORPUS_SKIP, corpusDocs } from '../../support/corpus';
import { dedent, model } from '../../support/fixture';

const GOALS = dedent(`
  ## FY-24-Q1

  ### Faster builds

  - Owner: Ann
  - Milestones:
    - ~~Cache~~ Done: 3.19
    - ✅ Shard
    - [x] Measure
    - Remote execution

  ### Fewer flakes

  - Owner: Bo
  - Outcomes:
    - ~~Quarantine~~ _Descoped_: not needed

  ### Docs

  - Owner: Cy

  ### [Shared goal](https://example.com/other.md)
`);

describe('code lens', () => {
  it('counts done milestones above each quarter and goal that lists some, and says nothing over a goal without', () => {
    const lenses = provideCodeLenses(model(GOALS), { codeLens: true }, NOT_CANCELLED);
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command!.title, l.command!.command]), [
      [0, '3/5 milestones done, 1 descoped', ''],
      [2, '3/4 milestones done', ''],
      [11, '0/1 milestones done, 1 descoped', ''],
    ]);
  });

  it('shows nothing when goalDocs.codeLens is off', () => {
    assert.deepEqual(provideCodeLenses(model(GOALS), { codeLens: false }, NOT_CANCELLED), []);
  });

  it('counts the seed page as its Milestones lists say', { skip: CORPUS_SKIP }, () => {
    const doc = model(readFileSync(corpusDocs()[0], 'utf8'));
    const lenses = provideCodeLenses(doc, { codeLens: true }, NOT_CANCELLED);
    const first = doc.goals[0].heading.range.start.line;
    assert.equal(lenses.find((l) => l.range.start.line === first)!.command!.title, '6/7 milestones done, 1 descoped');
  });
});
