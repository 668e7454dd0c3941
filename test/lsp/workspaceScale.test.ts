// The workspace at scale, over stdio (issue 14): the index builds in the background after
// start-up and says so with a window progress; the first workspace-wide query then finds it
// built; and a pull whose diagnostics did not change is answered `unchanged`.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { SymbolInformation } from 'vscode-languageserver-types';
import { indexBuilt, type LspSession, openDocument, startServer, waitFor } from '../support/lspClient';
import { INDEX_BUILT_LOG } from '../../server/src/protocol';

const TEAMS = 300;

function goalDoc(team: number): string {
  const lines = [`# Team ${team} goals`, '', '## 2024', '', '### FY-24-Q4', ''];
  for (let g = 0; g < 12; g++) {
    lines.push(`#### Ship widget ${team}-${g}`, '', `- **Owner**: Person ${g}`, '- **Milestones**:', `  - ~~Draft ${g}~~ Done: \`11.${g + 1}\``, `  - Review ${g}`, '');
  }
  return lines.join('\n');
}

function page(n: number): string {
  const lines = [`# Process page ${n}`, ''];
  for (let s = 0; s < 4; s++) lines.push(`## Step ${s}`, '', `Do the thing, then see [the goal](../team-${n % TEAMS}/goals.md#ship-widget-${n % TEAMS}-${s}).`, '', '- a list item', '- another', '');
  return lines.join('\n');
}

describe('the workspace index at scale over stdio', () => {
  let folder: string;
  let session: LspSession;

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'goal-docs-scale-'));
    for (let t = 0; t < TEAMS; t++) {
      mkdirSync(path.join(folder, `team-${t}`));
      writeFileSync(path.join(folder, `team-${t}`, 'goals.md'), goalDoc(t));
      for (let p = 0; p < 2; p++) writeFileSync(path.join(folder, `team-${t}`, `page-${p}.md`), page(t * 2 + p));
    }
    session = await startServer({ rootUri: pathToFileURL(folder).href, workDoneProgress: true });
  });
  after(async () => {
    await session?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('builds the index after start-up, unasked, with a window progress that begins, counts and ends', async () => {
    // The log says when the build is over and what it took; a progress shows only for a build
    // that runs longer than half a second (1-2 s on this 2-core machine; a faster one may show none).
    await indexBuilt(session);
    const built = session.log.find((m) => m.startsWith(INDEX_BUILT_LOG))!;
    assert.match(built, new RegExp(`: ${TEAMS * 3} Markdown files in \\d+ ms$`));
    const ms = Number(/in (\d+) ms$/.exec(built)![1]);
    if (ms < 800) {
      // Too close to the half second to say whether a progress began; none may have.
      console.log(`the index build took ${ms} ms: its progress is not checked`);
      return;
    }
    await waitFor('the progress to end', () => session.progress.some((p) => p.kind === 'end'), 60_000);
    const [begin, ...rest] = session.progress;
    assert.equal(begin.kind, 'begin');
    assert.match(begin.title ?? '', /Goal Docs: indexing/);
    assert.equal(rest[rest.length - 1].kind, 'end');
    const reports = rest.filter((p) => p.kind === 'report');
    assert.ok(reports.length > 0, 'at least one report');
    assert.match(reports[reports.length - 1].message ?? '', new RegExp(`of ${TEAMS * 3} Markdown files`));
    // Percentages only grow.
    const percents = reports.map((r) => r.percentage ?? 0);
    assert.deepEqual([...percents].sort((a, b) => a - b), percents);
  });

  it('answers workspace symbols from the built index: the goals of every goal doc, none from the ordinary pages', async () => {
    const symbols = await session.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: `Ship widget ${TEAMS - 1}-1` });
    assert.ok(symbols.some((s) => s.name === `Ship widget ${TEAMS - 1}-1` && s.location.uri.endsWith(`/team-${TEAMS - 1}/goals.md`)), JSON.stringify(symbols.slice(0, 3)));
    const steps = await session.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'Step' });
    assert.deepEqual(steps, []);
  });

  it('answers a pull whose diagnostics did not change `unchanged`, and a changed one in full', async () => {
    const uri = pathToFileURL(path.join(folder, 'team-0', 'goals.md')).href;
    const text = `${goalDoc(0)}\nSee [a quarter](#fy-24-q9).\n`;
    openDocument(session, uri, text);
    const pull = (previousResultId?: string) =>
      session.connection.sendRequest<{ kind: string; resultId?: string; items?: Array<{ code: string }> }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
    const first = await pull();
    assert.equal(first.kind, 'full');
    assert.ok(first.resultId);
    assert.ok(first.items!.some((d) => d.code === 'anchor.missing'));
    // Again, nothing changed.
    assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
    // A word typed in prose on the last line: the same diagnostics.
    const change = (version: number, newText: string) =>
      session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: newText }] });
    change(2, text.replace('See [a quarter]', 'See also [a quarter]'));
    const afterProse = await pull(first.resultId);
    assert.equal(afterProse.kind, 'full', 'the link moved right: its range changed');
    change(3, text.replace('# Team 0 goals', '# Team 0 goals (draft)'));
    const afterTitle = await pull(afterProse.resultId);
    assert.equal(afterTitle.kind, 'full', 'the range of the broken link is back where it was, which the client no longer holds');
    change(4, text.replace('# Team 0 goals', '# Team 0 goals (final)'));
    assert.deepEqual(await pull(afterTitle.resultId), { kind: 'unchanged', resultId: afterTitle.resultId });
    // A stale id (not the last one sent) always gets the full list.
    const stale = await pull(first.resultId);
    assert.equal(stale.kind, 'full');
    // The broken anchor fixed: a full report without it.
    change(5, text.replace('#fy-24-q9', '#fy-24-q4'));
    const fixed = await pull(stale.resultId);
    assert.equal(fixed.kind, 'full');
    assert.ok(!fixed.items!.some((d) => d.code === 'anchor.missing'));
  });
});
