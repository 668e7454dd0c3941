// Runs every feature of the language server over one document of an in-memory workspace, as an
// editor would call them, and asserts what must hold whatever the text: nothing throws, every
// range lies inside its document, every edit applies cleanly to the version it names, and a quick
// fix removes its diagnostic without bringing in a new error.
import { type GoalDocOutline, outlineOf } from '../../../server/src/features/workspaceSymbols';
import { strict as assert } from 'node:assert';
import type { CodeAction, Diagnostic, Location, Position, Range, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildGoalDoc } from '../../../server/src/model/build';
import type { GoalDoc } from '../../../server/src/model/types';
import { computeDiagnostics } from '../../../server/src/diagnostics/index';
import { defaultSettings, type GoalDocsSettings } from '../../../server/src/settings/schema';
import { isGoalDoc } from '../../../server/src/model/goalDocRule';
import type { Cancellation, DirectoryEntry, GoalDocWorkspace } from '../../../server/src/workspace/goalDocWorkspace';
import { listFolder } from '../../support/memoryDirectory';
import { NOT_CANCELLED } from '../../../server/src/workspace/goalDocWorkspace';
import { provideCompletions } from '../../../server/src/features/completion';
import { provideDocumentSymbols } from '../../../server/src/features/documentSymbols';
import { provideWorkspaceSymbols } from '../../../server/src/features/workspaceSymbols';
import { provideDefinition } from '../../../server/src/features/definition';
import { provideReferences } from '../../../server/src/features/references';
import { provideDocumentHighlights } from '../../../server/src/features/documentHighlights';
import { provideDocumentLinks } from '../../../server/src/features/documentLinks';
import { provideHover } from '../../../server/src/features/hover';
import { provideFoldingRanges } from '../../../server/src/features/folding';
import { isRefusal, prepareRename, provideRename } from '../../../server/src/features/rename';
import { provideCodeLenses } from '../../../server/src/features/codeLens';
import { FIX_ALL, provideCodeActions } from '../../../server/src/codeActions/index';
import { markDoneWithVersion, parseMarkDoneArgs } from '../../../server/src/codeActions/markDoneCommand';
import { positionAt } from '../../../server/src/model/text';

export const ROOT = 'file:///ws';
const TODAY = new Date(Date.UTC(2024, 4, 17));

/** Open documents (with a model per version) and files on disk, all in memory. */
export class FuzzWorkspace implements GoalDocWorkspace {
  readonly models = new Map<string, GoalDoc>();
  readonly open = new Map<string, number>();

  set(doc: GoalDoc, open = true): void {
    this.models.set(doc.uri, doc);
    if (open) this.open.set(doc.uri, doc.version);
  }

  model(uri: string): GoalDoc | undefined {
    return this.models.get(uri);
  }

  anchors(uri: string): GoalDoc | undefined {
    return this.model(uri);
  }

  stat(uri: string): 'file' | 'directory' | undefined {
    if (this.models.has(uri)) return 'file';
    return [...this.models.keys()].some((u) => u.startsWith(uri + '/')) ? 'directory' : undefined;
  }

  async markdownUris(_token: Cancellation): Promise<string[]> {
    return [...this.models.keys()].sort();
  }

  async markdownModels(token: Cancellation): Promise<GoalDoc[]> {
    return (await this.markdownUris(token)).map((u) => this.models.get(u)!);
  }

  async goalDocs(token: Cancellation): Promise<GoalDoc[]> {
    return (await this.markdownModels(token)).filter((d) => isGoalDoc(d.uri.slice(ROOT.length + 1), d, defaultSettings()));
  }

  async goalDocOutlines(token: Cancellation): Promise<GoalDocOutline[]> {
    return (await this.goalDocs(token)).map(outlineOf);
  }

  async readDirectory(uri: string): Promise<DirectoryEntry[] | undefined> {
    return listFolder(this.models.keys(), ROOT, uri);
  }

  folderOf(uri: string): string | undefined {
    return uri.startsWith(ROOT + '/') ? ROOT : undefined;
  }

  openVersion(uri: string): number | undefined {
    return this.open.get(uri);
  }
}

/** Line lengths (without the break) as LSP counts lines: \n, \r\n and a lone \r each end one. */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

export function assertInside(text: string, r: Range, what: string): void {
  const lengths = lineLengths(text);
  for (const p of [r.start, r.end]) {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: position ${JSON.stringify(p)} is not whole numbers`);
    assert.ok(p.line >= 0 && p.line < lengths.length, `${what}: line ${p.line} outside the document's ${lengths.length} lines`);
    assert.ok(p.character >= 0 && p.character <= lengths[p.line], `${what}: character ${p.character} outside line ${p.line} (length ${lengths[p.line]})`);
  }
  assert.ok(before(r.start, r.end), `${what}: range ends before it starts ${JSON.stringify(r)}`);
}

/** Asserts that LSP edits of one document are inside it and do not overlap; returns the new text. */
export function applyChecked(text: string, edits: TextEdit[], what: string): string {
  for (const e of edits) assertInside(text, e.range, what);
  const sorted = [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  for (let i = 1; i < sorted.length; i++) {
    assert.ok(before(sorted[i - 1].range.end, sorted[i].range.start), `${what}: edits overlap: ${JSON.stringify(sorted[i - 1].range)} and ${JSON.stringify(sorted[i].range)}`);
  }
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), edits);
}

/** The edits of a workspace edit for one document, checking the version it is tied to. */
function editsFor(edit: WorkspaceEdit, uri: string, version: number | null, what: string): TextEdit[] {
  const list: TextEdit[] = [];
  for (const c of edit.documentChanges ?? []) {
    assert.ok('textDocument' in c, `${what}: only text edits are expected, got ${JSON.stringify(c)}`);
    const tde = c as TextDocumentEdit;
    if (tde.textDocument.uri !== uri) continue;
    assert.equal(tde.textDocument.version, version, `${what}: edit is for version ${tde.textDocument.version}, the document is at ${version}`);
    list.push(...(tde.edits as TextEdit[]));
  }
  for (const [u, edits] of Object.entries(edit.changes ?? {})) if (u === uri) list.push(...edits);
  return list;
}

/** Errors by code and the text they are on (their messages may change with other headings). */
function errorKeys(text: string, diags: Diagnostic[]): Map<string, number> {
  const doc = TextDocument.create('file:///x.md', 'markdown', 1, text);
  const keys = new Map<string, number>();
  for (const d of diags) {
    if (d.severity !== 1) continue;
    const key = `${d.code} ${JSON.stringify(doc.getText(d.range))}`;
    keys.set(key, (keys.get(key) ?? 0) + 1);
  }
  return keys;
}

/** Where an offset of the old text lands after the edits: exactly, or inside replaced text. */
function mapOffset(oldText: string, edits: TextEdit[], offset: number): { at: number; replaced?: { end: number } } {
  const doc = TextDocument.create('file:///x.md', 'markdown', 1, oldText);
  const spans = edits.map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), length: e.newText.length })).sort((a, b) => a.start - b.start);
  let shift = 0;
  for (const s of spans) {
    if (s.end <= offset) {
      shift += s.length - (s.end - s.start);
      continue;
    }
    if (s.start < offset) return { at: s.start + shift, replaced: { end: s.start + shift + s.length } };
    break;
  }
  return { at: offset + shift };
}

export interface FeatureInputs {
  /** Where to ask for completion, definition, hover, rename… (fractions of the text's length). */
  positions: number[];
  /** New names to rename to. */
  newNames: string[];
  settings?: GoalDocsSettings;
  /** Also apply every quick fix and check what it leaves (slower). */
  applyFixes?: boolean;
}

/** Positions an editor may send: inside the text, and a few past its end or out of range. */
function positionsOf(doc: GoalDoc, fractions: number[]): Position[] {
  const out = fractions.map((f) => positionAt(doc.lineStarts, Math.floor(f * (doc.text.length + 1))));
  const last = doc.lineStarts.length - 1;
  out.push({ line: last + 3, character: 0 }, { line: 0, character: 100_000 }, { line: last, character: 2 ** 31 - 1 });
  return out;
}

function checkLocation(ws: FuzzWorkspace, l: Location, what: string): void {
  const target = ws.model(l.uri);
  assert.ok(target, `${what}: location in an unknown document ${l.uri}`);
  assertInside(target.text, l.range, what);
}

/** Every feature over `doc` (already in `ws`); throws with a message saying what broke. */
export async function checkEveryFeature(ws: FuzzWorkspace, doc: GoalDoc, inputs: FeatureInputs): Promise<void> {
  const settings = inputs.settings ?? defaultSettings();
  const text = doc.text;
  const t = NOT_CANCELLED;

  const diagnostics = computeDiagnostics(doc, settings, ws, t);
  for (const d of diagnostics) {
    assertInside(text, d.range, `diagnostic ${d.code}`);
    for (const r of d.relatedInformation ?? []) checkLocation(ws, r.location, `related information of ${d.code}`);
  }

  for (const s of provideDocumentSymbols(doc, t)) {
    const walk = (x: typeof s) => {
      assertInside(text, x.range, `symbol ${x.name}`);
      assertInside(text, x.selectionRange, `symbol ${x.name} selection`);
      for (const c of x.children ?? []) walk(c);
    };
    walk(s);
  }
  for (const f of provideFoldingRanges(doc, t)) {
    assert.ok(f.startLine <= f.endLine && f.endLine < doc.lineStarts.length, `fold ${f.startLine}-${f.endLine}`);
  }
  for (const l of provideCodeLenses(doc, settings, t)) assertInside(text, l.range, 'code lens');
  for (const l of provideDocumentLinks(doc, ws, t)) {
    assertInside(text, l.range, 'document link');
    const m = /^(.*)#L(\d+)$/.exec(l.target ?? '');
    assert.ok(m && ws.model(m[1]) && Number(m[2]) >= 1 && Number(m[2]) <= ws.model(m[1])!.lineStarts.length, `document link target ${l.target}`);
  }
  for (const s of await provideWorkspaceSymbols('', ws, t)) checkLocation(ws, s.location as Location, `workspace symbol ${s.name}`);
  await provideWorkspaceSymbols(doc.headings[0]?.text.slice(0, 3) ?? 'q', ws, t);

  const positions = positionsOf(doc, inputs.positions);
  for (const [i, position] of positions.entries()) {
    const at = `at ${JSON.stringify(position)}`;
    const completions = await provideCompletions(doc, position, ws, t);
    for (const item of completions.items) {
      const edit = item.textEdit;
      if (edit && 'range' in edit) assertInside(text, edit.range, `completion ${item.label} ${at}`);
      if (edit && 'insert' in edit) {
        assertInside(text, edit.insert, `completion ${item.label} ${at}`);
        assertInside(text, edit.replace, `completion ${item.label} ${at}`);
      }
    }
    for (const l of provideDefinition(doc, position, ws, t)) checkLocation(ws, l, `definition ${at}`);
    for (const l of await provideReferences(doc, position, { includeDeclaration: i % 2 === 0 }, ws, t)) checkLocation(ws, l, `reference ${at}`);
    for (const h of provideDocumentHighlights(doc, position, ws, t)) assertInside(text, h.range, `highlight ${at}`);
    const hover = provideHover(doc, position, ws, t);
    if (hover?.range) assertInside(text, hover.range, `hover ${at}`);

    const prepared = prepareRename(doc, position, ws);
    if (!isRefusal(prepared)) assertInside(text, prepared.range, `prepareRename ${at}`);
    const name = inputs.newNames[i % Math.max(1, inputs.newNames.length)] ?? 'Renamed';
    const renamed = await provideRename(doc, position, name, ws, t, { documentChanges: i % 2 === 0 });
    if (renamed && !isRefusal(renamed)) {
      const uris = new Set([...(renamed.documentChanges ?? []).map((c) => (c as TextDocumentEdit).textDocument.uri), ...Object.keys(renamed.changes ?? {})]);
      for (const uri of uris) {
        const target = ws.model(uri);
        assert.ok(target, `rename edits an unknown document ${uri}`);
        const version = renamed.documentChanges ? (ws.openVersion(uri) ?? null) : null;
        const edited = applyChecked(target.text, editsFor(renamed, uri, version, `rename to ${JSON.stringify(name)} ${at}`), `rename ${at}`);
        buildGoalDoc(edited, { uri, version: 1 });
      }
    }
  }

  // Code actions: for each diagnostic alone, for a few cursor ranges with every diagnostic, and fix all.
  const requests: Array<{ range: Range; diagnostics: Diagnostic[]; only?: string[] }> = diagnostics.map((d) => ({ range: d.range, diagnostics: [d] }));
  for (const p of positions.slice(0, 4)) requests.push({ range: { start: p, end: p }, diagnostics });
  if (positions.length >= 2) {
    const [a, b] = before(positions[0], positions[1]) ? [positions[0], positions[1]] : [positions[1], positions[0]];
    requests.push({ range: { start: a, end: b }, diagnostics: [] });
  }
  requests.push({ range: { start: { line: 0, character: 0 }, end: positionAt(doc.lineStarts, text.length) }, diagnostics, only: [FIX_ALL] });
  const beforeErrors = errorKeys(text, diagnostics);
  for (const request of requests) {
    const actions = provideCodeActions(doc, { range: request.range, context: { diagnostics: request.diagnostics, only: request.only } }, settings, t, { today: TODAY });
    for (const action of actions) checkAction(ws, doc, settings, action, beforeErrors, inputs.applyFixes ?? true);
  }
}

function checkAction(ws: FuzzWorkspace, doc: GoalDoc, settings: GoalDocsSettings, action: CodeAction, beforeErrors: Map<string, number>, applyFixes: boolean): void {
  const what = `code action '${action.title}'`;
  if (action.command) {
    const args = parseMarkDoneArgs(action.command.arguments?.[0]);
    assert.ok(args, `${what}: command arguments ${JSON.stringify(action.command.arguments)}`);
    assert.equal(args.uri, doc.uri, what);
    assert.equal(args.version, doc.version, what);
    for (const l of args.lines) assert.ok(l >= 0 && l < doc.lineStarts.length, `${what}: line ${l}`);
    const result = markDoneWithVersion(doc, { ...args, stampVersion: args.stampVersion ?? '1.0' }, settings, TODAY);
    if (result.edit) applyChecked(doc.text, editsFor(result.edit, doc.uri, doc.version, what), what);
  }
  if (!action.edit) return;
  for (const c of action.edit.documentChanges ?? []) assert.equal((c as TextDocumentEdit).textDocument.uri, doc.uri, `${what} edits another document`);
  assert.ok(!action.edit.changes, `${what}: unversioned changes`);
  const edits = editsFor(action.edit, doc.uri, doc.version, what);
  const after = applyChecked(doc.text, edits, what);
  if (!applyFixes) return;
  const fixed = buildGoalDoc(after, { uri: doc.uri, version: doc.version + 1 });
  const fixedWs = new FuzzWorkspace();
  for (const m of ws.models.values()) fixedWs.set(m.uri === doc.uri ? fixed : m, ws.open.has(m.uri));
  const now = computeDiagnostics(fixed, settings, fixedWs);
  const context = `\n--- before ---\n${JSON.stringify(doc.text)}\n--- after ---\n${JSON.stringify(after)}`;

  // No error that was not there before.
  const nowErrors = errorKeys(after, now);
  for (const [key, n] of nowErrors) assert.ok(n <= (beforeErrors.get(key) ?? 0), `${what} brings in an error: ${key}${context}`);

  // The diagnostic a quick fix answers is gone from its place.
  if (action.kind !== 'quickfix') return;
  for (const d of action.diagnostics ?? []) {
    const start = TextDocument.create('file:///x.md', 'markdown', 1, doc.text).offsetAt(d.range.start);
    const mapped = mapOffset(doc.text, edits, start);
    const fixedDoc = TextDocument.create('file:///x.md', 'markdown', 1, after);
    const still = now.filter((n) => {
      if (n.code !== d.code) return false;
      const o = fixedDoc.offsetAt(n.range.start);
      return mapped.replaced ? o >= mapped.at && o <= mapped.replaced.end : o === mapped.at;
    });
    assert.equal(still.length, 0, `${what} leaves ${d.code} '${d.message}' in place${context}`);
  }
}
