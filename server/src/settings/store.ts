// Settings per document: pulled from the client per scopeUri, cached, dropped on change.
// Invalid values are reported once (through `report`) and replaced by defaults. Beside the
// `goalDocs` section the same request pulls the `markdown` section, which says what the
// editor's own Markdown features answer (editorMarkdown.ts).
import { type EditorMarkdown, readEditorMarkdown } from './editorMarkdown';
import { type GoalDocsSettings, readSettings } from './schema';

/** The sections pulled for each document, in this order. */
export const SETTINGS_SECTIONS = ['goalDocs', 'markdown'] as const;

interface ScopeSettings {
  goalDocs: GoalDocsSettings;
  editorMarkdown: EditorMarkdown;
}

export class SettingsStore {
  private readonly cache = new Map<string, Promise<ScopeSettings>>();
  private readonly reported = new Set<string>();
  private global: unknown;

  constructor(
    /**
     * Pulls the raw sections of SETTINGS_SECTIONS for a document, one value per section;
     * returns undefined when the client cannot.
     */
    private readonly pull: (scopeUri: string) => Promise<unknown[]> | undefined,
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

  async get(uri: string): Promise<GoalDocsSettings> {
    return (await this.scope(uri)).goalDocs;
  }

  /** What the editor's own Markdown features do for the document; nothing for a client that cannot say. */
  async editorMarkdown(uri: string): Promise<EditorMarkdown> {
    return (await this.scope(uri)).editorMarkdown;
  }

  private scope(uri: string): Promise<ScopeSettings> {
    let s = this.cache.get(uri);
    if (!s) {
      s = this.load(uri);
      this.cache.set(uri, s);
    }
    return s;
  }

  private async load(uri: string): Promise<ScopeSettings> {
    let raw: unknown = this.global;
    let markdown: unknown;
    const pulled = this.pull(uri);
    if (pulled) {
      try {
        [raw, markdown] = await pulled;
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
    return { goalDocs: settings, editorMarkdown: readEditorMarkdown(markdown) };
  }
}
