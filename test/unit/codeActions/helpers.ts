// Code-action tests go: text (with `$0`, or `$0`…`$1` for a selection) → diagnostics → actions →
// apply the chosen action's edit → the whole new text.
import { strict as assert } from 'node:assert';
import type { CodeAction, Diagnostic, Range, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { computeDiagnostics } from '../../../server/src/diagnostics/index';
import { provideCodeActions } from '../../../server/src/codeActions/index';
import type { GoalDoc } from '../../../server/src/model/types';
import { defaultSettings, type GoalDocsSettings } from '../../../server/src/settings/schema';
import { applyEdits, dedent, model } from '../../support/fixture';

export const TODAY = new Date(2021, 0, 11);
export const URI = 'file:///ws/goals.md';

export interface Fixture {
  text: string;
  doc: GoalDoc;
  range: Range;
}

/** A fixture whose `$0` marks the cursor, or `$0` and `$1` a selection. */
export function fixture(raw: string, version = 1): Fixture {
  const marked = dedent(raw);
  const a = marked.indexOf('$0');
  const withoutA = a >= 0 ? marked.slice(0, a) + marked.slice(a + 2) : marked;
  const b = withoutA.indexOf('$1');
  const text = b >= 0 ? withoutA.slice(0, b) + withoutA.slice(b + 2) : withoutA;
  const td = TextDocument.create(URI, 'markdown', version, text);
  const start = td.positionAt(Math.max(0, a));
  const range = { start, end: b >= 0 ? td.positionAt(b) : start };
  return { text, doc: model(text, URI, version), range };
}

export function settingsWith(change: (s: GoalDocsSettings) => void): GoalDocsSettings {
  const s = defaultSettings();
  change(s);
  return s;
}

export function actionsAt(f: Fixture, settings = defaultSettings(), diagnostics: Diagnostic[] = [], only?: string[]): CodeAction[] {
  return provideCodeActions(f.doc, { range: f.range, context: { diagnostics, only } }, settings, undefined, { today: TODAY });
}

export function titles(actions: CodeAction[]): string[] {
  return actions.map((a) => a.title);
}

/** The plain text edits of a document change: code actions never send snippets. */
export function textEdits(change: TextDocumentEdit): TextEdit[] {
  for (const e of change.edits) assert.equal(typeof (e as TextEdit).newText, 'string', 'a snippet edit');
  return change.edits as TextEdit[];
}

/** Applies an action's edit, checking it is tied to the fixture's document version. */
export function apply(f: Fixture, action: CodeAction | undefined): string {
  assert.ok(action, 'no such action');
  const changes = action.edit?.documentChanges as TextDocumentEdit[] | undefined;
  assert.ok(changes && changes.length === 1, 'expected one versioned document change');
  assert.deepEqual(changes[0].textDocument, { uri: f.doc.uri, version: f.doc.version });
  return applyEdits(f.text, textEdits(changes[0]));
}

export function find(actions: CodeAction[], title: string | RegExp): CodeAction | undefined {
  return actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
}

/** Applies the action called `title` under the cursor and returns the new text. */
export function applyAt(raw: string, title: string | RegExp, settings = defaultSettings()): string {
  const f = fixture(raw);
  const actions = actionsAt(f, settings);
  const action = find(actions, title);
  assert.ok(action, `no action ${title}; got ${titles(actions).join(' | ')}`);
  return apply(f, action);
}

/** The quick fixes offered for the first diagnostic with `code`, the diagnostic passed as a client would. */
export function fixesFor(f: Fixture, code: string, settings = defaultSettings(), nth = 0): { diagnostic: Diagnostic; actions: CodeAction[] } {
  const diagnostic = computeDiagnostics(f.doc, settings, undefined, undefined, TODAY).filter((d) => d.code === code)[nth];
  assert.ok(diagnostic, `no ${code} diagnostic`);
  const actions = provideCodeActions(f.doc, { range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } }, settings, undefined, { today: TODAY });
  return { diagnostic, actions: actions.filter((a) => a.diagnostics?.includes(diagnostic)) };
}

export function codesOf(text: string, settings = defaultSettings()): string[] {
  return computeDiagnostics(model(text, URI), settings, undefined, undefined, TODAY).map((d) => `${d.range.start.line + 1}:${d.code}`);
}

export { dedent };
