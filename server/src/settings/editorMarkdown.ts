// What the editor's own Markdown features answer for a document, read from the `markdown`
// settings section the client reports per document (VS Code's built-in Markdown extension
// reads the same settings). A client that has no such section answers null: nobody else
// completes or validates links, so Goal Docs does it all.
import type { EditorLinkValidation } from '../diagnostics/editorValidation';
import { isObject } from './schema';

export interface EditorMarkdown {
  /**
   * The editor completes link paths, `#` anchors and reference labels itself
   * (`markdown.suggest.paths.enabled`, true by default in VS Code).
   */
  completesLinks: boolean;
  /** The kinds of broken link the editor reports itself (`markdown.validate.*`); all false when validation is off. */
  validates: EditorLinkValidation;
}

export const NO_EDITOR_MARKDOWN: EditorMarkdown = {
  completesLinks: false,
  validates: { fragmentLinks: false, fileLinks: false, fileFragments: false },
};

function at(section: unknown, path: string): unknown {
  let v = section;
  for (const key of path.split('.')) v = isObject(v) ? v[key] : undefined;
  return v;
}

/** A `markdown.validate.*` level that reports (anything else, `ignore` or unknown, is silent, as in VS Code). */
function reports(level: unknown): boolean {
  return level === 'error' || level === 'warning' || level === 'hint';
}

/**
 * Reads the raw `markdown` section. Only values that are there count: where the built-in
 * extension is disabled its defaults are not contributed, so nothing reads as on.
 */
export function readEditorMarkdown(section: unknown): EditorMarkdown {
  if (!isObject(section)) return NO_EDITOR_MARKDOWN;
  const validating = at(section, 'validate.enabled') === true;
  const fragmentLinks = validating && reports(at(section, 'validate.fragmentLinks.enabled'));
  const fileLinks = validating && reports(at(section, 'validate.fileLinks.enabled'));
  const fileFragmentLevel = at(section, 'validate.fileLinks.markdownFragmentLinks');
  return {
    completesLinks: at(section, 'suggest.paths.enabled') === true,
    validates: {
      fragmentLinks,
      fileLinks,
      fileFragments: fileLinks && (fileFragmentLevel === 'inherit' ? fragmentLinks : reports(fileFragmentLevel)),
    },
  };
}
