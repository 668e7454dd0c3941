// Regressions the property tests found in code actions, each reduced to its smallest case.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { buildGoalDoc } from '../../../server/src/model/build';
import { computeDiagnostics } from '../../../server/src/diagnostics/index';
import { defaultSettings } from '../../../server/src/settings';
import { FIX_ALL, provideCodeActions } from '../../../server/src/codeActions/index';
import { regeneratedToc } from '../../../server/src/codeActions/tocFixes';
import { applyEdits } from '../../support/fixture';

const URI = 'file:///ws/goals.md';

function edited(text: string, edit: { documentChanges?: unknown[] } | undefined): string {
  return applyEdits(text, (edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[]);
}

describe('robustness: regressions found by the property tests', () => {
  it('the TOC update keeps a lone-CR document\'s line endings and replaces the stale entry', () => {
    const text = ['# Goals', '', '- [2020](#2020)', '  - [Ship it](#ship-it-old)', '', '## 2020', '', '### Ship it', '', '- Owner: x', ''].join('\r');
    const toc = regeneratedToc(buildGoalDoc(text, { uri: URI, version: 1 }))!;
    assert.equal(toc.text, '- [2020](#2020)\r  - [Ship it](#ship-it)');
  });

  it('a new TOC entry escapes a heading that ends in a backslash', () => {
    const text = '# Goals\n\n- [2020](#2020)\n  - [Ship](#ship)\n\n## 2020\n\n### Ship\n\n- Owner: y\n\n### Upgrades \\\n\n- Owner: x\n';
    const toc = regeneratedToc(buildGoalDoc(text, { uri: URI, version: 1 }))!;
    assert.equal(toc.text.split('\n')[2], '  - [Upgrades \\\\](#upgrades-)');
  });

  it('repairing mojibake in a heading takes the in-page links to it along, and Fix all leaves it alone', () => {
    const text = '# Goals\n\n- [Ship ðŸ¦„](#ship-ðÿ)\n- [Other](#other)\n\n## Ship ðŸ¦„\n\nSee [it](#ship-ðÿ) and [other](#other).\n\n## Other\n';
    const doc = buildGoalDoc(text, { uri: URI, version: 1 });
    const settings = defaultSettings();
    const inHeading = computeDiagnostics(doc, settings).find((d) => d.code === 'text.mojibake' && d.range.start.line === 5)!;
    const [fix] = provideCodeActions(doc, { range: inHeading.range, context: { diagnostics: [inHeading] } }, settings);
    const after = edited(text, fix.edit);
    assert.equal(after, '# Goals\n\n- [Ship ðŸ¦„](#ship-)\n- [Other](#other)\n\n## Ship 🦄\n\nSee [it](#ship-) and [other](#other).\n\n## Other\n');
    const errors = computeDiagnostics(buildGoalDoc(after, { uri: URI, version: 2 }), settings).filter((d) => d.severity === 1);
    assert.deepEqual(errors, []);
    // A new anchor breaks links from other files and sites: not a change to make unasked.
    const all = provideCodeActions(doc, { range: inHeading.range, context: { diagnostics: [], only: [FIX_ALL] } }, settings);
    const fixedAll = all.length ? edited(text, all[0].edit) : text;
    assert.match(fixedAll, /## Ship ðŸ¦„/);
  });
});
