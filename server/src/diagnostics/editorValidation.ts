// Where the editor validates links itself (VS Code's `markdown.validate.enabled`), one broken link
// must not get two diagnostics: our link rules leave each kind the editor reports to it. The
// editor's link validation cannot tell `#FY-20-Q1` from GitHub's `#fy-20-q1` (it slugifies the
// fragment too), so `anchor.case` always stays ours.
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from './index';

/** The kinds of broken link the editor reports itself (settings/editorMarkdown.ts reads them from `markdown.validate.*`). */
export interface EditorLinkValidation {
  /** `[x](#nowhere)`: `markdown.validate.fragmentLinks.enabled`. */
  fragmentLinks: boolean;
  /** `[x](missing.md)`: `markdown.validate.fileLinks.enabled`. */
  fileLinks: boolean;
  /** `[x](other.md#nowhere)`: `markdown.validate.fileLinks.markdownFragmentLinks`, checked only with file links. */
  fileFragments: boolean;
}

/** The codes VS Code's built-in Markdown validation gives a broken link (vscode-markdown-languageservice). */
const EDITOR_CODES: Record<string, keyof EditorLinkValidation> = {
  'link.no-such-header-in-own-file': 'fragmentLinks',
  'link.no-such-file': 'fileLinks',
  'link.no-such-header-in-file': 'fileFragments',
};

function codeOf(d: Diagnostic): string | undefined {
  return typeof d.code === 'string' ? d.code : undefined;
}

/** The kind of broken link one of our diagnostics reports, if it reports one. */
function brokenLinkKind(d: Diagnostic): keyof EditorLinkValidation | undefined {
  switch (codeOf(d)) {
    // A TOC entry whose link reaches nothing is anchor.missing too (rules in anchors.ts).
    case 'anchor.missing':
      return 'fragmentLinks';
    case 'link.file-missing':
      return 'fileLinks';
    case 'link.file-anchor-missing':
      return 'fileFragments';
    default:
      return undefined;
  }
}

/** Our diagnostics without those reporting a broken link of a kind the editor reports itself. */
export function leaveBrokenLinksToEditor(diagnostics: Diagnostic[], validates: EditorLinkValidation): Diagnostic[] {
  return diagnostics.filter((d) => {
    const kind = brokenLinkKind(d);
    return !kind || !validates[kind];
  });
}

function sameLineOverlap(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character <= b.end.character && b.start.character <= a.end.character;
}

/**
 * For the editor's own broken-link diagnostics in a code action request, ours for the same link
 * (those left out above), so that their quick fixes (Change to #slug, Update table of contents)
 * are offered on the editor's diagnostic. `ours` are our diagnostics before leaving any out.
 */
export function oursForEditorDiagnostics(editorDiagnostics: readonly Diagnostic[], ours: () => Diagnostic[]): Diagnostic[] {
  // The built-in's diagnostics carry no source; their codes tell them apart.
  const wanted = editorDiagnostics.filter((d) => d.source !== DIAGNOSTIC_SOURCE && EDITOR_CODES[codeOf(d) ?? '']);
  if (wanted.length === 0) return [];
  return ours().filter((o) => {
    const kind = brokenLinkKind(o);
    return kind && wanted.some((e) => EDITOR_CODES[codeOf(e)!] === kind && sameLineOverlap(e.range, o.range));
  });
}
