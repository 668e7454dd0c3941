// What only the editor can add to a goal's life: the quick pick of the quarter a goal moves to,
// the choice to carry goals over into a new quarter, and the report opened beside the editor.
// The server works everything out and applies the edits (one undo each); these only ask.
import * as vscode from 'vscode';
import type { BaseLanguageClient, Middleware } from 'vscode-languageclient';
import {
  MOVE_GOAL_CLIENT_COMMAND,
  MOVE_GOAL_COMMAND,
  type MoveGoalArgs,
  type MoveGoalResult,
  OPEN_REPORT_CLIENT_COMMAND,
  REPORT_REQUEST,
  type ReportParams,
  type ReportResult,
  START_NEXT_QUARTER_CLIENT_COMMAND,
  START_NEXT_QUARTER_COMMAND,
  type StartNextQuarterArgs,
  type StartNextQuarterResult,
} from '../../server/src/protocol';
import { isGoalDocsDocument } from './documents';

const NEW_QUARTER = 'A new quarter…';

/**
 * The server's "Move goal to …" action carries the edit for the inferred quarter (for every
 * editor); here it asks for the quarter first, the inferred one preselected.
 */
export const askForTheQuarter: Middleware['provideCodeActions'] = async (document, range, context, token, next) => {
  const actions = await next(document, range, context, token);
  for (const action of actions ?? []) {
    const args = (action as { data?: { moveGoal?: MoveGoalArgs } }).data?.moveGoal;
    if (!args || !(action instanceof vscode.CodeAction)) continue;
    action.edit = undefined;
    action.command = { title: action.title, command: MOVE_GOAL_CLIENT_COMMAND, arguments: [args] };
  }
  return actions;
};

function activeGoalDoc(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && isGoalDocsDocument(editor.document) ? editor : undefined;
}

function tell(result: { message?: string; applied?: boolean } | null | undefined, what: string): void {
  if (result?.message) void vscode.window.showInformationMessage(result.message);
  else if (result?.applied === false) void vscode.window.showWarningMessage(`${what}: the editor did not apply the change (a document changed meanwhile?). Try again.`);
}

/** From the lightbulb (with the goal) or the command palette (the goal heading under the cursor). */
async function moveGoal(args?: MoveGoalArgs): Promise<void> {
  const editor = activeGoalDoc();
  const target = args ?? (editor && { uri: editor.document.uri.toString(), version: editor.document.version, line: editor.selection.active.line });
  if (!target) return;
  const choices = await vscode.commands.executeCommand<MoveGoalResult | null>(MOVE_GOAL_COMMAND, { ...target, quarter: undefined });
  if (!choices?.inferred) return tell(choices ?? { message: 'Put the cursor on a goal heading to move the goal to the completed page.' }, 'Move goal');
  const page = choices.completedPage ?? 'the completed page';
  const items: vscode.QuickPickItem[] = [
    { label: choices.inferred, description: `${choices.inferredFrom === 'stamp' ? 'the quarter it was finished in' : 'the current quarter'}${choices.quarters?.includes(choices.inferred) ? '' : ` (new in ${page})`}` },
    ...(choices.quarters ?? []).filter((q) => q !== choices.inferred).map((q) => ({ label: q, description: `in ${page}` })),
    { label: NEW_QUARTER, description: 'type its label', alwaysShow: true },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `Move goal to ${page}${choices.createsPage ? ' (a new page)' : ''}`,
    placeHolder: 'The quarter to file the goal under',
  });
  if (!picked) return;
  const quarter = picked.label === NEW_QUARTER ? await vscode.window.showInputBox({ title: `Move goal to ${page}`, prompt: 'The quarter (FY-21-Q1, FY21Q1, Q1 2021…)', value: choices.inferred }) : picked.label;
  if (!quarter) return;
  tell(await vscode.commands.executeCommand<MoveGoalResult | null>(MOVE_GOAL_COMMAND, { ...target, quarter }), 'Move goal');
}

/** *Goal Docs: Start Next Quarter*: what the server would start, then whether to carry goals over. */
async function startNextQuarter(): Promise<void> {
  const editor = activeGoalDoc();
  if (!editor) return;
  const base: StartNextQuarterArgs = { uri: editor.document.uri.toString(), version: editor.document.version, carryOver: false };
  const plan = await vscode.commands.executeCommand<StartNextQuarterResult | null>(START_NEXT_QUARTER_COMMAND, { ...base, dryRun: true });
  if (!plan?.label) return tell(plan ?? { message: 'This document is not a goal doc.' }, 'Start next quarter');
  const open = plan.openGoals ?? [];
  const items: Array<vscode.QuickPickItem & { carryOver: boolean }> = [{ label: `Start ${plan.label}`, description: `after ${plan.after}`, carryOver: false }];
  if (open.length) items.push({ label: `Start ${plan.label} and carry over ${open.length === 1 ? 'the goal' : `${open.length} goals`} with open milestones`, detail: open.join(' · '), carryOver: true });
  const picked = items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { title: 'Start the next quarter' });
  if (!picked) return;
  tell(await vscode.commands.executeCommand<StartNextQuarterResult | null>(START_NEXT_QUARTER_COMMAND, { ...base, carryOver: picked.carryOver }), 'Start next quarter');
}

/** *Goal Docs: Open Goals Report*: the active goal doc's report (else the workspace's), as Markdown beside the editor. */
async function openReport(client: BaseLanguageClient): Promise<void> {
  const editor = activeGoalDoc();
  const params: ReportParams = editor ? { uris: [editor.document.uri.toString()] } : {};
  const report = await client.sendRequest<ReportResult>(REPORT_REQUEST, params);
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: report.markdown });
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}

export function registerLifecycleCommands(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(MOVE_GOAL_CLIENT_COMMAND, moveGoal),
    vscode.commands.registerCommand(START_NEXT_QUARTER_CLIENT_COMMAND, startNextQuarter),
    vscode.commands.registerCommand(OPEN_REPORT_CLIENT_COMMAND, () => openReport(client)),
  ];
}
