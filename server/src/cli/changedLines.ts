// `goal-docs check --changed-since REF`: the lines that changed since a git commit, so that a pull
// request is held to the lines it touched (annotations where the diff is, a failure for what the
// change brought) while a page's older problems wait for their own change.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';

/** Per file (absolute path), the 1-based numbers of its new or changed lines; `'all'` for a new file. */
export type ChangedLines = Map<string, Set<number> | 'all'>;

/** A path as git writes it in a diff: plain, or in C quotes when it holds `"`, `\` or control characters. */
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

/**
 * The new side's changed lines of a unified diff (`git diff --unified=0`), keyed by the path after
 * `+++ b/`; a deleted file has none. Lines that were only removed leave nothing to point at.
 */
export function parseUnifiedDiff(diff: string): Map<string, Set<number>> {
  const files = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4).replace(/\t.*$/, '');
      current = undefined;
      if (target === '/dev/null') continue;
      const name = unquote(target).replace(/^b\//, '');
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

function git(cwd: string, args: string[]): { ok: true; out: string } | { ok: false; message: string } {
  // Settings that would change what git prints: colours, external diff tools, other prefixes.
  const r = spawnSync('git', ['-c', 'core.quotePath=false', ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) return { ok: false, message: `cannot run git: ${r.error.message}` };
  if (r.status !== 0) return { ok: false, message: r.stderr.trim().split('\n')[0] ?? `git exited ${r.status}` };
  return { ok: true, out: r.stdout };
}

/**
 * The lines of files under `cwd` that differ from commit `ref` in the working tree (as `git diff
 * REF` shows them), and the files git does not track yet, whole. An error message when git cannot say.
 */
export function changedLinesSince(ref: string, cwd: string): ChangedLines | string {
  const commit = git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (!commit.ok) return `--changed-since: '${ref}' is not a commit git knows here${commit.message ? ` (${commit.message})` : ''}.`;
  const diff = git(cwd, ['diff', '--no-color', '--no-ext-diff', '--unified=0', '--relative', '--src-prefix=a/', '--dst-prefix=b/', commit.out.trim(), '--']);
  if (!diff.ok) return `--changed-since: git diff failed: ${diff.message}`;
  const changed: ChangedLines = new Map();
  for (const [file, lines] of parseUnifiedDiff(diff.out)) changed.set(path.resolve(cwd, file), lines);
  const untracked = git(cwd, ['ls-files', '-z', '--others', '--exclude-standard']);
  if (untracked.ok) for (const file of untracked.out.split('\0').filter(Boolean)) changed.set(path.resolve(cwd, file), 'all');
  return changed;
}

/** Whether a problem of the file at `abs` sits on a changed line (any line its range covers). */
export function onChangedLine(changed: ChangedLines, abs: string, d: Diagnostic): boolean {
  const lines = changed.get(abs);
  if (lines === undefined) return false;
  if (lines === 'all') return true;
  for (let n = d.range.start.line + 1; n <= d.range.end.line + 1; n++) if (lines.has(n)) return true;
  return false;
}
