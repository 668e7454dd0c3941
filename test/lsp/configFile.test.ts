// The built server over stdio with a workspace whose .goal-docs.json turns a rule off: the editor
// (the client's file watcher) says the file changed, and the diagnostic comes back without a
// restart; a key the file should not have shows as a diagnostic on that key, until it is gone.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { type LspSession, openDocument, pullDiagnostics, startServer, waitFor } from '../support/lspClient';
import { VERDICTS_CHANGED_NOTIFICATION } from '../../server/src/protocol';

describe("language server and a workspace's .goal-docs.json", () => {
  let session: LspSession;
  let folder: string;
  let config: string;
  let configUri: string;
  let goals: string;
  const changed = () => session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
  const codes = async () => (await pullDiagnostics(session, goals)).map((d) => `${d.code}:${d.severity}`);

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'goal-docs-config-'));
    config = path.join(folder, '.goal-docs.json');
    configUri = pathToFileURL(config).href;
    writeFileSync(config, JSON.stringify({ rules: { 'anchor.case': 'off' } }));
    session = await startServer({ rootUri: pathToFileURL(folder).href });
    goals = pathToFileURL(path.join(folder, 'goals.md')).href;
    openDocument(session, goals, '# Goals\n\n[q](#FY-24-Q2)\n\n## FY-24-Q2\n');
  });
  after(async () => {
    await session.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('turns a rule off, and on again once the file changes, without a restart', async () => {
    assert.deepEqual(await codes(), []);
    writeFileSync(config, JSON.stringify({ rules: { 'anchor.case': 'error' } }));
    changed();
    assert.deepEqual(await codes(), ['anchor.case:1']);
  });

  it('tells the client to ask again whether files are goal docs once the file changes (its files and exclude decide too)', async () => {
    let told = 0;
    const listening = session.connection.onNotification(VERDICTS_CHANGED_NOTIFICATION, () => void told++);
    try {
      writeFileSync(config, JSON.stringify({ rules: { 'anchor.case': 'error' }, exclude: ['drafts/**'] }));
      changed();
      await waitFor('goalDocs/verdictsChanged after the file changed', () => told > 0);
    } finally {
      listening.dispose();
    }
  });

  it('is over the editor settings, key by key', async () => {
    session.configuration.goalDocs = { rules: { 'anchor.case': 'hint', 'anchor.missing': 'off' } };
    session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await codes(), ['anchor.case:1'], "the file's error, not the editor's hint");
    writeFileSync(config, JSON.stringify({ fiscalYearStartMonth: 2 }));
    changed();
    assert.deepEqual(await codes(), ['anchor.case:4'], "the file no longer names the rule: the editor's hint");
    delete session.configuration.goalDocs;
    session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  it('shows a bad key as a diagnostic on that key of the file, applies the rest, and clears it once put right', async () => {
    writeFileSync(config, '{\n  "rules": { "anchor.case": "off" },\n  "colour": "red"\n}\n');
    changed();
    assert.deepEqual(await codes(), []);
    await waitFor('the problems of .goal-docs.json', () => (session.published.get(configUri)?.length ?? 0) > 0);
    assert.deepEqual(
      session.published.get(configUri)!.map((d) => [d.range.start, d.code, d.severity, d.message.slice(0, 36)]),
      [[{ line: 2, character: 2 }, 'config.ignored', 2, '"colour" is not a setting (the setti']],
    );
    writeFileSync(config, '{\n  "rules": { "anchor.case": "off" }\n}\n');
    changed();
    await codes();
    await waitFor('the problems cleared', () => session.published.get(configUri)?.length === 0);
  });

  it('applies nothing of a file that is not JSON, and says where it breaks', async () => {
    writeFileSync(config, '{ "rules": { "anchor.case": "off" }');
    changed();
    assert.deepEqual(await codes(), ['anchor.case:2'], 'the default severity: none of the file applies');
    await waitFor('the JSON problem', () => session.published.get(configUri)?.[0]?.code === 'config.unreadable');
    assert.match(session.published.get(configUri)![0]!.message, /not valid JSON; none of it applies, your editor settings do\.$/);
  });
});
