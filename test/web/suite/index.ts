// Entry point the web worker extension host loads as `extensionTestsPath` (bundled into the web
// harness extension, so that the tests run in the host that runs it): the extension-host suite of
// test/e2e/suite, but for the test that kills the server's Node process, and the web-only tests,
// run with mocha's browser build. The results are written with workspace.fs beside the bundle
// (there is no process.env or node:fs here), where test/web/extension-host.mjs reads them.
import * as vscode from 'vscode';
// Mocha's browser build: it sets the global `mocha`.
import 'mocha/mocha.js';

declare const require: (id: string) => unknown;

export const HARNESS_ID = 'goal-docs.goal-docs-web-harness';

export async function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 60_000, color: false } as Mocha.MochaOptions);
  // Loaded once mocha's globals (describe, it, …) are there, in the order of the Node host's suite.
  require('./webHost.test');
  require('../../e2e/suite/diagnostics.test');
  require('../../e2e/suite/settings.test');
  require('../../e2e/suite/goalDocVerdict.test');
  require('../../e2e/suite/configFile.test');
  require('../../e2e/suite/completion.test');
  require('../../e2e/suite/outline.test');
  require('../../e2e/suite/navigation.test');
  require('../../e2e/suite/rename.test');
  require('../../e2e/suite/quickfix.test');
  require('../../e2e/suite/moveGoal.test');

  const results: { title: string; state: 'passed' | 'failed'; error?: string; ms?: number }[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (t) => results.push({ title: `web host: ${t.fullTitle()}`, state: 'passed', ms: t.duration }));
    runner.on('fail', (t, err: Error) => results.push({ title: `web host: ${t.fullTitle()}`, state: 'failed', error: err.stack ?? err.message }));
  });
  const harness = vscode.extensions.getExtension(HARNESS_ID);
  if (harness) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(harness.extensionUri, 'results.json'), new TextEncoder().encode(JSON.stringify({ results }, null, 2)));
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed in the web worker extension host`);
}
