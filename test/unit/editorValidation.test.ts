// Our link rules beside VS Code's own link validation: one broken link, one diagnostic.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { computeDiagnostics } from '../../server/src/diagnostics/index';
import { leaveBrokenLinksToEditor, oursForEditorDiagnostics } from '../../server/src/diagnostics/editorValidation';
import { type EditorMarkdown, NO_EDITOR_MARKDOWN, readEditorMarkdown } from '../../server/src/settings/editorMarkdown';
import { defaultSettings } from '../../server/src/settings/schema';
import { MemoryWorkspace } from './features/support';

// One broken link of each kind, a TOC entry to nowhere, and a link that matches only if case is ignored.
const files = MemoryWorkspace.of({
  'goals.md': `
    # Goals

    - [FY-24-Q2](#fy-24-q2)
    - [FY-24-Q1](#fy-24-q9)

    ## FY-24-Q2

    See [the plan](#fy-24-q3), [q](#FY-24-Q2), [gone](gone.md) and [other](other.md#nowhere).

    ## FY-24-Q1
  `,
  'other.md': '# Other\n',
});
const doc = files.model('file:///ws/goals.md')!;
const ours = computeDiagnostics(doc, defaultSettings(), files);
const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1}:${d.code}`);

function validating(kinds: Partial<EditorMarkdown['validates']>): EditorMarkdown['validates'] {
  return { ...NO_EDITOR_MARKDOWN.validates, ...kinds };
}

describe('diagnostics beside the editor’s link validation', () => {
  it('keeps every diagnostic while the editor validates nothing', () => {
    // Line 4 is the TOC entry to nowhere: anchor.missing, like any dead in-page link.
    assert.deepEqual(codes(ours).filter((c) => c.startsWith('8:')), ['8:anchor.missing', '8:anchor.case', '8:link.file-missing', '8:link.file-anchor-missing']);
    assert.equal(codes(ours).filter((c) => c.startsWith('4:')).length, 1);
    assert.deepEqual(leaveBrokenLinksToEditor(ours, NO_EDITOR_MARKDOWN.validates), ours);
  });

  it('leaves broken in-page links, TOC entries to nowhere included, to the editor; anchor.case stays', () => {
    assert.deepEqual(codes(leaveBrokenLinksToEditor(ours, validating({ fragmentLinks: true }))), [
      '8:anchor.case', '8:link.file-missing', '8:link.file-anchor-missing',
    ]);
  });

  it('keeps a TOC entry that reaches the wrong heading: the editor sees nothing broken there', () => {
    const mismatch = MemoryWorkspace.of({ 'goals.md': '# G\n\n- [FY-24-Q2](#fy-24-q2)\n- [FY-24-Q1](#fy-24-q2)\n\n## FY-24-Q2\n\n## FY-24-Q1\n' });
    const d = mismatch.model('file:///ws/goals.md')!;
    const all = computeDiagnostics(d, defaultSettings(), mismatch);
    assert.deepEqual(codes(leaveBrokenLinksToEditor(all, validating({ fragmentLinks: true }))), ['4:toc.entry-mismatch']);
  });

  it('leaves missing files and their anchors to the editor, each by its own setting', () => {
    assert.deepEqual(codes(leaveBrokenLinksToEditor(ours, validating({ fileLinks: true }))).filter((c) => c.includes('link.')), ['8:link.file-anchor-missing']);
    assert.deepEqual(codes(leaveBrokenLinksToEditor(ours, validating({ fileLinks: true, fileFragments: true }))).filter((c) => c.includes('link.')), []);
  });

  it('finds ours for the editor’s diagnostic on the same link, so that its quick fixes are offered there', () => {
    const plan = doc.links.find((l) => l.fragment === 'fy-24-q3')!;
    const editors: Diagnostic = { range: plan.hrefRange, message: "No header found: 'fy-24-q3'", code: 'link.no-such-header-in-own-file' };
    assert.deepEqual(codes(oursForEditorDiagnostics([editors], () => ours)), ['8:anchor.missing']);
    const toc = doc.links.find((l) => l.fragment === 'fy-24-q9')!;
    assert.deepEqual(oursForEditorDiagnostics([{ ...editors, range: toc.hrefRange }], () => ours).map((d) => d.range.start.line + 1), [4]);
    let computed = false;
    assert.deepEqual(oursForEditorDiagnostics(ours, () => ((computed = true), ours)), [], 'our own diagnostics are not the editor’s');
    assert.equal(computed, false, 'nothing is computed without an editor diagnostic');
  });
});

describe('the editor’s Markdown settings', () => {
  it('reads VS Code’s defaults as: completes links, validates nothing', () => {
    const defaults = {
      suggest: { paths: { enabled: true } },
      validate: { enabled: false, fragmentLinks: { enabled: 'warning' }, fileLinks: { enabled: 'warning', markdownFragmentLinks: 'inherit' } },
    };
    assert.deepEqual(readEditorMarkdown(defaults), { completesLinks: true, validates: NO_EDITOR_MARKDOWN.validates });
    assert.deepEqual(readEditorMarkdown({ ...defaults, validate: { ...defaults.validate, enabled: true } }).validates,
      { fragmentLinks: true, fileLinks: true, fileFragments: true });
  });

  it('follows each kind: ignore turns it off, inherit follows fragment links, file anchors need file links', () => {
    const read = (fragment: string, file: string, fileFragments: string) =>
      readEditorMarkdown({ validate: { enabled: true, fragmentLinks: { enabled: fragment }, fileLinks: { enabled: file, markdownFragmentLinks: fileFragments } } }).validates;
    assert.deepEqual(read('ignore', 'error', 'inherit'), { fragmentLinks: false, fileLinks: true, fileFragments: false });
    assert.deepEqual(read('ignore', 'error', 'hint'), { fragmentLinks: false, fileLinks: true, fileFragments: true });
    assert.deepEqual(read('warning', 'ignore', 'warning'), { fragmentLinks: true, fileLinks: false, fileFragments: false });
  });

  it('reads a client without the section (null), or without the built-in extension (no values), as no editor features', () => {
    assert.deepEqual(readEditorMarkdown(null), NO_EDITOR_MARKDOWN);
    assert.deepEqual(readEditorMarkdown(undefined), NO_EDITOR_MARKDOWN);
    assert.deepEqual(readEditorMarkdown({ preview: { fontSize: 14 } }), NO_EDITOR_MARKDOWN);
  });
});
