// Settings per document: pulled from the client per scopeUri, cached, dropped on change.
// Invalid values are reported once (through `report`) and replaced by defaults.
import { type GoalDocsSettings, readSettings } from './settings';

export class SettingsStore {
  private readonly cache = new Map<string, Promise<GoalDocsSettings>>();
  private readonly reported = new Set<string>();
  private global: unknown;

  constructor(
    /** Pulls the raw `goalDocs` section for a document; returns undefined when the client cannot. */
    private readonly pull: (scopeUri: string) => Promise<unknown> | undefined,
    private readonly report: (message: string) => void,
  ) {}

  /** Settings pushed by a client without `workspace/configuration` (or in initializationOptions). */
  setGlobal(raw: unknown): void {
    this.global = raw;
    this.cache.clear();
  }

  clear(): void {
    this.cache.clear();
    this.reported.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  get(uri: string): Promise<GoalDocsSettings> {
    let s = this.cache.get(uri);
    if (!s) {
      s = this.load(uri);
      this.cache.set(uri, s);
    }
    return s;
  }

  private async load(uri: string): Promise<GoalDocsSettings> {
    let raw: unknown = this.global;
    const pulled = this.pull(uri);
    if (pulled) {
      try {
        raw = await pulled;
      } catch {
        raw = this.global;
      }
    }
    const { settings, problems } = readSettings(raw);
    for (const p of problems) {
      if (this.reported.has(p)) continue;
      this.reported.add(p);
      this.report(p);
    }
    return settings;
  }
}
