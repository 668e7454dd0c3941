// Completed-goals pages: which page is one, which page a goal doc names as its own ("See also our
// [completed goals](goals_completed.md)", "We record past goals … [here](goals_completed.md)"),
// and what a new one is called and titled.
import type { GoalDoc, Link } from './types';
import { lineStartAt } from './text';

/** A file name of such a page: `goals_completed.md`, `past_goals.md`, `goals-archive.md`. */
const COMPLETED_NAME = /complet|archiv|(?:^|[_\-.])(?:past|done|finished)(?:[_\-.]|$)/i;
/** Words that name such a page in a link's text or before it in its sentence. */
const COMPLETED_WORDS = /\b(?:completed|finished|past|previous|archived?)\s+(?:goals?|okrs?|objectives)\b|\b(?:goals?|okrs?)\s+(?:we\s+have\s+)?(?:completed|finished|archived?)\b/i;
const TITLE_WORDS = /\b(?:completed|finished|past|archived?)\b/i;

function fileName(uriOrPath: string): string {
  const clean = uriOrPath.replace(/[?#].*$/, '').replace(/\/$/, '');
  return decodeURIComponent(clean.slice(clean.lastIndexOf('/') + 1));
}

/** A page of finished goals, by its file name or its title (`# Distribution team completed goals`). */
export function isCompletedPage(doc: GoalDoc): boolean {
  if (COMPLETED_NAME.test(fileName(doc.uri).replace(/\.(md|markdown)$/i, ''))) return true;
  const title = doc.headings.find((h) => h.level === 1);
  return !!title && TITLE_WORDS.test(title.text);
}

/**
 * The links by which a goal doc names its completed-goals page, best first: relative links
 * whose file name says so, then those whose text or sentence does. The caller resolves them.
 */
export function completedPageLinks(doc: GoalDoc): Link[] {
  const byName: Link[] = [];
  const byWords: Link[] = [];
  for (const link of doc.links) {
    if (link.external || link.path === '' || link.path.startsWith('/') || !/(\.md|\/|^[^.]*)$/i.test(link.path)) continue;
    const name = fileName(link.path).replace(/\.(md|markdown)$/i, '');
    // The words before the link in its sentence (`We record past goals that we have completed [here]`).
    const before = doc.text.slice(lineStartAt(doc.text, link.span.start), link.span.start);
    const sentence = before.slice(Math.max(0, ...[...before.matchAll(/[.;!?:]\s/g)].map((m) => m.index! + 2)));
    if (COMPLETED_NAME.test(name)) byName.push(link);
    else if (COMPLETED_WORDS.test(link.text) || COMPLETED_WORDS.test(sentence + link.text)) byWords.push(link);
  }
  return [...byName, ...byWords];
}

/** The file name of a new completed-goals page beside `uri`: `goals.md` → `goals_completed.md`. */
export function completedPageFileName(uri: string): string {
  const stem = fileName(uri).replace(/\.(md|markdown)$/i, '');
  return /goals?$/i.test(stem) ? `${stem}_completed.md` : `${stem}_goals_completed.md`;
}

/** The title of a new completed-goals page for `doc`: `Distribution team goals` → `Distribution team completed goals`. */
export function completedPageTitle(doc: GoalDoc): string {
  const title = doc.headings.find((h) => h.level === 1)?.text;
  if (!title) return 'Completed goals';
  if (/\bgoals\b/i.test(title)) return title.replace(/\b(goals)\b/i, (g) => `${g[0] === 'G' ? 'Completed' : 'completed'} ${g.toLowerCase()}`);
  return `${title}: completed goals`;
}
