// Bundles the three entry points with esbuild. Type-checking is separate (`npm run typecheck`).
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // package.json's engines: Node 20 or newer (VS Code's extension host runs a newer one).
  target: 'node20',
  sourcemap: true,
  logLevel: 'info',
};
const builds = [
  // The client runs in VS Code's extension host, which provides `vscode`.
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  // The server and the CLI are bundled whole so that the .vsix needs no node_modules.
  { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
