// `goal-docs report [paths or globs…] [--period FY-21-Q1] [--format markdown|json]`: per period
// and goal, the owners and the milestones done (with their stamps), open and descoped, and totals
// per owner; from the same service and goal-doc rule as `goal-docs check`.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { type GoalDocsService, isRefusal } from '../service/service';
import { reportJson, reportMarkdown } from '../features/report';
import { fileUri } from '../workspace/uris';

export const REPORT_USAGE = `Usage: goal-docs report [paths or globs…] [--period FY-21-Q1] [--format markdown|json]

Prints, per period and goal, the owners and the milestones done (with their Done stamps), open
and descoped, then totals per owner. Without paths, reports on the goal docs under the current
folder; files are chosen as goal-docs check chooses them. --period keeps one quarter or half
(any spelling: FY-21-Q1, FY21Q1, Q1 2021, FY22H2). Exit status: 0, or 2 on bad usage.`;

/** What the report borrows from the CLI: its file search, and its service with the settings file read. */
export interface CliHelpers {
  expandTargets(targets: string[], cwd: string): Promise<{ explicit: string[]; searched: string[] }>;
  service(): Promise<GoalDocsService>;
  usageError(message: string): Error;
}

export async function runReport(argv: string[], cwd: string, out: (s: string) => void, cli: CliHelpers): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'markdown' }, period: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    });
  } catch (e) {
    const message = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '').replace(/\.$/, '');
    throw cli.usageError(`${message[0]!.toLowerCase()}${message.slice(1)}.`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(REPORT_USAGE + '\n');
    return 0;
  }
  if (values.format !== 'markdown' && values.format !== 'json') throw cli.usageError(`--format takes markdown or json, not '${values.format ?? ''}'.`);
  const service = await cli.service();
  const found = await cli.expandTargets(positionals, cwd);
  // Named files are taken unless they say no; searched ones only when they are goal docs.
  const explicit = new Set(found.explicit);
  const files = [...new Set([...found.explicit, ...found.searched.sort()])];
  const report = await service.goalsReport(files.map((abs) => ({ uri: fileUri(abs), explicit: explicit.has(abs) })), values.period);
  if (isRefusal(report)) throw cli.usageError(report.refused);
  // Files are named relative to where the command runs.
  for (const p of report.periods) for (const g of p.goals) g.file = path.relative(cwd, path.resolve(cwd, g.file)).split(path.sep).join('/');
  out(values.format === 'json' ? reportJson(report) : reportMarkdown(report) + '\n');
  return 0;
}
