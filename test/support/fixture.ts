// Inline fixtures: text with a cursor marker `|` (or `$0`) → the text and the cursor position.
import type { Position } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildGoalDoc } from '../../server/src/model/build';
import type { GoalDoc } from '../../server/src/model/types';

/** Removes the common indentation of a template literal's lines and the first empty line. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length);
  const min = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(min)).join('\n');
}

export function withCursor(textWithMarker: string, marker = '$0'): { text: string; position: Position; offset: number } {
  const offset = textWithMarker.indexOf(marker);
  if (offset < 0) throw new Error(`fixture has no cursor marker ${marker}`);
  const text = textWithMarker.slice(0, offset) + textWithMarker.slice(offset + marker.length);
  const doc = TextDocument.create('file:///fixture.md', 'markdown', 1, text);
  return { text, position: doc.positionAt(offset), offset };
}

export function model(text: string, uri = 'file:///work/goals.md', version = 1): GoalDoc {
  return buildGoalDoc(text, { uri, version });
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyEdits(text: string, edits: Array<{ range: { start: Position; end: Position }; newText: string }>): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), edits);
}

/** A map of open documents as the service reads them (what TextDocuments gives the server). */
export function openDocuments(open: Map<string, TextDocument>): { get(uri: string): TextDocument | undefined; all(): TextDocument[] } {
  return { get: (uri) => open.get(uri), all: () => [...open.values()] };
}
