// What the extension-host tests share: the temp workspace, opening docs, and waiting on the
// editor with a deadline (never a fixed sleep). Calls made while other extensions are still
// starting can come back empty or cancelled, so provider calls are retried until the deadline.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'goal-docs.goal-docs';
export const SOURCE = 'goal-docs';
const DEFAULT_TIMEOUT_MS = 30_000;

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e runner opens a temp copy of examples/ as the workspace folder; none is open');
  return folder.uri;
}

export function docUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), name);
}

export async function openDoc(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(docUri(name));
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function basename(uri: vscode.Uri): string {
  return path.posix.basename(uri.path);
}

/**
 * Calls `probe` until it returns something other than undefined, or fails with `what` and the
 * last value seen once `timeoutMs` has passed. Re-checks on each `events` firing and every 250 ms.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  { timeoutMs = DEFAULT_TIMEOUT_MS, events = [] as vscode.Event<unknown>[], describeLast = (): string => '' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      const detail = describeLast() || (lastError instanceof Error ? lastError.message : '');
      throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}${detail ? `\n  last seen: ${detail}` : ''}`);
    }
    await new Promise<void>((resolve) => {
      const subs: vscode.Disposable[] = [];
      const done = () => { clearTimeout(timer); subs.forEach((s) => s.dispose()); resolve(); };
      const timer = setTimeout(done, Math.min(250, left));
      for (const e of events) subs.push(e(done));
    });
  }
}

/** Our diagnostics for a document (those whose source is goal-docs). */
export function goalDocDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export function describeDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  return ds.length ? ds.map((d) => `${d.range.start.line + 1}:${codeOf(d)}`).join(', ') : '(none)';
}

/** Waits until the document's goal-docs diagnostics satisfy `accept`, and returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  accept: (ds: vscode.Diagnostic[]) => boolean,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return waitFor(`${what} in ${basename(uri)}`, () => {
    const ds = goalDocDiagnostics(uri);
    return accept(ds) ? ds : undefined;
  }, {
    timeoutMs,
    events: [vscode.languages.onDidChangeDiagnostics],
    describeLast: () => describeDiagnostics(goalDocDiagnostics(uri)),
  });
}

/** The 0-based line of the first line of `doc` that contains `text`; fails if there is none. */
export function lineOf(doc: vscode.TextDocument, text: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text.includes(text)) return i;
  assert.fail(`no line of ${basename(doc.uri)} contains ${JSON.stringify(text)}`);
}

/** The position just after the first occurrence of `text` (or at its `offset`-th character). */
export function positionOf(doc: vscode.TextDocument, text: string, offset = text.length): vscode.Position {
  const line = lineOf(doc, text);
  return new vscode.Position(line, doc.lineAt(line).text.indexOf(text) + offset);
}

/** Reverts unsaved changes and closes all editors, so each test starts from the files on disk. */
export async function closeAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The texts of a document's ATX headings, in order (the examples have no setext headings or fenced `#` lines). */
export function headingTexts(doc: vscode.TextDocument): string[] {
  return doc.getText().split('\n').flatMap((l) => {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(l);
    return m ? [m[1]] : [];
  });
}

/** How many times each value occurs. */
export function counts(values: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

/** The values that occur more than once, for a failure message. */
export function repeated(values: readonly string[]): string[] {
  return [...counts(values)].filter(([, n]) => n > 1).map(([v, n]) => `${v} ×${n}`);
}

/**
 * Sets a setting for the test's duration (user settings, as the completion choice writes them)
 * and returns what puts it back.
 */
export async function withSetting(section: string, key: string, value: unknown): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration(section);
  const before = config.inspect(key)?.globalValue;
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  return async () => vscode.workspace.getConfiguration(section).update(key, before, vscode.ConfigurationTarget.Global);
}

/** The node of the Goals view, as the extension's API returns it. */
export interface GoalNode {
  kind: 'year' | 'quarter' | 'goal' | 'keyResult' | 'initiative' | 'heading';
  label: string;
  description?: string;
  children: GoalNode[];
}

/** What the status bar item shows of a document (goalDocs/verdict). */
export interface Verdict {
  version: number;
  goalDoc: boolean;
  reason: string;
  explanation: string;
}

/** The extension's API (what activate() returns). */
export async function goalDocsApi(): Promise<{ goalTree(uri: vscode.Uri): Promise<GoalNode[] | null>; verdict(uri: vscode.Uri): Promise<Verdict | null> }> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  return ext.activate();
}

/** Types `text` at the end of the document and returns the position after it. */
export async function typeAtEnd(editor: vscode.TextEditor, text: string): Promise<vscode.Position> {
  const doc = editor.document;
  assert.ok(await editor.edit((b) => b.insert(doc.lineAt(doc.lineCount - 1).range.end, text)), 'could not type into the document');
  return doc.lineAt(doc.lineCount - 1).range.end;
}
