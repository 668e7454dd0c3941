// The page scan (server/src/model/pageScan.ts) and the heading readings evidence.ts makes of its
// summary were made faster for the workspace index (issue 20): each pattern runs only where the
// characters or words it needs are. Faster must not mean different: today's code is held to the
// code as it was (test/support/pageScanReference.ts) on every real page and on fuzzed pages made
// of goal-doc lines and of the lines each shortcut is about.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { plainInline, summarize } from '../../server/src/model/pageScan';
import { maskForParse } from '../../server/src/model/mask';
import { goalSectionKind } from '../../server/src/model/evidence';
import { parsePeriod, periodsInPath, readPeriodHeading } from '../../server/src/model/periods';
import { referenceGoalSectionKind, referencePlainInline, referenceSummarize } from '../support/pageScanReference';
import { CORPUS_DIR, CORPUS_SKIP, corpusDocs } from '../support/corpus';
import { goalDocText, line, params } from './robustness/arbitraries';

const SHARED = path.join(CORPUS_DIR, '..');

function markdownUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...markdownUnder(p));
    else if (/\.(?:md|mdx|markdown)$/i.test(name)) out.push(p);
  }
  return out;
}

/** Every real page: the corpus, the 2021 handbook, the dialects' pages and trees. */
function realPages(): string[] {
  return [...corpusDocs(), ...markdownUnder(path.join(SHARED, 'handbook-2021-06')), ...markdownUnder(path.join(SHARED, 'dialects'))];
}

/** Lines about what the shortcuts look at: the first character, white space other than spaces, words in any case, endings. */
const tricky = fc.constantFrom(
  '  ```', '   ~~~~', '    ```', '\t```', ' ``` x', '```', '~~~', '\u00a0', '\u000b', '\u000c', '\u2028', ' \u00a0 ', '\u3000x', '\t# not at the start', '   # Heading', '    # code', '#NoSpace', '##',
  '  <!-- open', '<!-- closed -->', ' <!--', 'text <!-- not a block', '- item ✅', '- item ✅ .', '- item ✅..  ', '- done ✔️', '- ✔ done', '- x ☑️ . .', '- x 🔜\u00a0', '- x ✅\u2028', '- trailing . ✅ x',
  '- Done: 3.19', '- done: 3.19', '- DONE!', '- **Done!**', '- => Done', '- DESCOPED', '- De-scoped', '- deprioritised', '- Won’t do', "- WON'T DO", '- wont do', '- not  doing', '- NOT DOING',
  '- 50%', '- => 78 %', '- (99% completed)', '- Grade: .7', '- SCORE: 0.8', '- scored 1', '- gradé: 1', '- ſcore: 1', '* KR 1: x', '- key result: x', '- Key Result: x', 'Key results: x', 'KEY RESULTS: x',
  '| A | B |', '|---|---|', '| [x](y) | **b** |', '| plain | cells |', 'x | y', '---', '***', '- - -', '1) one', '2. two', '+ plus', '*emph*', '&amp; &nbsp;', '{#id}', '## Title {#custom}',
);
const page = fc.array(fc.oneof({ weight: 3, arbitrary: line }, { weight: 2, arbitrary: tricky }), { maxLength: 30 }).map((l) => l.join('\n'));
const headingTexts = fc.oneof(
  line,
  tricky,
  fc.constantFrom('Goals', 'Objective(s)', 'Key Result(s)', 'Deliverable(s) or exit criteria', 'Exit Criteria (99% completed)', 'Current quarter objectives', 'GOALſ', 'Roadmap', 'Non-goals', 'What are the current goals of the project?', 'Succes(s) criteria', 'Résultat(s) clés'),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

describe('page scan', () => {
  it('summarises every real page as before', { skip: CORPUS_SKIP }, () => {
    const pages = realPages();
    assert.ok(pages.length > 1000, `${pages.length} real pages`);
    for (const file of pages) {
      const text = maskForParse(readFileSync(file, 'utf8'), file).text;
      assert.deepEqual(summarize(text), referenceSummarize(text), file);
    }
  });

  it('summarises fuzzed pages as before', () => {
    fc.assert(
      fc.property(fc.oneof(goalDocText, page), (text) => {
        assert.deepEqual(summarize(text), referenceSummarize(text));
      }),
      params(300),
    );
  });

  it('reads inline Markdown as before, with or without markup', () => {
    fc.assert(
      fc.property(headingTexts, (text) => {
        assert.equal(plainInline(text), referencePlainInline(text));
      }),
      params(500),
    );
  });
});

describe('heading readings', () => {
  it('names the same goal sections as before, on every real heading and on fuzzed ones', { skip: CORPUS_SKIP }, () => {
    let headings = 0;
    for (const file of realPages()) {
      for (const h of summarize(maskForParse(readFileSync(file, 'utf8'), file).text).headings) {
        headings++;
        assert.equal(goalSectionKind(h.text), referenceGoalSectionKind(h.text), h.text);
      }
    }
    assert.ok(headings > 5000, `${headings} headings`);
  });

  it('names the same goal sections as before on fuzzed headings', () => {
    fc.assert(
      fc.property(headingTexts, (text) => {
        assert.equal(goalSectionKind(text), referenceGoalSectionKind(text));
      }),
      params(500),
    );
  });

  it('reads no period where there is no digit, as every period pattern needs one', () => {
    fc.assert(
      fc.property(headingTexts.map((t) => t.replace(/[0-9]/g, '')), (text) => {
        assert.equal(parsePeriod(text), undefined);
        assert.equal(readPeriodHeading(text), undefined);
        assert.deepEqual(periodsInPath(`${text}/${text}.md`), []);
      }),
      params(500),
    );
    // The shortcut leaves what has a digit to the patterns.
    assert.deepEqual(readPeriodHeading('FY21-Q1 OKRs'), { label: { kind: 'quarter', scheme: 'FY', year: 2021, number: 1, shape: 'FYYY-Qn' }, role: 'label' });
    assert.equal(periodsInPath('okrs/fy23-q3/index.md')[0]?.kind, 'quarter');
  });
});
