// `goal-docs check --changed-lines-from DIFF`: the lines a change added or modified, read from its
// unified diff (`git diff --unified=0 BASE`, `-` for stdin), so that a pull request is held to the
// lines it touched (annotations where the diff is, a failure for what the change brought) while a
// page's older problems wait for their own change. The CLI reads a diff rather than running git:
// nothing in server/src starts a process.
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';

/** Per file (absolute path), the 1-based numbers of its added or changed lines. */
export type ChangedLines = Map<string, Set<number>>;

/** A path as git writes it in a diff: plain, or in C quotes when it holds `"`, `\` or bytes it escapes. */
function unquote(p: string): string {
  if (!p.startsWith('"')) return p;
  const bytes: number[] = [];
  const escapes: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', '\\': '\\' };
  for (let i = 1; i < p.length - 1; i++) {
    const c = p[i]!;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = p[++i]!;
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(p.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(...Buffer.from(escapes[next] ?? next, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** A `--- ` or `+++ ` line's path, without the timestamp some diff tools add after a tab. */
function headerPath(line: string): string {
  return unquote(line.slice(4).replace(/\t.*$/, ''));
}

/**
 * The new side's changed lines of a unified diff, keyed by the path after `+++ ` (without git's
 * `b/` where the old side has `a/` or is /dev/null); a deleted file has none. Lines that were only
 * removed leave nothing to point at.
 */
export function parseUnifiedDiff(diff: string): Map<string, Set<number>> {
  const files = new Map<string, Set<number>>();
  let oldSide = '';
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('--- ')) {
      oldSide = headerPath(line);
      current = undefined;
      continue;
    }
    if (line.startsWith('+++ ')) {
      const target = headerPath(line);
      current = undefined;
      if (target === '/dev/null') continue;
      const prefixed = (oldSide.startsWith('a/') || oldSide === '/dev/null') && target.startsWith('b/');
      const name = prefixed ? target.slice(2) : target;
      current = files.get(name) ?? new Set();
      files.set(name, current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let n = start; n < start + count; n++) current.add(n);
    }
  }
  return files;
}

/** The changed lines of a diff whose paths are relative to `cwd`, keyed by absolute path. */
export function changedLinesOf(diff: string, cwd: string): ChangedLines {
  return new Map([...parseUnifiedDiff(diff)].map(([file, lines]) => [path.resolve(cwd, file), lines]));
}

/** Whether a problem of the file at `abs` sits on a changed line (any line its range covers). */
export function onChangedLine(changed: ChangedLines, abs: string, d: Diagnostic): boolean {
  const lines = changed.get(abs);
  if (lines === undefined) return false;
  for (let n = d.range.start.line + 1; n <= d.range.end.line + 1; n++) if (lines.has(n)) return true;
  return false;
}
