// The layers of docs/ARCHITECTURE.md, held against the imports of server/src: no file imports a
// file of a higher layer, no import circle, no `vscode` in the server, and no `node:` module
// outside the Node host, so that the same service runs in a Web Worker.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../support/corpus';

const SRC = path.join(REPO_ROOT, 'server', 'src');

/** Lowest first; a file may import files of its own layer or lower ones. */
const LAYERS: Array<{ name: string; files: RegExp }> = [
  // The goal-doc world, and what features may ask of the workspace (its ports).
  { name: 'model', files: /^(model|workspace)\/.*\.ts$|^protocol\.ts$/ },
  // Each rule, declared beside its findings (diagnostics/rules.ts registers them).
  { name: 'rules', files: /^diagnostics\/.*\.ts$/ },
  // The settings know every rule: its default severity, what a setting may say of it.
  { name: 'settings', files: /^settings\/.*\.ts$/ },
  { name: 'features', files: /^features\/.*\.ts$/ },
  { name: 'code actions', files: /^codeActions\/.*\.ts$/ },
  // The one object every host makes, with the workspace it keeps: files, index, walk.
  { name: 'service', files: /^service\/.*\.ts$/ },
  { name: 'hosts', files: /^(lsp|cli|node)\/.*\.ts$/ },
];

/**
 * The Node host: the only files that may import `node:` modules (and Node-only packages). The
 * LSP wiring (lsp/server.ts) and the browser entry are shared or browser files.
 */
const NODE_HOST = /^(node\/.*|cli\/.*|lsp\/main)\.ts$/;
/** Packages that exist only in Node. */
const NODE_ONLY = /^(node:|vscode-languageserver\/node$|vscode-jsonrpc\/node$|picomatch\/posix$)/;

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

const rel = (p: string) => path.relative(SRC, p).split(path.sep).join('/');
const layerOf = (file: string) => LAYERS.findIndex((l) => l.files.test(file));

/** Every file's relative imports (type-only ones too: they couple the layers as much), and its packages. */
function imports(): Map<string, { local: string[]; packages: string[] }> {
  const graph = new Map<string, { local: string[]; packages: string[] }>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    const local: string[] = [];
    const packages: string[] = [];
    for (const m of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) local.push(rel(path.resolve(path.dirname(file), spec) + '.ts'));
      else packages.push(spec);
    }
    graph.set(rel(file), { local, packages });
  }
  return graph;
}

describe('architecture', () => {
  const graph = imports();

  it('puts every server file in a layer', () => {
    const unplaced = [...graph.keys()].filter((f) => layerOf(f) < 0);
    assert.deepEqual(unplaced, [], 'files in no layer of LAYERS (and of docs/ARCHITECTURE.md)');
  });

  it('has no import that runs up a layer', () => {
    const upward: string[] = [];
    for (const [file, { local }] of graph) {
      for (const to of local) if (layerOf(to) > layerOf(file)) upward.push(`${file} (${LAYERS[layerOf(file)]!.name}) → ${to} (${LAYERS[layerOf(to)]!.name})`);
    }
    assert.deepEqual(upward, []);
  });

  it('has no import circle', () => {
    const state = new Map<string, 'visiting' | 'done'>();
    const circles: string[] = [];
    const visit = (f: string, trail: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'visiting') {
        circles.push([...trail.slice(trail.indexOf(f)), f].join(' → '));
        return;
      }
      state.set(f, 'visiting');
      for (const to of graph.get(f)?.local ?? []) visit(to, [...trail, f]);
      state.set(f, 'done');
    };
    for (const f of graph.keys()) visit(f, []);
    assert.deepEqual(circles, []);
  });

  it('keeps the vscode module out of the server, and LSP wiring in lsp/', () => {
    for (const [file, { packages }] of graph) {
      assert.ok(!packages.includes('vscode'), `${file} imports vscode`);
      if (!file.startsWith('lsp/')) assert.ok(!packages.some((p) => /^vscode-languageserver(\/node|\/browser)?$/.test(p)), `${file} imports the LSP server library`);
    }
  });

  it('imports node: modules only in the Node host files (node/, cli/, lsp/main.ts)', () => {
    const outside: string[] = [];
    for (const [file, { packages }] of graph) {
      if (NODE_HOST.test(file)) continue;
      for (const p of packages) if (NODE_ONLY.test(p)) outside.push(`${file} imports ${p}`);
    }
    assert.deepEqual(outside, []);
    // The rule has something to hold: the Node host does import node: modules.
    assert.ok([...graph].some(([file, { packages }]) => NODE_HOST.test(file) && packages.some((p) => p.startsWith('node:'))));
  });

  it('uses no Node global (process, Buffer, require, __dirname, setImmediate) outside the Node host files', () => {
    const uses: string[] = [];
    for (const file of sources(SRC)) {
      const name = rel(file);
      if (NODE_HOST.test(name)) continue;
      // Code only: comments and strings may name them.
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '').replace(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, "''");
      for (const m of code.matchAll(/\b(process|Buffer|require|__dirname|__filename|setImmediate|global)\b(?=\s*[.(\[])/g)) uses.push(`${name}: ${m[1]}`);
    }
    assert.deepEqual(uses, []);
  });
});
