import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { provideFoldingRanges } from '../../../server/src/features/folding';
import { NOT_CANCELLED } from '../../../server/src/workspace/goalDocWorkspace';
import { dedent, model } from '../../support/fixture';

describe('folding ranges', () => {
  it('folds years, quarters, goals and their field lists', () => {
    const doc = model(dedent(`
      ## 2024

      ### FY-24-Q1

      #### Faster builds

      - Owner: Ann
      - Milestones:
        - Cache
        - Shard

      **Outcomes:**

      1. CI under ten minutes
      2. Fewer flakes
    `));
    assert.deepEqual(provideFoldingRanges(doc, NOT_CANCELLED).map((r) => [r.startLine, r.endLine]), [
      [0, 14],
      [2, 14],
      [4, 14],
      [7, 9],
      [11, 14],
    ]);
  });
});
