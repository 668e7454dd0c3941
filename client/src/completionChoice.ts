// Who completes links: VS Code's built-in Markdown extension does in every Markdown file while
// `markdown.suggest.paths.enabled` is on (the default), and two completions would list every
// heading twice, so the server completes links only where that setting is off. Goal Docs asks
// once, never changes a setting without a click, and can be asked again by command.
import * as vscode from 'vscode';

export const CHOOSE_LINK_COMPLETION = 'goalDocs.chooseLinkCompletion';
export const BUILTIN_MARKDOWN = 'vscode.markdown-language-features';
/** The answer, once given: `goalDocs`, `builtin` or `dismissed`; never asked again after one. */
const ANSWER_KEY = 'goalDocs.linkCompletionAnswer';

export const USE_GOAL_DOCS = "Use Goal Docs' completion";
export const KEEP_BUILTIN = "Keep VS Code's";
const OFFER = 'Goal Docs can complete links in Markdown files instead of VS Code: GitHub-exact anchors, with each goal\'s owner and progress. Choosing it sets "markdown.suggest.paths.enabled": false in your user settings (the command "Goal Docs: Choose Link Completion" changes it back).';

const SETTING_SECTION = 'markdown';
const SETTING = 'suggest.paths.enabled';

/**
 * Whether VS Code's Markdown features are on. In a browser they may run in another extension host
 * than Goal Docs (on the remote, in code-server), where getExtension does not see them; the
 * settings they contribute are there for every host while they are enabled.
 */
export function builtinMarkdownIsOn(): boolean {
  return !!vscode.extensions.getExtension(BUILTIN_MARKDOWN) || vscode.workspace.getConfiguration(SETTING_SECTION).inspect(SETTING)?.defaultValue !== undefined;
}

function builtinCompletes(scope?: vscode.Uri): boolean {
  return builtinMarkdownIsOn() && vscode.workspace.getConfiguration(SETTING_SECTION, scope).get<boolean>(SETTING) === true;
}

export class CompletionChoice {
  private asking = false;

  constructor(private readonly state: vscode.Memento) {}

  /** The first time a goal doc is shown while the built-in completes links: one notification. */
  async offer(document: vscode.TextDocument): Promise<void> {
    if (this.asking || this.state.get(ANSWER_KEY) !== undefined || !builtinCompletes(document.uri)) return;
    this.asking = true;
    try {
      const answer = await vscode.window.showInformationMessage(OFFER, USE_GOAL_DOCS, KEEP_BUILTIN);
      await this.state.update(ANSWER_KEY, answer === USE_GOAL_DOCS ? 'goalDocs' : answer === KEEP_BUILTIN ? 'builtin' : 'dismissed');
      if (answer === USE_GOAL_DOCS) await this.useGoalDocs(true);
    } finally {
      this.asking = false;
    }
  }

  /** The command: choose again, either way. */
  async choose(): Promise<void> {
    const current = builtinCompletes() ? 'builtin' : 'goalDocs';
    const picked = await vscode.window.showQuickPick([
      { id: 'goalDocs', label: 'Goal Docs', description: current === 'goalDocs' ? '(current)' : '',
        detail: 'GitHub-exact anchors with goal owners and progress, paths and reference labels; sets markdown.suggest.paths.enabled to false in your user settings' },
      { id: 'builtin', label: "VS Code's built-in Markdown", description: current === 'builtin' ? '(current)' : '',
        detail: 'Removes markdown.suggest.paths.enabled from your user settings (VS Code completes links by default)' },
    ], { title: 'Who completes links in Markdown files?' });
    if (!picked) return;
    await this.state.update(ANSWER_KEY, picked.id);
    await this.useGoalDocs(picked.id === 'goalDocs');
  }

  private async useGoalDocs(use: boolean): Promise<void> {
    const config = vscode.workspace.getConfiguration(SETTING_SECTION);
    await config.update(SETTING, use ? false : undefined, vscode.ConfigurationTarget.Global);
    // A workspace value wins over the user's: say so rather than write that one too.
    const inspected = vscode.workspace.getConfiguration(SETTING_SECTION).inspect<boolean>(SETTING);
    const overriding = inspected?.workspaceFolderValue ?? inspected?.workspaceValue;
    if (overriding !== undefined && overriding === use) {
      void vscode.window.showWarningMessage(`This workspace's settings set "markdown.${SETTING}": ${overriding}, which wins over your user settings.`);
    }
  }
}
