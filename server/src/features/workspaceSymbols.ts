// Workspace symbols: the goals and quarters of every goal doc of the workspace, found by a
// subsequence match of the query on the heading text (`nrec` finds "Nightly reconciliation").
import type { SymbolInformation } from 'vscode-languageserver-types';
import type { GoalDoc, Heading } from '../model/types';
import { HEADING_SYMBOL_KINDS } from './documentSymbols';
import { placeOf } from './goalSummary';
import type { Cancellation, GoalDocWorkspace } from './workspace';

/** At most this many symbols are returned; the client asks again as the query grows. */
export const MAX_WORKSPACE_SYMBOLS = 1000;

/**
 * How well `query` matches `text` as a subsequence, case ignored: undefined when it does not;
 * lower is better (a contiguous match at a word start beats scattered letters).
 */
export function subsequenceScore(query: string, text: string): number | undefined {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const t = text.toLowerCase();
  if (q === '') return 0;
  const contiguous = t.indexOf(q);
  if (contiguous === 0 || (contiguous > 0 && /[\s\-_/.(]/.test(t[contiguous - 1]))) return 0;
  if (contiguous > 0) return 1;
  let gaps = 0;
  let at = -1;
  for (const c of q) {
    const next = t.indexOf(c, at + 1);
    if (next < 0) return undefined;
    if (next !== at + 1) gaps++;
    at = next;
  }
  return 1 + gaps;
}

function symbolOf(doc: GoalDoc, h: Heading): SymbolInformation {
  return {
    name: h.text,
    kind: HEADING_SYMBOL_KINDS[h.kind],
    location: { uri: doc.uri, range: h.textRange },
    containerName: placeOf(doc, h) || undefined,
  };
}

export async function provideWorkspaceSymbols(query: string, workspace: GoalDocWorkspace, token: Cancellation): Promise<SymbolInformation[]> {
  const docs = await workspace.goalDocs(token);
  const scored: Array<{ score: number; symbol: SymbolInformation }> = [];
  for (const doc of docs) {
    if (token.isCancellationRequested) return [];
    for (const h of [...doc.quarters.map((q) => q.heading), ...doc.goals.map((g) => g.heading)]) {
      if (!h.text) continue;
      const score = subsequenceScore(query, h.text);
      if (score !== undefined) scored.push({ score, symbol: symbolOf(doc, h) });
    }
  }
  scored.sort((a, b) => a.score - b.score);
  return scored.slice(0, MAX_WORKSPACE_SYMBOLS).map((s) => s.symbol);
}
