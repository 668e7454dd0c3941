// An in-memory workspace of Markdown documents for the feature tests: the GoalDocWorkspace the
// features read, answered from a map of URI → text instead of the server's index.
import type { DocumentSymbol, Range, SymbolKind } from 'vscode-languageserver-types';
import { type GoalDocOutline, outlineOf } from '../../../server/src/features/workspaceSymbols';
import { buildGoalDoc } from '../../../server/src/model/build';
import type { GoalDoc } from '../../../server/src/model/types';
import type { Cancellation, DirectoryEntry, GoalDocWorkspace } from '../../../server/src/workspace/goalDocWorkspace';
import { listFolder } from '../../support/memoryDirectory';
import { isGoalDoc } from '../../../server/src/model/goalDocRule';
import { defaultSettings } from '../../../server/src/settings/schema';
import { dedent, withCursor } from '../../support/fixture';

export const ROOT = 'file:///ws';

export class MemoryWorkspace implements GoalDocWorkspace {
  private readonly models = new Map<string, GoalDoc>();
  /** Versions of the documents that count as open in the editor. */
  readonly open = new Map<string, number>();

  constructor(readonly texts: Record<string, string>) {}

  static of(files: Record<string, string>): MemoryWorkspace {
    return new MemoryWorkspace(Object.fromEntries(Object.entries(files).map(([name, text]) => [`${ROOT}/${name}`, dedent(text)])));
  }

  model(uri: string): GoalDoc | undefined {
    const text = this.texts[uri];
    if (text === undefined) return undefined;
    let doc = this.models.get(uri);
    if (!doc) {
      doc = buildGoalDoc(text, { uri, version: this.open.get(uri) ?? -1 });
      this.models.set(uri, doc);
    }
    return doc;
  }

  anchors(uri: string): GoalDoc | undefined {
    return this.model(uri);
  }

  stat(uri: string): 'file' | 'directory' | undefined {
    if (uri in this.texts) return 'file';
    return Object.keys(this.texts).some((u) => u.startsWith(uri + '/')) ? 'directory' : undefined;
  }

  async markdownUris(_token: Cancellation): Promise<string[]> {
    return Object.keys(this.texts).sort();
  }

  async markdownModels(token: Cancellation): Promise<GoalDoc[]> {
    return (await this.markdownUris(token)).map((u) => this.model(u)!);
  }

  async goalDocs(token: Cancellation): Promise<GoalDoc[]> {
    return (await this.markdownModels(token)).filter((d) => isGoalDoc(d.uri.slice(ROOT.length + 1), d, defaultSettings()));
  }

  async goalDocOutlines(token: Cancellation): Promise<GoalDocOutline[]> {
    return (await this.goalDocs(token)).map(outlineOf);
  }

  async readDirectory(uri: string): Promise<DirectoryEntry[] | undefined> {
    return listFolder(Object.keys(this.texts), ROOT, uri);
  }

  folderOf(uri: string): string | undefined {
    return uri.startsWith(ROOT + '/') ? ROOT : undefined;
  }

  openVersion(uri: string): number | undefined {
    return this.open.get(uri);
  }
}

/**
 * A workspace from files whose texts may hold one cursor marker `$0`: the workspace (marker
 * removed), the model of the file with the cursor, and the cursor position.
 */
export function workspaceWithCursor(files: Record<string, string>) {
  let at: { uri: string; position: { line: number; character: number } } | undefined;
  const plain: Record<string, string> = {};
  for (const [name, raw] of Object.entries(files)) {
    const text = dedent(raw);
    if (text.includes('$0')) {
      const c = withCursor(text);
      at = { uri: `${ROOT}/${name}`, position: c.position };
      plain[name] = c.text;
    } else plain[name] = text;
  }
  if (!at) throw new Error('no file has a cursor marker $0');
  const workspace = new MemoryWorkspace(Object.fromEntries(Object.entries(plain).map(([n, t]) => [`${ROOT}/${n}`, t])));
  return { workspace, doc: workspace.model(at.uri)!, position: at.position };
}

/** A symbol tree as nested tuples of name, kind, detail and children, for deepEqual. */
export type SymbolTree = Array<[string, SymbolKind, string | undefined, SymbolTree]>;

export function symbolTree(symbols: DocumentSymbol[]): SymbolTree {
  return symbols.map((s) => [s.name, s.kind, s.detail, symbolTree(s.children ?? [])]);
}

/** Whether a range lies inside another. */
export function rangeInside(inner: Range, outer: Range): boolean {
  const le = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}
