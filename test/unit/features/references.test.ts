import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { provideReferences } from '../../../server/src/features/references';
import { linkNeedles } from '../../../server/src/features/anchorTargets';
import { NOT_CANCELLED } from '../../../server/src/workspace/goalDocWorkspace';
import { CORPUS_SKIP, corpusDocs } from '../../support/corpus';
import { model } from '../../support/fixture';
import { MemoryWorkspace, workspaceWithCursor } from './support';

const GOALS = `
  # Goals

  - [FY-24-Q1](#fy-24-q1)
    - [Faster builds](#faster-builds)

  ## FY-24-Q1

  ### Faster builds

  - Owner: Ann
  - Dependencies: [the cache](#faster-builds-1)

  ### Faster builds

  - Owner: Bo
`;

async function referencesAt(files: Record<string, string>, includeDeclaration = false) {
  const { workspace, doc, position } = workspaceWithCursor(files);
  const found = await provideReferences(doc, position, { includeDeclaration }, workspace, NOT_CANCELLED);
  return found.map((l) => `${l.uri.replace('file:///ws/', '')}:${l.range.start.line}:${l.range.start.character}`);
}

describe('references', () => {
  it('finds every link to a heading across the workspace, from the heading', async () => {
    const found = await referencesAt({
      'goals.md': GOALS.replace('### Faster builds\n\n  - Owner: Ann', '### Faster$0 builds\n\n  - Owner: Ann'),
      'notes.md': 'See [builds](goals.md#faster-builds) and [the other](goals.md#faster-builds-1).\n',
      'team/more.md': '[b](../goals.md#Faster-Builds)\n',
    });
    assert.deepEqual(found, ['goals.md:3:21', 'notes.md:0:22', 'team/more.md:0:16']);
  });

  it('tells duplicates apart by their suffix, and includes the declaration when asked', async () => {
    const found = await referencesAt({ 'goals.md': GOALS.replace('[the cache](#faster-builds-1)', '[the cache](#faster-$0builds-1)') }, true);
    assert.deepEqual(found, ['goals.md:12:4', 'goals.md:10:29']);
  });

  it('finds links from another file when started on a link there', async () => {
    const found = await referencesAt({ 'goals.md': GOALS, 'notes.md': 'See [q1](goals.md#fy-$024-q1).\n' });
    assert.deepEqual(found, ['goals.md:2:14', 'notes.md:0:18']);
  });

  it('knows what a link into a file must contain', () => {
    assert.deepEqual(linkNeedles('file:///ws/team/goals_completed.md'), ['goals_completed']);
    assert.deepEqual(linkNeedles('file:///ws/goals/index.md'), ['index', 'goals']);
    assert.deepEqual(linkNeedles('file:///ws/on%20call.md'), ['on call', 'on%20call']);
  });

  it('finds nothing for plain text', async () => {
    assert.deepEqual(await referencesAt({ 'goals.md': GOALS + '\nplain $0text\n' }), []);
  });

  it("finds the TOC entries of goals_completed.md's quarters", { skip: CORPUS_SKIP }, async () => {
    const text = readFileSync(corpusDocs()[0], 'utf8');
    const uri = 'file:///ws/goals_completed.md';
    const doc = model(text, uri);
    const workspace = new MemoryWorkspace({ [uri]: text });
    const q1 = doc.headings.find((h) => h.slug === 'fy-20-q1')!;
    const found = await provideReferences(doc, q1.textRange.start, { includeDeclaration: false }, workspace, NOT_CANCELLED);
    // The TOC links Q4, Q3, Q2 and Q1 all to #FY-20-Q1 (a real mistake of the page).
    assert.equal(found.length, 4);
  });
});
