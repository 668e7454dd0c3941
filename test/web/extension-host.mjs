// Runs the extension-host suite in the web worker extension host of code-server's workbench, as
// github.dev and vscode.dev run web extensions. Three things put it there:
//  - the user setting "remote.extensionKind" gives the installed .vsix (which has both `main` and
//    `browser`) and the harness the `web` kind, so that they run in the browser;
//  - the suite is bundled for a browser (no Node: node:assert and node:path are small shims) into
//    the harness extension's folder: VS Code runs the tests in the host of the extension whose
//    folder holds them;
//  - code-server runs with the smoke-test driver, which takes the test paths from the URL's payload.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { codeServerDirs, installVsix, startCodeServer } from '../../scripts/host/code-server.mjs';
import { readResults, runSuitePage, writeUserSettings } from '../e2e/extension-host.mjs';


/** The user settings that run Goal Docs (and the harness) in the web worker extension host. */
export const WEB_EXTENSION_KIND = { 'remote.extensionKind': { 'goal-docs.goal-docs': ['web'], 'goal-docs.goal-docs-web-harness': ['web'] } };

/** Node's modules the suite imports, and what stands for them in a browser. */
function shims(repo) {
  const map = { 'node:assert/strict': 'assert.ts', 'node:path': 'path.ts' };
  return {
    name: 'node-shims',
    setup(build) {
      build.onResolve({ filter: /^node:/ }, (args) => {
        const shim = map[args.path];
        if (!shim) return { errors: [{ text: `${args.path} has no shim for the web worker extension host (test/web/shims)` }] };
        return { path: path.join(repo, 'test', 'web', 'shims', shim) };
      });
    },
  };
}

/**
 * Mocha's browser build is a UMD script in an ES module package: bundled as it is, it would take
 * the extension host's `module` for its own and replace the suite's exports. Run as a script, it
 * sets the global `mocha`, as in a page.
 */
const mochaAsScript = {
  name: 'mocha-as-script',
  setup(build) {
    build.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, (args) => ({
      contents: `(function (module, exports, define) {\n${fs.readFileSync(args.path, 'utf8')}\n}).call(globalThis);`,
      loader: 'js',
    }));
  },
};

/** The harness: a web extension that does nothing, holding the bundled suite in its folder. */
async function writeHarness(dir, repo) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: 'goal-docs-web-harness', publisher: 'goal-docs', version: '0.0.0',
    description: 'Hosts the goal-docs tests in the web worker extension host; the extension under test is the installed .vsix.',
    engines: { vscode: '^1.95.0' },
    browser: './main.js',
    activationEvents: [],
  }, null, 2));
  fs.writeFileSync(path.join(dir, 'main.js'), 'exports.activate = () => undefined;\n');
  const suiteJs = path.join(dir, 'suite.js');
  await esbuild.build({
    entryPoints: [path.join(repo, 'test', 'web', 'suite', 'index.ts')],
    outfile: suiteJs, bundle: true, platform: 'browser', format: 'cjs', target: 'es2022', sourcemap: 'inline',
    external: ['vscode'], logLevel: 'warning', plugins: [shims(repo), mochaAsScript],
    // The suite asks whether it runs from the repository only where the runner says where that is.
    define: { 'process.env.GOAL_DOCS_E2E_REPO': 'undefined' },
  });
  return suiteJs;
}

export async function runWebSuite({ host, vsix, workspace, tmpRoot, repo, log }) {
  const dirs = codeServerDirs(path.join(tmpRoot, 'web-suite-host'));
  const harness = path.join(tmpRoot, 'web-harness');
  const suiteJs = await writeHarness(harness, repo);
  writeUserSettings(dirs.userData, { 'editor.wordBasedSuggestions': 'off', ...WEB_EXTENSION_KIND });
  log(`installing ${path.basename(vsix)} into code-server`);
  await installVsix(host, dirs, vsix);
  const server = await startCodeServer(host, dirs, { vscodeOptions: ['enable-smoke-test-driver'] });
  log(`code-server ${server.url} (pid ${server.pid}); its log: ${dirs.log}`);
  try {
    const code = await runSuitePage({ server, harness, suiteJs, workspace, consoleLogFile: path.join(tmpRoot, 'web-suite-console.log') });
    log(`web worker extension host exited: ${code}`);
    return readResults(path.join(harness, 'results.json'), `the suite wrote no results (exit: ${code}); console: ${path.join(tmpRoot, 'web-suite-console.log')}; code-server log: ${dirs.log}`, 'web host: extension-host suite');
  } finally {
    await server.stop();
  }
}
