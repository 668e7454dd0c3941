import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { actionsAt, apply, applyAt, dedent, find, fixture, settingsWith, titles } from './helpers';

const STAMPED = `
  # Goals

  ### Upgrades are easy

  - **Owner**: Dave
  - **Milestones**:
    - ~~Research and evaluate possible tools.~~ Done: 3.19
      - ~~Cue.~~ Done: 3.17
    - ~~Create a Kubernetes deployment PoC.~~ Done: 3.20
    - Move CI to a new GCP project **In progress**
    - [Automatically update the dogfood cluster](https://example.com/projects/83). **In progress**
      - Nested note that stays as it is.
    - Design Dhall$0 Architecture.
`;

describe('Mark milestone done', () => {
  it('strikes and stamps in the plain house style with the latest version, keeping the marker and indentation', () => {
    assert.equal(
      applyAt(STAMPED, 'Mark milestone done'),
      dedent(STAMPED.replace('$0', '')).replace('  - Design Dhall Architecture.', '  - ~~Design Dhall Architecture.~~ Done: 3.20'),
    );
  });

  it('drops a stale **In progress** tail and adds the full stop the house style puts inside the strike', () => {
    const raw = STAMPED.replace('$0', '').replace('Move CI to', 'Move CI$0 to');
    assert.equal(
      applyAt(raw, 'Mark milestone done'),
      dedent(STAMPED.replace('$0', '')).replace('  - Move CI to a new GCP project **In progress**', '  - ~~Move CI to a new GCP project.~~ Done: 3.20'),
    );
  });

  it('keeps a link and the nested items of a linked milestone intact', () => {
    const raw = STAMPED.replace('$0', '').replace('update the dogfood', 'update the$0 dogfood');
    assert.equal(
      applyAt(raw, 'Mark milestone done'),
      dedent(STAMPED.replace('$0', '')).replace(
        '  - [Automatically update the dogfood cluster](https://example.com/projects/83). **In progress**',
        '  - ~~[Automatically update the dogfood cluster](https://example.com/projects/83).~~ Done: 3.20',
      ),
    );
  });

  it('stamps a version in backticks where the house style does, and a date-shaped version with today in its shape', () => {
    const raw = `
      ## Goal

      - **Milestones**:
        - ~~Ship A.~~ Done: \`3.20\`
        - ~~Ship B.~~ Done: \`Dist: 2020.11.16\`
        - ~~Ship C.~~ Done: \`3.21\`
        - Ship D.$0
    `;
    // The latest stamp is the `Dist:` date (2020 beats 3.21): the new one records today (2021-01-11), not that day.
    assert.equal(applyAt(raw, 'Mark milestone done'), dedent(raw.replace('$0', '')).replace('- Ship D.', '- ~~Ship D.~~ Done: `Dist: 2021.01.11`'));
  });

  it('follows the goal before the document where no stamp style dominates the document', () => {
    const raw = `
      ## One

      - **Milestones**:
        - ~~A.~~ Done: 3.1
        - ~~B.~~ Done: 3.2

      ## Two

      - **Milestones**:
        - ~~D.~~ Done: \`3.4\`
        - E$0
    `;
    assert.equal(applyAt(raw, 'Mark milestone done'), dedent(raw.replace('$0', '')).replace('- E', '- ~~E.~~ Done: `3.4`'));
  });

  it('writes the dominant stamp style even in a goal that strays from it, so that milestone.done-style has nothing to say', () => {
    const raw = `
      ## One

      - **Milestones**:
        - ~~A.~~ Done: 3.1
        - ~~B.~~ Done: 3.2
        - ~~C.~~ Done: 3.3

      ## Two

      - **Milestones**:
        - ~~D.~~ Done: \`3.4\`
        - E$0
    `;
    assert.equal(applyAt(raw, 'Mark milestone done'), dedent(raw.replace('$0', '')).replace('- E', '- ~~E.~~ Done: 3.4'));
  });

  it('writes `~~TEXT.~~ **Done!**` where the document does', () => {
    const raw = `
      ## Goal

      1. ~~Reach out to one customer.~~ **Done!**
      1. Reach out to two$0 others.
    `;
    assert.equal(applyAt(raw, 'Mark milestone done'), dedent(raw.replace('$0', '')).replace('1. Reach out to two others.', '1. ~~Reach out to two others.~~ **Done!**'));
  });

  it('swaps 🔄 for ✅ where the document marks done with emoji', () => {
    const raw = `
      ## Goal

      1. ✅ Ship the first thing.
      1. 🔄 Ship the$0 second thing.
    `;
    assert.equal(applyAt(raw, 'Mark milestone done'), dedent(raw.replace('$0', '')).replace('🔄 Ship the second', '✅ Ship the second'));
  });

  it('prefixes ✅ where there was no status, replaces `(in-progress)`, and drops WIP and estimates', () => {
    const raw = `
      ## Goal

      1. ✅ Done already.
      1. Plain$0 item.
      1. (in-progress) Identify test environments.
      1. Set bands for teams. WIP: https://example.com/sheet
      1. 🔄 Ship trial version (Estimated completion July 30th)
    `;
    const expected = (line: string, after: string) => dedent(raw.replace('$0', '')).replace(line, after);
    assert.equal(applyAt(raw, 'Mark milestone done'), expected('1. Plain item.', '1. ✅ Plain item.'));
    const at = (needle: string) => raw.replace('$0', '').replace(needle, `${needle}$0`);
    assert.equal(applyAt(at('Identify'), 'Mark milestone done'), expected('1. (in-progress) Identify', '1. ✅ Identify'));
    assert.equal(applyAt(at('Set bands'), 'Mark milestone done'), expected('1. Set bands for teams. WIP: https://example.com/sheet', '1. ✅ Set bands for teams. https://example.com/sheet'));
    assert.equal(applyAt(at('Ship trial'), 'Mark milestone done'), expected('1. 🔄 Ship trial version (Estimated completion July 30th)', '1. ✅ Ship trial version'));
  });

  it('puts the emoji at the end where the document does', () => {
    const raw = `
      ## Goal

      - Provide a signature authority policy ✅
      - Keep the business$0 informed
    `;
    assert.equal(applyAt(raw, 'Mark milestone done'), dedent(raw.replace('$0', '')).replace('- Keep the business informed', '- Keep the business informed ✅'));
  });

  it('unstrikes a makeshift strike in a document that marks done with emoji', () => {
    const raw = `
      ## Goal

      1. ✅ Indexing is fast
      1. ✅ Search is fast
      1. ~User added$0 code is indexed~
    `;
    assert.equal(applyAt(raw, 'Mark milestone done'), dedent(raw.replace('$0', '')).replace('1. ~User added code is indexed~', '1. ✅ User added code is indexed'));
  });

  it('ticks a task box, whatever else the document does', () => {
    const raw = `
      ## Goal

      - ~~Old.~~ Done: 3.1
      - [ ] Write$0 the docs **In progress**
    `;
    assert.equal(applyAt(raw, 'Mark milestone done'), dedent(raw.replace('$0', '')).replace('- [ ] Write the docs **In progress**', '- [x] Write the docs'));
  });

  it('strikes without a stamp where struck text is the only done mark', () => {
    const raw = `
      ## Goal

      1. ~~Scan the images. (3.21 release)~~
      1. Scan the$0 nodes. (3.22 release)
    `;
    assert.equal(applyAt(raw, 'Mark milestone done'), dedent(raw.replace('$0', '')).replace('1. Scan the nodes. (3.22 release)', '1. ~~Scan the nodes. (3.22 release)~~'));
    // The struck item is done there: it offers Reopen, not Mark done.
    const f = fixture(raw.replace('$0', '').replace('Scan the images', 'Scan$0 the images'));
    assert.deepEqual(titles(actionsAt(f)), ['Reopen milestone']);
  });

  it('uses the settings where the document has no done items', () => {
    const raw = `
      ## Goal

      - Ship$0 it
    `;
    const plain = dedent(raw.replace('$0', ''));
    assert.equal(applyAt(raw, 'Mark milestone done'), plain.replace('- Ship it', '- ✅ Ship it'));
    const dated = settingsWith((s) => {
      s.done.style = 'strike-plain';
      s.done.version = '${date:YYYY.MM.DD}';
    });
    assert.equal(applyAt(raw, 'Mark milestone done', dated), plain.replace('- Ship it', '- ~~Ship it~~ Done: 2021.01.11'));
    const dist = settingsWith((s) => {
      s.done.style = 'strike-plain';
      s.done.version = 'Dist: ${date:YYYY.MM.DD}';
    });
    // A version with a space cannot stand bare after `Done:`: it goes in backticks.
    assert.equal(applyAt(raw, 'Mark milestone done', dist), plain.replace('- Ship it', '- ~~Ship it~~ Done: `Dist: 2021.01.11`'));
    const code = settingsWith((s) => (s.done.style = 'strike-code'));
    assert.equal(applyAt(raw, 'Mark milestone done', code), plain.replace('- Ship it', '- ~~Ship it~~ Done: `2021.01.11`'));
    const box = settingsWith((s) => (s.done.style = 'checkbox'));
    assert.equal(applyAt(raw, 'Mark milestone done', box), plain.replace('- Ship it', '- [x] Ship it'));
  });

  it('offers nothing on done items, and only the item under the cursor, not its parent', () => {
    const onDone = fixture(STAMPED.replace('$0', '').replace('Create a Kubernetes', 'Create a$0 Kubernetes'));
    assert.equal(find(actionsAt(onDone), 'Mark milestone done'), undefined);
    const onChild = fixture(STAMPED.replace('$0', '').replace('Nested note', 'Nested$0 note'));
    const text = apply(onChild, find(actionsAt(onChild), 'Mark milestone done'));
    assert.equal(text, onChild.text.replace('    - Nested note that stays as it is.', '    - ~~Nested note that stays as it is.~~ Done: 3.20'));
  });

  it('marks every open item of a selection with one action, skipping done ones', () => {
    const raw = `
      ## Goal

      - **Milestones**:
        - ~~Done already.~~ Done: 3.19
        - $0First.
        - ~~Also done.~~ Done: 3.20
        - Second **In progress**
          - Third, nested.
      $1- Not selected.
    `;
    const f = fixture(raw);
    const actions = actionsAt(f);
    assert.ok(titles(actions).includes('Mark 3 milestones done'), titles(actions).join(' | '));
    assert.equal(
      apply(f, find(actions, 'Mark 3 milestones done')),
      f.text
        .replace('  - First.', '  - ~~First.~~ Done: 3.20')
        .replace('  - Second **In progress**', '  - ~~Second.~~ Done: 3.20')
        .replace('    - Third, nested.', '    - ~~Third, nested.~~ Done: 3.20'),
    );
  });

  it('offers "with version…" through the client command, with the inferred version', () => {
    const f = fixture(STAMPED);
    const action = find(actionsAt(f), 'Mark milestone done with version…');
    assert.deepEqual(action?.command, {
      title: 'Mark milestone done with version…',
      command: 'goalDocs.markMilestoneDone',
      arguments: [{ uri: f.doc.uri, version: 1, lines: [12], stampVersion: '3.20' }],
    });
  });

  it('sets the Status cell of a goal table row, keeping the padding', () => {
    const raw = `
      # Projects

      | Project                 | DRI   | Status |
      | :---------------------- | :---: | :----: |
      | [Ship it](https://x.io) | Ann   |   ✅   |
      | Build$0 the thing         | Bo    |   🟢   |
      | Plan the next           | Cy    |        |
    `;
    const f = fixture(raw);
    assert.equal(apply(f, find(actionsAt(f), 'Mark milestone done')), f.text.replace('| Bo    |   🟢   |', '| Bo    |   ✅   |'));
    const empty = fixture(raw.replace('$0', '').replace('Plan the', 'Plan$0 the'));
    assert.equal(apply(empty, find(actionsAt(empty), 'Mark milestone done')), empty.text.replace('| Cy    |        |', '| Cy    |   ✅   |'));
    const done = fixture(raw.replace('$0', '').replace('Ship it](', 'Ship$0 it]('));
    assert.deepEqual(titles(actionsAt(done)), ['Reopen milestone']);
  });
});

describe('Mark milestone done, edge cases', () => {
  it('offers nothing on an empty item, and ignores diagnostics of other sources', () => {
    const f = fixture('## G\n\n- ~~A.~~ Done: 3.1\n- $0\n');
    assert.equal(find(actionsAt(f), /^Mark/), undefined);
    const foreign = { range: f.range, message: 'x', code: 'anchor.missing', source: 'markdownlint', data: { candidates: ['g'] } };
    assert.deepEqual(actionsAt(f, undefined, [foreign]).filter((a) => a.diagnostics), []);
  });

  it('strikes a paragraph that runs over two lines, leaving its nested items alone', () => {
    const raw = '## G\n\n- ~~A.~~ Done: 3.1\n- Write$0 the long\n  milestone text\n  - child\n';
    assert.equal(applyAt(raw, 'Mark milestone done'), '## G\n\n- ~~A.~~ Done: 3.1\n- ~~Write the long\n  milestone text.~~ Done: 3.1\n  - child\n');
  });
});
