import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { provideHover } from '../../../server/src/features/hover';
import { NOT_CANCELLED } from '../../../server/src/workspace/goalDocWorkspace';
import { workspaceWithCursor } from './support';

const GOALS = `
  ## 2024

  ### FY-24-Q1

  #### Faster builds

  - **Owner**: Ann, Bo
  - **Status**: On track
  - **Milestones**:
    - ~~Cache~~ Done: 3.19
    - Shard
`;

function hoverAt(files: Record<string, string>): string | undefined {
  const { workspace, doc, position } = workspaceWithCursor(files);
  const hover = provideHover(doc, position, workspace, NOT_CANCELLED);
  return hover ? (hover.contents as { value: string }).value : undefined;
}

describe('hover', () => {
  it("shows a goal's heading, place, owners, status and progress on a link to it", () => {
    const value = hoverAt({ 'goals.md': GOALS + '\nSee [builds](#faster-$0builds).\n' });
    assert.equal(value, '#### Faster builds\n\n_2024 › FY-24-Q1_\n\n**Owner**: Ann, Bo\n\n**Status**: On track\n\n**Milestones**: 1/2 done');
  });

  it("shows a quarter's goal count, and the file of a link into another doc", () => {
    const value = hoverAt({ 'goals.md': GOALS, 'notes.md': '[q](goals.md#fy-24-$0q1)\n' });
    assert.equal(value, '### FY-24-Q1\n\n_2024 · goals.md_\n\n1 goal · milestones 1/2 done');
  });

  it('shows nothing on a link that reaches nothing: its diagnostic says so in the same hover', () => {
    assert.equal(hoverAt({ 'goals.md': GOALS + '\n[x](#nope$0)\n' }), undefined);
    assert.equal(hoverAt({ 'goals.md': GOALS + '\n[x](missing.md#nope$0)\n' }), undefined);
  });

  it('shows nothing on plain text or a link without fragment', () => {
    assert.equal(hoverAt({ 'goals.md': GOALS + '\nplain $0\n' }), undefined);
    assert.equal(hoverAt({ 'goals.md': GOALS + '\n[n]($0notes.md)\n', 'notes.md': '# N\n' }), undefined);
  });
});
