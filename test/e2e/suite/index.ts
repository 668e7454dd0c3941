// Entry point the extension host loads as `extensionTestsPath`: runs the suites in order with
// mocha, prints each result, and writes a JSON summary to $GOAL_DOCS_E2E_RESULTS for the runner.
import * as fs from 'node:fs';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  // GOAL_DOCS_E2E_GREP runs only the tests whose full title holds it (one suite while working on it).
  const grep = process.env.GOAL_DOCS_E2E_GREP || undefined;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec', grep });
  // The suites are bundled into this file, so give them mocha's globals (describe, it, …) and
  // load them after that, in the order the features are described in.
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  require('./diagnostics.test');
  require('./settings.test');
  require('./goalDocVerdict.test');
  require('./configFile.test');
  require('./completion.test');
  require('./outline.test');
  require('./navigation.test');
  require('./rename.test');
  require('./quickfix.test');
  require('./moveGoal.test');
  require('./foldersNotOnDisk.test');
  require('./restart.test');

  const results: { title: string; state: 'passed' | 'failed'; error?: string; ms?: number }[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }));
    runner.on('fail', (t, err: Error) => results.push({ title: t.fullTitle(), state: 'failed', error: err.stack ?? err.message }));
  });
  const out = process.env.GOAL_DOCS_E2E_RESULTS;
  if (out) fs.writeFileSync(out, JSON.stringify({ results }, null, 2));
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
