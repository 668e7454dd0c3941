// Workspace symbols: the goals and quarters of every goal doc of the workspace, found by word and
// prefix matches of the query on the heading text (`night rec` and `nightrec` find "Nightly
// reconciliation"; `release` finds no title that merely holds r, e, l, e, a, s, e in order).
import type { Dialect } from '../model/dialect';
import type { Range, SymbolInformation } from 'vscode-languageserver-types';
import type { GoalDoc } from '../model/types';
import { outlineModel, outlineText, pagePosition } from '../model/outline';
import { HEADING_SYMBOL_KINDS } from './documentSymbols';
import { placeOf } from './goalSummary';
import type { Cancellation, GoalDocOutline, GoalDocWorkspace, OutlineSymbol } from '../workspace/goalDocWorkspace';

export type { GoalDocOutline, OutlineSymbol };

/** At most this many symbols are returned; the client asks again as the query grows. */
export const MAX_WORKSPACE_SYMBOLS = 1000;

/** The words of a heading, lower-cased: split at spaces and punctuation (`FY-24-Q1` → fy, 24, q1). */
function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** True when `rest` is a run of prefixes, two characters or more each, of the words from `i` on, one per word. */
function prefixRun(rest: string, words: string[], i: number): boolean {
  if (rest === '') return true;
  const w = words[i];
  if (!w) return false;
  for (let n = Math.min(w.length, rest.length); n >= 2 || (n >= 1 && n === rest.length); n--) {
    if (w.startsWith(rest.slice(0, n)) && prefixRun(rest.slice(n), words, i + 1)) return true;
  }
  return false;
}

/**
 * How well `query` matches a heading, lower is better; undefined for no match. Word and prefix
 * matches only: 0 the title starts with the query, 1 a later word does, 2 every query word starts
 * a word, 3 the query is prefixes of consecutive words (`nightrec` for "Nightly reconciliation",
 * `fy24`), 4 it is inside a word. Letters scattered over a title are no match.
 */
export function matchScore(query: string, text: string): number | undefined {
  const q = query.toLowerCase().trim().replace(/\s+/g, ' ');
  if (q === '') return 0;
  const t = text.toLowerCase();
  const words = wordsOf(text);
  const qWords = wordsOf(q);
  if (qWords.length === 0) return t.includes(q) ? 3 : undefined;
  const phrase = qWords.join(' ');
  const spaced = words.join(' ');
  if (spaced.startsWith(phrase)) return 0;
  if (spaced.includes(` ${phrase}`)) return 1;
  if (qWords.length > 1 && qWords.every((w) => words.some((x) => x.startsWith(w)))) return 2;
  const joined = qWords.join('');
  for (let i = 0; i < words.length; i++) if (prefixRun(joined, words, i)) return 3;
  if (q.length >= 3 && t.includes(q)) return 4;
  return undefined;
}

const outlines = new WeakMap<GoalDoc, GoalDocOutline>();

/** The quarters and goals of a model. */
export function outlineOf(doc: GoalDoc): GoalDocOutline {
  let outline = outlines.get(doc);
  if (!outline) {
    const symbols: OutlineSymbol[] = [];
    for (const h of [...doc.quarters.map((q) => q.heading), ...doc.goals.map((g) => g.heading)]) {
      symbols.push({ name: h.text, kind: h.kind, textRange: h.textRange, container: placeOf(doc, h) });
    }
    outlines.set(doc, (outline = { uri: doc.uri, symbols }));
  }
  return outline;
}

/**
 * The quarters and goals of a page from its outline text (model/outline.ts): a parse of its
 * headings and of a line per goal field, not of the whole page. Undefined when the page must be
 * parsed whole to be sure of them.
 */
export function outlineFromText(uri: string, text: string, dialect?: Dialect): GoalDocOutline | undefined {
  // The outline text keeps the lines of the built-in field names; a team's own names (goalDocs.fields) need the whole parse.
  if (dialect && dialect.fieldNames.size > 0) return undefined;
  const outline = outlineText(text, uri);
  if (!outline) return undefined;
  const { symbols } = outlineOf(outlineModel(outline, uri, dialect));
  const range = (r: Range): Range => ({ start: pagePosition(outline, r.start), end: pagePosition(outline, r.end) });
  return { uri, symbols: symbols.map((s) => ({ ...s, textRange: range(s.textRange) })) };
}

export async function provideWorkspaceSymbols(query: string, workspace: GoalDocWorkspace, token: Cancellation): Promise<SymbolInformation[]> {
  const docs = await workspace.goalDocOutlines(token);
  const scored: Array<{ score: number; symbol: SymbolInformation }> = [];
  for (const doc of docs) {
    if (token.isCancellationRequested) return [];
    for (const s of doc.symbols) {
      if (!s.name) continue;
      const score = matchScore(query, s.name);
      if (score !== undefined) scored.push({ score, symbol: { name: s.name, kind: HEADING_SYMBOL_KINDS[s.kind], location: { uri: doc.uri, range: s.textRange }, containerName: s.container || undefined } });
    }
  }
  scored.sort((a, b) => a.score - b.score || a.symbol.name.length - b.symbol.name.length);
  return scored.slice(0, MAX_WORKSPACE_SYMBOLS).map((s) => s.symbol);
}
