// Where the shared corpus of real goal docs is. Corpus tests skip, saying so, where it is absent;
// CI always has it.
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const CORPUS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');

export function corpusAvailable(): boolean {
  return existsSync(path.join(CORPUS_DIR, 'goals_completed.md'));
}

export const CORPUS_SKIP = corpusAvailable() ? false : `corpus not found at ${CORPUS_DIR}: corpus tests skipped`;

/** Every Markdown file of the corpus: the seed page and docs/. */
export function corpusDocs(): string[] {
  if (!corpusAvailable()) return [];
  const docs = readdirSync(path.join(CORPUS_DIR, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join(CORPUS_DIR, 'docs', f));
  return [path.join(CORPUS_DIR, 'goals_completed.md'), ...docs.sort()];
}

/** The documents of done_edits/: real pages as they were just before a person marked something done. */
export function doneEditDocs(): string[] {
  if (!corpusAvailable()) return [];
  const dir = path.join(CORPUS_DIR, 'done_edits');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => path.join(dir, f));
}
