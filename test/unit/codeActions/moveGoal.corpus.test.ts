// Replaying the real moves of the distribution team: its goals.md as it was just before a person
// moved finished goals out of it (done_edits/), and its goals_completed.md as it was before that
// (the latest version of SOURCES.tsv older than the move). The person's edit of the same goals'
// milestones in that commit (done_edits.jsonl) is replayed first, then Move goal, on the day of
// the commit; what the person's page looked like after (SOURCES.tsv, same commit) is compared
// with what the move gives. The corpus is read, never copied: the page that links to the goal
// is made here from the goal's own heading.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { planGoalMove } from '../../../server/src/codeActions/moveGoal';
import { computeDiagnostics } from '../../../server/src/diagnostics/index';
import { slugOf } from '../../../server/src/model/headings';
import { periodFitsYear } from '../../../server/src/model/periods';
import type { GoalDoc } from '../../../server/src/model/types';
import { defaultSettings, type GoalDocsSettings } from '../../../server/src/settings/schema';
import { CORPUS_DIR, CORPUS_SKIP } from '../../support/corpus';
import { model } from '../../support/fixture';
import { applyWorkspaceEdit, contextOf, pages, type Pages, uri } from './lifecycle';

const DIR = 'content/engineering/distribution';
const GOALS = `${DIR}/goals.md`;
const COMPLETED = `${DIR}/goals_completed.md`;
const INDEX = 'content/engineering/index.md';

interface Edit {
  doc: string;
  commit: string;
  path: string;
  date: string;
  kind: string;
  before_line: string;
  after_line: string;
}

function corpus(file: string): string {
  return readFileSync(path.join(CORPUS_DIR, file), 'utf8');
}

function sources(): Array<{ commit: string; path: string; date: string; file: string }> {
  return corpus('SOURCES.tsv').trim().split('\n').slice(1).map((l) => {
    const [, commit, p, date, file] = l.split('\t');
    return { commit: commit!, path: p!, date: date!, file: file! };
  });
}

/** A real move: the pages before and after it, the goals it moved and the person's other edits of that commit. */
function replayOf(commit: string) {
  const edits = corpus('done_edits.jsonl').trim().split('\n').map((l) => JSON.parse(l) as Edit).filter((e) => e.commit.startsWith(commit) && e.path.endsWith('distribution/goals.md'));
  const moved = edits.filter((e) => e.kind === 'moved-to-completed').map((e) => e.before_line.replace(/^#+\s*/, ''));
  const completed = sources().filter((s) => s.path.endsWith('distribution/goals_completed.md'));
  const after = completed.find((s) => s.commit.startsWith(commit))!;
  const before = completed.filter((s) => Date.parse(s.date) < Date.parse(after.date)).sort((a, b) => Date.parse(b.date) - Date.parse(a.date))[0]!;
  // The milestones the person marked done or descoped in the same commit, marked first.
  let goals = corpus(edits[0]!.doc);
  for (const e of edits) if (e.kind === 'done' || e.kind === 'descoped') goals = goals.replace(e.before_line, e.after_line);
  const date = edits[0]!.date.slice(0, 10).split('-').map(Number);
  return { goals, completed: corpus(before.file), after: corpus(after.file), moved, today: new Date(date[0]!, date[1]! - 1, date[2]!), beforeName: path.basename(before.file), afterName: path.basename(after.file), goalsName: edits[0]!.doc };
}

/** The quarter and year headings above a goal, and the goal's level: where a page files it. */
function filing(doc: GoalDoc, title: string) {
  const goal = doc.goals.find((g) => g.heading.text === title || title.includes(g.heading.text));
  assert.ok(goal, `no goal ${title}`);
  const quarter = goal.quarter;
  const year = [...doc.years].reverse().find((y) => y.heading.span.start < (quarter?.heading.span.start ?? goal.heading.span.start));
  return { goal, quarter: quarter?.heading.text, quarterLevel: quarter?.heading.level, year: year?.heading.text, level: goal.heading.level, misplaced: !!goal.misplacedLevel };
}

function tocLines(doc: GoalDoc): string[] {
  return doc.toc ? doc.text.slice(doc.toc.span.start, doc.toc.span.end).split('\n') : [];
}

/** Each problem as code and the text it is on: the same problem wherever its line went. */
function problemsOf(p: Pages, name: string, settings: GoalDocsSettings, today: Date): string[] {
  const doc = p.workspace.model(uri(name))!;
  return computeDiagnostics(doc, settings, p.workspace, undefined, today).map((d) => {
    const start = doc.lineStarts[d.range.start.line]! + d.range.start.character;
    const end = doc.lineStarts[d.range.end.line]! + d.range.end.character;
    return `${d.code}: ${doc.text.slice(start, end)}`;
  });
}

function without(after: string[], before: string[]): string[] {
  const left = [...before];
  return after.filter((k) => {
    const i = left.indexOf(k);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

const REPLAYS = [
  // January 2021: the seed page's move. The page names quarters by calendar quarters (FY-20-Q4 is
  // October to December 2020), so the defaults read it: January 2021 is FY-21-Q1, in 2021.
  { commit: '71458dfb8', settings: defaultSettings(), quarter: 'FY-21-Q1', year: '2021' },
  // February 2021: two goals, after the handbook renamed its fiscal years (FY22 starts in
  // February 2021) and the page's years became calendar years holding fiscal quarters.
  { commit: 'e8c9616f9', settings: { ...defaultSettings(), fiscalYearStartMonth: 2, yearHeadings: 'calendar' as const }, quarter: 'FY-22-Q1', year: '2021' },
];

describe('replaying the real moves of the distribution team', { skip: CORPUS_SKIP }, () => {
  for (const { commit, settings, quarter, year } of REPLAYS) {
    it(`moves what the person moved in ${commit} under the right year and quarter, at the goal level, with both TOCs right, links retargeted and no new diagnostic`, async () => {
      const r = replayOf(commit);
      assert.ok(r.moved.length > 0, `done_edits.jsonl names no goal moved in ${commit}`);
      let texts: Record<string, string> = { [GOALS]: r.goals, [COMPLETED]: r.completed };
      // A page elsewhere in the handbook that links to each moved goal by its anchor.
      const slugs = r.moved.map((t) => model(r.goals).goals.find((g) => t.includes(g.heading.text))!.heading.slug);
      texts[INDEX] = `# Engineering\n\n${slugs.map((s, i) => `- [Goal ${i + 1}](distribution/goals.md#${s})`).join('\n')}\n`;
      const start = pages(texts, [GOALS]);
      const before = [...problemsOf(start, GOALS, settings, r.today), ...problemsOf(start, COMPLETED, settings, r.today)];

      for (const title of r.moved) {
        const p = pages(texts, [GOALS]);
        const doc = p.workspace.model(uri(GOALS))!;
        const goal = doc.goals.find((g) => title.includes(g.heading.text))!;
        const move = await planGoalMove(doc, goal, contextOf(p, { settings, today: r.today }));
        assert.ok(!('refused' in move), 'refused' in move ? move.refused : '');
        texts = { ...texts, ...applyWorkspaceEdit(p, move.result.edit) };
      }
      const end = pages(texts, [GOALS]);
      const ours = end.workspace.model(uri(COMPLETED))!;
      const theirs = model(r.after, uri(COMPLETED));
      const goalsAfter = end.workspace.model(uri(GOALS))!;
      const lines: string[] = [`${commit} (${r.today.toDateString()}): ${r.goalsName} + ${r.beforeName} → compared with ${r.afterName}`];

      for (const title of r.moved) {
        const mine = filing(ours, title);
        const person = filing(theirs, title);
        lines.push(`  "${mine.goal.heading.text.slice(0, 48)}…"`);
        lines.push(`    person: under '${person.year}' › '${person.quarter}', goal level ${person.level}${person.misplaced ? ' (at the quarter\'s level: goal.heading-level)' : ''}`);
        lines.push(`    move:   under '${mine.year}' › '${mine.quarter}', goal level ${mine.level}${mine.misplaced ? ' (misplaced)' : ''}`);
        assert.equal(mine.quarter, quarter);
        assert.equal(mine.year, year);
        assert.equal(mine.quarter, person.quarter, 'the quarter the person chose');
        assert.equal(mine.level, mine.quarterLevel! + 1, 'one level below its quarter');
        assert.equal(mine.misplaced, false);
        const q = mine.goal.quarter!;
        assert.ok(periodFitsYear(q.label, { year: q.year!.year, scheme: q.year!.scheme }, settings), 'the quarter belongs in its year');
        assert.ok(!goalsAfter.goals.some((g) => g.heading.text === mine.goal.heading.text), 'the goal left goals.md');
        // Every link to it follows it.
        assert.ok(texts[INDEX]!.includes(`(distribution/goals_completed.md#${mine.goal.heading.slug})`), texts[INDEX]);
      }
      assert.doesNotMatch(texts[INDEX]!, /distribution\/goals\.md#/);

      // The completed page's TOC lists the new quarter (and year) with GitHub's exact anchors.
      const toc = tocLines(ours);
      lines.push(`    person's TOC: ${tocLines(theirs).map((l) => l.trim()).join(' ')}`);
      lines.push(`    move's TOC:   ${toc.map((l) => l.trim()).join(' ')}`);
      assert.ok(toc.includes(`  - [${quarter}](#${slugOf(quarter)})`), toc.join('\n'));
      assert.ok(toc.some((l) => l.startsWith(`- [**${year}**](#${year})`)), toc.join('\n'));
      assert.equal(goalsAfter.toc, undefined, 'goals.md has no TOC to update');
      const tocProblems = computeDiagnostics(ours, settings, end.workspace, undefined, r.today).filter((d) => /^toc\./.test(String(d.code)) || (ours.toc && d.range.start.line <= ours.toc.range.end.line && /^anchor\./.test(String(d.code))));
      assert.deepEqual(tocProblems.map((d) => d.message), []);

      // Nothing reported after that was not reported before (the moved goals' own problems travel with them).
      const after = [...problemsOf(end, GOALS, settings, r.today), ...problemsOf(end, COMPLETED, settings, r.today)];
      const fresh = without(after, before);
      lines.push(`    problems of both pages: ${before.length} before, ${after.length} after, new: ${fresh.length ? fresh.join('; ') : 'none'}`);
      lines.push(`    person's page: ${computeDiagnostics(theirs, settings, end.workspace, undefined, r.today).filter((d) => ['goal.heading-level', 'period.year', 'toc.missing-entry'].includes(String(d.code))).map((d) => `${d.range.start.line + 1}:${d.code}`).join(', ') || 'none of goal.heading-level, period.year, toc.missing-entry'}`);
      console.log(lines.join('\n'));
      assert.deepEqual(fresh, []);
    });
  }
});
