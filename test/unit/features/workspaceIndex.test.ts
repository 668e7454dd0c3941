import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NOT_CANCELLED } from '../../../server/src/workspace/goalDocWorkspace';
import { createGoalDocsService } from '../../../server/src/service/service';
import { NodeFileSystem } from '../../../server/src/node/fileSystem';
import { openDocuments } from '../../support/fixture';
import type { WorkspaceIndex } from '../../../server/src/service/workspaceIndex';
import { runCli } from '../../../server/src/cli/main';

describe('workspace index', () => {
  let root: string;
  let folder: string;
  let outside: string;
  const open = new Map<string, TextDocument>();
  let index: WorkspaceIndex;
  const uri = (rel: string) => pathToFileURL(path.join(folder, rel)).href;
  const names = async () => (await index.markdownUris(NOT_CANCELLED)).map((u) => (u.startsWith('file:') ? path.relative(folder, new URL(u).pathname) : u));

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'goal-docs-index-'));
    folder = path.join(root, 'ws');
    outside = path.join(root, 'outside');
    for (const d of ['ws/team', 'ws/node_modules/pkg', 'ws/.git', 'outside']) mkdirSync(path.join(root, d), { recursive: true });
    writeFileSync(path.join(folder, 'goals.md'), '## FY-24-Q1\n\n### Faster builds\n\n- Owner: Ann\n');
    writeFileSync(path.join(folder, 'team', 'notes.md'), '# Notes\n\n[b](../goals.md#faster-builds)\n');
    writeFileSync(path.join(folder, 'node_modules', 'pkg', 'README.md'), '# dependency\n');
    writeFileSync(path.join(folder, '.git', 'x.md'), '# git\n');
    writeFileSync(path.join(outside, 'secret.md'), '## FY-24-Q1\n');
    symlinkSync(outside, path.join(folder, 'linked'));
    symlinkSync(path.join(outside, 'secret.md'), path.join(folder, 'secret.md'));
    const service = createGoalDocsService({ documents: openDocuments(open), fileSystem: new NodeFileSystem() });
    service.setWorkspaceFolders([pathToFileURL(folder).href]);
    index = service.index;
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('walks lazily: a file written before the first question is found', async () => {
    writeFileSync(path.join(folder, 'team', 'okr.md'), '# FY24-Q2 OKRs\n');
    assert.deepEqual(await names(), ['goals.md', 'team/notes.md', 'team/okr.md']);
  });

  it('skips node_modules and .git and never follows a symbolic link', async () => {
    const found = await names();
    assert.ok(!found.some((n) => n.includes('node_modules') || n.includes('.git') || n.includes('secret') || n.startsWith('linked')), found.join(', '));
  });

  it('sees the files the CLI sees, and takes the same ones for goal docs', async () => {
    // The index after a fresh walk, and `goal-docs check --verbose` over the same folder.
    const service = createGoalDocsService({ fileSystem: new NodeFileSystem() });
    service.setWorkspaceFolders([pathToFileURL(folder).href]);
    const fresh = service.index;
    mkdirSync(path.join(folder, 'dist'), { recursive: true });
    writeFileSync(path.join(folder, 'dist', 'goals.md'), '## FY-24-Q1\n');
    writeFileSync(path.join(folder, 'team', 'off_goals.md'), '<!-- goal-docs: off -->\n## FY-24-Q1\n');
    try {
      const seen = (await fresh.markdownUris(NOT_CANCELLED)).map((u) => path.relative(folder, new URL(u).pathname));
      const goalDocs = (await fresh.goalDocs(NOT_CANCELLED)).map((d) => path.relative(folder, new URL(d.uri).pathname));
      let err = '';
      let out = '';
      await runCli(['check', '--verbose', '--format', 'json'], folder, (x) => (out += x), (x) => (err += x));
      assert.match(err, new RegExp(`looked at ${seen.length} files, checked ${goalDocs.length} goal docs`));
      assert.ok(!seen.includes('dist/goals.md') && seen.includes('team/off_goals.md'), seen.join(', '));
      assert.ok(!goalDocs.includes('team/off_goals.md'), goalDocs.join(', '));
    } finally {
      rmSync(path.join(folder, 'dist'), { recursive: true, force: true });
      rmSync(path.join(folder, 'team', 'off_goals.md'));
    }
  });

  it('does not walk again: files appear and go only through watched-file events', async () => {
    writeFileSync(path.join(folder, 'later.md'), '# Later\n');
    assert.ok(!(await names()).includes('later.md'));
    index.didChangeWatchedFiles([{ uri: uri('later.md'), type: 1 }]);
    assert.ok((await names()).includes('later.md'));
    unlinkSync(path.join(folder, 'later.md'));
    index.didChangeWatchedFiles([{ uri: uri('later.md'), type: 3 }]);
    assert.ok(!(await names()).includes('later.md'));
    index.didChangeWatchedFiles([{ uri: uri('node_modules/pkg/other.md'), type: 1 }]);
    assert.ok(!(await names()).some((n) => n.includes('node_modules')));
  });

  it('includes open documents, even unsaved ones, under their own URI', async () => {
    open.set('untitled:Untitled-1', TextDocument.create('untitled:Untitled-1', 'markdown', 1, '## FY-25-Q1\n'));
    assert.ok((await names()).includes('untitled:Untitled-1'));
    open.delete('untitled:Untitled-1');
  });

  it('keeps the models of files on disk until they change, and answers goal docs only', async () => {
    const first = await index.markdownModels(NOT_CANCELLED);
    const second = await index.markdownModels(NOT_CANCELLED);
    assert.ok(first.every((d, i) => d === second[i]), 'models rebuilt without a change');
    const goalDocs = (await index.goalDocs(NOT_CANCELLED)).map((d) => path.relative(folder, new URL(d.uri).pathname));
    assert.deepEqual(goalDocs, ['goals.md', 'team/okr.md']);
  });

  it('prefers an open document to the file on disk', async () => {
    const goalsUri = uri('goals.md');
    open.set(goalsUri, TextDocument.create(goalsUri, 'markdown', 4, '## FY-24-Q1\n\n### Quicker builds\n'));
    const models = await index.markdownModels(NOT_CANCELLED);
    assert.equal(models.find((d) => d.uri === goalsUri)!.headings[1].text, 'Quicker builds');
    assert.equal(index.openVersion(goalsUri), 4);
    open.delete(goalsUri);
  });

  it('leaves out, unparsed, files on disk that do not mention a name', async () => {
    const rel = (models: { uri: string }[]) => models.map((d) => path.relative(folder, new URL(d.uri).pathname));
    assert.deepEqual(rel(await index.markdownModels(NOT_CANCELLED, [['GOALS']])), ['team/notes.md']);
    // References to one heading: the page must name the file and the heading's anchor too.
    assert.deepEqual(rel(await index.markdownModels(NOT_CANCELLED, [['goals'], ['Faster-Builds']])), ['team/notes.md']);
    assert.deepEqual(rel(await index.markdownModels(NOT_CANCELLED, [['goals'], ['slower-builds']])), []);
  });

  it('lists a folder for path completion: no hidden entries or node_modules, links only into the folder, nothing outside', async () => {
    const entries = await index.readDirectory(pathToFileURL(folder).href);
    const listed = entries!.map((e) => `${e.name}${e.kind === 'directory' ? '/' : ''}`);
    assert.ok(listed.includes('team/') && listed.includes('goals.md'), listed.join(', '));
    assert.deepEqual(listed.filter((n) => /^(\.|node_modules|linked|secret)/.test(n)), []);
    assert.deepEqual((await index.readDirectory(uri('team')))!.map((e) => e.name).sort(), ['notes.md', 'okr.md']);
    assert.equal(await index.readDirectory(pathToFileURL(outside).href), undefined);
    assert.equal(await index.readDirectory(uri('linked')), undefined);
  });

  it('answers nothing once cancelled', async () => {
    assert.deepEqual(await index.markdownModels({ isCancellationRequested: true }), []);
  });
});

describe('workspace index at scale: what it parses and keeps', () => {
  let folder: string;
  const uri = (rel: string) => pathToFileURL(path.join(folder, rel)).href;
  const goalDoc = (n: number) => `# Team ${n}\n\n## 2024\n\n### FY-24-Q4\n\n#### Goal ${n}\n\n- **Owner**: Ann\n- **Milestones**:\n  - Ship ${n}\n`;
  const ordinary = (n: number) => `# Runbook ${n}\n\n## Steps\n\nRun the thing, then [the goal](goals-${n}.md#goal-${n}).\n\n- one\n- two\n`;

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'goal-docs-scale-'));
    for (let n = 0; n < 10; n++) {
      writeFileSync(path.join(folder, `goals-${n}.md`), goalDoc(n));
      writeFileSync(path.join(folder, `runbook-${n}.md`), ordinary(n));
    }
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('parses the goal docs for its goal docs and rules the ordinary pages out unparsed, until they change', async () => {
    const service = createGoalDocsService({ fileSystem: new NodeFileSystem() });
    service.setWorkspaceFolders([pathToFileURL(folder).href]);
    const docs = await service.index.goalDocs(NOT_CANCELLED);
    assert.deepEqual(docs.map((d) => path.basename(new URL(d.uri).pathname)).sort(), Array.from({ length: 10 }, (_, n) => `goals-${n}.md`).sort());
    assert.equal(service.files.cacheSize().models, 10, 'no model of a runbook');
    // A runbook that becomes a goal doc is found once its change is reported.
    writeFileSync(path.join(folder, 'runbook-3.md'), `# Runbook 3\n\n## FY-24-Q4\n\n#### Faster runs\n\n- **Owner**: Bo\n- **Milestones**:\n  - ~~Cache~~ Done: \`12.1\`\n`);
    service.didChangeWatchedFiles([{ uri: uri('runbook-3.md'), type: 2 }]);
    const again = await service.index.goalDocs(NOT_CANCELLED);
    assert.ok(again.some((d) => d.uri === uri('runbook-3.md')));
    writeFileSync(path.join(folder, 'runbook-3.md'), ordinary(3));
    service.didChangeWatchedFiles([{ uri: uri('runbook-3.md'), type: 2 }]);
  });

  it('answers workspace symbols from the outline text of goal docs, keeping no model of them, and follows their changes', async () => {
    const service = createGoalDocsService({ fileSystem: new NodeFileSystem() });
    service.setWorkspaceFolders([pathToFileURL(folder).href]);
    // A page that its content, not its name, makes a goal doc is read from its outline text too.
    writeFileSync(path.join(folder, 'runbook-5.md'), `# Runbook 5\n\n## FY-24-Q4\n\n#### Faster runs\n\n- **Owner**: Bo\n`);
    try {
      const outlines = await service.index.goalDocOutlines(NOT_CANCELLED);
      const goals = outlines.flatMap((o) => o.symbols.filter((s) => s.kind === 'goal').map((s) => `${path.basename(new URL(o.uri).pathname)}: ${s.name} (${s.container}) @${s.textRange.start.line}`));
      assert.deepEqual(goals.sort(), [...Array.from({ length: 10 }, (_, n) => `goals-${n}.md: Goal ${n} (2024 › FY-24-Q4) @6`), 'runbook-5.md: Faster runs (FY-24-Q4) @4'].sort());
      assert.equal(service.files.cacheSize().models, 0, 'no page is parsed whole');
      writeFileSync(path.join(folder, 'goals-2.md'), goalDoc(2).replace('#### Goal 2', '## 2025\n\n### FY-25-Q1\n\n#### Renamed goal'));
      service.didChangeWatchedFiles([{ uri: uri('goals-2.md'), type: 2 }]);
      const again = await service.index.goalDocOutlines(NOT_CANCELLED);
      const renamed = again.find((o) => o.uri === uri('goals-2.md'))!.symbols.find((s) => s.kind === 'goal')!;
      assert.deepEqual([renamed.name, renamed.container, renamed.textRange.start.line], ['Renamed goal', '2025 › FY-25-Q1', 10]);
    } finally {
      writeFileSync(path.join(folder, 'runbook-5.md'), ordinary(5));
      writeFileSync(path.join(folder, 'goals-2.md'), goalDoc(2));
    }
  });

  it('keeps the models of files on disk within its budget, dropping the least recently used, and parses a dropped one again when asked', async () => {
    const budget = goalDoc(0).length * 3 + 5;
    const service = createGoalDocsService({ diskModelBudget: budget, fileSystem: new NodeFileSystem() });
    service.setWorkspaceFolders([pathToFileURL(folder).href]);
    const docs = await service.index.goalDocs(NOT_CANCELLED);
    assert.equal(docs.length, 10, 'every goal doc is still answered');
    const size = service.files.cacheSize();
    assert.equal(size.models, 3);
    assert.ok(size.characters <= budget);
    // goals-0 was dropped long ago: asked for, it is parsed again and is right.
    const first = await service.files.model(uri('goals-0.md'));
    assert.equal(first?.goals[0]?.heading.text, 'Goal 0');
    assert.equal(service.files.cacheSize().models, 3);
  });

  it("finds references to a heading on the pages that name it, without parsing pages that only name its file", async () => {
    writeFileSync(path.join(folder, 'plans.md'), '# Plans\n\nSee [the third team](goals-3.md) and [another](goals-3.md#goal-4).\n');
    try {
      const open = new Map<string, TextDocument>();
      const target = uri('goals-3.md');
      open.set(target, TextDocument.create(target, 'markdown', 1, goalDoc(3)));
      const service = createGoalDocsService({ documents: openDocuments(open), fileSystem: new NodeFileSystem() });
      service.setWorkspaceFolders([pathToFileURL(folder).href]);
      const line = goalDoc(3).split('\n').indexOf('#### Goal 3');
      const refs = await service.references(target, { line, character: 6 }, { includeDeclaration: false }, NOT_CANCELLED);
      assert.deepEqual(refs?.map((r) => path.basename(new URL(r.uri).pathname)), ['runbook-3.md']);
      assert.equal(service.files.cacheSize().models, 1, 'a page other than the one linking to the heading was parsed');
    } finally {
      unlinkSync(path.join(folder, 'plans.md'));
    }
  });

  it('lets other work in while it builds: a timer set before the build fires before the build ends', async () => {
    const service = createGoalDocsService({ fileSystem: new NodeFileSystem() });
    service.setWorkspaceFolders([pathToFileURL(folder).href]);
    let fired = false;
    let firedBeforeEnd = false;
    setImmediate(() => (fired = true));
    let files = 0;
    await service.warmIndex(NOT_CANCELLED, () => {
      files++;
      if (fired && files < 20) firedBeforeEnd = true;
    });
    assert.equal(files, 20, 'progress heard of every file');
    assert.ok(firedBeforeEnd, 'the event loop ran between files');
  });
});

describe('pages that are only link targets', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'goal-docs-targets-'));
    writeFileSync(path.join(folder, 'goals.md'), '# Goals\n\n## FY-24-Q4\n\n#### Faster builds\n\n- **Owner**: Ann\n- See [the runbook](runbook.md#restart-the-cach) and [the spot](notes.md#the-spot).\n');
    writeFileSync(path.join(folder, 'runbook.md'), '# Runbook\n\nWhy.\n\n## Steps\n\n- one\n- two\n\n### Restart the cache\n\nRun it.\n');
    writeFileSync(path.join(folder, 'notes.md'), '# Notes\n\nText <a name="the-spot"></a> here.\n');
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('are read as far as their headings for the anchors links need, and parsed whole only when their HTML may hold anchors', async () => {
    const service = createGoalDocsService({ readable: 'any', fileSystem: new NodeFileSystem(false) });
    service.setWorkspaceFolders([pathToFileURL(folder).href]);
    const r = await service.check(pathToFileURL(path.join(folder, 'goals.md')).href, false);
    assert.equal(r.kind, 'checked');
    const found = r.kind === 'checked' ? r.diagnostics.filter((d) => d.code === 'link.file-anchor-missing') : [];
    // The broken anchor is found, with the heading it meant on its own line of the runbook.
    assert.equal(found.length, 1);
    assert.match(String(found[0]!.message), /did you mean #restart-the-cache\?/);
    assert.equal(found[0]!.relatedInformation?.[0]?.location.range.start.line, 9);
    // The goal doc and notes.md (whose <a name> only a parse finds) are parsed; the runbook is not.
    assert.equal(service.files.cacheSize().models, 2);
  });
});
