// Regressions the property tests found in code actions, each reduced to its smallest case.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { buildGoalDoc } from '../../../server/src/model/build';
import { computeDiagnostics } from '../../../server/src/diagnostics/index';
import { defaultSettings } from '../../../server/src/settings/schema';
import { FIX_ALL, provideCodeActions } from '../../../server/src/codeActions/index';
import { regeneratedToc } from '../../../server/src/codeActions/tocFixes';
import { applyEdits } from '../../support/fixture';
import { applyChecked } from './check';

const URI = 'file:///ws/goals.md';

function edited(text: string, edit: { documentChanges?: unknown[] } | undefined): string {
  return applyEdits(text, (edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[]);
}

/** The text after applying a quick fix (the first, or the one titled `title`) for the first diagnostic with `code`. */
function fixed(text: string, code: string, title?: string): string {
  const doc = buildGoalDoc(text, { uri: URI, version: 1 });
  const settings = defaultSettings();
  const d = computeDiagnostics(doc, settings).find((x) => x.code === code);
  assert.ok(d, `no ${code} in ${JSON.stringify(text)}`);
  const actions = provideCodeActions(doc, { range: d.range, context: { diagnostics: [d] } }, settings);
  const action = title ? actions.find((a) => a.title === title) : actions[0];
  assert.ok(action, `no quick fix ${title ?? ''} for ${code}`);
  return edited(text, action.edit);
}

/** The diagnostic codes of a text. */
function codes(text: string): string[] {
  return computeDiagnostics(buildGoalDoc(text, { uri: URI, version: 2 }), defaultSettings()).map((x) => x.code as string);
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

  it('striking an item whose text ends in stray tildes strikes it (a longer tilde run closes nothing)', () => {
    const text = '## FY-24-Q1\n\n### G\n\n- ~~Design~~ Done: `3.19`\n- ~~Build~~ Done: `3.19`\n- Ship it \t~~ Done: `3.20`\n- Test ~ Done: `3.20`\n';
    const doc = buildGoalDoc(text, { uri: URI, version: 1 });
    const settings = defaultSettings();
    let after = text;
    for (const d of computeDiagnostics(doc, settings).filter((x) => x.code === 'milestone.done-not-struck').reverse()) {
      const [fix] = provideCodeActions(doc, { range: d.range, context: { diagnostics: [d] } }, settings);
      after = edited(after, fix.edit);
    }
    assert.deepEqual(after.split('\n').slice(6, 8), ['- ~~Ship it~~ \t~~ Done: `3.20`', '- ~~Test~~ ~ Done: `3.20`']);
    assert.deepEqual(computeDiagnostics(buildGoalDoc(after, { uri: URI, version: 2 }), settings), []);
    // Right against the text, the stray tildes are escaped: they read the same and join no run.
    const tight = text.replace('Ship it \t~~', 'Ship it 🦄~~');
    const tightDoc = buildGoalDoc(tight, { uri: URI, version: 1 });
    const d0 = computeDiagnostics(tightDoc, settings).find((x) => x.code === 'milestone.done-not-struck')!;
    const tightAfter = edited(tight, provideCodeActions(tightDoc, { range: d0.range, context: { diagnostics: [d0] } }, settings)[0].edit);
    assert.equal(tightAfter.split('\n')[6], '- ~~Ship it 🦄~~\\~\\~ Done: `3.20`');
    assert.deepEqual(computeDiagnostics(buildGoalDoc(after, { uri: URI, version: 2 }), settings), []);
    // Stray tildes before the text are escaped inside the new strike, which opens first.
    const first = '## FY-24-Q1\n\n- ~~Design~~ Done: `3.19`\n- ~~Build~~ Done: `3.19`\n- ~~ Ship ~~ Done: `3.20`\n';
    const firstDoc = buildGoalDoc(first, { uri: URI, version: 1 });
    const d = computeDiagnostics(firstDoc, settings).find((x) => x.code === 'milestone.done-not-struck')!;
    const firstAfter = edited(first, provideCodeActions(firstDoc, { range: d.range, context: { diagnostics: [d] } }, settings)[0].edit);
    assert.equal(firstAfter.split('\n')[4], '- ~~\\~\\~ Ship~~ ~~ Done: `3.20`');
    assert.deepEqual(computeDiagnostics(buildGoalDoc(firstAfter, { uri: URI, version: 2 }), settings), []);
  });

  it('a TOC entry that links to a heading of its own name is no mismatch when another heading has that name above the TOC', () => {
    const text = '# 2020\n\n- [FY-20-Q1](#fy-20-q1)\n  - [2020](#2020-1)\n\n## FY-20-Q1\n\n### 2020\n';
    assert.deepEqual(computeDiagnostics(buildGoalDoc(text, { uri: URI, version: 1 }), defaultSettings()), []);
  });

  it('an Owner added to a goal whose text ends in an open fence goes under its heading, not into the code', () => {
    const text = '## FY-24-Q1\n\n### Other\n\n- Owner: Ann\n\n### Ship it\n\n```js\ncode\n';
    assert.equal(fixed(text, 'goal.owner-missing'), '## FY-24-Q1\n\n### Other\n\n- Owner: Ann\n\n### Ship it\n\n- Owner: TBD\n\n```js\ncode\n');
  });

  it('an Owner added to a goal whose text is indented code goes after the code, which stays code', () => {
    const text = '## FY-24-Q1\n\n### Other\n\n- Owner: Ann\n\n### Ship it\n    + [link](other.md#nowhere)\n\n## 2024\n';
    const after = fixed(text, 'goal.owner-missing');
    assert.equal(after, '## FY-24-Q1\n\n### Other\n\n- Owner: Ann\n\n### Ship it\n    + [link](other.md#nowhere)\n\n- Owner: TBD\n\n## 2024\n');
    assert.equal(buildGoalDoc(after, { uri: URI, version: 2 }).links.length, 0, 'the code turned into a link');
  });

  it('striking a done item that has a strike or stray tildes inside its text strikes the whole text once', () => {
    for (const [line, struck] of [
      ['- Second ~~part~~ Done: 3.19', '- ~~Second part~~ Done: 3.19'],
      ['- ⏳ easy\n  10. ~~easy ship~~ Done: 3.19', '- ⏳ ~~easy\n  10. easy ship~~ Done: 3.19'],
      // Two stray runs that open nothing: the one inside would otherwise pair with the new closer.
      ['- ~~Ship it ~~now Done: 3.19', '- ~~\\~\\~Ship it \\~\\~now~~ Done: 3.19'],
    ]) {
      const text = `## FY-24-Q1\n\n### Ship it\n\n- Owner: Ann\n- ~~First~~ Done: 3.18\n${line}\n`;
      const after = fixed(text, 'milestone.done-not-struck', 'Strike the done item through');
      assert.equal(after, text.replace(line, struck));
      assert.deepEqual(codes(after), []);
    }
  });

  it('an Owner added before a numbered field keeps its number, so it joins that list and not a TOC list just above', () => {
    const text = '## FY-24-Q1\n\n### Other\n\n- Owner: Ann\n\n### Ship it\n\n- [FY-24-Q1](#fy-24-q1)\n- [Other](#other)\n2) **Milestones**: soon\n';
    const after = fixed(text, 'goal.owner-missing');
    assert.equal(after, text.replace('2) **Milestones**', '2) Owner: TBD\n2) **Milestones**'));
    assert.deepEqual(codes(after), []);
  });

  it('an Owner goes where it reads as the Owner and changes nothing else, or is not offered', () => {
    // After the text the bullet would be inside a comment left open: it goes under the heading.
    const open = '## FY-24-Q1\n\n### Other\n\n- Owner: Ann\n\n### Ship it\n\nSome text.\n\n<!--\n- note\n';
    assert.equal(fixed(open, 'goal.owner-missing'), open.replace('### Ship it\n\n', '### Ship it\n\n- Owner: TBD\n\n'));
    // Here a bullet anywhere turns the setext heading after the code into a list item's text.
    const nowhere = '## FY-24-Q1\n\n### Other\n\n- Owner: Ann\n\n### Ship it\n\n    code\n10. Descoped\n===\n\n## 2024\n';
    const doc = buildGoalDoc(nowhere, { uri: URI, version: 1 });
    const d = computeDiagnostics(doc, defaultSettings()).find((x) => x.code === 'goal.owner-missing')!;
    assert.deepEqual(provideCodeActions(doc, { range: d.range, context: { diagnostics: [d] } }, defaultSettings()).map((a) => a.title), []);
  });

  it('reopening leaves text that reads as text: lone block syntax is escaped, and an item that is only its stamp is not offered', () => {
    const settings = defaultSettings();
    const actionsOn = (text: string, line: number) => {
      const doc = buildGoalDoc(text, { uri: URI, version: 1 });
      return provideCodeActions(doc, { range: { start: { line, character: 3 }, end: { line, character: 3 } }, context: { diagnostics: [] } }, settings);
    };
    const rule = '## FY-24-Q1\n\n### Ship it\n\n- Owner: Ann\n- *** => Done\n';
    const reopen = actionsOn(rule, 5).find((a) => a.title === 'Reopen milestone');
    assert.ok(reopen, 'Reopen is offered');
    assert.equal(edited(rule, reopen.edit), rule.replace('- *** => Done', '- \\***'));
    const onlyStamp = '## FY-24-Q1\n\n### Ship it\n\n- Owner: Ann\n- => Done\n[ref]: #nowhere\n';
    assert.deepEqual(actionsOn(onlyStamp, 5).filter((a) => a.title.startsWith('Reopen')).map((a) => a.title), []);
  });

  it('an empty Owner heading with an explicit {#id} is not filled after the id (the anchor would go)', () => {
    const text = '## FY-24-Q1\n\n### Ship it\n\n#### Owner {#owner}\n\n- Dependencies: none\n\nSee [who](#owner).\n';
    const doc = buildGoalDoc(text, { uri: URI, version: 1 });
    const d = computeDiagnostics(doc, defaultSettings()).find((x) => x.code === 'goal.owner-missing');
    assert.ok(d, 'the empty Owner is reported');
    const titles = provideCodeActions(doc, { range: d.range, context: { diagnostics: [d] } }, defaultSettings()).map((a) => a.title);
    assert.ok(!titles.some((t) => t.startsWith('Fill')), titles.join(', '));
  });

  it('reopening `✅ Done: 3.20`, descoping an item that ends in a BOM or whose task box ends a CRLF line: edits inside the text, not overlapping', () => {
    const settings = defaultSettings();
    const cases: Array<[string, string, string]> = [
      ['## FY-24-Q1\n\n- ✅ Done: `3.20`\n', 'Reopen milestone', '## FY-24-Q1\n\n- \n'],
      ['## FY-24-Q1\n\n- ~~Design~~ Deprioritized\n- Build ETA May 2021\n\uFEFF\n', 'Descope milestone', '## FY-24-Q1\n\n- ~~Design~~ Deprioritized\n- ~~Build \uFEFF~~ Deprioritized\n'],
      ['## FY-24-Q1\r\n\r\n- ~~Design~~ Deprioritized\r\n- [ ] \r\n  more\r\n', 'Descope milestone', '## FY-24-Q1\r\n\r\n- ~~Design~~ Deprioritized\r\n- [ ] \r\n  ~~more~~ Deprioritized\r\n'],
      ['## FY-24-Q1\n\n- ~~Design~~ Deprioritized\n- ~~ ETA May 2021\n  more\n', 'Descope milestone', '## FY-24-Q1\n\n- ~~Design~~ Deprioritized\n- ~~\\~\\~ more~~ Deprioritized\n'],
    ];
    for (const [text, title, expected] of cases) {
      const doc = buildGoalDoc(text, { uri: URI, version: 1 });
      const line = doc.items[doc.items.length - 1].range.start.line;
      const action = provideCodeActions(doc, { range: { start: { line, character: 3 }, end: { line, character: 3 } }, context: { diagnostics: [] } }, settings).find((a) => a.title === title)!;
      assert.equal(applyChecked(text, (action.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[], title), expected);
    }
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
