// Which Markdown files are goal docs: matched by `goalDocs.files`, or recognised by content
// (a quarter heading, or goals with Owner/Milestones/Outcomes fields).
import picomatch from 'picomatch';
import type { GoalDoc } from './model/types';

const matcherCache = new Map<string, (path: string) => boolean>();

function matcher(globs: string[]): (path: string) => boolean {
  const key = globs.join('\n');
  let m = matcherCache.get(key);
  if (!m) {
    const compiled = globs.map((g) => picomatch(g, { dot: true, nocase: true }));
    m = (path: string) => compiled.some((c) => c(path));
    matcherCache.set(key, m);
  }
  return m;
}

/** `path` is relative to the workspace folder (or the current folder for the CLI), with `/`. */
export function matchesGoalDocGlobs(path: string, globs: string[]): boolean {
  const p = path.replace(/\\/g, '/').replace(/^\.\//, '');
  return matcher(globs)(p);
}

export function isGoalDoc(path: string, doc: GoalDoc, globs: string[]): boolean {
  return doc.looksLikeGoalDoc || matchesGoalDocGlobs(path, globs);
}
