// One config for the editor and the CLI: the service reads each workspace folder's .goal-docs.json
// through the file-system port, over the editor's settings key by key, and reads it again when
// the editor says it changed.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createGoalDocsService } from '../../server/src/service/service';
import type { ConfigFileRead } from '../../server/src/settings/configFile';
import { memoryFileSystem } from '../support/memoryFileSystem';
import { openDocuments } from '../support/fixture';

const ROOT = 'vscode-vfs://github/team/repo';
const OTHER = 'vscode-vfs://github/team/other';
const CONFIG = `${ROOT}/.goal-docs.json`;
const GOALS = `${ROOT}/goals.md`;
// A broken link (anchor.missing, an error), a case-only match (anchor.case) and a goal whose owner
// is written the team's way.
const TEXT = '# Goals\n\n[a](#nowhere) [b](#Ship-It)\n\n## Ship it\n\n- **Point of contact**: Bo\n- **Milestones**:\n  - Release\n\n## Test it\n\n- **Owner**: Ann\n';

function setup(files: Record<string, string>, editor: unknown) {
  const texts = new Map(Object.entries(files));
  const open = new Map([[GOALS, TextDocument.create(GOALS, 'markdown', 1, TEXT)]]);
  const reads: ConfigFileRead[] = [];
  const service = createGoalDocsService({
    documents: openDocuments(open),
    fileSystem: memoryFileSystem(texts, ROOT),
    pullSettings: () => Promise.resolve([editor, undefined]),
    onConfigFile: (read) => reads.push(read),
  });
  service.setWorkspaceFolders([ROOT, OTHER]);
  const codes = async () => (await service.diagnostics(GOALS)).map((d) => `${d.code}:${d.severity}`).sort();
  return { texts, service, reads, codes };
}

describe("a workspace folder's .goal-docs.json", () => {
  it('overrides the editor settings key by key: a rule it names, not the others', async () => {
    const { codes } = setup({ [`${ROOT}/goals.md`]: TEXT, [CONFIG]: JSON.stringify({ rules: { 'anchor.missing': 'hint' } }) }, { rules: { 'anchor.case': 'off', 'anchor.missing': 'warning' } });
    // anchor.missing: the file's hint (4) over the editor's warning; anchor.case: the editor's off stands.
    assert.deepEqual(await codes(), ['anchor.missing:4', 'goal.owner-missing:2']);
  });

  it("declares the team's field names, and is read again when the editor says it changed", async () => {
    const { texts, service, reads, codes } = setup({ [CONFIG]: JSON.stringify({ rules: { 'anchor.case': 'off' } }) }, {});
    assert.deepEqual(await codes(), ['anchor.missing:1', 'goal.owner-missing:2']);
    texts.set(CONFIG, JSON.stringify({ fields: { owner: ['Point of contact'] } }));
    assert.deepEqual(await codes(), ['anchor.missing:1', 'goal.owner-missing:2'], 'read once until it changes');
    assert.equal(service.didChangeWatchedFiles([{ uri: CONFIG, type: 2 }]), true, 'a settings file changed');
    assert.deepEqual(await codes(), ['anchor.case:2', 'anchor.missing:1'], 'anchor.case is on again; Bo is the owner');
    assert.equal(service.didChangeWatchedFiles([{ uri: `${ROOT}/notes.md`, type: 2 }]), false, 'a page is no settings file');
    assert.deepEqual(reads.map((r) => r.uri), [CONFIG, CONFIG]);
  });

  it('applies what is valid of a bad file, tells its problems, and of a file that is no JSON, nothing', async () => {
    const { texts, service, reads, codes } = setup({ [CONFIG]: JSON.stringify({ rules: { 'anchor.case': 'off', 'anchor.missing': 'loud' }, colour: 'red' }) }, {});
    assert.deepEqual(await codes(), ['anchor.missing:1', 'goal.owner-missing:2']);
    assert.deepEqual(reads.at(-1)!.problems.map((p) => p.path), [['rules', 'anchor.missing'], ['colour']]);
    texts.set(CONFIG, '{"rules": {"anchor.case": "off"');
    service.didChangeWatchedFiles([{ uri: CONFIG, type: 2 }]);
    assert.deepEqual(await codes(), ['anchor.case:2', 'anchor.missing:1', 'goal.owner-missing:2'], 'the editor settings (defaults) apply');
    assert.equal(reads.at(-1)!.kind, 'invalid');
    texts.delete(CONFIG);
    service.didChangeWatchedFiles([{ uri: CONFIG, type: 3 }]);
    await codes();
    assert.deepEqual([reads.at(-1)!.kind, reads.at(-1)!.problems], ['none', []], 'a deleted file has no problems left to show');
  });

  it("of a folder nested in another is matched against paths of that inner folder, whose settings it gives", async () => {
    const inner = `${ROOT}/team`;
    const texts = new Map(Object.entries({ [`${inner}/.goal-docs.json`]: JSON.stringify({ exclude: ['drafts/**'] }), [`${inner}/drafts/goals.md`]: TEXT }));
    const service = createGoalDocsService({ documents: openDocuments(new Map()), fileSystem: memoryFileSystem(texts, ROOT), pullSettings: () => Promise.resolve([{}, undefined]) });
    service.setWorkspaceFolders([ROOT, inner]);
    assert.equal(service.relativePath(`${inner}/drafts/goals.md`), 'drafts/goals.md');
    const r = await service.verdictOnDisk(`${inner}/drafts/goals.md`);
    assert.deepEqual(r.kind === 'verdict' ? [r.verdict.goalDoc, r.verdict.reason] : r, [false, 'excluded']);
  });

  it("lets the workspace index read the pages that are not open in the team's dialect, and read them again when it changes", async () => {
    const plans = `${ROOT}/plans.md`;
    const texts = new Map(Object.entries({ [CONFIG]: JSON.stringify({ periods: ['Sprint {year}-{half}'] }), [plans]: '# Plans\n\n## Sprint 2031-1\n\n### Ship search\n\nKim leads it.\n\n### Rank results\n\nBo leads it.\n' }));
    const service = createGoalDocsService({ documents: openDocuments(new Map()), fileSystem: memoryFileSystem(texts, ROOT), pullSettings: () => Promise.resolve([{}, undefined]) });
    service.setWorkspaceFolders([ROOT]);
    const names = async () => (await service.workspaceSymbols('', { isCancellationRequested: false })).map((s) => s.name).sort();
    assert.deepEqual(await names(), ['Rank results', 'Ship search', 'Sprint 2031-1']);
    texts.set(CONFIG, '{}');
    service.didChangeWatchedFiles([{ uri: CONFIG, type: 2 }]);
    assert.deepEqual(await names(), [], 'without the template the page plans no period');
  });

  it('belongs to its folder: a page of another folder does not read it', async () => {
    const { service } = setup({ [CONFIG]: JSON.stringify({ codeLens: false }) }, {});
    assert.equal((await service.settings.get(GOALS)).codeLens, false);
    assert.equal((await service.settings.get(`${OTHER}/goals.md`)).codeLens, true);
    assert.equal(service.configFile('untitled:Untitled-1'), undefined, 'a page outside the folders has none');
  });
});
