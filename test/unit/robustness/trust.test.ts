// What an untrusted workspace can make goal-docs do: read files inside its folders, nothing else.
// Every file-system call is watched while every feature runs over a doc whose links climb out of
// the folder (`../../../../etc/passwd`, a symlink to a folder outside); no network module and no
// code evaluation is in the server; package.json says so to VS Code.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { computeDiagnostics } from '../../../server/src/diagnostics/index';
import { defaultSettings } from '../../../server/src/settings/schema';
import { createGoalDocsService, type GoalDocsService } from '../../../server/src/service/service';
import { openDocuments } from '../../support/fixture';
import { type GoalDocWorkspace, NOT_CANCELLED } from '../../../server/src/workspace/goalDocWorkspace';
import { NodeFileSystem } from '../../../server/src/node/fileSystem';
import { provideHover } from '../../../server/src/features/hover';
import { provideDefinition } from '../../../server/src/features/definition';
import { provideCompletions } from '../../../server/src/features/completion';
import { provideDocumentLinks } from '../../../server/src/features/documentLinks';
import { provideWorkspaceSymbols } from '../../../server/src/features/workspaceSymbols';
import { provideReferences } from '../../../server/src/features/references';
import { REPO_ROOT } from '../../support/corpus';

type Watched = 'readFileSync' | 'statSync' | 'lstatSync' | 'readdirSync' | 'openSync' | 'existsSync' | 'realpathSync';
const WATCHED: Watched[] = ['readFileSync', 'statSync', 'lstatSync', 'readdirSync', 'openSync', 'existsSync', 'realpathSync'];

/** Records the path of every file-system call made while `f` runs. */
async function watchFileSystem<T>(f: () => Promise<T>): Promise<{ result: T; paths: string[] }> {
  const paths: string[] = [];
  const originals = new Map<string, unknown>();
  const record = (p: unknown) => {
    if (typeof p === 'string' || p instanceof URL || Buffer.isBuffer(p)) paths.push(path.resolve(p instanceof URL ? p.pathname : String(p)));
  };
  // The modules themselves: an `import * as` namespace is a read-only copy.
  const fsAny = require('node:fs') as Record<string, (...a: unknown[]) => unknown>;
  const fspAny = require('node:fs/promises') as Record<string, (...a: unknown[]) => unknown>;
  for (const name of WATCHED) {
    const original = fsAny[name];
    originals.set(name, original);
    fsAny[name] = (...a: unknown[]) => {
      record(a[0]);
      return original.apply(fsAny, a);
    };
  }
  for (const name of ['readdir', 'readFile', 'stat', 'open']) {
    const original = fspAny[name];
    originals.set(`p.${name}`, original);
    fspAny[name] = (...a: unknown[]) => {
      record(a[0]);
      return original.apply(fspAny, a);
    };
  }
  try {
    return { result: await f(), paths };
  } finally {
    for (const name of WATCHED) fsAny[name] = originals.get(name) as (...a: unknown[]) => unknown;
    for (const name of ['readdir', 'readFile', 'stat', 'open']) fspAny[name] = originals.get(`p.${name}`) as (...a: unknown[]) => unknown;
  }
}

describe('robustness: trust', () => {
  let root: string;
  let folder: string;
  let service: GoalDocsService;
  const open = new Map<string, TextDocument>();
  const TEXT = [
    '# Goals',
    '',
    '[x](../../../../etc/passwd#y) [p](../../../../etc/passwd) [s](../outside/secret.md#secret-goal)',
    '[l](out/secret.md#secret-goal) [f](secret_goals.md#secret-goal) [h](../../../../etc/hostname)',
    '',
    '## FY-24-Q1',
    '',
    '### Ship it',
    '',
    '- Owner: Ann',
    '',
  ].join('\n');

  before(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(tmpdir(), 'goal-docs-trust-')));
    folder = path.join(root, 'ws');
    fs.mkdirSync(folder);
    fs.mkdirSync(path.join(root, 'outside'));
    fs.writeFileSync(path.join(root, 'outside', 'secret.md'), '# Secret plans\n\n## FY-24-Q1\n\n### Secret goal\n\n- Owner: Mallory\n');
    fs.symlinkSync(path.join(root, 'outside'), path.join(folder, 'out'));
    fs.symlinkSync(path.join(root, 'outside', 'secret.md'), path.join(folder, 'secret_goals.md'));
    fs.writeFileSync(path.join(folder, 'other_goals.md'), '## FY-24-Q2\n\n### Other\n\n[back](goals.md#ship-it)\n');
    const uri = pathToFileURL(path.join(folder, 'goals.md')).href;
    open.set(uri, TextDocument.create(uri, 'markdown', 1, TEXT));
    service = createGoalDocsService({ documents: openDocuments(open), fileSystem: new NodeFileSystem() });
    service.setWorkspaceFolders([pathToFileURL(folder).href]);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reads nothing outside the workspace folder, reports the links out as missing, and shows nothing of them', async () => {
    const uri = pathToFileURL(path.join(folder, 'goals.md')).href;
    const { result, paths } = await watchFileSystem(async () => {
      const a = (await service.analyse(uri))!;
      // Each feature as a request runs it: over the workspace, its files read as far as it asks.
      const run = <T>(feature: (index: GoalDocWorkspace) => T | Promise<T>) => service.withWorkspace(feature, NOT_CANCELLED, [a.doc]);
      const diagnostics = await run((index) => computeDiagnostics(a.doc, defaultSettings(), index));
      const answers: unknown[] = [diagnostics];
      for (const link of a.doc.links) {
        const at = link.fragmentRange?.start ?? link.hrefRange.end;
        answers.push(await run((index) => provideHover(a.doc, at, index, NOT_CANCELLED)), await run((index) => provideDefinition(a.doc, at, index, NOT_CANCELLED)), await run((index) => provideCompletions(a.doc, at, index, NOT_CANCELLED)));
        // Path completion right after the path lists the folder it names, if it may.
        const afterPath = { line: link.hrefRange.start.line, character: link.hrefRange.start.character + link.path.length };
        answers.push(await run((index) => provideCompletions(a.doc, afterPath, index, NOT_CANCELLED)));
        answers.push(await run((index) => provideReferences(a.doc, at, { includeDeclaration: true }, index, NOT_CANCELLED)));
      }
      answers.push(await run((index) => provideDocumentLinks(a.doc, index, NOT_CANCELLED)), await run((index) => provideWorkspaceSymbols('', index, NOT_CANCELLED)));
      return { diagnostics, answers: JSON.stringify(answers) };
    });
    assert.deepEqual(
      result.diagnostics.map((d) => [d.code, d.range.start.character]),
      [
        ['link.file-missing', 4],
        ['link.file-missing', 34],
        ['link.file-missing', 62],
        ['link.file-missing', 4],
        ['link.file-missing', 35],
        ['link.file-missing', 68],
      ],
    );
    assert.ok(!/Mallory|Secret plans|Secret goal|root:/.test(result.answers), result.answers);
    // The folder listing leaves out the symbolic links that lead outside.
    assert.ok(result.answers.includes('"label":"other_goals.md"') && !/"label":"(out\/|secret_goals\.md)"/.test(result.answers), result.answers);
    const outside = paths.filter((p) => p !== folder && !p.startsWith(folder + path.sep));
    assert.deepEqual(outside, [], 'file-system calls outside the workspace folder');
    assert.ok(paths.some((p) => p.endsWith('other_goals.md')), `the walk did read inside the folder: ${paths.join(', ')}`);
  });

  it('imports no network module and evaluates no code in the server', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(path.join(REPO_ROOT, 'server', 'src'));
    assert.ok(files.length > 20);
    for (const f of files) {
      const source = fs.readFileSync(f, 'utf8');
      for (const m of source.matchAll(/from '([^']+)'|require\(['"]([^'"]+)['"]\)|import\(/g)) {
        const mod = m[1] ?? m[2] ?? 'import()';
        assert.ok(!/^(node:)?(http|https|http2|net|tls|dgram|dns|child_process|vm|worker_threads|cluster|inspector)(\/|$)|^import\(\)$|fetch|undici|axios/.test(mod), `${path.relative(REPO_ROOT, f)} imports ${mod}`);
      }
      assert.ok(!/\beval\(|new Function\(|\bfetch\(|\bWebSocket\b|XMLHttpRequest/.test(source), `${path.relative(REPO_ROOT, f)} evaluates code or reaches the network`);
    }
  });

  it('declares to VS Code how it runs in untrusted and virtual workspaces', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { capabilities?: Record<string, { supported: unknown; description?: string }> };
    const { untrustedWorkspaces, virtualWorkspaces } = pkg.capabilities ?? {};
    assert.equal(untrustedWorkspaces?.supported, true);
    assert.match(untrustedWorkspaces?.description ?? '', /runs no code/);
    // A virtual workspace (github.dev) is read through VS Code's file system, as a folder on disk is.
    assert.equal(virtualWorkspaces?.supported, true);
    assert.match(virtualWorkspaces?.description ?? '', /github\.dev/);
  });
});
