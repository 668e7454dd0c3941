// One parse per document version: models are cached by URI and version.
import type { GoalDoc } from './types';
import { buildGoalDoc } from './build';

export class ModelCache {
  private readonly models = new Map<string, GoalDoc>();

  /** The model for this exact version and text, built on first request. */
  get(uri: string, version: number, text: () => string): GoalDoc {
    const cached = this.models.get(uri);
    const current = text();
    // A client may send two versions with one number: the text decides (one pointer comparison
    // while the text is unchanged), so no edit is ever computed on text the editor no longer has.
    if (cached && cached.version === version && cached.text === current) return cached;
    // The previous version's unchanged chunks are reused; only edited chunks are parsed again.
    const doc = buildGoalDoc(current, { uri, version, previous: cached });
    this.models.set(uri, doc);
    return doc;
  }

  peek(uri: string): GoalDoc | undefined {
    return this.models.get(uri);
  }

  delete(uri: string): void {
    this.models.delete(uri);
  }

  clear(): void {
    this.models.clear();
  }
}
