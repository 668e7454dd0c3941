// Saying yes or no for one file: the marker comment written, replaced or removed, applied to the
// page's text and read back by the goal-doc rule.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { markerEdits, type MarkerChoice, parseSetMarkerArgs } from '../../../server/src/codeActions/goalDocMarker';
import { versionedEdit } from '../../../server/src/codeActions/edit';
import { goalDocVerdict } from '../../../server/src/model/goalDocRule';
import { defaultSettings } from '../../../server/src/settings/schema';
import { applyEdits, model } from '../../support/fixture';

const URI = 'file:///ws/team/notes.md';

/** The page after the choice, as an editor applies the versioned edit. */
function say(text: string, choice: MarkerChoice, uri = URI): string {
  const doc = model(text, uri, 4);
  const change = versionedEdit(doc, markerEdits(doc, choice)).documentChanges![0] as TextDocumentEdit;
  assert.deepEqual(change.textDocument, { uri, version: 4 });
  return applyEdits(text, change.edits as TextEdit[]);
}

const verdictOf = (text: string, uri = URI) => {
  const v = goalDocVerdict(uri.replace('file:///ws/', ''), model(text, uri), defaultSettings());
  return { goalDoc: v.goalDoc, reason: v.reason };
};

const PAGE = '# Team notes\n\nWe meet on Mondays.\n';

describe('the goal-docs marker of one file', () => {
  it('puts a new marker at the top with a blank line after it, and the rule then takes the file as it says', () => {
    const on = say(PAGE, 'on');
    assert.equal(on, `<!-- goal-docs: on -->\n\n${PAGE}`);
    assert.deepEqual(verdictOf(on), { goalDoc: true, reason: 'marker' });
    assert.equal(say(PAGE, 'off'), `<!-- goal-docs: off -->\n\n${PAGE}`);
    // An empty page gets the marker alone.
    assert.equal(say('', 'on'), '<!-- goal-docs: on -->\n');
  });

  it('puts it after front matter, above the first line of text', () => {
    assert.equal(say('---\ntitle: Notes\n---\n# Team notes\n', 'on'), '---\ntitle: Notes\n---\n<!-- goal-docs: on -->\n\n# Team notes\n');
    assert.equal(say('---\ntitle: Notes\n---\n\n# Team notes\n', 'on'), '---\ntitle: Notes\n---\n\n<!-- goal-docs: on -->\n\n# Team notes\n');
    assert.equal(say('---\ntitle: Notes\n---', 'off'), '---\ntitle: Notes\n---\n<!-- goal-docs: off -->\n');
    assert.deepEqual(verdictOf(say('---\ntitle: Notes\n---\n# Team notes\n', 'on')), { goalDoc: true, reason: 'marker' });
  });

  it('replaces the marker the page has, and drops later ones, rather than adding a second', () => {
    const text = `# Team notes\n\n<!-- goal-docs: on -->\n\nText.\n\n<!--goal-docs:off-->\n\nMore.\n`;
    const off = say(text, 'off');
    assert.equal(off, `# Team notes\n\n<!-- goal-docs: off -->\n\nText.\n\nMore.\n`);
    assert.deepEqual(verdictOf(off), { goalDoc: false, reason: 'marker' });
    // A marker beside other text: only the comment changes.
    assert.equal(say('# Notes <!-- goal-docs: off -->\n', 'on'), '# Notes <!-- goal-docs: on -->\n');
    // Saying what it says already changes nothing; a marker in code is no marker.
    assert.deepEqual(markerEdits(model('<!-- goal-docs: on -->\n\n# A\n'), 'on'), []);
    assert.equal(say('```\n<!-- goal-docs: on -->\n```\n', 'on'), '<!-- goal-docs: on -->\n\n```\n<!-- goal-docs: on -->\n```\n');
  });

  it('removes the marker so that the content decides, giving back the page it was put in', () => {
    for (const page of [PAGE, '---\ntitle: Notes\n---\n# Team notes\n', '---\ntitle: Notes\n---\n\n# Team notes\n']) {
      assert.equal(say(say(page, 'on'), 'none'), page);
    }
    assert.equal(say('# Notes\n\n<!-- goal-docs: off -->\n\nText.\n', 'none'), '# Notes\n\nText.\n');
    assert.equal(say('# Notes <!-- goal-docs: off -->\n', 'none'), '# Notes\n');
    assert.deepEqual(markerEdits(model(PAGE), 'none'), []);
    assert.deepEqual(verdictOf(say('<!-- goal-docs: on -->\n\n# Team notes\n', 'none')), { goalDoc: false, reason: 'not-enough-content' });
  });

  it('keeps a CRLF page CRLF', () => {
    const crlf = PAGE.replace(/\n/g, '\r\n');
    assert.equal(say(crlf, 'on'), `<!-- goal-docs: on -->\r\n\r\n${crlf}`);
    assert.equal(say(say(crlf, 'off'), 'none'), crlf);
    assert.equal(say('---\r\ntitle: Notes\r\n---\r\n# Notes\r\n', 'on'), '---\r\ntitle: Notes\r\n---\r\n<!-- goal-docs: on -->\r\n\r\n# Notes\r\n');
  });

  it('writes an MDX page’s marker as MDX writes comments, and replaces an HTML one there', () => {
    const uri = 'file:///ws/team/notes.mdx';
    const mdx = "import Chart from './chart'\n\n# Team notes\n\n<Chart />\n";
    const on = say(mdx, 'on', uri);
    assert.equal(on, `{/* goal-docs: on */}\n\n${mdx}`);
    assert.deepEqual(verdictOf(on, uri), { goalDoc: true, reason: 'marker' });
    assert.equal(say(on, 'none', uri), mdx);
    assert.equal(say('# A\n\n<!-- goal-docs: on -->\n', 'off', uri), '# A\n\n{/* goal-docs: off */}\n');
  });

  it('checks its arguments', () => {
    assert.deepEqual(parseSetMarkerArgs({ uri: URI, marker: 'none' }), { uri: URI, marker: 'none' });
    assert.equal(parseSetMarkerArgs({ uri: URI, marker: 'yes' }), undefined);
    assert.equal(parseSetMarkerArgs({ marker: 'on' }), undefined);
    assert.equal(parseSetMarkerArgs(undefined), undefined);
  });
});
