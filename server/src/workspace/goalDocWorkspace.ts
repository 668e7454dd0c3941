// What the features need from the workspace, as an interface: the language server answers it
// with its workspace index over a snapshot of the files a computation read (service/), tests
// with an in-memory set of documents.
import type { LinkedFiles } from './linkedFiles';
import type { DirectoryEntry } from './fileSystem';
import type { Range } from 'vscode-languageserver-types';
import type { GoalDoc, HeadingKind } from '../model/types';

/** The part of an LSP cancellation token that features read. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

export const NOT_CANCELLED: Cancellation = { isCancellationRequested: false };

export type { DirectoryEntry } from './fileSystem';

/** A quarter or goal of a goal doc, as workspace symbols list it. */
export interface OutlineSymbol {
  name: string;
  kind: HeadingKind;
  textRange: Range;
  /** Where it sits: `2021 › FY-21-Q1`. */
  container: string;
}

/** What workspace symbols need of a goal doc: kept by the workspace index instead of its model. */
export interface GoalDocOutline {
  uri: string;
  symbols: OutlineSymbol[];
}

export interface GoalDocWorkspace extends LinkedFiles {
  /** URIs of every Markdown file of the workspace: open documents and files under the folders. */
  markdownUris(token: Cancellation): Promise<string[]>;
  /**
   * Models of every Markdown file, goal doc or not: links to a goal can come from anywhere.
   * With `mentioning`, a file on disk whose text contains no string of one of the groups (case
   * ignored) may be left out unparsed: a file cannot link to `goals.md#ship-it` without writing
   * `goals` and `ship-it`.
   */
  markdownModels(token: Cancellation, mentioning?: string[][]): Promise<GoalDoc[]>;
  /** Models of the goal docs only. */
  goalDocs(token: Cancellation): Promise<GoalDoc[]>;
  /** The quarters and goals of every goal doc (workspace symbols), without whole models where the outline text does. */
  goalDocOutlines(token: Cancellation): Promise<GoalDocOutline[]>;
  /**
   * The entries of a folder inside the workspace folders (for path completion), or undefined
   * for a folder that is not there or lies outside them: nothing outside is ever listed.
   */
  readDirectory(uri: string): Promise<DirectoryEntry[] | undefined>;
  /** The workspace folder holding a document, which a link path starting with `/` starts from. */
  folderOf(uri: string): string | undefined;
  /** The version of an open document, for versioned edits; undefined for a file on disk. */
  openVersion(uri: string): number | undefined;
}
