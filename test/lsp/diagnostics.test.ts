// Drives the built server over stdio like an editor: initialize, open, pull diagnostics.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CORPUS_DIR, CORPUS_SKIP, REPO_ROOT } from '../support/corpus';
import { type LspSession, openDocument, pullDiagnostics, startServer, waitFor, type WireDiagnostic } from '../support/lspClient';

const pull = pullDiagnostics;

describe('language server over stdio', () => {
  let session: LspSession;
  let folder: string;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'goal-docs-lsp-'));
    session = await startServer({ rootUri: pathToFileURL(folder).href });
  });
  after(async () => {
    await session.close();
  });

  it('answers diagnostics for the seed page, the same as the CLI', { skip: CORPUS_SKIP }, async () => {
    const file = path.join(folder, 'goals_completed.md');
    copyFileSync(path.join(CORPUS_DIR, 'goals_completed.md'), file);
    const uri = pathToFileURL(file).href;
    openDocument(session, uri, readFileSync(file, 'utf8'));
    const items = await pull(session, uri);
    const cli = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'check', 'goals_completed.md', '--format', 'json'], { cwd: folder, encoding: 'utf8' });
    const expected = JSON.parse(cli.stdout) as Array<{ range: WireDiagnostic['range']; code: string; message: string }>;
    assert.equal(items.length, 15);
    assert.deepEqual(
      items.map((d) => [d.range.start, d.code, d.message]),
      expected.map((d) => [d.range.start, d.code, d.message]),
    );
  });

  it('gives nothing to an ordinary Markdown file', async () => {
    const uri = pathToFileURL(path.join(folder, 'README.md')).href;
    openDocument(session, uri, '# Readme\n\nSee [setup](#set-up).\n');
    assert.deepEqual(await pull(session, uri), []);
  });

  it('follows edits: a fixed anchor disappears from the next pull', async () => {
    const uri = pathToFileURL(path.join(folder, 'team_goals.md')).href;
    openDocument(session, uri, '# Goals\n\n[q](#fy-24-q3)\n\n## FY-24-Q2\n', 1);
    assert.deepEqual((await pull(session, uri)).map((d) => d.code), ['anchor.missing']);
    session.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 12 }, end: { line: 2, character: 13 } }, text: '2' }],
    });
    assert.deepEqual(await pull(session, uri), []);
  });

  it('applies goalDocs settings pulled from the client, and reloads them on change', async () => {
    const uri = pathToFileURL(path.join(folder, 'okr_goals.md')).href;
    openDocument(session, uri, '# Goals\n\n[q](#FY-24-Q2)\n\n## FY-24-Q2\n');
    assert.deepEqual((await pull(session, uri)).map((d) => d.severity), [2]);
    session.configuration.goalDocs = { rules: { 'anchor.case': 'error' } };
    session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual((await pull(session, uri)).map((d) => d.severity), [1]);
    session.configuration.goalDocs = { rules: { 'anchor.case': 'off' } };
    session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await pull(session, uri), []);
    delete session.configuration.goalDocs;
    session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });
});

describe('language server and huge goal docs', () => {
  it('says once why a goal doc over goalDocs.maxFileSize is not analysed', async () => {
    const session = await startServer({ configuration: { goalDocs: { maxFileSize: 1000 } } });
    try {
      const uri = 'untitled:big_goals.md';
      openDocument(session, uri, '## FY-24-Q1\n\n[q](#nowhere)\n' + 'Filler text.\n'.repeat(200));
      const items = await pull(session, uri);
      assert.deepEqual(items.map((d) => d.code), ['file.too-large']);
      assert.match(items[0].message, /2,627 characters, more than goalDocs.maxFileSize \(1,000\)/);
    } finally {
      await session.close();
    }
  });
});

describe('language server for clients without pull diagnostics', () => {
  it('pushes diagnostics for the version it computed them for', async () => {
    const session = await startServer({ pullDiagnostics: false });
    try {
      const uri = 'untitled:goals.md';
      const published = new Promise<{ version?: number; diagnostics: WireDiagnostic[] }>((resolve) => {
        session.connection.onNotification('textDocument/publishDiagnostics', resolve);
      });
      openDocument(session, uri, '## FY-24-Q1\n\n[q](#FY-24-q1)\n', 7);
      const p = await published;
      assert.equal(p.version, 7);
      assert.deepEqual(p.diagnostics.map((d) => d.code), ['anchor.case']);
    } finally {
      await session.close();
    }
  });

  it('publishes for the last of many quick edits, never for a version a newer one replaced', async () => {
    const session = await startServer({ pullDiagnostics: false });
    try {
      const uri = 'untitled:goals.md';
      const versions: number[] = [];
      let last: { version?: number; diagnostics: WireDiagnostic[] } | undefined;
      session.connection.onNotification('textDocument/publishDiagnostics', (p: { version?: number; diagnostics: WireDiagnostic[] }) => {
        versions.push(p.version ?? -1);
        last = p;
      });
      const page = (n: number) => `## FY-24-Q1\n\n#### Goal ${n}\n\n- **Owner**: Ann\n\n[q](#${n % 2 ? 'FY-24-q1' : 'fy-24-q9'})\n`;
      openDocument(session, uri, page(1), 1);
      for (let v = 2; v <= 30; v++) {
        session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: page(v) }] });
      }
      await waitFor('diagnostics of version 30', () => last?.version === 30);
      // Version 30 links to #fy-24-q9: anchor.missing, not the odd versions' anchor.case.
      assert.deepEqual(last!.diagnostics.map((d) => d.code), ['anchor.missing']);
      assert.deepEqual([...versions].sort((a, b) => a - b), versions, `published out of order: ${versions.join(', ')}`);
    } finally {
      await session.close();
    }
  });
});
