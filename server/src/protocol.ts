// What the VS Code client and the server say to each other beyond LSP. Both import this file,
// so each name and shape is written once; it imports LSP types only (no `vscode`).
import type { DocumentSymbol, WorkspaceEdit } from 'vscode-languageserver-types';
import type { DirectoryEntry, FileContent, FileStat, FindMarkdownOptions, MarkdownFiles } from './workspace/fileSystem';

export interface InitializationOptions {
  /** `goalDocs` settings, for a client that cannot answer `workspace/configuration`. */
  goalDocs?: unknown;
  /**
   * The editor has VS Code's built-in Markdown features, which give every Markdown file an
   * outline, workspace symbols, references, definitions and document links: the server then
   * leaves those out of its capabilities, so that nothing shows twice. Other clients get them.
   */
  editorHasMarkdownFeatures?: boolean;
  /**
   * The day to read the fiscal calendar on (`2021-01-25`) instead of the real one: for tests and
   * for replaying a page as it was (period.ended-open, the quarter a move infers).
   */
  today?: string;
  /**
   * The client answers the file-system requests below (FS_STAT_REQUEST…) for URIs of any scheme:
   * a server in Node then reads through it what is not on its own disk (`vscode-vfs:`…), and a
   * server in a browser reads everything through it.
   */
  fileRequests?: boolean;
}

/** InitializationOptions.today as a local date, or undefined when it is none. */
export function pinnedDay(text: unknown): Date | undefined {
  const m = typeof text === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) : null;
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : undefined;
}

/**
 * The log line that says the background index build of start-up (or of new folders) is over,
 * followed by how many Markdown files it looked at and how long it took. Tests wait for it.
 */
export const INDEX_BUILT_LOG = 'Goal Docs: indexed the workspace:';

/** The Year › Quarter › Goal tree of an open goal doc, for the client's Goals view. */
export const GOAL_TREE_REQUEST = 'goalDocs/goalTree';

export interface GoalTreeParams {
  uri: string;
}

/** The outline as `textDocument/documentSymbol` gives it to other clients; null for a document that is not a goal doc. */
export type GoalTreeResult = DocumentSymbol[] | null;

/**
 * Whether an open Markdown document is a goal doc, and why (the goal-doc rule of
 * model/goalDocRule.ts, on the model the other requests read): the client's status bar item.
 */
export const VERDICT_REQUEST = 'goalDocs/verdict';

export interface VerdictParams {
  uri: string;
}

/** null for a document the server does not have open. */
export type VerdictResult = {
  /** The document version the verdict is of. */
  version: number;
  goalDoc: boolean;
  /**
   * What decided (model/goalDocRule.ts's GoalDocReason: `marker` is the file's own comment), or
   * `too-large`: over goalDocs.maxFileSize, not analysed.
   */
  reason: 'marker' | 'excluded' | 'declared' | 'content' | 'not-enough-content' | 'too-large';
  /** The verdict in words: what decided, and for the content its strongest signals either way. */
  explanation: string;
} | null;

/**
 * Sent by the server when what it would answer to VERDICT_REQUEST may have changed for any
 * document without that document changing (the settings changed): the client asks again.
 */
export const VERDICTS_CHANGED_NOTIFICATION = 'goalDocs/verdictsChanged';

/**
 * The client commands that say for the active file whether it is a goal doc: a quick pick (the
 * status bar item's click), and one command for each answer (the command palette).
 */
export const CHOOSE_GOAL_DOC_CLIENT_COMMAND = 'goalDocs.chooseWhetherGoalDoc';
export const TREAT_AS_GOAL_DOC_CLIENT_COMMAND = 'goalDocs.treatAsGoalDoc';
export const NOT_A_GOAL_DOC_CLIENT_COMMAND = 'goalDocs.notAGoalDoc';
/**
 * The server command that writes the file's marker comment (`<!-- goal-docs: on -->`, `off`),
 * or removes it (`none`: the content decides), as an edit of the document version it read.
 */
export const SET_GOAL_DOC_MARKER_COMMAND = 'goalDocs.setGoalDocMarker';

export interface SetGoalDocMarkerArgs {
  uri: string;
  marker: 'on' | 'off' | 'none';
}

export interface SetGoalDocMarkerResult {
  edit?: WorkspaceEdit;
  /** Why there is no edit. */
  message?: string;
  /** Whether the editor applied the edit (the server command applies it). */
  applied?: boolean;
}

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

/**
 * "Move goal to the completed page": the client command asks for the quarter in a quick pick
 * (the inferred one first, the completed page's quarters, a new one) and then runs
 * MOVE_GOAL_COMMAND with it. The server's code action carries the edit for the inferred quarter,
 * and `data.moveGoal` with these arguments, by which the client knows to ask instead.
 */
export const MOVE_GOAL_CLIENT_COMMAND = 'goalDocs.moveGoalToCompleted';
/** The server command that moves a goal to its completed-goals page, under a quarter given or inferred. */
export const MOVE_GOAL_COMMAND = 'goalDocs.moveGoal';

export interface MoveGoalArgs {
  uri: string;
  /** The document version `line` refers to. */
  version: number;
  /** The line of the goal's heading. */
  line: number;
  /** The quarter to file the goal under, in any spelling (`FY-21-Q1`, `Q1 2021`); omitted to ask for the choices. */
  quarter?: string;
}

export interface MoveGoalResult {
  /** The completed-goals page, relative to the goal's page (`goals_completed.md`), and whether the move creates it. */
  completedPage?: string;
  createsPage?: boolean;
  /** The quarter inferred (finished on the latest dated Done stamp, else today), as the page writes it. */
  inferred?: string;
  /** What it was inferred from: the goal's latest dated Done stamp, or today. */
  inferredFrom?: 'stamp' | 'today';
  /** The completed page's quarters, newest first, as written. */
  quarters?: string[];
  edit?: WorkspaceEdit;
  /** Why there is no edit. */
  message?: string;
  /** Whether the editor applied the edit (the server command applies it). */
  applied?: boolean;
}

/** The client command behind *Goal Docs: Start Next Quarter* (palette): it asks whether to carry goals over. */
export const START_NEXT_QUARTER_CLIENT_COMMAND = 'goalDocs.startNextQuarter';
/** The server command that inserts the next quarter (and moves the open goals into it when asked). */
export const START_NEXT_QUARTER_COMMAND = 'goalDocs.nextQuarter';

export interface StartNextQuarterArgs {
  uri: string;
  version: number;
  /** Move the goals of the latest quarter that still have open milestones into the new one. */
  carryOver: boolean;
  /** Only answer what would be done (the label, the goals to carry), without an edit. */
  dryRun?: boolean;
}

export interface StartNextQuarterResult {
  /** The new quarter as the page writes it. */
  label?: string;
  /** The latest quarter now, which the new one follows. */
  after?: string;
  /** Goals with open milestones in that quarter (what carrying over moves). */
  openGoals?: string[];
  edit?: WorkspaceEdit;
  message?: string;
  applied?: boolean;
}

/** The client command *Goal Docs: Open Goals Report*. */
export const OPEN_REPORT_CLIENT_COMMAND = 'goalDocs.openReport';
/** The goals report of some goal docs (or the workspace's), as Markdown: what `goal-docs report` prints. */
export const REPORT_REQUEST = 'goalDocs/report';

export interface ReportParams {
  /** The documents to report on; omitted for every goal doc of the workspace. */
  uris?: string[];
  /** Only this period, in any spelling (`FY-21-Q1`). */
  period?: string;
}

export interface ReportResult {
  markdown: string;
}

// The file-system port (workspace/fileSystem.ts) over LSP: the server asks, the client answers
// with vscode.workspace.fs and workspace.findFiles, as VS Code's own Markdown server does with its
// `markdown/fs/*` requests. Only URIs inside a workspace folder are answered.

/** A file's or folder's stat: FileStat, or null when it is not there. */
export const FS_STAT_REQUEST = 'goalDocs/fs/stat';
/** A file's text with its stat (FileContent). */
export const FS_READ_FILE_REQUEST = 'goalDocs/fs/readFile';
/** A folder's entries (DirectoryEntry[]), or null when it is no folder. */
export const FS_READ_DIRECTORY_REQUEST = 'goalDocs/fs/readDirectory';
/** The Markdown files under a folder (MarkdownFiles), found with one search. */
export const FS_FIND_MARKDOWN_FILES_REQUEST = 'goalDocs/fs/findMarkdownFiles';

export interface FsUriParams {
  uri: string;
}

export interface FsReadFileParams extends FsUriParams {
  /** A file of more bytes is not read: `too-large`. */
  maxBytes?: number;
}

export interface FsFindMarkdownFilesParams extends FindMarkdownOptions {
  folderUri: string;
}

export type FsStatResult = FileStat | null;
export type FsReadFileResult = FileContent;
export type FsReadDirectoryResult = DirectoryEntry[] | null;
export type FsFindMarkdownFilesResult = MarkdownFiles;
