// The end-to-end tests run VS Code as users have it: with the built-in Markdown extension on.
// Turned off, they once passed while every heading showed twice beside it (issue 12).
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../support/corpus';

const TURNING_IT_OFF = ['VSCODE_SKIP_BUILTIN_EXTENSIONS', '--disable-extension', 'disable-extensions'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('end-to-end setup', () => {
  it('never turns a built-in extension off', () => {
    // The Node host's end-to-end tests and the browser's (test/web).
    const found = [...files(path.join(REPO_ROOT, 'test', 'e2e')), ...files(path.join(REPO_ROOT, 'test', 'web'))].flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return TURNING_IT_OFF.filter((s) => text.includes(s)).map((s) => `${path.relative(REPO_ROOT, f)}: ${s}`);
    });
    assert.deepEqual(found, []);
  });
});
