// Every code action over every real goal doc: edits apply (they never overlap), "Mark milestone
// done" leaves the item done and "Reopen" leaves it open again, and "Fix all" only ever lowers
// the number of findings.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-types';
import { provideCodeActions } from '../../../server/src/codeActions/index';
import { isClosedInHouse } from '../../../server/src/codeActions/doneStyle';
import { computeDiagnostics } from '../../../server/src/diagnostics/index';
import { allMilestones } from '../../../server/src/model/milestones';
import type { GoalDoc } from '../../../server/src/model/types';
import { defaultSettings } from '../../../server/src/settings';
import { CORPUS_SKIP, corpusDocs, doneEditDocs } from '../../support/corpus';
import { applyEdits, model } from '../../support/fixture';
import { textEdits, TODAY } from './helpers';

const settings = defaultSettings();

function applied(text: string, action: CodeAction): string {
  return applyEdits(text, textEdits(action.edit!.documentChanges![0] as TextDocumentEdit));
}

function actionsOn(doc: GoalDoc, line: number, only?: string[]): CodeAction[] {
  const at = { line, character: 0 };
  return provideCodeActions(doc, { range: { start: at, end: at }, context: { diagnostics: [], only } }, settings, undefined, { today: TODAY });
}

/** The item that starts on `line` in a document's model. */
function itemOn(doc: GoalDoc, line: number) {
  return [...allMilestones(doc.items)].find((m) => m.lineRange.start.line === line);
}

describe('code actions over the corpus', { skip: CORPUS_SKIP }, () => {
  it('marks items done and reopens them in every doc, every edit applying cleanly', () => {
    let marked = 0;
    for (const file of corpusDocs()) {
      const text = readFileSync(file, 'utf8');
      const doc = model(text, `file:///corpus/${path.basename(file)}`);
      const lines = [...allMilestones(doc.items)].map((m) => m.lineRange.start.line);
      for (const line of lines) {
        for (const action of actionsOn(doc, line)) if (action.edit) applied(text, action);
      }
      // Re-reading every result is slow; the first few items of each doc stand for the rest.
      for (const line of lines.slice(0, 2)) {
        const mark = actionsOn(doc, line).find((a) => a.title === 'Mark milestone done');
        if (!mark) continue;
        const after = model(applied(text, mark));
        assert.ok(isClosedInHouse(after, itemOn(after, line)!), `${path.basename(file)}:${line + 1} is not done after marking it`);
        const reopen = actionsOn(after, line).find((a) => a.title === 'Reopen milestone');
        assert.ok(reopen, `${path.basename(file)}:${line + 1} offers no Reopen once done`);
        const again = model(applied(after.text, reopen));
        assert.ok(!isClosedInHouse(again, itemOn(again, line)!), `${path.basename(file)}:${line + 1} is still done after reopening`);
        marked++;
      }
    }
    assert.ok(marked > 50, `only ${marked} items marked`);
  });

  // Every open item of every doc under `npm run fuzz`; a spread of them in `npm test`.
  const perDoc = process.env.GOAL_DOCS_FUZZ ? Infinity : 4;
  it(`"Mark milestone done" never leaves something our own rules report (${perDoc === Infinity ? 'every' : perDoc} open items per doc)`, () => {
    const key = (d: Diagnostic) => `${d.code}|${d.message}`;
    let tried = 0;
    for (const file of [...corpusDocs(), ...doneEditDocs()]) {
      const text = readFileSync(file, 'utf8');
      const doc = model(text);
      const before = new Map<string, number>();
      for (const d of computeDiagnostics(doc, settings)) before.set(key(d), (before.get(key(d)) ?? 0) + 1);
      const open = [...allMilestones(doc.items)].filter((m) => !isClosedInHouse(doc, m));
      const step = Math.max(1, Math.floor(open.length / Math.min(perDoc, open.length || 1)));
      for (let i = 0; i < open.length; i += step) {
        const line = open[i]!.lineRange.start.line;
        const mark = actionsOn(doc, line).find((a) => a.title === 'Mark milestone done');
        if (!mark) continue;
        tried++;
        const left = new Map(before);
        const fresh: string[] = [];
        for (const d of computeDiagnostics(model(applied(text, mark)), settings)) {
          const n = left.get(key(d)) ?? 0;
          if (n > 0) left.set(key(d), n - 1);
          else fresh.push(`${d.range.start.line + 1}: ${d.code}: ${d.message}`);
        }
        assert.deepEqual(fresh, [], `${path.basename(file)}:${line + 1} marked done`);
      }
    }
    assert.ok(tried > 200, `only ${tried} items marked`);
  });

  it('"Fix all" applies cleanly and never adds findings', () => {
    for (const file of corpusDocs()) {
      const text = readFileSync(file, 'utf8');
      const doc = model(text);
      const [fixAll] = actionsOn(doc, 0, ['source.fixAll']);
      if (!fixAll) continue;
      const before = computeDiagnostics(doc, settings).length;
      const after = computeDiagnostics(model(applied(text, fixAll)), settings).length;
      assert.ok(after < before, `${path.basename(file)}: ${before} findings before "Fix all", ${after} after`);
    }
  });
});
