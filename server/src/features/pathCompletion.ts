// Path completion in links, folder by folder as a file dialog goes: after `](`, `]: ` or
// `src="` the files and folders of the folder typed so far (the document's own folder at first,
// the workspace folder after a leading `/`). A folder is offered with its `/`, and choosing it
// asks for suggestions again, for the next level. Only folders inside the workspace folders are
// ever listed (GoalDocWorkspace.readDirectory refuses the others).
import { type CompletionItem, CompletionItemKind, type Range } from 'vscode-languageserver-types';
import type { GoalDoc } from '../model/types';
import type { Cancellation, GoalDocWorkspace } from '../workspace/goalDocWorkspace';
import { hasFolder } from '../workspace/uris';

/** VS Code's command to open the suggestions again, after a folder is chosen. */
const SUGGEST_AGAIN = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

export function decodePath(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

/** The folder a typed path up to its last `/` names, as a URI; undefined where it names none. */
function folderUri(doc: GoalDoc, typedFolder: string, workspace: GoalDocWorkspace): string | undefined {
  if (!hasFolder(doc.uri)) return undefined;
  const encoded = decodePath(typedFolder).split('/').map(encodeURIComponent).join('/');
  try {
    if (!encoded.startsWith('/')) return new URL(encoded || '.', doc.uri).href;
    const root = workspace.folderOf(doc.uri);
    return root ? new URL(encoded.slice(1) || '.', root.replace(/\/?$/, '/')).href : undefined;
  } catch {
    return undefined;
  }
}

function balancedParens(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** A file name as a link destination writes it. */
function asLinkPath(name: string, html: boolean): string {
  const text = name.replace(/%/g, '%25').replace(/ /g, '%20');
  if (html) return text.replace(/"/g, '&quot;').replace(/'/g, '&apos;');
  return balancedParens(text) ? text : text.replace(/[()]/g, '\\$&');
}

export interface PathContext {
  /** The path typed before the cursor. */
  typed: string;
  /** The whole path being typed, also after the cursor. */
  replace: Range;
  /** Inside an HTML attribute rather than a Markdown link. */
  html?: boolean;
}

export async function pathItems(doc: GoalDoc, context: PathContext, workspace: GoalDocWorkspace, token: Cancellation): Promise<CompletionItem[]> {
  const slash = context.typed.lastIndexOf('/') + 1;
  const folder = folderUri(doc, context.typed.slice(0, slash), workspace);
  if (!folder) return [];
  const entries = await workspace.readDirectory(folder);
  if (!entries || token.isCancellationRequested) return [];
  // Choosing an entry replaces the last segment only: the folders typed before it stay.
  const start = { line: context.replace.start.line, character: context.replace.start.character + slash };
  const range = { start, end: context.replace.end };
  const items = entries.map(({ name, kind }): CompletionItem => {
    const isFolder = kind === 'directory';
    return {
      label: isFolder ? `${name}/` : name,
      kind: isFolder ? CompletionItemKind.Folder : CompletionItemKind.File,
      // Folders first, as the Explorer lists them.
      sortText: `${isFolder ? 1 : 2}${name.toLowerCase()}`,
      textEdit: { range, newText: asLinkPath(name, !!context.html) + (isFolder ? '/' : '') },
      ...(isFolder ? { command: SUGGEST_AGAIN } : {}),
    };
  });
  return items.sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0));
}
