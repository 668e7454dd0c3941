// Every rule over every real goal doc of ../shared/corpus: no crash, ranges inside the document,
// and for a handful of docs the exact list of diagnostics, so that a false alarm fails the test.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { computeDiagnostics } from '../../server/src/diagnostics/index';
import { createGoalDocsService } from '../../server/src/service/service';
import { NodeFileSystem } from '../../server/src/node/fileSystem';
import { buildGoalDoc } from '../../server/src/model/build';
import { defaultSettings } from '../../server/src/settings/schema';
import { CORPUS_DIR, CORPUS_SKIP, corpusDocs } from '../support/corpus';

// File links are resolved on disk, as the CLI resolves them.
const disk = createGoalDocsService({ readable: 'any', fileSystem: new NodeFileSystem(false) });

async function check(file: string) {
  const text = readFileSync(file, 'utf8');
  const doc = buildGoalDoc(text, { uri: pathToFileURL(file).href, version: 1 });
  const diagnostics = await disk.withWorkspace((files) => computeDiagnostics(doc, defaultSettings(), files), undefined, [doc]);
  return { text, doc, diagnostics };
}

const docsDir = (name: string) => path.join(CORPUS_DIR, 'docs', `sourcegraph-handbook__content__${name}.md`);

// Reviewed by reading each document: every entry is a real defect (DOMAIN.md's list).
const EXPECTED: Record<string, string[]> = {
  [path.join(CORPUS_DIR, 'goals_completed.md')]: [
    '3:103 link.file-missing', // goals.md is not beside it
    '6:17 toc.entry-mismatch', // FY-20-Q4 → #FY-20-Q1
    '7:17 toc.entry-mismatch',
    '8:17 toc.entry-mismatch',
    '9:17 anchor.case', // #FY-20-Q1 vs fy-20-q1
    '11:17 anchor.case',
    '15:5 toc.missing-entry', // FY-21-Q1 is not in the TOC
    '15:5 period.year', // FY-21-Q1 under 2020
    '17:5 goal.heading-level', // ### goal directly under ### FY-21-Q1
    '103:5 toc.missing-entry', // FY-19-Q1
    '107:5 period.order', // FY-19-Q4 after FY-19-Q1 in a newest-first page
    '134:50 text.mojibake',
    '134:67 text.mojibake',
    '137:61 text.mojibake',
    '137:78 text.mojibake',
  ],
  [docsDir('engineering__distribution__goals_completed__460a43b68')]: [
    '3:103 link.file-missing',
    '6:17 anchor.case',
    '8:17 anchor.case',
    '9:17 anchor.case',
    '10:17 anchor.case',
    '11:17 anchor.case',
    '13:17 anchor.missing', // the TOC's FY-20-Q4: that heading is gone, so the link is dead
    '19:5 goal.heading-level',
    '38:5 milestone.struck-without-marker',
    '39:5 milestone.struck-without-marker',
    '40:5 milestone.struck-without-marker',
    '41:5 milestone.struck-without-marker',
    '42:5 milestone.struck-without-marker', // its struck sub-item (line 43) is part of this finding
    '45:5 goal.heading-level',
    '53:39 milestone.done-style', // plain stamps where the page uses backticks
    '54:50 milestone.done-style',
    '55:39 milestone.done-style',
    '56:63 milestone.done-style',
    '57:48 milestone.done-style',
    '58:5 milestone.struck-without-marker',
    '65:5 goal.heading-level',
  ],
  [docsDir('company__goals__2021_q1__93ddb2499')]: ['3:42 link.file-missing', '5:47 link.file-missing', '121:70 anchor.missing'],
  // Its only done mark is a bare strike: the struck items are done by the page's own convention.
  [docsDir('engineering__security__goals__f528ecf88')]: ['9:83 link.file-missing', '31:93 link.file-missing'],
  [docsDir('departments__product-engineering__engineering__cloud__growth-and-integrations__goals_completed__1ba7c20aa')]: [
    '3:146 link.file-missing',
    '5:15 anchor.missing', // TOC '2021' → #2021, a dead link; the heading it names is FY2021
    '6:17 anchor.case',
  ],
  // Numbered milestones with status emoji and no owners: a consistent convention, no noise.
  [docsDir('engineering__code-intelligence__goals__657e025e1')]: [],
  // An OKR page of ✅ / 🚫 items.
  [docsDir('departments__support__strategy-goals__FY22Q2-OKR-Plan__8351daa6e')]: ['5:176 link.file-missing', '7:185 link.file-missing', '11:93 link.file-missing'],
  [docsDir('engineering__distribution__goals__5181fbaff')]: ['3:209 link.file-missing', '114:5 milestone.struck-without-marker', '130:52 link.file-missing'],
};

describe('corpus', { skip: CORPUS_SKIP }, () => {
  it('checks every corpus doc without a crash, with every range inside the document', async () => {
    const files = corpusDocs();
    assert.ok(files.length >= 80, `expected the corpus docs, found ${files.length}`);
    for (const file of files) {
      const { doc, diagnostics } = await check(file);
      const lastLine = doc.lineStarts.length - 1;
      for (const d of diagnostics) {
        assert.ok(d.range.start.line >= 0 && d.range.end.line <= lastLine, `${file}: ${d.code} out of range`);
        assert.ok(typeof d.message === 'string' && d.message.length > 10, `${file}: ${d.code} has no real message`);
      }
    }
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`reports exactly the known defects of ${path.basename(file)}`, async () => {
      const got = (await check(file)).diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
      assert.deepEqual(got, expected);
    });
  }
});
