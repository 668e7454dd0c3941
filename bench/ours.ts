// Our engine's operations for the bench. Completion and document symbols come from
// server/src/features/ when those files exist (imported dynamically, since they are being
// written); until then the bench times the model lookups those features will make, and says so.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, DocumentSymbol, Position } from 'vscode-languageserver-types';
import { buildGoalDoc, type ParsedDocument, parseGoalDoc } from '../server/src/model/build';
import { computeDiagnostics } from '../server/src/diagnostics/index';
import type { LinkedFiles } from '../server/src/workspace/linkedFiles';
import type { GoalDoc, Heading } from '../server/src/model/types';
import { defaultSettings } from '../server/src/settings/schema';

const settings = defaultSettings();
const never = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };

const parsedOf = new WeakMap<GoalDoc, ParsedDocument>();

/** A new version's model, reusing the chunks of `previous` as the server's model cache does. */
export function buildModel(text: string, uri: string, version: number, previous?: GoalDoc): GoalDoc {
  const parsed = parseGoalDoc(text, { uri, version, previous: previous && parsedOf.get(previous) });
  parsedOf.set(parsed.model, parsed);
  return parsed.model;
}

/**
 * The sibling files both engines see: one that exists, one (`recurring_processes.md`) that
 * doesn't. Shaped as the features' workspace (LinkedFiles plus the listing methods), untyped
 * beyond LinkedFiles so the bench does not depend on that interface while it changes.
 */
export function memoryWorkspace(rootUri: string, siblings: Record<string, string>): LinkedFiles & Record<string, unknown> {
  const models = new Map<string, GoalDoc>();
  const model = (uri: string): GoalDoc | undefined => {
    if (!(uri in siblings)) return undefined;
    let m = models.get(uri);
    if (!m) models.set(uri, (m = buildGoalDoc(siblings[uri], { uri, version: 1 })));
    return m;
  };
  return {
    stat: (uri: string) => (uri in siblings ? 'file' : uri === rootUri || uri === `${rootUri}/` ? 'directory' : undefined),
    model,
    markdownUris: async () => Object.keys(siblings),
    markdownModels: async () => Object.keys(siblings).map((u) => model(u)!),
    goalDocs: async () => Object.keys(siblings).map((u) => model(u)!),
    openVersion: () => undefined,
  };
}

export function diagnostics(doc: GoalDoc, files: LinkedFiles) {
  return computeDiagnostics(doc, settings, files, never);
}

type AnyFn = (...args: unknown[]) => unknown;

export interface Feature<P, R> {
  /** What is timed: the feature's export, or the model lookups that stand in for it. */
  source: string;
  available: boolean;
  call(doc: GoalDoc, param: P): Promise<R[]>;
}

function asList<R>(result: unknown): R[] | undefined {
  if (Array.isArray(result)) return result as R[];
  if (result && typeof result === 'object' && Array.isArray((result as { items?: unknown }).items)) return (result as { items: R[] }).items;
  return undefined;
}

/**
 * Finds the feature's function among the module's exports and the argument shape it takes, by
 * calling it on a probe document: `(model, params, token)` as the style guide has it, or
 * `(model, position, token)`. A shape that throws or returns nothing list-like is skipped.
 */
async function loadFeature<P, R>(
  file: string,
  namePattern: RegExp,
  shapes: { label: string; arity: number; args: (doc: GoalDoc, param: P) => unknown[] }[],
  probe: { doc: GoalDoc; param: P },
  fallback: (doc: GoalDoc, param: P) => R[],
  fallbackLabel: string,
): Promise<Feature<P, R>> {
  const rel = path.relative(process.cwd(), file);
  const missing = (why: string): Feature<P, R> => ({ source: `${fallbackLabel} (feature not yet available: ${why})`, available: false, call: async (d, p) => fallback(d, p) });
  if (!existsSync(file)) return missing(`no ${rel}`);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (e) {
    return missing(`${rel} does not load: ${(e as Error).message.split('\n')[0]}`);
  }
  const exportsOf = { ...((mod.default as Record<string, unknown> | undefined) ?? {}), ...mod };
  const candidates = Object.entries(exportsOf).filter(([name, v]) => typeof v === 'function' && namePattern.test(name) && !/^class\s/.test(String(v)));
  const tried: string[] = [];
  for (const [name, fn] of candidates) {
    // Shapes with as many arguments as the function declares first.
    const arity = (fn as AnyFn).length;
    const ordered = [...shapes].sort((a, b) => Number(b.arity === arity) - Number(a.arity === arity));
    for (const shape of ordered) {
      try {
        const list = asList<R>(await (fn as AnyFn)(...shape.args(probe.doc, probe.param)));
        if (list && list.length > 0) {
          return { source: `${rel}: ${name}${shape.label}`, available: true, call: async (d, p) => asList<R>(await (fn as AnyFn)(...shape.args(d, p))) ?? [] };
        }
        tried.push(`${name}${shape.label} → ${list ? 'empty' : 'not a list'}`);
      } catch (e) {
        tried.push(`${name}${shape.label} threw ${(e as Error).message.split('\n')[0]}`);
      }
    }
  }
  return missing(`${rel} exports ${Object.keys(exportsOf).join(', ') || 'nothing'}${tried.length ? `; tried ${tried.join('; ')}` : ''}`);
}

/** Stand-in for completion after `](#`: the headings whose slug starts with what was typed. */
function anchorCompletionLookup(doc: GoalDoc, position: Position): CompletionItem[] {
  const lineStart = doc.lineStarts[position.line];
  const before = doc.text.slice(lineStart, lineStart + position.character);
  const typed = /\]\(#([^)\s]*)$/.exec(before)?.[1];
  if (typed === undefined) return [];
  const start = { line: position.line, character: position.character - typed.length - 1 };
  return doc.headings
    .filter((h) => h.slug.startsWith(typed.toLowerCase()))
    .map((h) => ({ label: `#${h.slug}`, kind: 18, detail: h.text, textEdit: { range: { start, end: position }, newText: `#${h.slug}` } }));
}

const SYMBOL_KIND: Record<Heading['kind'], number> = { year: 3, quarter: 9, goal: 24, other: 15 }; // Namespace, Enum, Event, String

/** Stand-in for document symbols: the headings nested by level, kinds from the model. */
function outlineLookup(doc: GoalDoc): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const stack: { level: number; symbol: DocumentSymbol }[] = [];
  for (const h of doc.headings) {
    const symbol: DocumentSymbol = { name: h.text, kind: SYMBOL_KIND[h.kind] as DocumentSymbol['kind'], range: h.sectionRange, selectionRange: h.textRange, children: [] };
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    (stack.length ? stack[stack.length - 1].symbol.children! : roots).push(symbol);
    stack.push({ level: h.level, symbol });
  }
  return roots;
}

const featuresDir = path.join(__dirname, '..', 'server', 'src', 'features');

export function loadCompletion(probe: { doc: GoalDoc; param: Position }, workspace: LinkedFiles): Promise<Feature<Position, CompletionItem>> {
  return loadFeature<Position, CompletionItem>(
    path.join(featuresDir, 'completion.ts'),
    /complet/i,
    [
      { label: '(model, position, workspace, token)', arity: 4, args: (d, position) => [d, position, workspace, never] },
      { label: '(model, {textDocument, position}, token)', arity: 3, args: (d, position) => [d, { textDocument: { uri: d.uri }, position }, never] },
      { label: '(model, position, token)', arity: 3, args: (d, position) => [d, position, never] },
    ],
    probe,
    anchorCompletionLookup,
    'model lookup: headings by slug prefix',
  );
}

export function loadSymbols(probe: { doc: GoalDoc; param: undefined }): Promise<Feature<undefined, DocumentSymbol>> {
  return loadFeature<undefined, DocumentSymbol>(
    path.join(featuresDir, 'documentSymbols.ts'),
    /symbol/i,
    [
      { label: '(model, token)', arity: 2, args: (d) => [d, never] },
      { label: '(model, {textDocument}, token)', arity: 3, args: (d) => [d, { textDocument: { uri: d.uri } }, never] },
    ],
    probe,
    (d) => outlineLookup(d),
    'model lookup: headings nested by level',
  );
}
