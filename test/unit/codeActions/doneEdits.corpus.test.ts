// Real "mark done" edits (../shared/corpus/done_edits.jsonl): in each record's document as it was
// just before, "Mark milestone done" on the line the person changed must give the line they
// wrote, only the stamp's version text allowed to differ. Every record that does not is listed
// below with the reason, so the rate cannot drift down, nor up without this list being told.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { TextDocumentEdit } from 'vscode-languageserver-types';
import { provideCodeActions } from '../../../server/src/codeActions/index';
import { defaultSettings } from '../../../server/src/settings/schema';
import { CORPUS_DIR, CORPUS_SKIP } from '../../support/corpus';
import { applyEdits, model } from '../../support/fixture';
import { textEdits, TODAY } from './helpers';

interface DoneEdit {
  doc: string;
  commit: string;
  kind: string;
  before_line: string;
  after_line: string;
}

const NEW_STYLE = 'the person used a marking the document did not use before';
const TEXT_CHANGED = 'the same edit also changed the words, punctuation, indentation or spacing';
const NOT_AN_ITEM = 'a heading, not a list item';
const ROW_MOVED = 'the table row was re-padded: moved into another table';

/** Records (commit@line in the document) that Mark done does not reproduce, and why. */
const EXPLAINED: Record<string, string> = {
  '49fb67507@48': `${NEW_STYLE}: ~~…~~ **Done!** with no done item yet (the default, ✅, applies)`,
  '49fb67507@51': `${NEW_STYLE}: ~~…~~ **Done!** with no done item yet`,
  '9067d8b1e@47': `${NEW_STYLE}: ✅ replacing a ~strike~, the document's only done mark`,
  '9067d8b1e@49': `${NEW_STYLE}: ✅ replacing a ~strike~, the document's only done mark`,
  '56ac611f4@34': `${NEW_STYLE}: a "(done)" prefix`,
  '56ac611f4@36': `${NEW_STYLE}: a "(done)" prefix`,
  'f528ecf88@13': `${NEW_STYLE}: a bare strike with no done item yet; and a word was dropped`,
  'f528ecf88@14': `${NEW_STYLE}: a bare strike with no done item yet`,
  'f528ecf88@15': `${NEW_STYLE}: a bare strike with no done item yet`,
  '9d2d77eb2@22': `${NEW_STYLE}: a bare strike with no done item yet`,
  '0221429b4@27': `${NEW_STYLE}: Done: \`Dist: …\` where the document stamped plain Done: 3.x`,
  '0221429b4@47': `${NEW_STYLE}: Done: \`Dist: …\` where the document stamped plain Done: 3.x`,
  '0221429b4@49': `${NEW_STYLE}: Done: \`Dist: …\` where the document stamped plain Done: 3.x`,
  '0221429b4@50': `${NEW_STYLE}: Done: \`Dist: …\` where the document stamped plain Done: 3.x`,
  'e8c9616f9@27': `${NEW_STYLE}: a bare strike, retiring the goal, where its done items are stamped`,
  'e8c9616f9@28': `${NEW_STYLE}: a bare strike, retiring the goal, where its done items are stamped`,
  'e8c9616f9@29': `${NEW_STYLE}: a bare strike, retiring the goal, where its done items are stamped`,
  'e8c9616f9@30': `${NEW_STYLE}: a bare strike, retiring the goal, where its done items are stamped`,
  'e8c9616f9@31': `${NEW_STYLE}: a bare strike, retiring the goal, where its done items are stamped`,
  'e8c9616f9@32': `${NEW_STYLE}: a bare strike, retiring the goal, where its done items are stamped`,
  'e8c9616f9@48': `${NEW_STYLE}: a bare strike, retiring the goal, where its done items are stamped`,
  '54bfa31bc@12': `${NEW_STYLE}: ✅ where the document's one done item has ✔️`,
  '54bfa31bc@13': `${NEW_STYLE}: ✅ where the document's one done item has ✔️`,
  '54bfa31bc@14': `${NEW_STYLE}: ✅ where the document's one done item has ✔️`,
  '54bfa31bc@15': `${NEW_STYLE}: ✅ where the document's one done item has ✔️`,
  '8620d117c@73': `${TEXT_CHANGED}: the full stop was dropped`,
  '71458dfb8@50': `${TEXT_CHANGED}: the full stop moved outside the strike, ~~[link](…)~~.`,
  'fe3ca353a@104': `${TEXT_CHANGED}: a capital letter was lowered`,
  '6b73b78bc@36': `${TEXT_CHANGED}: a full stop was added`,
  'c197674b2@13': `${TEXT_CHANGED}: re-indented into a sub-list (and ✔️)`,
  '038cda368@33': `${TEXT_CHANGED}: a trailing space was left where the estimate was`,
  'f9ea7ff64@57': `${TEXT_CHANGED}: a name was changed`,
  '21876009a@20': `${NOT_AN_ITEM}: rewritten as a new list item`,
  '21876009a@45': `${NOT_AN_ITEM}: rewritten as a new list item`,
  '32c697e3c@59': `${NOT_AN_ITEM}: a goal heading marked "✅ … (DONE)"`,
  '8deb51881@36': `${NOT_AN_ITEM}: a goal heading marked "✅ … (DONE)"`,
  '2e3423550@44': `${NOT_AN_ITEM}: a goal heading marked "✅  … (DONE)"`,
  '6ca4a14e1@13': ROW_MOVED,
  'b4be1371c@13': ROW_MOVED,
  '3a8a023f8@14': ROW_MOVED,
  'c9b170239@14': ROW_MOVED,
  'e5a7f8a04@11': ROW_MOVED,
  'e5a7f8a04@12': ROW_MOVED,
  'e5a7f8a04@14': ROW_MOVED,
  '18a983021@11': ROW_MOVED,
  '18a983021@12': ROW_MOVED,
  '18a983021@14': ROW_MOVED,
  '75ffb77ee@10': ROW_MOVED,
};

/** The rate reached: 38 of the 86 `done` records. */
const MIN_RATE = 38 / 86;

/** The stamp's version is the one thing allowed to differ. */
function withoutVersion(line: string): string {
  return line.replace(/Done: `[^`\n]*`/g, 'Done: `V`').replace(/Done: [0-9][^\s,;)`]*/g, 'Done: V');
}

function records(): DoneEdit[] {
  if (CORPUS_SKIP) return [];
  return readFileSync(path.join(CORPUS_DIR, 'done_edits.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DoneEdit);
}

/** The line after applying the action called `title` on the record's line, or why there is none. */
function replay(r: DoneEdit, title: string): { key: string; got: string } {
  const text = readFileSync(path.join(CORPUS_DIR, r.doc), 'utf8');
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const line = lines.indexOf(r.before_line);
  const key = `${r.commit.slice(0, 9)}@${line + 1}`;
  if (line < 0) return { key, got: '(line not found)' };
  const doc = model(text, `file:///corpus/${path.basename(r.doc)}`);
  const at = { line, character: 0 };
  const actions = provideCodeActions(doc, { range: { start: at, end: at }, context: { diagnostics: [] } }, defaultSettings(), undefined, { today: TODAY });
  const action = actions.find((a) => a.title === title);
  if (!action) return { key, got: `(no "${title}"; offered: ${actions.map((a) => a.title).join(', ') || 'nothing'})` };
  const after = applyEdits(text, textEdits(action.edit!.documentChanges![0] as TextDocumentEdit));
  return { key, got: after.split('\n')[line].replace(/\r$/, '') };
}

describe('real done edits (corpus/done_edits.jsonl)', { skip: CORPUS_SKIP }, () => {
  it('"Mark milestone done" reproduces the real edit, but for the version, in at least 44% of records; every miss is explained', (t) => {
    const done = records().filter((r) => r.kind === 'done');
    const unexplained: string[] = [];
    const nowMatching: string[] = [];
    let matched = 0;
    for (const r of done) {
      const { key, got } = replay(r, 'Mark milestone done');
      const match = withoutVersion(got) === withoutVersion(r.after_line);
      if (match) matched++;
      if (!match && !(key in EXPLAINED)) unexplained.push(`${key}: got ${JSON.stringify(got)}, wanted ${JSON.stringify(r.after_line)}`);
      if (match && key in EXPLAINED) nowMatching.push(key);
    }
    const rate = matched / done.length;
    t.diagnostic(`Mark milestone done: ${matched}/${done.length} = ${(rate * 100).toFixed(1)}% of real done edits`);
    assert.deepEqual(unexplained, [], 'misses without a reason in EXPLAINED');
    assert.deepEqual(nowMatching, [], 'records in EXPLAINED that now match: take them out of the list');
    assert.ok(rate >= MIN_RATE, `rate ${rate} fell below ${MIN_RATE}`);
  });

  it('"Descope milestone" on the real descoping edits (reported, not a target: each used its own marker)', (t) => {
    const descoped = records().filter((r) => r.kind === 'descoped');
    const results = descoped.map((r) => ({ r, ...replay(r, 'Descope milestone') }));
    const matched = results.filter(({ r, got }) => got === r.after_line).length;
    t.diagnostic(`Descope milestone: ${matched}/${descoped.length} exact`);
    // Each is struck through, whatever marker follows.
    for (const { r, got } of results) assert.match(got, /^\s*[-*+] ~~.+~~/, `${r.commit}: ${got}`);
  });
});
