// Scratch folders for the tests that run this repository the way a user of the npm package, the
// GitHub Action or the pre-commit hook gets it: from a clone, not from the working folder (which
// has dist/ and node_modules). The copy holds the files git would give (tracked, or new and not
// ignored) as they are in the working tree, so uncommitted work is what gets tested.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './corpus';

export function scratchDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `goal-docs-${prefix}-`));
}

/** Runs a command; throws with its output if it cannot start or exits non-zero (unless `allowFailure`). */
export function run(cmd: string, args: string[], options: SpawnSyncOptions & { allowFailure?: boolean } = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...options });
  const out = { status: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
  if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  if (!options.allowFailure && r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}\n${out.stdout}\n${out.stderr}`);
  return out;
}

/** The repository's files as a fresh clone would have them, copied into a new folder. */
export function copyOfRepository(prefix: string): string {
  const dir = scratchDir(prefix);
  const listed = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT }).stdout.split('\0').filter(Boolean);
  for (const file of listed) {
    const from = path.join(REPO_ROOT, file);
    // A tracked file deleted in the working tree is gone from the copy too.
    if (!existsSync(from)) continue;
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    copyFileSync(from, path.join(dir, file));
  }
  return dir;
}

/** A git repository with one commit of `files`, as a user's repository is before a change. */
export function gitRepository(prefix: string, files: Record<string, string>): string {
  const dir = scratchDir(prefix);
  writeFiles(dir, files);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Goals as they were');
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

/** git with an identity of its own, so a machine without user.name and user.email can commit. */
export function git(cwd: string, ...args: string[]): string {
  const identity = ['-c', 'user.name=Goal Docs test', '-c', 'user.email=test@goal-docs.invalid', '-c', 'commit.gpgsign=false'];
  return run('git', [...identity, ...args], { cwd }).stdout;
}
