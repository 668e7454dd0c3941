// Which documents the server is given: Markdown files and MDX pages, of the schemes below. An
// `.mdx` file has the language `mdx` only where an MDX extension is installed; without one VS Code
// calls it `plaintext`, so MDX pages are also taken by their name.
import * as vscode from 'vscode';

/**
 * The schemes of the documents the server is given: files on disk, unsaved ones, and those of the
 * virtual and remote file systems a browser's VS Code opens (github.dev's `vscode-vfs`,
 * code-server's `vscode-remote`, @vscode/test-web's `vscode-test-web`). Not the read-only views of
 * other schemes (`git:` in a diff, `output:`), which are no pages to check.
 */
export const DOCUMENT_SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web'];

export const DOCUMENT_SELECTOR: Array<{ scheme: string; language?: string; pattern?: string }> = DOCUMENT_SCHEMES.flatMap((scheme) => [
  { scheme, language: 'markdown' },
  { scheme, language: 'mdx' },
  { scheme, pattern: '**/*.mdx' },
]);

/** Whether the server has this document: a Markdown file or an MDX page. */
export function isGoalDocsDocument(document: vscode.TextDocument): boolean {
  return vscode.languages.match(DOCUMENT_SELECTOR, document) > 0;
}

/** Whether a document is an MDX page, whatever its language. */
export function isMdxDocument(document: vscode.TextDocument): boolean {
  return document.languageId === 'mdx' || /\.mdx$/i.test(document.uri.path);
}
