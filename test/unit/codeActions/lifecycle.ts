// What the goal-lifecycle tests share (move, next quarter, carry over): an in-memory workspace of
// pages, the context the actions read it through, and a workspace edit applied to the pages as
// an editor applies it: every document change checked against the open version, or null for a
// file on disk, and a page created only by a create operation.
import { strict as assert } from 'node:assert';
import type { CreateFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { LifecycleContext, PageRead } from '../../../server/src/codeActions/moveGoal';
import { type EditSupport, FULL_SUPPORT } from '../../../server/src/codeActions/sectionMove';
import { NOT_CANCELLED } from '../../../server/src/workspace/goalDocWorkspace';
import { defaultSettings, type GoalDocsSettings } from '../../../server/src/settings/schema';
import { applyEdits, dedent } from '../../support/fixture';
import { MemoryWorkspace, ROOT } from '../features/support';
import { TODAY } from './helpers';

export { ROOT, TODAY };

export const uri = (name: string) => `${ROOT}/${name}`;

export interface Pages {
  workspace: MemoryWorkspace;
  /** The text of each page, by file name. */
  texts: Record<string, string>;
}

/** Pages by file name (texts dedented); those named in `open` count as open at version 1. */
export function pages(files: Record<string, string>, open: string[] = Object.keys(files)): Pages {
  const texts = Object.fromEntries(Object.entries(files).map(([n, t]) => [n, dedent(t)]));
  const workspace = new MemoryWorkspace(Object.fromEntries(Object.entries(texts).map(([n, t]) => [uri(n), t])));
  for (const n of open) workspace.open.set(uri(n), 1);
  return { workspace, texts };
}

export function contextOf(
  p: Pages,
  options: { settings?: GoalDocsSettings; settingsOf?: (uri: string) => GoalDocsSettings; today?: Date; support?: EditSupport } = {},
): LifecycleContext {
  const settingsOf = options.settingsOf ?? (() => options.settings ?? defaultSettings());
  return {
    workspace: p.workspace,
    settingsOf: async (u) => settingsOf(u),
    today: options.today ?? TODAY,
    support: options.support ?? FULL_SUPPORT,
    token: NOT_CANCELLED,
    page: async (u): Promise<PageRead> => {
      const text = p.workspace.texts[u];
      if (text === undefined) return { kind: 'missing' };
      const limit = settingsOf(u).maxFileSize;
      return text.length > limit ? { kind: 'too-large', length: text.length, limit } : { kind: 'model', doc: p.workspace.model(u)! };
    },
  };
}

/** The pages after an editor applied `edit`: file name → text, for every page it touched. */
export function applyWorkspaceEdit(p: Pages, edit: WorkspaceEdit | undefined): Record<string, string> {
  assert.ok(edit?.documentChanges, 'expected versioned documentChanges');
  const out: Record<string, string> = {};
  const created = new Set<string>();
  for (const change of edit.documentChanges) {
    if ('kind' in change) {
      assert.equal(change.kind, 'create', 'only pages are created');
      const name = (change as CreateFile).uri.slice(ROOT.length + 1);
      assert.equal(p.texts[name], undefined, `${name} exists; a create would fail`);
      created.add(name);
      out[name] = '';
      continue;
    }
    const c = change as TextDocumentEdit;
    const name = c.textDocument.uri.slice(ROOT.length + 1);
    const open = p.workspace.open.get(c.textDocument.uri);
    assert.equal(c.textDocument.version, created.has(name) ? null : (open ?? null), `${name}: the edit's version`);
    const before = out[name] ?? p.texts[name];
    assert.ok(before !== undefined, `${name} is edited but neither exists nor was created`);
    out[name] = applyEdits(before, c.edits as TextEdit[]);
  }
  return out;
}
