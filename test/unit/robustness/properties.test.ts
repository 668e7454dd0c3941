// Property tests over every feature: random goal-doc-ish Markdown, random edit sequences (the
// model built incrementally, as the server builds it), and mutated corpus docs. `npm test` runs a
// few of each; `npm run fuzz` many more (GOAL_DOCS_FUZZ multiplies the runs).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildGoalDoc, parseGoalDoc } from '../../../server/src/model/build';
import { CORPUS_SKIP, corpusDocs } from '../../support/corpus';
import { applyTextEdit, goalDocText, newName, params, textEdit, where } from './arbitraries';
import { checkEveryFeature, FuzzWorkspace, ROOT } from './check';

/** A workspace with a sibling goal doc and a non-goal doc that links can reach. */
function workspaceWith(siblingText: string): FuzzWorkspace {
  const ws = new FuzzWorkspace();
  ws.set(buildGoalDoc(siblingText, { uri: `${ROOT}/other.md`, version: 3 }));
  ws.set(buildGoalDoc('# Readme\n\n## Setup\n', { uri: `${ROOT}/sub/README.md`, version: -1 }), false);
  return ws;
}

const inputs = fc.record({ positions: fc.array(where, { minLength: 1, maxLength: 4 }), newNames: fc.array(newName, { minLength: 1, maxLength: 2 }) });

describe('robustness: every feature on random input', () => {
  it('random goal docs: nothing throws, ranges stay inside, fixes apply and hold', async () => {
    await fc.assert(
      fc.asyncProperty(goalDocText, goalDocText, inputs, async (text, sibling, input) => {
        const ws = workspaceWith(sibling);
        const doc = buildGoalDoc(text, { uri: `${ROOT}/goals.md`, version: 7 });
        ws.set(doc);
        assert.equal(doc.text, text);
        await checkEveryFeature(ws, doc, input);
      }),
      params(60),
    );
  });

  it('random edit sequences, the model reusing the previous version as the server does', async () => {
    await fc.assert(
      fc.asyncProperty(goalDocText, fc.array(textEdit, { minLength: 1, maxLength: 12 }), inputs, async (start, edits, input) => {
        const ws = workspaceWith('## FY-21-Q4\n\n### Ship it\n');
        let text = start;
        let parsed = parseGoalDoc(text, { uri: `${ROOT}/goals.md`, version: 1 });
        for (const [i, e] of edits.entries()) {
          text = applyTextEdit(text, e);
          parsed = parseGoalDoc(text, { uri: `${ROOT}/goals.md`, version: i + 2, previous: parsed });
          assert.equal(parsed.model.text, text);
        }
        const doc = parsed.model;
        ws.set(doc);
        await checkEveryFeature(ws, doc, input);
      }),
      params(25),
    );
  });

  it('mutated corpus docs', { skip: CORPUS_SKIP }, async () => {
    const texts = corpusDocs().map((f) => readFileSync(f, 'utf8'));
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: texts.length - 1 }), fc.array(textEdit, { minLength: 1, maxLength: 6 }), inputs, async (which, edits, input) => {
        const ws = workspaceWith(texts[(which + 1) % texts.length]);
        let parsed = parseGoalDoc(texts[which], { uri: `${ROOT}/goals.md`, version: 1 });
        let text = texts[which];
        for (const [i, e] of edits.entries()) {
          text = applyTextEdit(text, e);
          parsed = parseGoalDoc(text, { uri: `${ROOT}/goals.md`, version: i + 2, previous: parsed });
        }
        const doc = parsed.model;
        ws.set(doc);
        await checkEveryFeature(ws, doc, { ...input, applyFixes: true });
      }),
      params(6),
    );
  });
});
