// One parse per document version: models are cached by URI and version.
import type { GoalDoc } from './types';
import { buildGoalDoc } from './build';

export class ModelCache {
  private readonly models = new Map<string, GoalDoc>();

  /** The model for this exact version, built on first request. */
  get(uri: string, version: number, text: () => string): GoalDoc {
    const cached = this.models.get(uri);
    if (cached && cached.version === version) return cached;
    // The previous version's unchanged chunks are reused; only edited chunks are parsed again.
    const doc = buildGoalDoc(text(), { uri, version, previous: cached });
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
