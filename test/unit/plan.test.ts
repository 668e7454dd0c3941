// A goal doc's plan (model/plan.ts): goals of each kind, owners, progress as the page writes it,
// parts and periods, read in other teams' conventions. Every fixture is written for this test in
// the shape of one convention of ../shared/dialects (none is copied from there).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { goalPlan, type PlanGoal } from '../../server/src/model/plan';
import { readLine } from '../../server/src/model/planWords';
import { parseOwners } from '../../server/src/model/fields';
import { formatPeriod } from '../../server/src/model/periods';
import { dedent, model } from '../support/fixture';

/** A goal as one line: kind, title, owners, score, status, state, milestones done/total, period. */
function line(g: PlanGoal): string {
  const bits = [g.kind, g.title];
  if (g.owners.length) bits.push(`by ${g.owners.join(' & ')}`);
  if (g.score) bits.push(`score ${g.score}`);
  if (g.status) bits.push(`status ${g.status.text}`);
  if (g.state) bits.push(g.state);
  if (g.milestones.length) bits.push(`${g.milestones.length} milestones`);
  if (g.period) bits.push(`in ${formatPeriod(g.period.period)}`);
  return bits.join(' | ');
}

function tree(goals: PlanGoal[], depth = 0): string[] {
  return goals.flatMap((g) => [`${'  '.repeat(depth)}${line(g)}`, ...tree(g.parts, depth + 1)]);
}

function planOf(text: string, path = 'goals.md'): string[] {
  return tree(goalPlan(model(dedent(text), `file:///ws/${path}`), path).goals);
}

describe('a line of a plan', () => {
  it('reads labels, owners before a colon, scores and statuses, and leaves the title', () => {
    const read = (s: string, roles = true) => {
      const r = readLine(s, roles);
      return [r.kind ?? '-', r.owners.join('&') || '-', r.score ?? '-', r.status?.text ?? '-', r.title].join(' | ');
    };
    assert.equal(read('VP Sales: [Close the pipeline gap](https://example.com/1) => 80%'), '- | VP Sales | 80% | - | Close the pipeline gap');
    assert.equal(read('**CEO KR:** Reach 120% net retention. => Done'), 'keyResult | CEO | - | Done | Reach 120% net retention');
    assert.equal(read('Partners: Sign two resellers - 50%'), '- | Partners | 50% | - | Sign two resellers');
    assert.equal(read('Platform: Cut build time in half *60%*'), '- | Platform | 60% | - | Cut build time in half');
    assert.equal(read('Answer within a day (99% completed)'), '- | - | 99% | - | Answer within a day');
    assert.equal(read('**Objective 2: Keep users.**'), 'objective | - | - | - | Keep users');
    assert.equal(read('Ship the beta. Grade: .7'), '- | - | .7 | - | Ship the beta');
    assert.equal(read('Director of Ops; Director of Sales: Share one forecast'), '- | Director of Ops&Director of Sales | - | - | Share one forecast');
    // Words before a colon that are no one: a topic, a month, a sentence.
    assert.equal(read('Problem Area: Unify the sign-up flow'), '- | - | - | - | Problem Area: Unify the sign-up flow');
    assert.equal(read('October: 1,200 sessions'), '- | - | - | - | October: 1,200 sessions');
    assert.equal(read('Focus on the impact: update the busy clients'), '- | - | - | - | Focus on the impact: update the busy clients');
    // Outside an OKR page only the unmistakable owners count.
    assert.equal(read('Roadmap: Invite the members to plan', false), '- | - | - | - | Roadmap: Invite the members to plan');
    assert.equal(read('CMO: Launch the campaign', false), '- | CMO | - | - | Launch the campaign');
    // A number in an address is no score.
    assert.equal(read('Sales: Hit the [plan](https://example.com/sheet?gid=0)'), '- | Sales | - | - | Hit the plan');
  });

  it('keeps a note in parentheses with its owner', () => {
    assert.deepEqual(parseOwners('@someone (and friends)'), ['someone (and friends)']);
    assert.deepEqual(parseOwners('Product team (PMs, Design), Ana'), ['Product team (PMs, Design)', 'Ana']);
    assert.deepEqual(parseOwners('@carl / @dee and Eve'), ['carl', 'dee', 'Eve']);
  });
});

describe('a goal doc’s plan', () => {
  it('reads an OKR page: objective headings, key results owned by a role, initiatives with scores, the quarter from the title', () => {
    const text = `
      ---
      title: "FY24-Q2 OKRs"
      ---

      This quarter runs from May to July.

      ## On this page
      - TOC
      {:toc}

      ### 1. CEO: Grow recurring revenue.

      1. VP Sales: [Close the pipeline gap](https://example.com/1)
          1. Sales Ops: [Clean up the forecast](https://example.com/2) => 80%
          1. Partners: Sign two resellers - 50%
      1. CFO: Model pricing for the new tier
      1. **CEO KR:** Reach 120% net retention. => Done

      ### 2. CEO: A team that scales.

      * VPE
        * Platform: Cut build time in half *60%*
        * Support: Answer within a day (99% completed)
      * GOOD
        * We hired fast
    `;
    assert.deepEqual(planOf(text, 'okrs/index.md'), [
      'objective | 1. CEO: Grow recurring revenue. | by CEO | in FY24 Q2',
      '  keyResult | Close the pipeline gap | by VP Sales',
      '    initiative | Clean up the forecast | by Sales Ops | score 80%',
      '    initiative | Sign two resellers | by Partners | score 50%',
      '  keyResult | Model pricing for the new tier | by CFO',
      '  keyResult | Reach 120% net retention | by CEO | status Done | done',
      'objective | 2. CEO: A team that scales. | by CEO | in FY24 Q2',
      '  keyResult | Cut build time in half | by Platform | score 60%',
      '  keyResult | Answer within a day | by Support | score 99%',
    ]);
  });

  it('takes the quarter from the folder when the title names none', () => {
    const text = `
      ## Objectives

      ### Objective: Faster releases

      - KR: Release weekly => 70%
    `;
    assert.deepEqual(planOf(text, 'okrs/fy23-q3/index.md'), ['objective | Objective: Faster releases | in FY23 Q3', '  keyResult | Release weekly | score 70%']);
  });

  it('reads a team’s objectives as list items under a quarter, each over its key results, and the handbook’s `=> Done`', () => {
    const text = `
      # FY25-Q1 OKRs

      ## Marketing

      1. **OBJECTIVE: Be known for search**
         - KR: Publish four case studies => Done
         - KR: Two talks at conferences => In progress
      1. **VP Marketing: Grow the list**
         1. Reach 5,000 subscribers => Not yet
    `;
    assert.deepEqual(planOf(text), [
      'objective | Be known for search | in FY25 Q1',
      '  keyResult | Publish four case studies | status Done | done',
      '  keyResult | Two talks at conferences | status In progress | open',
      'objective | Grow the list | by VP Marketing | in FY25 Q1',
      '  keyResult | Reach 5,000 subscribers | status Not yet | open',
    ]);
  });

  it('reads a year page: objectives with emoji key results, then quarters without a year whose labelled task lists are goals', () => {
    const text = `
      # Roadmap 2024

      ## 2024: the main lines

      ### OKRs
      - **Objective 1: Keep our users.**
          - ✅ **KR 1**: Keep churn under 5%.
          - ⚠️ **KR 2**: Publish a status page.

      ## Q1

      Processes:
      - [x] Write the release policy. (O1K1)
      - [ ] Automate the changelog.

      ## Q2

      New work:
      - [ ] Ship the Swift client.
        - [x] Draft the API
    `;
    assert.deepEqual(planOf(text), [
      'objective | Keep our users | in 2024',
      '  keyResult | Keep churn under 5% | done',
      '  keyResult | Publish a status page | open',
      'goal | Write the release policy. (O1K1) | done | in 2024 Q1',
      'goal | Automate the changelog | open | in 2024 Q1',
      'goal | Ship the Swift client | open | 1 milestones | in 2024 Q2',
    ]);
  });

  it('files goals under a year’s plan heading, and a year’s roadmap of bullets as goals of that year', () => {
    const text = `
      # Project mission and roadmap

      ## Roadmap

      ### 2024 Goals

      #### Goal: A healthy community

      * Clear contributor guidelines
      * Broad representation

      ### 2022 Roadmap

      *Kept for history.*

      * Beta for every core project
      * Decide the release policy
    `;
    assert.deepEqual(planOf(text), [
      'goal | Goal: A healthy community | 2 milestones | in 2024',
      'goal | Beta for every core project | in 2022',
      'goal | Decide the release policy | in 2022',
    ]);
  });

  it('reads goals under deadline paragraphs of an annual plan, and leaves out what the page sets aside', () => {
    const text = `
      # Annual plan for 2025

      ## Where we stand

      - **Revenue:** steady.

      ## Major actions

      ### Platform

      By end of Q1:

      - **Finish the monitoring work.** Alerts go to the right people.

      End of Q3:

      - **Open the member portal.** Members sign in.

      :::{note} Things we are not prioritizing now
      - **A free tier**, which we cannot afford.
      :::

      ## Not a focus in 2025

      - Premier sales: later.
    `;
    assert.deepEqual(planOf(text), ['goal | Finish the monitoring work | in 2025 Q1', 'goal | Open the member portal | in 2025 Q3']);
  });

  it('reads a page that is one goal: its metadata table, owner and status, the period of its folder, its criteria as parts; non-goals left out', () => {
    const text = `
      # Async code review

      | Field | Value |
      | --- | --- |
      | Point of contact | @ana (and friends) |
      | Status | Accepted |

      ## Goals

      - Reviews start within a day.

      ## Non-goals

      - Replacing pair programming.

      ## Definition of done

      - [x] Guide published
      - [ ] Two teams use it
    `;
    assert.deepEqual(planOf(text, 'plans/2025h1/async-review.md'), [
      'goal | Async code review | by ana (and friends) | status Accepted | open | in 2025 H1',
      '  goal | Reviews start within a day',
      '  criterion | Guide published | done',
      '  criterion | Two teams use it | open',
    ]);
  });

  it('reads a deliverable page’s HTML summary table: status, responsible parties without their roles; out of scope left out', () => {
    const text = `
      # Search launch

      <table><thead><tr><th>Field</th><th>Value</th></tr></thead><tbody><tr><td><strong>Deliverable status</strong></td><td>Done</td></tr><tr><td><strong>Responsible parties</strong></td><td><ul><li><a href="https://example.com/u/1">Ana Ruiz</a> - Design</li><li>Bo Chen</li></ul></td></tr></tbody></table>

      ### Definition of done

      #### Must have

      * [x] Search is live
        * [x] Indexed nightly

      ### Not in scope

      * **Translations:** a later deliverable.
    `;
    assert.deepEqual(planOf(text, 'deliverables/search-launch.md'), ['goal | Search launch | by Ana Ruiz & Bo Chen | status Done | done', '  criterion | Search is live | done | 1 milestones']);
  });

  it('reads goal tables: rows as goals with their owner, status and progress; a time-boxed page’s criteria as its parts', () => {
    const team = `
      # Platform goals

      ## FY24 Q3

      | Goal | Owner | Status |
      | --- | --- | --- |
      | Cut hosting costs | Ana | ✅ |
      | Hire two SREs | Bo, Cy | In progress |

      ## Glossary

      | Term | Meaning |
      | --- | --- |
      | SRE | Site reliability engineer |
    `;
    assert.deepEqual(planOf(team), [
      'goal | Cut hosting costs | by Ana | status ✅ | done | in FY24 Q3',
      'goal | Hire two SREs | by Bo & Cy | status In progress | open | in FY24 Q3',
    ]);
    const group = `
      # Database upgrade working group

      | Property | Value |
      | --- | --- |
      | Date Created | 2024-01-10 |
      | End Date | 2024-06-30 |

      ## Exit criteria

      | # | Completed Date | Progress | DRI | Criteria |
      | - | - | - | - | - |
      | 1 | 2024-03-01 | 100% | @ana | Plan the cut-over |
      | 2 | TBD | 40% | @bo | Move the read replicas |
    `;
    assert.deepEqual(planOf(group, 'groups/db.md'), [
      'goal | Database upgrade working group | in 2024',
      '  criterion | Plan the cut-over | by ana | score 100% | done',
      '  criterion | Move the read replicas | by bo | score 40% | open',
    ]);
  });

  it('reads a working group page as one effort: its exit criteria as criteria, open unless marked, its DRI from the roles table, its period from its target end date', () => {
    const text = `
      ---
      title: "Billing Migration Working Group"
      ---

      ## Attributes

      | Property | Value |
      |----------|-------|
      | Date Created | 2023-03-01 |
      | Target End Date | EO FY24 |
      | Chat | [#wg_billing](https://chat.example.com/wg)
       (members only) |

      ## Exit Criteria

      1. ✅ Pick the new billing provider
      1. ~~Move the invoices~~
      1. Retire the old billing jobs

      ## Roles and Responsibilities

      | Working Group Role | Person | Title |
      |--------------------|--------|-------|
      | Executive Sponsor | Dana Park | CFO |
      | Facilitator / DRI | Eli Moss | Director, Billing |
      | Functional Lead | Fay Ng | Engineering Manager |
    `;
    assert.deepEqual(planOf(text, 'working-groups/billing/index.md'), [
      'goal | Billing Migration Working Group | by Eli Moss | in FY2024',
      '  criterion | Pick the new billing provider | done',
      '  criterion | Move the invoices | done',
      '  criterion | Retire the old billing jobs | open',
    ]);
    // A group whose roles table names a facilitator but no DRI has no owner; a dated end is filed under its year.
    const quiet = text.replace('Facilitator / DRI', 'Facilitator').replace('EO FY24', 'June 30, 2023');
    assert.equal(planOf(quiet, 'working-groups/billing/index.md')[0], 'goal | Billing Migration Working Group | in 2023');
  });

  it('reads a project page as one project: its deliverables (links too) as parts, its owners the leads its staffing names, never its sponsors', () => {
    const text = `
      # Log Pipelines

      ## Description

      Make log pipelines easy to set up.

      ## Deliverables

      - [Design doc 12](https://example.com/docs/12)
      - A reference collector configuration

      ## Staffing / Help Wanted

      **Project Leads:**

      - @ana-lee
      - [@bo](https://example.com/bo) (Acme)

      **Sponsors:**

      - @cy

      Engineers contributing

      * @dee

      ## Timeline

      2024-25: first release.
    `;
    assert.deepEqual(planOf(text, 'projects/logs.md'), [
      'goal | Log Pipelines | by ana-lee & bo',
      '  deliverable | Design doc 12',
      '  deliverable | A reference collector configuration',
    ]);
    const oneLine = text.replace('**Project Leads:**', 'Project Lead: Ana Lee (@ana-lee)').replace('- @ana-lee', 'GC Liaison: Bo (@bo)').replace('- [@bo](https://example.com/bo) (Acme)', '');
    assert.equal(planOf(oneLine, 'projects/logs.md')[0], 'goal | Log Pipelines | by ana-lee');
    // Without a lead, no owner.
    assert.equal(planOf(oneLine.replace('Project Lead: Ana Lee (@ana-lee)', 'Project Lead: Ana Lee'), 'projects/logs.md')[0], 'goal | Log Pipelines');
  });

  it('reads a schedule table: each row a goal with its due date, filed under the year of its date unless a period heading holds it; a struck row stays struck', () => {
    const text = `
      # Schedule

      ## Past

      | Due date | Spec. | Description |
      | --- | --- | --- |
      | Nov 30, 2021 | Core 2.0 | Freeze the core vocabulary |
      | ASAP | All | Start the wide review |
      | mid-March, 2022 | - | Interop test event |
      | Feb 28, 2023 | Profile | <strike>Candidate draft</strike> |

      ## Q3 2024

      | Due date | Spec. | Description |
      | --- | --- | --- |
      | Aug 1, 2024 | Core 2.0 | Publish the recommendation |
    `;
    const due = (path: string) => goalPlan(model(dedent(text), `file:///ws/${path}`), path).goals.map((g) => g.due);
    assert.deepEqual(planOf(text, 'planning/schedule.md'), [
      'goal | Freeze the core vocabulary (Core 2.0) | in 2021',
      'goal | Start the wide review',
      'goal | Interop test event | in 2022',
      'goal | ~~Candidate draft~~ (Profile) | in 2023',
      'goal | Publish the recommendation (Core 2.0) | in 2024 Q3',
    ]);
    assert.deepEqual(due('planning/schedule.md'), ['Nov 30, 2021', 'ASAP', 'mid-March, 2022', 'Feb 28, 2023', 'Aug 1, 2024']);
  });

  it('says nothing where the page does not: priority buckets, a legend, a backlog, links to past objectives, the method', () => {
    assert.deepEqual(
      planOf(`
        # Project roadmap

        ## Major priorities

        - P0: we must do it or fail.
        - P1: important.

        ### P0: Keep the collector fast

        - We must profile the hot paths.

        ## Backlog

        - eBPF instrumentation
      `),
      [],
    );
    assert.deepEqual(
      planOf(`
        ### Objectives

        #### Current quarter objectives

        * Lead research with every kind of user.
        * Grow research skills in partner teams.

        #### Previous quarter objectives

        * [Quarter 3 objectives](https://example.com/q3)

        #### How we set objectives quarterly

        1. We score the last quarter.
           * each key result between 0 and 1
      `),
      ['objective | Lead research with every kind of user', 'objective | Grow research skills in partner teams'],
    );
  });

  it('reads the handbook’s goals as the model has them: fields, milestones, the quarter; a goal under a year is filed under that year', () => {
    const text = `
      # Billing goals

      ## 2023

      ### FY-23-Q3

      #### Invoices go out on the first

      - **Owner**: Lena, Omar
      - Milestones:
        1. ~~Freeze the invoice template.~~ Done: \`3.30\`
        1. Send on the first.

      ## 2020

      ### Exports are fast

      - Owner: Ana
    `;
    const plan = goalPlan(model(dedent(text)), 'goals.md');
    assert.deepEqual(tree(plan.goals), ['goal | Invoices go out on the first | by Lena & Omar | 2 milestones | in FY23 Q3', 'goal | Exports are fast | by Ana | in 2020']);
    assert.ok(plan.goals[0]!.goal, 'the model’s goal');
  });

  it('reads a plan once per model and path', () => {
    const doc = model('# FY24-Q1 OKRs\n\n## Team\n\n1. **OBJECTIVE: Ship**\n   - KR: it\n');
    assert.equal(goalPlan(doc, 'a.md'), goalPlan(doc, 'a.md'));
    assert.notEqual(goalPlan(doc, 'a.md'), goalPlan(doc, 'b.md'));
  });
});
