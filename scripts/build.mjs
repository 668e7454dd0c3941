// Bundles the entry points with esbuild: three for Node, two for a browser. Type-checking is
// separate (`npm run typecheck`).
//
//   node scripts/build.mjs                 development: readable bundles, source maps beside them
//   node scripts/build.mjs --production    what ships (.vsix, npm package): minified, no source maps
//   node scripts/build.mjs --watch         development, rebuilt on every change
import { readFileSync, rmSync } from 'node:fs';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // package.json's engines: Node 20 or newer (VS Code's extension host runs a newer one).
  target: 'node20',
  minify: production,
  sourcemap: !production,
  // The CLI names its version in --format sarif; the source run by tsx has none.
  define: { GOAL_DOCS_VERSION: JSON.stringify(version) },
  // jsonc-parser's `main` is a UMD build that requires its parts at run time, which a bundle has
  // not beside it; its ES module build bundles whole (browsers pick it by themselves).
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  logLevel: production ? 'warning' : 'info',
};
// The web extension (github.dev, vscode.dev): no Node there. The `worker` condition picks the
// builds of packages meant for a worker (decode-named-character-reference's browser build needs a
// DOM, which a worker has not).
const browser = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  conditions: ['worker'],
  minify: production,
  sourcemap: !production,
  define: { GOAL_DOCS_VERSION: JSON.stringify(version) },
  logLevel: production ? 'warning' : 'info',
};
const builds = [
  // The client runs in VS Code's extension host, which provides `vscode`.
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  // The server and the CLI are bundled whole so that the .vsix needs no node_modules.
  { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The browser client, loaded by the web worker extension host as a CommonJS module.
  { ...browser, entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/browser/client.js', format: 'cjs', external: ['vscode'] },
  // The browser server: a classic worker script.
  { ...browser, entryPoints: ['server/src/lsp/browserMain.ts'], outfile: 'dist/browser/server.js', format: 'iife' },
];
// A development build's maps would otherwise stay beside bundles they no longer describe.
if (production) for (const b of builds) rmSync(`${b.outfile}.map`, { force: true });
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
