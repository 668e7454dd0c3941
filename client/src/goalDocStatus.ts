// Whether the active Markdown file is a goal doc, and why: a status bar item, `$(target) Goal doc`
// or `$(circle-slash) Not a goal doc`, whose tooltip is the server's explanation (the goal-doc
// rule's reasons, goalDocs/verdict). A click opens a quick pick to say yes or no for this file, or
// to let its content decide again; the palette has the two answers as commands. Saying so writes
// or removes the file's marker comment, an edit the server computes for the version it read and
// applies (goalDocs.setGoalDocMarker); this only asks.
import * as vscode from 'vscode';
import { type BaseLanguageClient, State } from 'vscode-languageclient';
import {
  CHOOSE_GOAL_DOC_CLIENT_COMMAND,
  NOT_A_GOAL_DOC_CLIENT_COMMAND,
  SET_GOAL_DOC_MARKER_COMMAND,
  type SetGoalDocMarkerArgs,
  type SetGoalDocMarkerResult,
  TREAT_AS_GOAL_DOC_CLIENT_COMMAND,
  VERDICT_REQUEST,
  type VerdictParams,
  type VerdictResult,
  VERDICTS_CHANGED_NOTIFICATION,
} from '../../server/src/protocol';
import { ActiveEditorFollower } from './activeEditor';
import { isGoalDocsDocument, isMdxDocument } from './documents';

/** How many times a choice is asked again when the file changed before its edit was applied. */
const ATTEMPTS = 3;

type Marker = SetGoalDocMarkerArgs['marker'];

interface Choice extends vscode.QuickPickItem {
  marker: Marker;
}

export class GoalDocStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('goalDocs.verdict', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [this.item];
  private readonly follower = new ActiveEditorFollower((document, isLatest) => this.show(document, isLatest));

  constructor(private readonly client: BaseLanguageClient) {
    this.item.name = 'Goal Docs';
    this.item.command = CHOOSE_GOAL_DOC_CLIENT_COMMAND;
    this.subscriptions.push(
      vscode.commands.registerCommand(CHOOSE_GOAL_DOC_CLIENT_COMMAND, () => this.choose()),
      vscode.commands.registerCommand(TREAT_AS_GOAL_DOC_CLIENT_COMMAND, () => this.sayForActiveFile('on')),
      vscode.commands.registerCommand(NOT_A_GOAL_DOC_CLIENT_COMMAND, () => this.sayForActiveFile('off')),
      this.follower,
      // A document whose language changed (plaintext to mdx) is closed and opened again.
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d === vscode.window.activeTextEditor?.document) this.follower.refresh();
      }),
      // The settings changed (goalDocs.files, goalDocs.exclude): the server has them when it says so.
      client.onNotification(VERDICTS_CHANGED_NOTIFICATION, () => this.follower.refresh()),
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) this.follower.refresh();
      }),
    );
  }

  /** The verdict of an open document, as the item shows it; null when the server does not have it. */
  verdict(uri: vscode.Uri): Promise<VerdictResult> {
    return this.client.sendRequest<VerdictResult>(VERDICT_REQUEST, { uri: uri.toString() } satisfies VerdictParams);
  }

  private async show(document: vscode.TextDocument | undefined, isLatest: () => boolean): Promise<void> {
    let verdict: VerdictResult = null;
    if (document && isGoalDocsDocument(document)) {
      try {
        verdict = await this.verdict(document.uri);
      } catch {
        return; // the server is restarting, or the document changed meanwhile: its next event asks again
      }
    }
    // An answer for an editor that is no longer active, or an older one, is dropped.
    if (!isLatest()) return;
    if (!verdict) {
      this.item.hide();
      return;
    }
    this.item.text = verdict.goalDoc ? '$(target) Goal doc' : '$(circle-slash) Not a goal doc';
    const why = `Goal Docs: ${verdict.explanation}.`;
    this.item.tooltip = `${why}\nClick to say whether this file is a goal doc.`;
    this.item.accessibilityInformation = { label: why };
    this.item.show();
  }

  /** The status bar item's click: the two answers, and where the file says one, letting the content decide. */
  private async choose(): Promise<void> {
    const document = this.activeDocument();
    if (!document) return;
    const verdict = await this.verdict(document.uri).catch(() => null);
    const says = verdict?.reason === 'marker' ? (verdict.goalDoc ? 'on' : 'off') : undefined;
    const comment = (marker: 'on' | 'off') => (isMdxDocument(document) ? `{/* goal-docs: ${marker} */}` : `<!-- goal-docs: ${marker} -->`);
    const choices: Choice[] = [
      { marker: 'on', label: 'Treat this file as a goal doc', description: says === 'on' ? '(the file says so)' : '', detail: `Writes ${comment('on')} in the file` },
      { marker: 'off', label: 'This file is not a goal doc', description: says === 'off' ? '(the file says so)' : '', detail: `Writes ${comment('off')} in the file` },
    ];
    if (says) choices.push({ marker: 'none', label: 'Let the content decide (remove the comment)', detail: `Removes ${comment(says)} from the file` });
    const picked = await vscode.window.showQuickPick(choices, {
      title: 'Is this file a goal doc?',
      placeHolder: verdict ? `Now ${verdict.explanation}` : undefined,
    });
    if (picked) await this.say(document, picked.marker);
  }

  private async sayForActiveFile(marker: Marker): Promise<void> {
    const document = this.activeDocument();
    if (document) await this.say(document, marker);
  }

  private activeDocument(): vscode.TextDocument | undefined {
    const document = vscode.window.activeTextEditor?.document;
    if (document && isGoalDocsDocument(document)) return document;
    void vscode.window.showInformationMessage('Open a Markdown file to say whether it is a goal doc.');
    return undefined;
  }

  /**
   * Has the server write or remove the marker. Its edit is tied to the version it read: when the
   * file changed before the edit landed, the editor refuses it, and the choice is asked again.
   */
  private async say(document: vscode.TextDocument, marker: Marker): Promise<void> {
    const args: SetGoalDocMarkerArgs = { uri: document.uri.toString(), marker };
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const result = await vscode.commands.executeCommand<SetGoalDocMarkerResult | null>(SET_GOAL_DOC_MARKER_COMMAND, args);
      if (result?.message) {
        void vscode.window.showInformationMessage(result.message);
        return;
      }
      if (!result || result.applied !== false) return;
    }
    void vscode.window.showWarningMessage('Goal Docs: the file kept changing while its goal-docs comment was written. Try again.');
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
