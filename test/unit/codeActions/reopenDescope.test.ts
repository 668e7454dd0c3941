import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { actionsAt, apply, applyAt, dedent, find, fixture, titles } from './helpers';

/** Marks the item under the cursor done, then reopens it in the result. */
function roundTrip(raw: string): { done: string; reopened: string } {
  const f = fixture(raw);
  const done = apply(f, find(actionsAt(f), 'Mark milestone done'));
  const again = fixture(done.slice(0, f.doc.lineStarts[f.range.start.line]) + '$0' + done.slice(f.doc.lineStarts[f.range.start.line]));
  return { done, reopened: apply(again, find(actionsAt(again), 'Reopen milestone')) };
}

describe('Reopen milestone', () => {
  for (const [style, raw] of Object.entries({
    'plain stamp': '## G\n\n- ~~A.~~ Done: 3.1\n- $0Ship it.\n',
    'code stamp of a link': '## G\n\n- ~~A.~~ Done: `3.1`\n- $0[Ship it](https://x.io).\n',
    'bold stamp': '## G\n\n1. ~~A.~~ **Done!**\n1. $0Ship it.\n',
    'emoji prefix': '## G\n\n1. ✅ A\n1. $0Ship it\n',
    'emoji suffix': '## G\n\n- A ✅\n- $0Ship it\n',
    'task box': '## G\n\n- [x] A\n- [ ] $0Ship it\n',
  })) {
    it(`is the exact reverse of marking done (${style})`, () => {
      const { done, reopened } = roundTrip(raw);
      assert.notEqual(done, raw.replace('$0', ''));
      assert.equal(reopened, raw.replace('$0', ''));
    });
  }

  it('removes a Descoped marker with its reason, and reopens several items at once', () => {
    const raw = `
      ## G

      - **Outcomes**:
        - $0~~Releases take one step.~~ _Descoped_: See "Descoped outcomes"
        - ~~[Releases are automatic](https://x.io)~~. Done: \`Dist: 2021.01.11\`
      $1- Other.
    `;
    const f = fixture(raw);
    assert.ok(titles(actionsAt(f)).includes('Reopen 2 milestones'));
    assert.equal(
      apply(f, find(actionsAt(f), 'Reopen 2 milestones')),
      f.text.replace('~~Releases take one step.~~ _Descoped_: See "Descoped outcomes"', 'Releases take one step.').replace('~~[Releases are automatic](https://x.io)~~. Done: `Dist: 2021.01.11`', '[Releases are automatic](https://x.io).'),
    );
  });
});

describe('Descope milestone', () => {
  it('strikes the item and adds `_Descoped_: TBD` where the document has no Descoped marker yet', () => {
    const raw = '## G\n\n- ~~A.~~ Done: 3.1\n- Set spending$0 limits. **In progress**\n';
    assert.equal(applyAt(raw, 'Descope milestone'), raw.replace('$0', '').replace('- Set spending limits. **In progress**', '- ~~Set spending limits.~~ _Descoped_: TBD'));
  });

  it("writes the document's own marker (`Deprioritized`, `Descoped`)", () => {
    const raw = '## G\n\n- ~~A.~~ Deprioritized\n- We report$0 the cost.\n';
    assert.equal(applyAt(raw, 'Descope milestone'), raw.replace('$0', '').replace('- We report the cost.', '- ~~We report the cost.~~ Deprioritized'));
  });

  it('moves the item, nested items and all, to the end of the goal\'s Descoped outcomes list', () => {
    const raw = `
      ### Releases are easy

      - **Owner**: Dave
      - **Outcomes**:
        - Releases take$0 one step.
          - Including patches.
        - All deployment types ship together.
      - **Descoped outcomes**:
        - Releases are automatic: not worth it yet.

      ### Next goal
    `;
    const expected = dedent(`
      ### Releases are easy

      - **Owner**: Dave
      - **Outcomes**:
        - All deployment types ship together.
      - **Descoped outcomes**:
        - Releases are automatic: not worth it yet.
        - Releases take one step.
          - Including patches.

      ### Next goal
    `);
    assert.equal(applyAt(raw, 'Move to "Descoped outcomes"'), expected);
  });

  it('moves into an empty Descoped outcomes field, indented under it', () => {
    const raw = '### G\n\n- **Owner**: Dave\n- **Outcomes**:\n  - $0A.\n  - B.\n- **Descoped outcomes**:\n';
    assert.equal(applyAt(raw, 'Move to "Descoped outcomes"'), '### G\n\n- **Owner**: Dave\n- **Outcomes**:\n  - B.\n- **Descoped outcomes**:\n  - A.\n');
  });

  it('is not offered to move an item already in the Descoped outcomes list', () => {
    const f = fixture('### G\n\n- **Owner**: Dave\n- **Descoped outcomes**:\n  - $0A.\n');
    assert.equal(find(actionsAt(f), /^Move to/), undefined);
  });
});
