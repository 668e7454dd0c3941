// Runs a composite GitHub Action's steps the way a GitHub runner does, for tests: the inputs'
// defaults filled in, `${{ … }}` expressions replaced in `run`, `env` and `working-directory`
// before the step starts, `shell: bash` as `bash --noprofile --norc -eo pipefail FILE`, the
// runner's GITHUB_* and RUNNER_* variables set, and the first failing step ending the action.
// An expression or step key the runner would understand but this does not is an error here, so
// action.yml cannot quietly depend on something untested.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { scratchDir } from './repoCopy';

interface ActionStep {
  name?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
  [other: string]: unknown;
}

interface ActionFile {
  inputs?: Record<string, { default?: string; required?: boolean }>;
  runs: { using: string; steps: ActionStep[] };
}

export interface Workflow {
  /** The checked-out repository: GITHUB_WORKSPACE. */
  workspace: string;
  /** Where the runner put the action: GITHUB_ACTION_PATH. */
  actionPath: string;
  /** The `with:` of the workflow step. */
  with?: Record<string, string>;
  eventName: string;
  /** The webhook payload: `github.event`, and the file GITHUB_EVENT_PATH names. */
  event: Record<string, unknown>;
  /** More environment for every step (the job's `env:`). */
  env?: Record<string, string>;
}

export interface ActionRun {
  /** The exit status of the last step that ran: 0 when all passed. */
  status: number;
  stdout: string;
  stderr: string;
  /** The names of the steps that ran, in order. */
  steps: string[];
}

const KNOWN_STEP_KEYS = new Set(['name', 'shell', 'run', 'env', 'working-directory']);

function lookup(root: Record<string, unknown>, dotted: string): unknown {
  let value: unknown = root;
  for (const key of dotted.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** `a || b || 'text'`: the first truthy operand, as GitHub's expressions give it; '' when none. */
function evaluate(expression: string, contexts: Record<string, unknown>): string {
  for (const operand of expression.split('||').map((s) => s.trim())) {
    let value: unknown;
    const literal = /^'((?:[^']|'')*)'$/.exec(operand);
    if (literal) value = literal[1]!.replace(/''/g, "'");
    else if (/^(inputs|github|env|runner)(\.[\w-]+)+$/.test(operand)) value = lookup(contexts, operand);
    else throw new Error(`expression not understood by the test runner: ${operand}`);
    if (value !== undefined && value !== null && value !== '' && value !== false && value !== 0) return String(value);
  }
  return '';
}

function substitute(text: string, contexts: Record<string, unknown>): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => evaluate(expression, contexts));
}

export function runCompositeAction(actionFile: string, workflow: Workflow): ActionRun {
  const action = parse(readFileSync(actionFile, 'utf8')) as ActionFile;
  if (action.runs.using !== 'composite') throw new Error(`${actionFile} is not a composite action`);
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs ?? {})) {
    const given = workflow.with?.[name];
    if (given === undefined && spec.required) throw new Error(`input ${name} is required`);
    inputs[name] = given ?? spec.default ?? '';
  }
  for (const name of Object.keys(workflow.with ?? {})) if (!(name in inputs)) throw new Error(`the action has no input '${name}'`);

  const temp = scratchDir('runner');
  const files = { event: path.join(temp, 'event.json'), output: path.join(temp, 'output'), env: path.join(temp, 'env'), path: path.join(temp, 'path'), summary: path.join(temp, 'summary') };
  writeFileSync(files.event, JSON.stringify(workflow.event));
  for (const f of [files.output, files.env, files.path, files.summary]) writeFileSync(f, '');
  mkdirSync(path.join(temp, 'tmp'));
  const github = { workspace: workflow.workspace, action_path: workflow.actionPath, event_name: workflow.eventName, event: workflow.event };
  const runnerEnv: Record<string, string> = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workflow.workspace,
    GITHUB_ACTION_PATH: workflow.actionPath,
    GITHUB_EVENT_NAME: workflow.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: path.join(temp, 'tmp'),
    ...workflow.env,
  };
  const contexts = { inputs, github, env: runnerEnv, runner: { temp: runnerEnv.RUNNER_TEMP } };

  const result: ActionRun = { status: 0, stdout: '', stderr: '', steps: [] };
  action.runs.steps.forEach((step, i) => {
    if (result.status !== 0) return;
    const unknown = Object.keys(step).filter((k) => !KNOWN_STEP_KEYS.has(k));
    if (unknown.length) throw new Error(`step ${i + 1}: keys the test runner does not run: ${unknown.join(', ')}`);
    if (step.shell !== 'bash' || typeof step.run !== 'string') throw new Error(`step ${i + 1}: only 'shell: bash' run steps are run here`);
    const script = path.join(temp, `step-${i + 1}.sh`);
    writeFileSync(script, substitute(step.run, contexts));
    const env = { ...process.env, ...runnerEnv, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(String(v), contexts)])) };
    const cwd = step['working-directory'] === undefined ? workflow.workspace : substitute(step['working-directory'], contexts);
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, encoding: 'utf8' });
    if (r.error) throw r.error;
    result.steps.push(step.name ?? `step ${i + 1}`);
    result.stdout += r.stdout;
    result.stderr += r.stderr;
    result.status = r.status ?? 1;
  });
  return result;
}
