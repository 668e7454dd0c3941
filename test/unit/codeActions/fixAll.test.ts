import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { actionsAt, apply, codesOf, dedent, fixture, titles } from './helpers';

const BROKEN = `
  # Ledger goals

  - [**2021**](#2021)
    - [FY-21-Q2](#FY-21-Q2)

  See [the close](#month-end-close-takes-a-day), [refunds](#FY-21-Q1) and [the plan](#fy-21-q5).

  ## 2021

  ### FY-21-Q3

  ### FY-21-Q2

  #### Month-end close takes one day

  - **Owner**: Priya ðŸ¦„
  - **Milestones**:
    - ~~Publish the list.~~ Done: 25.04
    - ~~Match refunds.~~ Done: 25.05
    - ~~Show progress.~~ Done: 25.06
    - Close in a day. Done: \`25.07\`
    - ~~Struck, but why?~~

  ### FY-21-Q1

  ### Refunds post to the right period

  - **Owner**: Amara

  ### FY-21-Q4

  #### No owner here

  - **Milestones**:
    - Ship it.
`;

const FIXED = dedent(`
  # Ledger goals

  - [**2021**](#2021)
    - [FY-21-Q4](#fy-21-q4)
    - [FY-21-Q3](#fy-21-q3)
    - [FY-21-Q2](#fy-21-q2)
    - [FY-21-Q1](#fy-21-q1)

  See [the close](#month-end-close-takes-one-day), [refunds](#fy-21-q1) and [the plan](#fy-21-q5).

  ## 2021

  ### FY-21-Q4

  #### No owner here

  - **Milestones**:
    - Ship it.

  ### FY-21-Q3

  ### FY-21-Q2

  #### Month-end close takes one day

  - **Owner**: Priya 🦄
  - **Milestones**:
    - ~~Publish the list.~~ Done: 25.04
    - ~~Match refunds.~~ Done: 25.05
    - ~~Show progress.~~ Done: 25.06
    - ~~Close in a day.~~ Done: 25.07
    - ~~Struck, but why?~~

  ### FY-21-Q1

  #### Refunds post to the right period

  - **Owner**: Amara
`);

describe('Fix all (source.fixAll.goalDocs)', () => {
  it('applies every sure fix at once and leaves guesses and placeholders alone', () => {
    const f = fixture(BROKEN);
    assert.deepEqual(codesOf(f.text), [
      '4:anchor.case',
      '6:anchor.missing',
      '6:anchor.case',
      '6:anchor.missing',
      '10:toc.missing-entry',
      '16:text.mojibake',
      '21:milestone.done-not-struck',
      '21:milestone.done-style',
      '22:milestone.struck-without-marker',
      '24:toc.missing-entry',
      '26:goal.heading-level',
      '30:toc.missing-entry',
      '30:period.order',
      '32:goal.owner-missing',
    ]);
    const actions = actionsAt(f, undefined, [], ['source.fixAll']);
    assert.deepEqual(titles(actions), ['Fix all goal-doc problems that have a sure fix']);
    assert.equal(actions[0].kind, 'source.fixAll.goalDocs');
    const fixed = apply(f, actions[0]);
    assert.equal(fixed, FIXED);
    // Left: an anchor with three candidates, an owner to name, a strike to explain. The TOC lists
    // the quarters in the order the move left them.
    assert.deepEqual(codesOf(fixed), ['9:anchor.missing', '15:goal.owner-missing', '32:milestone.struck-without-marker']);
  });

  it('is offered only when source actions are asked for', () => {
    const f = fixture(BROKEN);
    assert.ok(!actionsAt(f).some((a) => a.kind?.startsWith('source')));
    assert.ok(!actionsAt(f, undefined, [], ['quickfix']).some((a) => a.kind?.startsWith('source')));
    assert.equal(actionsAt(f, undefined, [], ['source.fixAll.goalDocs']).length, 1);
    assert.equal(actionsAt(f, undefined, [], ['source']).length, 1);
  });

  it('offers nothing when nothing has a sure fix', () => {
    assert.deepEqual(actionsAt(fixture('# Fine\n\n## FY-21-Q1\n'), undefined, [], ['source.fixAll']), []);
  });
});
