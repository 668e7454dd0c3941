// Deterministic generator of realistic goal docs for the benchmark: a title, an intro, a nested
// TOC (with a few wrong and mis-cased anchors), years newest first, quarters, goals with fields,
// milestones (about half struck and stamped Done), links between goals (some broken), a few
// tables and fenced code blocks, descoped items and prose. Same size and seed → same text.
//
//   npx tsx bench/generate.ts 20000 > /tmp/goals.md
import * as W from './words';

/** mulberry32: small, fast, and good enough to vary text; never Math.random, so runs repeat. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

export interface Rng {
  next(): number;
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
}

/** GitHub's heading slug for the plain ASCII titles this generator writes. */
function slugOf(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
}

interface TocHeading {
  level: 2 | 3;
  text: string;
  slug: string;
}

interface QuarterInfo {
  label: string;
  year: number;
  quarter: number;
  /** 0 for the newest quarter … 1 for three years back and older: old work is more often done. */
  age: number;
}

interface GoalRef {
  title: string;
  slug: string;
}

class DocWriter {
  readonly lines: string[] = [];
  readonly tocHeadings: TocHeading[] = [];
  readonly goals: GoalRef[] = [];
  private readonly slugCounts = new Map<string, number>();
  private readonly titles = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /** Registers a heading's slug the way GitHub numbers duplicates. */
  slug(text: string): string {
    const base = slugOf(text);
    const n = this.slugCounts.get(base) ?? 0;
    this.slugCounts.set(base, n + 1);
    return n === 0 ? base : `${base}-${n}`;
  }

  push(...lines: string[]): void {
    this.lines.push(...lines);
  }

  /** Wraps sentences into lines of 60–110 characters, as people do who keep a narrow editor. */
  paragraph(sentences: number, lead = ''): void {
    const r = this.rng;
    const words: string[] = lead ? lead.split(' ') : [];
    for (let i = 0; i < sentences; i++) {
      let s = `${r.pick(W.OPENERS)} ${r.pick(W.SUBJECTS)} ${r.pick(W.PREDICATES)}, ${r.pick(W.CLOSERS)}`;
      if (this.goals.length > 2 && r.chance(0.12)) {
        const to = this.linkTo();
        s = s.replace(/\.$/, `; see [${to.text}](#${to.slug}).`);
      }
      words.push(...s.split(' '));
    }
    const width = r.int(60, 110);
    let line = '';
    for (const w of words) {
      if (line && line.length + 1 + w.length > width) {
        this.lines.push(line);
        line = w;
      } else line = line ? `${line} ${w}` : w;
    }
    if (line) this.lines.push(line);
    this.lines.push('');
  }

  /** A link target among earlier goals; about one in ten is broken (typo or a goal that never was). */
  linkTo(): { text: string; slug: string } {
    const r = this.rng;
    const g = r.pick(this.goals);
    if (r.chance(0.1)) {
      return r.chance(0.5)
        ? { text: g.title, slug: g.slug.slice(0, -2) + g.slug.slice(-1) }
        : { text: 'Retire the old mirror', slug: 'retire-the-old-mirror' };
    }
    return { text: g.title, slug: g.slug };
  }

  goalTitle(): string {
    const r = this.rng;
    for (let tries = 0; ; tries++) {
      let title = `${r.pick(W.VERBS)} the ${r.pick(W.ADJECTIVES)} ${r.pick(W.THINGS)}`;
      if (r.chance(0.25)) title += ` for ${r.pick(W.TEAMS)}`;
      // Real pages repeat a title now and then (GitHub then gives the second a -1 anchor).
      if (!this.titles.has(title) || tries > 6 || r.chance(0.02)) {
        this.titles.add(title);
        return title;
      }
    }
  }

  /** A release number of the quarter's months, monthly releases from 2001 (2024-Q4 → 12.2x). */
  version(year: number, quarter: number): string {
    const month = (year - 2001) * 12 + (quarter - 1) * 3 + this.rng.int(0, 2);
    return `${1 + Math.floor(month / 24)}.${month % 24}`;
  }

  milestoneText(): string {
    const r = this.rng;
    const text = `${r.pick(W.VERBS)} the ${r.pick(W.ADJECTIVES)} ${r.pick(W.THINGS)}`;
    return r.chance(0.35) ? `[${text}](https://github.com/acme/${r.pick(W.TEAMS).toLowerCase()}/issues/${r.int(100, 9999)})` : text;
  }

  /** One milestone line: open, in progress, estimated, descoped, or struck and stamped Done. */
  milestone(indent: string, quarter: QuarterInfo): string {
    const r = this.rng;
    const text = this.milestoneText();
    const roll = r.next();
    const pDone = 0.3 + 0.4 * quarter.age;
    const version = () => this.version(quarter.year, quarter.quarter);
    if (roll < pDone) {
      // A house style (plain stamps) with a minority in backticks, and a rare slip.
      if (r.chance(0.015)) return `${indent}- ~~${text}.~~`;
      if (r.chance(0.015)) return `${indent}- ${text}. Done: ${version()}`;
      return r.chance(0.75) ? `${indent}- ~~${text}.~~ Done: ${version()}` : `${indent}- ~~${text}.~~ Done: \`${version()}\``;
    }
    if (roll < pDone + 0.06) return `${indent}- ~~${text}~~ _Descoped_: ${r.pick(W.REASONS)}`;
    if (roll < pDone + 0.25) return `${indent}- ${text} **In progress**`;
    if (roll < pDone + 0.35) return `${indent}- ${text} _Estimated: ${quarter.label}_`;
    return `${indent}- ${text}`;
  }

  goal(quarter: QuarterInfo, headingLevel: number): void {
    const r = this.rng;
    const title = this.goalTitle();
    const slug = this.slug(title);
    const heading = r.chance(0.03) ? `[${title}](https://github.com/acme/ledger/projects/${r.int(1, 90)})` : title;
    this.push(`${'#'.repeat(headingLevel)} ${heading}`, '');
    const ownerRoll = r.next();
    if (ownerRoll < 0.04) {
      // no owner at all
    } else if (ownerRoll < 0.05) this.push('- **Owner**:');
    else this.push(`- **Owner**: ${r.pick(W.PEOPLE)}${r.chance(0.2) ? `, ${r.pick(W.PEOPLE)}` : ''}`);
    if (r.chance(0.7)) this.push(`- **Status**: ${r.pick(W.STATUS)}`);
    this.push('');
    if (r.chance(0.5)) this.paragraph(r.int(1, 2), '**Problem:**');
    this.paragraph(r.int(1, 4));
    this.push('- **Outcomes**:');
    for (let i = r.int(1, 3); i > 0; i--) this.push(`  - ${r.pick(W.OUTCOMES)}${r.chance(0.3) ? ` (${r.pick(W.STATUS).toLowerCase()})` : ''}`);
    this.push('- **Milestones**:');
    for (let i = r.int(2, 7); i > 0; i--) {
      this.push(this.milestone('  ', quarter));
      if (r.chance(0.15)) for (let j = r.int(1, 3); j > 0; j--) this.push(this.milestone('    ', quarter));
    }
    if (this.goals.length > 0 && r.chance(0.25)) {
      const to = this.linkTo();
      this.push(`- **Dependencies**: [${to.text}](#${to.slug})`);
    }
    if (r.chance(0.1)) this.push(`- [Tracking issue](https://github.com/acme/ledger/issues/${r.int(100, 9999)})`);
    this.push('');
    if (r.chance(0.04)) this.table();
    if (r.chance(0.04)) this.codeBlock();
    if (r.chance(0.2)) this.paragraph(r.int(1, 3));
    this.goals.push({ title, slug });
  }

  table(): void {
    const r = this.rng;
    this.push('| Milestone | Owner | Status |', '| --- | --- | --- |');
    for (let i = r.int(2, 5); i > 0; i--) {
      this.push(`| ${r.pick(W.VERBS)} the ${r.pick(W.THINGS)} | ${r.pick(W.PEOPLE)} | ${r.pick(['✅', '🔄', '⏳', '🚫'])} ${r.pick(W.STATUS)} |`);
    }
    this.push('');
  }

  codeBlock(): void {
    const r = this.rng;
    this.push('The steps we run by hand today, which this goal should turn into one job:', '', '```sh');
    for (let i = r.int(2, 4); i > 0; i--) this.push(r.pick(W.COMMANDS));
    this.push('```', '');
  }
}

function quarterLabel(year: number, q: number): string {
  return `FY-${String(year % 100).padStart(2, '0')}-Q${q}`;
}

/** The TOC as people keep it: years and quarters, nested, with a few mistakes. */
function tocLines(rng: Rng, headings: TocHeading[]): string[] {
  const quarters = headings.filter((h) => h.level === 3);
  // Guaranteed mistakes even in a small doc: one wrong target, one mis-cased, one entry missing.
  const wrong = new Set([quarters[1 % quarters.length]?.slug]);
  const upper = new Set([quarters[2 % quarters.length]?.slug]);
  const missing = new Set(quarters.length > 3 ? [quarters[3].slug] : []);
  const out: string[] = [];
  for (const h of headings) {
    if (h.level === 2) {
      out.push(`- [**${h.text}**](#${h.slug})`);
      continue;
    }
    if (missing.has(h.slug) || (rng.chance(0.01) && !wrong.has(h.slug))) continue;
    let target = h.slug;
    if (wrong.has(h.slug) || rng.chance(0.02)) target = target.replace(/q(\d)$/, (_, d: string) => `q${(Number(d) % 4) + 1}`);
    else if (upper.has(h.slug) || rng.chance(0.04)) target = target.toUpperCase();
    out.push(`  - [${h.text}](#${target})`);
  }
  return out;
}

/** A goal doc of about `targetLines` lines. */
export function generateGoalDoc(targetLines: number, seed = targetLines): string {
  const rng = createRng(seed);
  const w = new DocWriter(rng);
  const team = rng.pick(W.TEAMS);
  const years = Math.min(24, Math.max(1, Math.round(Math.sqrt(targetLines) / 10)));
  const tocSize = years * 5;
  const headerLines = 8 + tocSize;
  const quarterBudget = Math.max(20, (targetLines - headerLines) / (years * 4));
  const newest = 2024;
  for (let y = newest; y > newest - years; y--) {
    w.push(`## ${y}`, '');
    w.tocHeadings.push({ level: 2, text: String(y), slug: w.slug(String(y)) });
    for (let q = 4; q >= 1; q--) {
      const label = quarterLabel(y, q);
      w.push(`### ${label}`, '');
      w.tocHeadings.push({ level: 3, text: label, slug: w.slug(label) });
      const age = Math.min(1, (newest - y + (4 - q) / 4) / 3);
      const start = w.lines.length;
      while (w.lines.length - start < quarterBudget) {
        // Now and then a goal at its quarter's level, which silently makes it a sibling quarter.
        w.goal({ label, year: y, quarter: q, age }, rng.chance(0.005) ? 3 : 4);
      }
    }
  }
  const header = [
    `# ${team} team goals`,
    '',
    `Goals of the ${team} team by fiscal quarter, newest first. See also our [completed goals](goals_completed.md)`,
    `and the [weekly sync notes](recurring_processes.md#weekly-sync); ask in #${team.toLowerCase()}-team before adding a goal.`,
    '',
    ...tocLines(rng, w.tocHeadings),
    '',
  ];
  return [...header, ...w.lines].join('\n');
}

/** The sizes the bench runs, by name. */
/** Offset just after a word in the middle of the prose of the goal in the middle of the doc. */
export function proseEditOffset(text: string): number {
  const goals = [...text.matchAll(/^#### .*$/gm)];
  const goal = goals[Math.floor(goals.length / 2)];
  const prose = /^[A-Z][a-z][^\n]{30,}$/gm;
  prose.lastIndex = (goal.index ?? 0) + goal[0].length;
  const line = prose.exec(text);
  if (!line) throw new Error('no prose line after the middle goal');
  const space = text.indexOf(' ', line.index + Math.floor(line[0].length / 2));
  return space;
}

export const SIZES = [
  { name: '200', lines: 200 },
  { name: '2k', lines: 2_000 },
  { name: '20k', lines: 20_000 },
  { name: '100k', lines: 100_000 },
] as const;

if (process.argv[1] && /generate\.ts$/.test(process.argv[1])) {
  const lines = Number(process.argv[2] ?? 2000);
  if (!Number.isFinite(lines) || lines < 1) {
    process.stderr.write('usage: tsx bench/generate.ts <lines> [seed]\n');
    process.exit(2);
  }
  process.stdout.write(generateGoalDoc(lines, process.argv[3] ? Number(process.argv[3]) : lines));
}
