// The goals report: per period and goal, its owners and its milestones done (with their stamps),
// open and descoped, an OKR's key results and initiatives with their owners and scores, a goal
// table's rows, a per-goal page's status and criteria; and totals per owner. A pure function of
// models read as plans (model/plan.ts), what `goal-docs report` prints and the editor's *Open
// Goals Report* opens, as Markdown or JSON.
import type { GoalDoc, Milestone } from '../model/types';
import { milestoneState, type MilestoneState } from '../model/done';
import { type DatedPeriod, periodKey, periodOrderKey } from '../model/periods';
import { goalPlan, type PlanGoal, type PlanKind } from '../model/plan';
import { PLAN_KIND_WORDS, partsInWords } from '../model/planWords';

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
  /** Its milestones, or its parts the page marks done, open or descoped. */
  done: ReportItem[];
  open: ReportItem[];
  descoped: ReportItem[];
  /** What it is, when it is not a plain goal: an objective, a key result, an initiative. */
  kind?: Exclude<PlanKind, 'goal'>;
  /** A score as the page writes it (`78%`, `0.7`): progress, not a milestone. */
  score?: string;
  /** A status as the page writes it (`Done`, `In progress`, `Accepted`). */
  status?: string;
  /** Its own state, where the page marks the goal itself (a ticked box, ✅, a status row). */
  state?: MilestoneState;
  /** When it is due, as the page writes it (`Nov 30, 2021`). */
  due?: string;
  /** Its key results, initiatives or criteria. */
  parts?: ReportGoal[];
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

function reportGoal(source: ReportSource, goal: PlanGoal): ReportGoal {
  const r: ReportGoal = { title: goal.title, file: source.path, line: goal.range.start.line + 1, owners: [...goal.owners], done: [], open: [], descoped: [] };
  for (const m of goal.milestones) {
    const state = milestoneState(source.doc, m);
    const item: ReportItem = { text: itemText(m) };
    if (state === 'done' && m.done) item.stamp = m.done.version ?? m.done.text.replace(/[`*]/g, '');
    r[state].push(item);
  }
  // A part the page marks done, open or descoped counts as the goal's milestones do.
  for (const p of goal.parts) if (p.state) r[p.state].push({ text: p.title });
  if (goal.kind !== 'goal') r.kind = goal.kind;
  if (goal.score) r.score = goal.score;
  if (goal.status) r.status = goal.status.text;
  if (goal.state) r.state = goal.state;
  if (goal.due) r.due = goal.due;
  if (goal.parts.length) r.parts = goal.parts.map((p) => reportGoal(source, p));
  return r;
}

/** A goal and its parts, depth first. */
function withParts(goals: ReportGoal[], out: ReportGoal[] = []): ReportGoal[] {
  for (const g of goals) {
    out.push(g);
    if (g.parts) withParts(g.parts, out);
  }
  return out;
}

/** The report of the goal docs, of every period or only `period`'s. */
export function goalsReport(sources: ReportSource[], options: { period?: DatedPeriod } = {}): GoalsReport {
  const wanted = options.period && periodKey(options.period);
  const periods = new Map<string, ReportPeriod & { order: number }>();
  for (const source of sources) {
    for (const goal of goalPlan(source.doc, source.path).goals) {
      const dated = goal.period?.period;
      const key = dated ? periodKey(dated) : NO_PERIOD;
      if (wanted && key !== wanted) continue;
      let period = periods.get(key);
      if (!period) {
        const order = dated ? (periodOrderKey(dated) ?? -Infinity) : -Infinity;
        period = { period: key, label: goal.period?.label ?? 'Not filed under a quarter', goals: [], order };
        periods.set(key, period);
      }
      period.goals.push(reportGoal(source, goal));
    }
  }
  const ordered = [...periods.values()].sort((a, b) => b.order - a.order).map(({ order: _, ...p }) => p);
  const owners = new Map<string, OwnerTotal>();
  for (const g of withParts(ordered.flatMap((p) => p.goals))) {
    const counted = g.done.length + g.open.length + g.descoped.length;
    for (const owner of g.owners) {
      const t = owners.get(owner) ?? { owner, goals: 0, done: 0, open: 0, descoped: 0 };
      t.goals++;
      t.done += g.done.length;
      t.open += g.open.length;
      t.descoped += g.descoped.length;
      // A goal with nothing under it counts its own mark (a key result's ✅, a row's Done).
      if (counted === 0 && g.state) t[g.state]++;
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

function counts(g: ReportGoal): string {
  return `${g.done.length} done, ${g.open.length} open, ${g.descoped.length} descoped`;
}

/** How far a goal is, as the page writes it: its score, its status or state, and what it counts. */
function progressWords(g: ReportGoal): string[] {
  const words: string[] = [];
  if (g.due) words.push(`due ${g.due}`);
  if (g.score) words.push(g.score);
  if (g.status) words.push(g.status);
  else if (g.state) words.push(g.state);
  const counted = g.done.length + g.open.length + g.descoped.length;
  if (counted > 0 || (!words.length && !g.parts)) words.push(counts(g));
  else if (g.parts) words.push(partsInWords(g.parts.map((p) => p.kind ?? 'goal')));
  return words;
}

/** A goal's parts as a nested list: `- Key result: … · VP Engineering · 78%`. */
function partLines(parts: ReportGoal[], depth: number, out: string[]): void {
  for (const p of parts) {
    const word = PLAN_KIND_WORDS[p.kind ?? 'goal'][0];
    const bits = [`${'  '.repeat(depth)}- ${word[0]!.toUpperCase()}${word.slice(1)}: ${p.title}`, ...(p.owners.length ? [p.owners.join(', ')] : []), ...progressWords(p).filter((w) => w !== counts(p) || p.done.length + p.open.length + p.descoped.length > 0)];
    out.push(bits.join(' · '));
    if (p.parts) partLines(p.parts, depth + 1, out);
  }
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
      out.push([`${g.file}:${g.line}`, ...(g.kind ? [PLAN_KIND_WORDS[g.kind][0]] : []), owners, ...progressWords(g)].join(' · '), '');
      const lines: string[] = [];
      if (g.parts) partLines(g.parts, 0, lines);
      else lines.push(...items('Done', g.done), ...items('Open', g.open), ...items('Descoped', g.descoped));
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
