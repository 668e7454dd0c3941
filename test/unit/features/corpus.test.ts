// Every feature over every doc of ../shared/corpus, built once: results must stay inside the
// documents, agree with the model, and a rename must keep every link reaching its heading.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import type { DocumentSymbol, Range, TextEdit, TextDocumentEdit } from 'vscode-languageserver-types';
import { provideCompletions } from '../../../server/src/features/completion';
import { provideDocumentSymbols } from '../../../server/src/features/documentSymbols';
import { provideWorkspaceSymbols } from '../../../server/src/features/workspaceSymbols';
import { provideDefinition } from '../../../server/src/features/definition';
import { provideReferences } from '../../../server/src/features/references';
import { provideDocumentLinks } from '../../../server/src/features/documentLinks';
import { provideHover } from '../../../server/src/features/hover';
import { provideFoldingRanges } from '../../../server/src/features/folding';
import { isRefusal, prepareRename, provideRename } from '../../../server/src/features/rename';
import { provideCodeLenses } from '../../../server/src/features/codeLens';
import { goalProgress, quarterProgress } from '../../../server/src/model/progress';
import { NOT_CANCELLED } from '../../../server/src/workspace/goalDocWorkspace';
import { resolveAnchor } from '../../../server/src/diagnostics/anchors';
import type { GoalDoc } from '../../../server/src/model/types';
import { CORPUS_DIR, CORPUS_SKIP, corpusDocs } from '../../support/corpus';
import { applyEdits, model } from '../../support/fixture';
import { MemoryWorkspace } from './support';

function within(doc: GoalDoc, r: Range, what: string): void {
  const lines = doc.lineStarts.length;
  assert.ok(r.start.line >= 0 && r.end.line < lines, `${doc.uri}: ${what} at ${r.start.line}-${r.end.line} of ${lines} lines`);
  assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${doc.uri}: ${what} ends before it starts`);
}

function contains(outer: Range, inner: Range): boolean {
  const le = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

describe('every feature over the corpus', { skip: CORPUS_SKIP }, () => {
  let workspace: MemoryWorkspace;
  let docs: GoalDoc[];

  before(() => {
    const texts: Record<string, string> = {};
    for (const file of corpusDocs()) texts['file:///corpus/' + path.relative(CORPUS_DIR, file)] = readFileSync(file, 'utf8');
    workspace = new MemoryWorkspace(texts);
    docs = Object.keys(texts).map((uri) => workspace.model(uri)!);
  });

  it('outlines every doc with one symbol per heading, children inside their parents', () => {
    for (const doc of docs) {
      let count = 0;
      const check = (s: DocumentSymbol, parent?: DocumentSymbol) => {
        count++;
        assert.ok(s.name.length > 0 && !s.name.startsWith('#'), `${doc.uri}: name '${s.name}'`);
        within(doc, s.range, s.name);
        assert.ok(contains(s.range, s.selectionRange), `${doc.uri}: ${s.name}: selection outside range`);
        if (parent) assert.ok(contains(parent.range, s.range), `${doc.uri}: ${s.name} outside ${parent.name}`);
        for (const c of s.children ?? []) check(c, s);
      };
      for (const s of provideDocumentSymbols(doc, NOT_CANCELLED)) check(s);
      assert.equal(count, doc.headings.length, `${doc.uri}: one symbol per heading`);
    }
  });

  it('completes every heading inside every in-page link', async () => {
    let checked = 0;
    for (const doc of docs) {
      const link = doc.links.find((l) => !l.external && l.path === '' && l.fragmentRange);
      if (!link) continue;
      const list = await provideCompletions(doc, link.fragmentRange!.start, workspace, NOT_CANCELLED);
      assert.deepEqual(list.items.map((i) => (i.textEdit as TextEdit).newText), doc.headings.map((h) => h.slug), doc.uri);
      checked++;
    }
    assert.ok(checked > 5, `only ${checked} docs have in-page links`);
  });

  it('resolves, hovers and links every anchor link that reaches a heading of the workspace', () => {
    for (const doc of docs) {
      const links = provideDocumentLinks(doc, workspace, NOT_CANCELLED);
      for (const l of links) {
        const [uri, line] = l.target!.split('#L');
        const target = workspace.model(uri);
        assert.ok(target && Number(line) >= 1 && Number(line) <= target.lineStarts.length, `${doc.uri}: ${l.target}`);
      }
      for (const link of doc.links.filter((x) => x.fragmentRange && !x.external)) {
        const defs = provideDefinition(doc, link.fragmentRange!.start, workspace, NOT_CANCELLED);
        for (const d of defs) within(workspace.model(d.uri)!, d.range, `definition of ${link.href}`);
        // A link that reaches a heading gets a hover; a broken one none (its diagnostic says so).
        const hover = provideHover(doc, link.fragmentRange!.start, workspace, NOT_CANCELLED);
        assert.equal(!!hover, defs.length > 0, `${doc.uri}: ${hover ? 'a hover on the broken link' : 'no hover on'} ${link.href}`);
      }
    }
  });

  it('folds inside every doc and puts a lens on every quarter and goal that has milestones to count', () => {
    for (const doc of docs) {
      for (const r of provideFoldingRanges(doc, NOT_CANCELLED)) assert.ok(r.startLine < r.endLine && r.endLine < doc.lineStarts.length, `${doc.uri}: fold ${r.startLine}-${r.endLine}`);
      const lenses = provideCodeLenses(doc, { codeLens: true }, NOT_CANCELLED);
      const counted = [...doc.quarters.filter((q) => quarterProgress(doc, q).total), ...doc.goals.filter((g) => !g.isInclude && goalProgress(doc, g).total)];
      assert.equal(lenses.length, counted.length);
      for (const l of lenses) assert.match(l.command!.title, /^\d+\/\d+ milestones done(, \d+ descoped)?$/);
    }
  });

  it('finds references of every goal inside the workspace, and lists every goal as a workspace symbol', async () => {
    for (const doc of docs) {
      for (const g of doc.goals) {
        const refs = await provideReferences(doc, g.heading.textRange.start, { includeDeclaration: true }, workspace, NOT_CANCELLED);
        assert.ok(refs.length >= 1, `${doc.uri}: ${g.heading.text}`);
        for (const r of refs) within(workspace.model(r.uri)!, r.range, `reference of ${g.heading.text}`);
      }
    }
    const symbols = await provideWorkspaceSymbols('', workspace, NOT_CANCELLED);
    const goalDocs = await workspace.goalDocs(NOT_CANCELLED);
    const expected = goalDocs.reduce((n, d) => n + d.goals.filter((g) => g.heading.text).length + d.quarters.filter((q) => q.heading.text).length, 0);
    assert.equal(symbols.length, Math.min(expected, 1000));
  });

  it('renames the first goal of every doc with in-page links, and every link still reaches its heading', async () => {
    let renamed = 0;
    for (const doc of docs) {
      const goal = doc.goals.find((g) => g.heading.text && !g.isInclude);
      if (!goal || !doc.links.some((l) => l.path === '' && l.fragment)) continue;
      const prepared = prepareRename(doc, goal.heading.textRange.start, workspace);
      assert.ok(!isRefusal(prepared), `${doc.uri}: ${JSON.stringify(prepared)}`);
      assert.equal(prepared.placeholder, goal.heading.text);
      const newText = `${goal.heading.text} renamed`;
      const edit = await provideRename(doc, goal.heading.textRange.start, newText, workspace, NOT_CANCELLED, { documentChanges: true });
      assert.ok(edit && !isRefusal(edit));
      const own = (edit.documentChanges as TextDocumentEdit[]).find((c) => c.textDocument.uri === doc.uri)!;
      const after = model(applyEdits(doc.text, own.edits as TextEdit[]), doc.uri);
      assert.equal(after.headings[goal.heading.index].text, newText, doc.uri);
      // Every in-page link that reached heading i before reaches heading i after.
      const before = doc.links.filter((l) => l.path === '' && l.fragment).map((l) => resolveAnchor(doc, l.fragment!)?.heading?.index);
      const now = after.links.filter((l) => l.path === '' && l.fragment).map((l) => resolveAnchor(after, l.fragment!)?.heading?.index);
      assert.deepEqual(now, before, doc.uri);
      renamed++;
    }
    assert.ok(renamed > 3, `renamed in ${renamed} docs only`);
  });
});
