// One parse per document version: each open document's model, with the parsed chunks the next
// version reuses, cached by URI, version and the dialect it was read in (model/dialect.ts). A model a later version was built from is marked
// superseded (model/build.ts): its positions may have moved, so a request that held it across
// an `await` must not answer from it (the service checks).
import type { GoalDoc } from './types';
import { type ParsedDocument, parseGoalDoc } from './build';
import { DEFAULT_DIALECT, type Dialect } from './dialect';

export class ModelCache {
  private readonly parsed = new Map<string, ParsedDocument>();

  /** The model for this exact version and text read in this dialect, built on first request. */
  get(uri: string, version: number, text: () => string, dialect: Dialect = DEFAULT_DIALECT): GoalDoc {
    const cached = this.parsed.get(uri);
    const current = text();
    // A client may send two versions with one number: the text decides (one pointer comparison
    // while the text is unchanged), so no edit is ever computed on text the editor no longer has.
    if (cached && cached.model.version === version && cached.model.text === current && cached.dialect.key === dialect.key) return cached.model;
    // The previous version's unchanged chunks are reused (in the same dialect); only edited chunks are parsed again.
    const next = parseGoalDoc(current, { uri, version, previous: cached, dialect });
    this.parsed.set(uri, next);
    return next.model;
  }

  peek(uri: string): GoalDoc | undefined {
    return this.parsed.get(uri)?.model;
  }

  /** Forgets a document: nothing of it is kept once it is closed. */
  delete(uri: string): void {
    this.parsed.delete(uri);
  }

  clear(): void {
    this.parsed.clear();
  }

  get size(): number {
    return this.parsed.size;
  }
}
