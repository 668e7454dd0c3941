// What the VS Code client and the server say to each other beyond LSP. Both import this file,
// so each name and shape is written once; it imports LSP types only (no `vscode`).
import type { DocumentSymbol, WorkspaceEdit } from 'vscode-languageserver-types';

export interface InitializationOptions {
  /** `goalDocs` settings, for a client that cannot answer `workspace/configuration`. */
  goalDocs?: unknown;
  /**
   * The editor has VS Code's built-in Markdown features, which give every Markdown file an
   * outline, workspace symbols, references, definitions and document links: the server then
   * leaves those out of its capabilities, so that nothing shows twice. Other clients get them.
   */
  editorHasMarkdownFeatures?: boolean;
}

/** The Year › Quarter › Goal tree of an open goal doc, for the client's Goals view. */
export const GOAL_TREE_REQUEST = 'goalDocs/goalTree';

export interface GoalTreeParams {
  uri: string;
}

/** The outline as `textDocument/documentSymbol` gives it to other clients; null for a document that is not a goal doc. */
export type GoalTreeResult = DocumentSymbol[] | null;

/**
 * The client command behind "Mark milestone done with version…": it asks for the version in an
 * input box (prefilled with `stampVersion`) and then runs MARK_DONE_WITH_VERSION_COMMAND.
 */
export const MARK_DONE_CLIENT_COMMAND = 'goalDocs.markMilestoneDone';
/** The server command that marks the items on the given lines done with a chosen stamp version. */
export const MARK_DONE_WITH_VERSION_COMMAND = 'goalDocs.markDoneWithVersion';

/** The argument of both commands. */
export interface MarkDoneWithVersionArgs {
  uri: string;
  /** The document version the lines refer to. */
  version: number;
  lines: number[];
  /** The version text of the stamp; omitted to ask for the inferred one. */
  stampVersion?: string;
}

export interface MarkDoneWithVersionResult {
  inferredVersion: string;
  edit?: WorkspaceEdit;
  /** Why there is no edit. */
  message?: string;
}
