// What the Goals view and the status bar item share: each shows something of the active editor's
// document, asked of the server again when the editor changes (at once) or its text does (once
// typing pauses), and an answer that a later question overtook is dropped.
import * as vscode from 'vscode';

/** Typing pauses this long before the server is asked again. */
const EDIT_DEBOUNCE_MS = 400;

/**
 * Calls `update` with the active editor's document (undefined without one) when it changes, when
 * its text changes and typing pauses, and when `refresh()` is called. `update` asks the server,
 * then shows the answer only while `isLatest()` holds (no later update has begun).
 */
export class ActiveEditorFollower implements vscode.Disposable {
  private pending: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly update: (document: vscode.TextDocument | undefined, isLatest: () => boolean) => Promise<void>) {
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule(EDIT_DEBOUNCE_MS);
      }),
    ];
    this.refresh();
  }

  /** Asks again at once. */
  refresh(): void {
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      const generation = ++this.generation;
      void this.update(vscode.window.activeTextEditor?.document, () => generation === this.generation);
    }, delayMs);
  }

  dispose(): void {
    clearTimeout(this.pending);
    for (const s of this.subscriptions) s.dispose();
  }
}
