// Which pages are goal docs: the one rule of server/src/model/goalDocRule.ts on pages shaped like the
// real ones of a handbook, both ways (fixtures written for this test, not copied from anywhere).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { explainVerdict, goalDocVerdict, mightBeGoalDoc, verdictOfText } from '../../server/src/model/goalDocRule';
import { evidenceOfText } from '../../server/src/model/evidence';
import { CORPUS_DIR, CORPUS_SKIP, corpusDocs, doneEditDocs } from '../support/corpus';
import { defaultSettings } from '../../server/src/settings/schema';
import { dedent, model } from '../support/fixture';

const settings = defaultSettings();

function verdict(path: string, text: string, selection = settings) {
  const v = goalDocVerdict(path, model(dedent(text), `file:///ws/${path}`), selection);
  return { goalDoc: v.goalDoc, reason: v.reason };
}

const why = (path: string, text: string) => explainVerdict(goalDocVerdict(path, model(dedent(text), `file:///ws/${path}`), settings));

const isGoalDoc = (path: string, text: string) => verdict(path, text).goalDoc;

describe('which pages are goal docs', () => {
  it('reads a name as a sign, not a verdict: a goals.md with nothing in it, or a design doc named so, is no goal doc', () => {
    assert.deepEqual(verdict('team/goals.md', '# Goals\n\nNothing yet.\n'), { goalDoc: false, reason: 'not-enough-content' });
    assert.match(why('team/goals.md', '# Goals\n\nNothing yet.\n'), /its name \(goals\.md\)/);
    assert.equal(isGoalDoc('team/goals.md', '# Goals\n\n## FY27-Q1\n\n- Faster builds\n'), true);
    // A file named for its quarter and for OKRs is one, even before anything is written in it.
    assert.equal(isGoalDoc('support/FY27Q2-OKR-Plan.md', '# Plan\n'), true);
    const design = `
      # Faster indexing

      ## Background

      Indexing takes a day.

      ## Goals

      - Index in an hour
      - Keep memory flat

      ## Non-goals

      - Rewrite the parser

      ## Proposal

      Shard the work.

      ## Alternatives considered

      A bigger machine.
    `;
    assert.deepEqual(verdict('search/goals.md', design), { goalDoc: false, reason: 'not-enough-content' });
    assert.match(why('search/goals.md', design), /a design document/);
  });

  it('takes what goalDocs.files declares, whatever it holds', () => {
    assert.deepEqual(verdict('plans/notes.md', '# Notes\n', { ...settings, files: ['plans/**'] }), { goalDoc: true, reason: 'declared' });
  });

  it('takes an annual OKR page built like its quarterly siblings', () => {
    const page = `
      # FY2027 Annual OKRs

      > These OKRs are for [fiscal year 2027](../about.md#fiscal-year).

      ## Company

      1. Grow the number of teams that plan in the open
         - Reach 40 teams
      1. Keep the handbook current
         - No page older than a year
    `;
    assert.deepEqual(verdict('company/okrs/2027_annual.md', page), { goalDoc: true, reason: 'content' });
  });

  it('takes a strategy page with a goals section for a year and goals under it', () => {
    const page = `
      # Integrations team goals and roadmap

      ## Goals for FY27

      ### 1. Make the plugin ecosystem active

      **Problem:** Few people write plugins.

      ### 2. Keep the browser add-ons healthy

      **Problem:** Releases are slow.
    `;
    assert.equal(isGoalDoc('teams/integrations/index.md', page), true);
  });

  it('takes quarter headings with a theme or a suffix, and half-years', () => {
    assert.equal(isGoalDoc('teams/search/plan.md', '# Search\n\n## FY27 Q2: Foundations\n\n- Ranking v2\n'), true);
    assert.equal(isGoalDoc('teams/search/plan.md', '# Search\n\n## FY27 Q3 focus\n\n- Faster indexing\n'), true);
    assert.equal(isGoalDoc('teams/search/plan.md', '# Search\n\n## FY26H2\n\n- Faster indexing\n'), true);
    assert.equal(isGoalDoc('teams/design/index.md', '# Design\n\n## Design team goals for Q4, FY27\n\n- Tokens\n'), true);
  });

  it('takes an iteration log whose entries are goals with an owner and outcomes', () => {
    const entry = (title: string) => `### ${title}\n\n- **Owner(s):** Ana\n- **Outcomes:**\n    - It ships\n`;
    const log = `# Iteration log\n\n## 2027-03-01 to 2027-03-12\n\n${entry('Ranking')}\n## 2027-03-15 to 2027-03-26\n\n${entry('Ranking')}`;
    assert.equal(isGoalDoc('teams/search/iteration_log.md', log), true);
  });

  it('takes a goals page whose goals list milestones', () => {
    const page = `
      # Code navigation goals and roadmap

      ## Goals

      ### Cross-repository navigation

      **Milestones:**

      1. Index dependencies
      2. Link them
    `;
    assert.equal(isGoalDoc('direction/navigation/index.md', page), true);
  });

  it('does not take a process page with one Owner bullet', () => {
    const page = `
      # Handling feedback emails

      ## feedback@example.com

      - **Owner:** The product team answers every email.

      ## Escalation

      Ask in the support channel.
    `;
    assert.deepEqual(verdict('product/feedback.md', page), { goalDoc: false, reason: 'not-enough-content' });
    assert.match(why('product/feedback.md', page), /^not a goal doc: /);
  });

  it('does not take a process page with an Outcomes heading, or a team page with a Goals section', () => {
    assert.equal(isGoalDoc('process/retros.md', '# Retros\n\n## Outcomes\n\n- A list of actions\n- An owner per action\n'), false);
    assert.equal(isGoalDoc('teams/legal/index.md', '# Legal\n\n## Members\n\n- Kim\n\n## Goals\n\n- Simpler contracts\n'), false);
  });

  it('does not take a FAQ whose questions are numbered Q1, Q2, or a roadmap table with quarters', () => {
    assert.equal(isGoalDoc('help/faq.md', '# FAQ\n\n### Q1: How do I reset my password?\n\nAsk IT.\n\n### Q2: Where are the docs?\n\nHere.\n'), false);
    const roadmap = '# Roadmap\n\n| Feature | Quarter |\n| --- | --- |\n| Dark mode | FY27-Q2 |\n| Search | FY27-Q3 |\n';
    assert.equal(isGoalDoc('product/roadmap.md', roadmap), false);
  });

  it('does not take a page that describes the fields of a document once', () => {
    const page = `
      # Product documents

      ## What a product document has

      - **Owners:** one person from product, engineering and design.
      - **Status:** where the document stands.
    `;
    assert.equal(isGoalDoc('product/documents.md', page), false);
  });

  it('lets a comment in the file decide, outside code only', () => {
    assert.deepEqual(verdict('team/goals.md', '<!-- goal-docs: off -->\n# Goals\n\n## FY27-Q1\n'), { goalDoc: false, reason: 'marker' });
    assert.deepEqual(verdict('README.md', '# Readme\n\n<!-- goal-docs: on -->\n\nText.\n'), { goalDoc: true, reason: 'marker' });
    assert.equal(isGoalDoc('README.md', '# Readme\n\n```md\n<!-- goal-docs: on -->\n```\n'), false);
  });

  it('reads an MDX page’s marker as MDX writes comments, {/* goal-docs: on */}, and only there', () => {
    const page = "import Chart from './chart'\n\n# Search\n\n{/* goal-docs: on */}\n\nText.\n";
    assert.deepEqual(verdict('search/index.mdx', page), { goalDoc: true, reason: 'marker' });
    // The text alone cannot say: the parse decides (the CLI and the index parse such a page).
    assert.equal(verdictOfText('search/index.mdx', page, settings), undefined);
    assert.equal(mightBeGoalDoc('search/index.mdx', page, settings), true);
    // In a Markdown page it is text; in a code block of an MDX page, code.
    assert.deepEqual(verdict('search/index.md', page), { goalDoc: false, reason: 'not-enough-content' });
    assert.equal(isGoalDoc('search/index.mdx', '# Search\n\n```mdx\n{/* goal-docs: on */}\n```\n'), false);
  });

  it('keeps where each marker comment that counts is, the first deciding', () => {
    const text = '# Readme\n\n> <!-- goal-docs: off -->\n\n`<!-- goal-docs: on -->`\n\n<!-- goal-docs: on -->\n';
    const doc = model(text, 'file:///ws/README.md');
    assert.equal(doc.markers[0]?.value, 'off');
    assert.deepEqual(doc.markers.map((m) => [m.value, text.slice(m.span.start, m.span.end)]), [['off', '<!-- goal-docs: off -->'], ['on', '<!-- goal-docs: on -->']]);
    const mdx = '<!-- goal-docs: off -->\n\n{/* goal-docs: on */}\n';
    assert.deepEqual(model(mdx, 'file:///ws/a.mdx').markers.map((m) => [m.value, mdx.slice(m.span.start, m.span.end)]), [['off', '<!-- goal-docs: off -->'], ['on', '{/* goal-docs: on */}']]);
  });

  it('leaves out what goalDocs.exclude names, unless the file says it is one', () => {
    const selection = { ...settings, exclude: ['teams/search/**'] };
    const page = '# Search\n\n## FY27-Q1\n\n### Ranking\n\n- **Owner**: Ana\n';
    assert.deepEqual(verdict('teams/search/goals.md', page, selection), { goalDoc: false, reason: 'excluded' });
    assert.equal(verdict('teams/other/goals.md', page, selection).goalDoc, true);
    assert.deepEqual(verdict('teams/search/goals.md', `<!-- goal-docs: on -->\n${page}`, selection), { goalDoc: true, reason: 'marker' });
  });
});

describe('goal docs of other dialects, and the pages that only look like them', () => {
  it('takes one goal per page in a folder named for its half, with a metadata table', () => {
    const page = `
      # Faster incremental builds

      | Metadata | |
      | --- | --- |
      | Point of contact | @ferris |
      | Status | Accepted |
      | Teams | compiler |

      ## Summary

      Cut rebuild times in half.
    `;
    assert.equal(isGoalDoc('goals/2031h1/incremental.md', page), true);
    assert.match(why('goals/2031h1/incremental.md', page), /its path names a half/);
    assert.match(why('goals/2031h1/incremental.md', page), /status and owner metadata/);
  });

  it('takes headings with a period among other words of a plan', () => {
    for (const heading of ['Docs team Q2 2031 Planning', 'Execution - Q1 2032', 'FY34 Q2 priorities (May - July)', 'Strategy for FY32H2:']) {
      assert.equal(isGoalDoc('team/notes.md', `# Team\n\n## ${heading}\n\n- Ship the thing\n- Measure it\n`), true, heading);
    }
  });

  it('takes an OKR page: objectives as headings, key results scored, initiatives with owners', () => {
    const page = `
      # Platform OKRs

      ## Objective 1: Deploys are boring

      - KR 1.1: Median deploy under ten minutes => 70%
      - KR 1.2: No rollback needs a human => 0.4
        - [Ana] Automate the rollback check

      ## Objective 2: Costs are known

      - KR 2.1: Every service has a cost owner => 100%
    `;
    assert.equal(isGoalDoc('platform/okrs-2031.md', page), true);
    assert.match(why('platform/okrs-2031.md', page), /key result lines/);
  });

  it('takes goals kept as table rows with owner and status columns', () => {
    const page = '# Data team\n\n## This half\n\n| Goal | Owner | Status |\n| --- | --- | --- |\n| Nightly loads in an hour | Kim | 🟡 |\n| One schema registry | Lee | ✅ |\n| Retire the old cluster | Kim | ❌ |\n';
    assert.equal(isGoalDoc('data/plan.md', page), true);
    assert.deepEqual(evidenceOfText(page, 'data/plan.md').positive.map((e) => e.kind).filter((k) => k === 'goalTable' || k === 'owners'), ['owners', 'goalTable']);
  });

  it('takes a V2MOM page', () => {
    const page = '# Support V2MOM\n\n## Vision\n\nHelp fast.\n\n## Values\n\n- Care\n\n## Methods\n\n1. Triage in an hour\n\n## Obstacles\n\n- Staffing\n\n## Measures\n\n- CSAT 95%\n';
    assert.equal(isGoalDoc('support/v2mom.md', page), true);
  });

  it('takes a time-boxed working group: its dates table and deliverables with a DRI each', () => {
    const page = [
      '# Search speed working group', '', '## Attributes', '', '| Property | Value |', '| --- | --- |', '| Date Created | March 3, 2031 |', '| Target End Date | June 30, 2031 |', '| Slack | #wg-search |', '',
      '## Charter', '', 'We make search fast.', '', '### Order of deliverables', '',
      '1. Measure the slow queries. **DRI:** Ana Lima', '1. Cache the index. **DRI:** Bo Chen', '',
    ].join('\n');
    assert.equal(isGoalDoc('groups/search-speed/index.md', page), true);
    const kinds = evidenceOfText(page, 'groups/search-speed/index.md').positive.map((e) => e.kind);
    assert.ok(kinds.includes('statusMetadata') && kinds.includes('owners'), kinds.join());
    // A team's contact table with a creation date alone is no charter.
    const contact = '# Search team\n\n| Property | Value |\n| --- | --- |\n| Date Created | March 3, 2031 |\n| Slack | #search |\n\nWe own search.\n';
    assert.equal(isGoalDoc('teams/search.md', contact), false);
  });

  it('takes a project page with deliverables and its staffing as handles, and an initiative page with its description and exit criteria', () => {
    const project = '# Tracing project\n\n## Description\n\nBetter traces.\n\n## Deliverables\n\n- Spec change A\n- Spec change B\n\n## Required staffing\n\n- @ana\n- @bo (sponsor)\n- @cy\n';
    assert.equal(isGoalDoc('projects/tracing.md', project), true);
    const initiative = '# Faster local builds\n\n## Initiative description\n\n* A cache shared by laptops\n* One build command\n\n## Deliverable(s) or exit criteria\n\n* A demo under ten minutes\n* A written standard\n';
    assert.equal(isGoalDoc('groups/dx/initiatives/faster-builds/README.md', initiative), true);
  });

  it('takes a schedule of dated entries under a plan heading, and not a changelog', () => {
    const schedule = '# Working group schedule\n\n## Past\n\n* March 3, 2031 : First draft\n* 4 May 2031 : Review\n\n## Current\n\n* June 1, 2031 : Candidate\n* July 9, 2031 : Final\n';
    assert.equal(isGoalDoc('planning/schedule.md', schedule), true);
    const changelog = '# Changelog\n\n* 2031-03-03: Fixed the search box\n* 2031-04-01: New logo\n* 2031-05-02: Faster pages\n';
    assert.equal(isGoalDoc('CHANGELOG.md', changelog), false);
  });

  it("does not read a registry's Status column of stages as progress", () => {
    const rows = ['Parser', 'Indexer', 'Ranker', 'Crawler'].map((n, i) => `| ${n} | [repo](https://example.org/${n}) | ${['Sandbox', 'Incubating', 'TBD', 'Graduated'][i]} |`).join('\n');
    const registry = `# Council\n\n## Technical Initiatives\n\nThe projects we oversee.\n\n| Name | Repository | Status |\n| --- | --- | --- |\n${rows}\n`;
    assert.equal(isGoalDoc('README.md', registry), false);
    // The same table whose Status says how the work goes is progress.
    assert.equal(isGoalDoc('README.md', registry.replace(/Sandbox|Incubating|TBD|Graduated/g, (w) => ({ Sandbox: 'Done', Incubating: 'In progress', TBD: 'Not started', Graduated: '✅' })[w]!)), true);
  });

  it('does not take meeting notes under a quarter heading', () => {
    const notes = '# 2031 Q4\n\n## 2031-10-02\n\n### Attendees\n\n- Ana\n\n### Agenda\n\n- Budget\n\n## 2031-10-09\n\n### Attendees\n\n- Bo\n\n## 2031-10-16\n\n- Hiring\n';
    assert.equal(isGoalDoc('team/2031-q4.md', notes), false);
    assert.match(why('team/2031-q4.md', notes), /^not a goal doc: meeting notes/);
  });

  it('does not take a report for a half-year, a template, or a page about the OKR method', () => {
    assert.equal(isGoalDoc('conduct/report.md', '# Conduct committee report H1 2031\n\nWe received four reports.\n\n## Reports received\n\nFour, all resolved.\n'), false);
    assert.equal(isGoalDoc('reports/template.md', '# YYYY Qn Group Name\n\n## Goals\n\n- Goal one\n- Goal two\n'), false);
    const method = '# OKRs\n\n## What are OKRs?\n\nObjectives and key results.\n\n## How to write OKRs\n\n- Few objectives\n- Measurable key results\n\n## Scoring OKRs\n\nFrom 0 to 1.\n';
    assert.equal(isGoalDoc('handbook/okrs.md', method), false);
    assert.match(why('handbook/okrs.md', method), /a page about the method/);
  });
});

describe('deciding without a parse', () => {
  const pages = (): Array<[string, string]> => {
    const out: Array<[string, string]> = [];
    for (const file of [...corpusDocs(), ...doneEditDocs()]) out.push([file, readFileSync(file, 'utf8')]);
    const handbook = path.join(CORPUS_DIR, '..', 'handbook-2021-06');
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        const s = lstatSync(p);
        if (s.isDirectory()) walk(p);
        else if (s.isFile() && name.endsWith('.md')) out.push([p, readFileSync(p, 'utf8')]);
      }
    };
    if (existsSync(handbook)) walk(handbook);
    return out;
  };

  it('rules most real pages out unparsed, and parses only where a marker comment may decide', { skip: CORPUS_SKIP }, () => {
    let ruledOut = 0;
    const all = pages();
    for (const [file, text] of all) {
      const rel = path.relative(path.join(CORPUS_DIR, '..'), file);
      if (!mightBeGoalDoc(rel, text, settings)) ruledOut++;
      // Without a marker comment the text decides alone; with one, only the parse can.
      assert.equal(verdictOfText(rel, text, settings) === undefined, /<!--\s*goal-docs\s*:/i.test(text), file);
    }
    assert.ok(ruledOut > all.length / 2, `only ${ruledOut} of ${all.length} pages ruled out unparsed`);
  });

  it('counts a process page whose steps each name one owner as no goals written with fields, and two goals each with an owner and a status as two', () => {
    const steps = ['## Goals of the rotation', '', 'Why we rotate.', '', ...[1, 2, 3, 4].flatMap((n) => [`## Step ${n}`, '', `- **Owner:** Person ${n}`, '- Do the thing.', ''])].join('\n');
    assert.equal(goalDocVerdict('rotation.md', model(steps), defaultSettings()).goalDoc, false);
    assert.equal(evidenceOfText(steps, 'rotation.md').positive.find((s) => s.kind === 'fieldedGoals'), undefined);
    assert.equal(mightBeGoalDoc('rotation.md', steps, defaultSettings()), false, 'ruled out without a parse');
    const goals = ['## Goals', '', '### Faster builds', '', '- **Owner**: Ann', '- **Status**: on track', '', '### Fewer pages', '', '- **Owner**: Bo', '- **Status**: late', ''].join('\n');
    assert.equal(goalDocVerdict('plans.md', model(goals), defaultSettings()).goalDoc, true);
    assert.match(evidenceOfText(goals, 'plans.md').positive.find((s) => s.kind === 'fieldedGoals')?.says ?? '', /^2 goals written with fields/);
  });

});
