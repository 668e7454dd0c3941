// Which pages are goal docs: the one rule of server/src/model/goalDocRule.ts on pages shaped like the
// real ones of a handbook, both ways (fixtures written for this test, not copied from anywhere).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { contentIsGoalDoc, goalDocVerdict } from '../../server/src/model/goalDocRule';
import { evidenceBound, evidenceOf } from '../../server/src/model/evidence';
import { CORPUS_DIR, CORPUS_SKIP, corpusDocs, doneEditDocs } from '../support/corpus';
import { goalDocText, params } from './robustness/arbitraries';
import { defaultSettings } from '../../server/src/settings/schema';
import { dedent, model } from '../support/fixture';

const settings = defaultSettings();

function verdict(path: string, text: string, selection = settings) {
  return goalDocVerdict(path, model(dedent(text), `file:///ws/${path}`), selection);
}

const isGoalDoc = (path: string, text: string) => verdict(path, text).goalDoc;

describe('which pages are goal docs', () => {
  it('takes pages named like goal docs, whatever they hold', () => {
    assert.deepEqual(verdict('team/goals.md', '# Goals\n\nNothing yet.\n'), { goalDoc: true, reason: 'name' });
    assert.equal(isGoalDoc('team/goals_completed.md', '# Done\n'), true);
    assert.equal(isGoalDoc('support/FY27Q2-OKR-Plan.md', '# Plan\n'), true);
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

  it('leaves out what goalDocs.exclude names, unless the file says it is one', () => {
    const selection = { ...settings, exclude: ['teams/search/**'] };
    const page = '# Search\n\n## FY27-Q1\n\n### Ranking\n\n- **Owner**: Ana\n';
    assert.deepEqual(verdict('teams/search/goals.md', page, selection), { goalDoc: false, reason: 'excluded' });
    assert.equal(verdict('teams/other/goals.md', page, selection).goalDoc, true);
    assert.deepEqual(verdict('teams/search/goals.md', `<!-- goal-docs: on -->\n${page}`, selection), { goalDoc: true, reason: 'marker' });
  });
});

describe('ruling pages out without parsing them', () => {
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

  it('bounds every count of the evidence from the text alone, on every real page', { skip: CORPUS_SKIP }, () => {
    let ruledOut = 0;
    const all = pages();
    for (const [file, text] of all) {
      const counted = evidenceOf(model(text, pathToFileURL(file).href));
      const bound = evidenceBound(text);
      for (const k of Object.keys(counted) as Array<keyof typeof counted>) assert.ok(bound[k] >= counted[k], `${file}: ${k} counted ${counted[k]}, bound ${bound[k]}`);
      if (!contentIsGoalDoc(bound)) ruledOut++;
    }
    // The bound is worth having only if it rules most ordinary pages out.
    assert.ok(ruledOut > all.length / 2, `only ${ruledOut} of ${all.length} pages ruled out unparsed`);
  });

  it('rules out unparsed a process page whose steps each name one owner, and not two goals written with fields', () => {
    // Four Owner bullets under four steps and a goals heading: one kind of goal-doc content each.
    const steps = ['## Goals of the rotation', '', 'Why we rotate.', '', ...[1, 2, 3, 4].flatMap((n) => [`## Step ${n}`, '', `- **Owner:** Person ${n}`, '- Do the thing.', ''])].join('\n');
    assert.equal(goalDocVerdict('rotation.md', model(steps), defaultSettings()).goalDoc, false);
    assert.equal(evidenceBound(steps).fieldedGoals, 0);
    assert.equal(contentIsGoalDoc(evidenceBound(steps)), false, 'ruled out without a parse');
    // Two goals each with an owner and a status are two goals written with fields: never ruled out.
    const goals = ['## Goals', '', '### Faster builds', '', '- **Owner**: Ann', '- **Status**: on track', '', '### Fewer pages', '', '- **Owner**: Bo', '- **Status**: late', ''].join('\n');
    assert.equal(goalDocVerdict('plans.md', model(goals), defaultSettings()).goalDoc, true);
    assert.equal(evidenceBound(goals).fieldedGoals, 2);
  });

  it('bounds the evidence of random goal-doc-ish text too', async () => {
    await fc.assert(
      fc.property(goalDocText, (text) => {
        const counted = evidenceOf(model(text));
        const bound = evidenceBound(text);
        for (const k of Object.keys(counted) as Array<keyof typeof counted>) assert.ok(bound[k] >= counted[k], `${k}: counted ${counted[k]}, bound ${bound[k]}`);
      }),
      params(200),
    );
  });
});
