// The goals report: per period and goal, its owners and its milestones done (with their stamps),
// open and descoped, and totals per owner. A pure function of models (what `goal-docs report`
// prints and the editor's *Open Goals Report* opens), as Markdown or JSON.
import type { Goal, GoalDoc, Milestone } from '../model/types';
import { milestoneState } from '../model/done';
import { milestonesOf } from '../model/progress';
import { type DatedPeriod, periodKey, periodOrderKey } from '../model/periods';
import { quarterNumbers } from '../model/periodLayout';

export interface ReportSource {
  doc: GoalDoc;
  /** The file as the report names it (relative to the folder reported on). */
  path: string;
}

export interface ReportItem {
  text: string;
  /** A Done stamp's version (`3.20`, `Dist: 2020.11.16`) or its text (`Done!`). */
  stamp?: string;
}

export interface ReportGoal {
  title: string;
  file: string;
  /** 1-based. */
  line: number;
  owners: string[];
  done: ReportItem[];
  open: ReportItem[];
  descoped: ReportItem[];
}

export interface ReportPeriod {
  /** The period's key (`FY2021Q1`), or `none` for goals filed under no quarter. */
  period: string;
  /** As the first page that has it writes it. */
  label: string;
  goals: ReportGoal[];
}

export interface OwnerTotal {
  owner: string;
  goals: number;
  done: number;
  open: number;
  descoped: number;
}

export interface GoalsReport {
  /** The one period reported on, when the report was asked for one. */
  period?: string;
  periods: ReportPeriod[];
  owners: OwnerTotal[];
}

const NO_PERIOD = 'none';

/** An item's text without its stamp, marker or status, as a reader says it. */
function itemText(m: Milestone): string {
  let text = m.text;
  for (const marker of [m.done, m.descoped, m.status, m.doneSuffix]) {
    const plain = marker?.text.replace(/[`*_]/g, '').trim();
    const at = plain ? text.lastIndexOf(plain) : -1;
    // A leading status emoji goes with what follows it; a stamp or a tail with what precedes it.
    if (at === 0) text = text.slice(plain!.length);
    else if (at > 0) text = text.slice(0, at);
  }
  return text.replace(/\s+/g, ' ').trim().replace(/[.,;:]$/, '');
}

function reportGoal(source: ReportSource, goal: Goal): ReportGoal {
  const r: ReportGoal = { title: goal.heading.text, file: source.path, line: goal.heading.range.start.line + 1, owners: [...goal.owners], done: [], open: [], descoped: [] };
  for (const m of milestonesOf(goal)) {
    const state = milestoneState(source.doc, m);
    const item: ReportItem = { text: itemText(m) };
    if (state === 'done' && m.done) item.stamp = m.done.version ?? m.done.text.replace(/[`*]/g, '');
    r[state].push(item);
  }
  return r;
}

/** The report of the goal docs, of every period or only `period`'s. */
export function goalsReport(sources: ReportSource[], options: { period?: DatedPeriod } = {}): GoalsReport {
  const wanted = options.period && periodKey(options.period);
  const periods = new Map<string, ReportPeriod & { order: number }>();
  for (const source of sources) {
    for (const goal of source.doc.goals) {
      if (goal.isInclude) continue;
      const numbers = goal.quarter && quarterNumbers(goal.quarter);
      const key = numbers ? periodKey(numbers) : NO_PERIOD;
      if (wanted && key !== wanted) continue;
      let period = periods.get(key);
      if (!period) {
        const order = numbers ? (periodOrderKey(numbers) ?? -Infinity) : -Infinity;
        period = { period: key, label: numbers ? goal.quarter!.heading.text : 'Not filed under a quarter', goals: [], order };
        periods.set(key, period);
      }
      period.goals.push(reportGoal(source, goal));
    }
  }
  const ordered = [...periods.values()].sort((a, b) => b.order - a.order).map(({ order: _, ...p }) => p);
  const owners = new Map<string, OwnerTotal>();
  for (const g of ordered.flatMap((p) => p.goals)) {
    for (const owner of g.owners) {
      const t = owners.get(owner) ?? { owner, goals: 0, done: 0, open: 0, descoped: 0 };
      t.goals++;
      t.done += g.done.length;
      t.open += g.open.length;
      t.descoped += g.descoped.length;
      owners.set(owner, t);
    }
  }
  const report: GoalsReport = { periods: ordered, owners: [...owners.values()].sort((a, b) => a.owner.localeCompare(b.owner)) };
  if (wanted) report.period = wanted;
  return report;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function items(kind: string, list: ReportItem[]): string[] {
  return list.map((i) => `- ${kind}: ${i.text}${i.stamp ? ` (\`${i.stamp}\`)` : ''}`);
}

/** The report as a Markdown page (marked as no goal doc, so that opening it checks nothing). */
export function reportMarkdown(report: GoalsReport): string {
  const goals = report.periods.reduce((n, p) => n + p.goals.length, 0);
  const out = ['<!-- goal-docs: off -->', '# Goals report', ''];
  out.push(`${report.period ? `${report.periods[0]?.label ?? report.period} only: ` : ''}${goals} goal${goals === 1 ? '' : 's'} in ${report.periods.length} period${report.periods.length === 1 ? '' : 's'}.`, '');
  for (const p of report.periods) {
    out.push(`## ${p.label}`, '');
    for (const g of p.goals) {
      out.push(`### ${g.title}`, '');
      const owners = g.owners.length ? g.owners.join(', ') : 'no owner';
      out.push(`${g.file}:${g.line} · ${owners} · ${g.done.length} done, ${g.open.length} open, ${g.descoped.length} descoped`, '');
      const lines = [...items('Done', g.done), ...items('Open', g.open), ...items('Descoped', g.descoped)];
      if (lines.length) out.push(...lines, '');
    }
  }
  out.push('## Totals per owner', '');
  if (report.owners.length === 0) out.push('No goal names an owner.', '');
  else {
    out.push('| Owner | Goals | Done | Open | Descoped |', '| --- | ---: | ---: | ---: | ---: |');
    for (const o of report.owners) out.push(`| ${cell(o.owner)} | ${o.goals} | ${o.done} | ${o.open} | ${o.descoped} |`);
    out.push('');
  }
  return out.join('\n');
}

export function reportJson(report: GoalsReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
