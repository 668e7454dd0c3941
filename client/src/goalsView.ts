// The Goals view, in the Explorer beside the Outline: the active goal doc's Year › Quarter › Goal
// tree with each goal's owners and progress, an objective's key results and initiatives under it. VS Code's built-in Markdown extension gives every
// Markdown file its outline of headings, so the server leaves the Outline to it (a second tree
// would show every heading twice) and sends this tree on request (GOAL_TREE_REQUEST).
import * as vscode from 'vscode';
import { type DocumentSymbol, SymbolKind } from 'vscode-languageclient';
import type { GoalTreeResult } from '../../server/src/protocol';
import { ActiveEditorFollower } from './activeEditor';
import { isGoalDocsDocument } from './documents';

export const GOALS_VIEW = 'goalDocs.goals';
/** Command run by a click on an item: shows its heading. */
export const REVEAL_HEADING = 'goalDocs.revealHeading';
/** Context key for the view's welcome text: `noEditor`, `notGoalDoc` or `goalDoc`. */
const STATE_KEY = 'goalDocs.goalsView';

export type GoalNodeKind = 'year' | 'quarter' | 'goal' | 'keyResult' | 'initiative' | 'heading';

export interface GoalNode {
  kind: GoalNodeKind;
  label: string;
  /** Owners and progress of a goal, the quarter and goal count of a quarter. */
  description?: string;
  uri: vscode.Uri;
  /** The heading's text, which a click selects. */
  selection: vscode.Range;
  children: GoalNode[];
}

const KINDS: Partial<Record<number, GoalNodeKind>> = {
  [SymbolKind.Module]: 'year',
  [SymbolKind.Event]: 'quarter',
  [SymbolKind.Class]: 'goal',
  [SymbolKind.Key]: 'keyResult',
  [SymbolKind.Function]: 'initiative',
};

const ICONS: Record<GoalNodeKind, string> = { year: 'calendar', quarter: 'milestone', goal: 'target', keyResult: 'key', initiative: 'rocket', heading: 'note' };

function toNode(uri: vscode.Uri, s: DocumentSymbol): GoalNode {
  const r = s.selectionRange;
  return {
    kind: KINDS[s.kind] ?? 'heading',
    label: s.name,
    description: s.detail || undefined,
    uri,
    selection: new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character),
    children: (s.children ?? []).map((c) => toNode(uri, c)),
  };
}

export class GoalsView implements vscode.TreeDataProvider<GoalNode>, vscode.Disposable {
  private roots: GoalNode[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly requestTree: (uri: string) => Promise<GoalTreeResult>,
    /** Called when the active editor shows a goal doc. */
    private readonly onGoalDoc: (document: vscode.TextDocument) => void,
  ) {
    this.subscriptions.push(
      vscode.window.createTreeView(GOALS_VIEW, { treeDataProvider: this, showCollapseAll: true }),
      vscode.commands.registerCommand(REVEAL_HEADING, (node: GoalNode) => this.reveal(node)),
      new ActiveEditorFollower((document, isLatest) => this.show(document, isLatest)),
    );
  }

  /** The tree of a document as the view shows it; null for a document that is not a goal doc. */
  async treeOf(uri: vscode.Uri): Promise<GoalNode[] | null> {
    const symbols = await this.requestTree(uri.toString());
    return symbols && symbols.map((s) => toNode(uri, s));
  }

  private async show(document: vscode.TextDocument | undefined, isLatest: () => boolean): Promise<void> {
    let roots: GoalNode[] | null = null;
    const ours = !!document && isGoalDocsDocument(document);
    if (ours) {
      try {
        roots = await this.treeOf(document.uri);
      } catch {
        return; // the server is restarting: keep what is shown
      }
    }
    // An answer for an editor that is no longer active is dropped.
    if (!isLatest()) return;
    this.roots = roots ?? [];
    const state = roots ? 'goalDoc' : ours ? 'notGoalDoc' : 'noEditor';
    void vscode.commands.executeCommand('setContext', STATE_KEY, state);
    this.changed.fire();
    if (roots && document) this.onGoalDoc(document);
  }

  getChildren(node?: GoalNode): GoalNode[] {
    return node ? node.children : this.roots;
  }

  getTreeItem(node: GoalNode): vscode.TreeItem {
    const open = node.kind === 'goal' || node.kind === 'keyResult' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
    const item = new vscode.TreeItem(node.label, node.children.length ? open : vscode.TreeItemCollapsibleState.None);
    item.description = node.description;
    item.tooltip = node.description ? `${node.label}\n${node.description}` : node.label;
    item.iconPath = new vscode.ThemeIcon(ICONS[node.kind]);
    item.contextValue = node.kind;
    item.command = { title: 'Show heading', command: REVEAL_HEADING, arguments: [node] };
    return item;
  }

  private async reveal(node: GoalNode): Promise<void> {
    const editor = await vscode.window.showTextDocument(node.uri, { selection: node.selection, preserveFocus: false });
    editor.revealRange(node.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
