// One meaning of done (model/done.ts) everywhere: the code lens, the hover, the outline details,
// the diagnostics and the lightbulb all read an item the same way.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { provideCodeLenses } from '../../server/src/features/codeLens';
import { provideDocumentSymbols } from '../../server/src/features/documentSymbols';
import { provideHover } from '../../server/src/features/hover';
import { NOT_CANCELLED } from '../../server/src/workspace/goalDocWorkspace';
import { computeDiagnostics } from '../../server/src/diagnostics/index';
import { milestoneState } from '../../server/src/model/done';
import { allMilestones } from '../../server/src/model/milestones';
import { defaultSettings } from '../../server/src/settings/schema';
import { actionsAt, fixture, titles } from './codeActions/helpers';
import { MemoryWorkspace } from './features/support';
import { dedent, model } from '../support/fixture';

describe('one meaning of done', () => {
  const text = dedent(`
    # Plan

    See [the feed goal](#the-feed).

    ## FY-24-Q1

    ### The feed

    - **Owner**: Ann
    - **Milestones**:
      - ✅ Draft
      - Wire the feed ✅
      - Review
  `);

  it('counts a leading and a trailing ✅ as done in the lens, the hover and the outline', () => {
    const doc = model(text);
    assert.deepEqual([...allMilestones(doc.items)].map((m) => milestoneState(doc, m)), ['done', 'done', 'open']);
    const lenses = provideCodeLenses(doc, { codeLens: true }, NOT_CANCELLED).map((l) => l.command!.title);
    assert.deepEqual(lenses, ['2/3 milestones done', '2/3 milestones done']);
    const hover = provideHover(doc, { line: 2, character: 22 }, MemoryWorkspace.of({}), NOT_CANCELLED);
    assert.match(JSON.stringify(hover?.contents), /Milestones\*\*: 2\/3 done/);
    const goal = provideDocumentSymbols(doc, NOT_CANCELLED)[0]!.children![0]!.children![0]!;
    assert.equal(goal.detail, 'Ann · 2/3 done');
  });

  it('offers Reopen on the done items and Mark done on the open one, as the lens counts them', () => {
    const lines = text.split('\n');
    const at = (needle: string) => {
      const line = lines.findIndex((l) => l.includes(needle));
      const f = fixture(text);
      return titles(actionsAt({ ...f, range: { start: { line, character: 4 }, end: { line, character: 4 } } }));
    };
    assert.ok(at('Draft').includes('Reopen milestone'));
    assert.ok(at('Wire the feed').includes('Reopen milestone'));
    assert.ok(!at('Wire the feed').includes('Mark milestone done'));
    assert.ok(at('Review').includes('Mark milestone done'));
  });

  it('tells milestones and outcomes apart from other field items: a dependency is no milestone', () => {
    const text = dedent(`
      ### Ship the feed

      - **Owner**: Ann
      - **Milestones**:
        - ~~Design~~ Done: 3.1
        - Build
      - **Dependencies**:
        - ~~Old API~~
        - The search team
    `);
    const doc = model(text);
    assert.deepEqual([...allMilestones(doc.items)].map((m) => `${m.text}:${m.role}`), ['Design Done: 3.1:milestone', 'Build:milestone', 'Old API:other', 'The search team:other']);
    assert.deepEqual(provideCodeLenses(doc, { codeLens: true }, NOT_CANCELLED).map((l) => l.command!.title), ['1/2 milestones done']);
    assert.deepEqual(computeDiagnostics(doc, defaultSettings()).map((d) => d.code), [], 'a struck dependency is no unstamped milestone');
    const f = fixture(text);
    const line = text.split('\n').findIndex((l) => l.includes('The search team'));
    assert.deepEqual(titles(actionsAt({ ...f, range: { start: { line, character: 6 }, end: { line, character: 6 } } })), []);
  });

  it('takes bare strikes for done only where the page marks done no other way', () => {
    const bare = model('## Goals\n\n### Ship\n\n- **Milestones:**\n  - ~~Design~~\n  - Build\n');
    assert.deepEqual([...allMilestones(bare.items)].map((m) => milestoneState(bare, m)), ['done', 'open']);
    assert.deepEqual(computeDiagnostics(bare, defaultSettings()).map((d) => d.code), []);
    const stamped = model('## Goals\n\n### Ship\n\n- **Milestones:**\n  - ~~Design~~\n  - ~~Build~~ Done: 3.2\n');
    assert.deepEqual([...allMilestones(stamped.items)].map((m) => milestoneState(stamped, m)), ['open', 'done']);
    assert.deepEqual(computeDiagnostics(stamped, defaultSettings()).map((d) => d.code), ['milestone.struck-without-marker']);
  });
});
