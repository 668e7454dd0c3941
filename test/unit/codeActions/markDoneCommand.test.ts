import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { TextDocumentEdit } from 'vscode-languageserver-types';
import { markDoneWithVersion, parseMarkDoneArgs } from '../../../server/src/codeActions/markDoneCommand';
import { defaultSettings } from '../../../server/src/settings/schema';
import { applyEdits } from '../../support/fixture';
import { fixture, textEdits, TODAY, URI } from './helpers';

const RAW = '## G\n\n- ~~A.~~ Done: `3.20`\n- B$0 **In progress**\n  - C\n';

describe('goalDocs.markDoneWithVersion', () => {
  it('answers the inferred version when asked without one', () => {
    const f = fixture(RAW);
    assert.deepEqual(markDoneWithVersion(f.doc, { uri: URI, version: 1, lines: [3] }, defaultSettings(), TODAY), { inferredVersion: '3.20' });
  });

  it('marks the items on the given lines done with the chosen version, tied to the document version', () => {
    const f = fixture(RAW);
    const result = markDoneWithVersion(f.doc, { uri: URI, version: 1, lines: [3, 4], stampVersion: ' 3.21 ' }, defaultSettings(), TODAY);
    const change = result.edit?.documentChanges?.[0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri: URI, version: 1 });
    assert.equal(applyEdits(f.text, textEdits(change)), '## G\n\n- ~~A.~~ Done: `3.20`\n- ~~B.~~ Done: `3.21`\n  - ~~C.~~ Done: `3.21`\n');
  });

  it('refuses a stale document version, an empty version and lines without open items', () => {
    const f = fixture(RAW);
    assert.match(markDoneWithVersion(f.doc, { uri: URI, version: 2, lines: [3], stampVersion: '3.21' }, defaultSettings(), TODAY).message ?? '', /changed/);
    assert.match(markDoneWithVersion(f.doc, { uri: URI, version: 1, lines: [3], stampVersion: '  ' }, defaultSettings(), TODAY).message ?? '', /empty/);
    assert.match(markDoneWithVersion(f.doc, { uri: URI, version: 1, lines: [2], stampVersion: '3.21' }, defaultSettings(), TODAY).message ?? '', /No open milestone/);
  });

  it('checks its arguments', () => {
    assert.deepEqual(parseMarkDoneArgs({ uri: URI, version: 3, lines: [1], stampVersion: 'x' }), { uri: URI, version: 3, lines: [1], stampVersion: 'x' });
    assert.equal(parseMarkDoneArgs({ uri: URI, version: '3', lines: [1] }), undefined);
    assert.equal(parseMarkDoneArgs({ uri: URI, version: 3, lines: ['1'] }), undefined);
    assert.equal(parseMarkDoneArgs(undefined), undefined);
  });
});
