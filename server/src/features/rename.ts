// Rename (F2) on a heading or on a link to it: renames the heading text and updates every link
// to it in the workspace. Links to other headings of the same doc are updated too when their
// duplicate suffix shifts (`#title-1` becomes `#title` when the first "Title" is renamed away),
// because GitHub counts duplicates in document order.
import GithubSlugger from 'github-slugger';
import type { Position, Range, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { GoalDoc, Heading, Span } from '../model/types';
import type { LinkedFiles } from '../workspace/linkedFiles';
import { rangesOverlap, spanToRange } from '../model/text';
import { EXPLICIT_ID } from '../model/headings';
import { type CursorTarget, resolveLink, targetAt, workspaceLinksInto } from './anchorTargets';
import type { Cancellation, GoalDocWorkspace } from '../workspace/goalDocWorkspace';

/** Rename makes no sense here; the message says why, for the editor to show. */
export interface RenameRefusal {
  refused: string;
}

export function isRefusal(x: unknown): x is RenameRefusal {
  return typeof x === 'object' && x !== null && 'refused' in x;
}

type RenameTarget = { doc: GoalDoc; heading: Heading; cursor: CursorTarget };

function renameTarget(doc: GoalDoc, position: Position, files: LinkedFiles): RenameTarget | RenameRefusal {
  const cursor = targetAt(doc, position);
  if (!cursor) return { refused: 'Rename works on a heading, or on a link to a heading.' };
  if (cursor.kind === 'heading') return { doc, heading: cursor.heading, cursor };
  const { link } = cursor;
  if (link.external) return { refused: `Cannot rename: ${link.href} is an external URL, not a heading of this workspace.` };
  if (link.fragment === undefined) return { refused: 'Cannot rename: this link points at a whole file; rename a heading, or a link with a #fragment.' };
  const resolved = resolveLink(doc, link, files);
  if (resolved.kind !== 'heading') return { refused: `Cannot rename: ${resolved.kind === 'unresolved' ? resolved.reason : 'the link reaches no heading'}.` };
  return { doc: resolved.doc, heading: resolved.heading, cursor };
}

/**
 * The part of the heading's source that rename replaces: the text without an explicit `{#id}`,
 * and, when the source has markup around the plain text (`**Title**`, `[Title](url)`), only the
 * plain text, so the markup stays.
 */
export function editableSpan(doc: GoalDoc, h: Heading): Span {
  let { start, end } = h.textSpan;
  const source = doc.text.slice(start, end);
  const id = EXPLICIT_ID.exec(source);
  if (id) end = start + id.index;
  const editable = doc.text.slice(start, end);
  const at = h.text ? editable.indexOf(h.text) : -1;
  if (at >= 0 && editable.indexOf(h.text, at + 1) < 0) return { start: start + at, end: start + at + h.text.length };
  return { start, end };
}

export function prepareRename(doc: GoalDoc, position: Position, files: LinkedFiles): { range: Range; placeholder: string } | RenameRefusal {
  const target = renameTarget(doc, position, files);
  if (isRefusal(target)) return target;
  const { cursor, heading } = target;
  // The input box opens on what the cursor is on: the heading text, or the link's fragment.
  const range = cursor.kind === 'link' ? (cursor.link.fragmentRange ?? cursor.link.hrefRange) : spanToRange(doc.lineStarts, editableSpan(doc, heading));
  return { range, placeholder: heading.text };
}

/** The new slug of every heading whose slug changes when `renamed` gets the text `newText`. */
export function slugChanges(doc: GoalDoc, renamed: Heading, newText: string): Map<Heading, string> {
  const slugger = new GithubSlugger();
  const changes = new Map<Heading, string>();
  for (const h of doc.headings) {
    const slug = slugger.slug(h === renamed ? newText : h.text);
    if (slug !== h.slug) changes.set(h, slug);
  }
  return changes;
}

/** TOC entries that name the renamed heading by its old text get the new text as well. */
function tocTextEdits(doc: GoalDoc, h: Heading, newText: string, files: LinkedFiles): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const entry of doc.toc?.entries ?? []) {
    if (entry.text.replace(/[*_`]/g, '').trim() !== h.text) continue;
    const r = resolveLink(doc, entry.link, files);
    if (r.kind !== 'heading' || r.heading !== h) continue;
    const label = doc.text.slice(entry.link.span.start, entry.link.hrefSpan.start);
    const at = label.indexOf(h.text);
    if (at < 0 || label.indexOf(h.text, at + 1) >= 0) continue;
    const start = entry.link.span.start + at;
    edits.push({ range: spanToRange(doc.lineStarts, { start, end: start + h.text.length }), newText });
  }
  return edits;
}

export async function provideRename(
  doc: GoalDoc,
  position: Position,
  newName: string,
  workspace: GoalDocWorkspace,
  token: Cancellation,
  options: { documentChanges: boolean },
): Promise<WorkspaceEdit | RenameRefusal | null> {
  const newText = newName.trim();
  if (!newText) return { refused: 'A heading needs some text.' };
  if (/[\r\n]/.test(newText)) return { refused: 'A heading is one line; the new name has a line break.' };
  const target = renameTarget(doc, position, workspace);
  if (isRefusal(target)) return target;
  const { doc: into, heading } = target;

  const edits = new Map<string, TextEdit[]>();
  const add = (uri: string, edit: TextEdit) => {
    const list = edits.get(uri) ?? [];
    if (!list.some((e) => rangesOverlap(e.range, edit.range))) list.push(edit);
    edits.set(uri, list);
  };
  const span = editableSpan(into, heading);
  // An empty heading (`##`) needs the space that makes `## Title` a heading.
  const spaced = span.start === span.end && into.text[span.start - 1] === '#' ? ` ${newText}` : newText;
  add(into.uri, { range: spanToRange(into.lineStarts, span), newText: spaced });
  for (const e of tocTextEdits(into, heading, newText, workspace)) add(into.uri, e);

  const slugs = slugChanges(into, heading, newText);
  if (slugs.size) {
    const links = await workspaceLinksInto(into, workspace, token);
    if (token.isCancellationRequested) return null;
    for (const l of links) {
      const slug = l.viaSlug ? slugs.get(l.heading) : undefined;
      if (slug !== undefined && l.link.fragmentRange) add(l.doc.uri, { range: l.link.fragmentRange, newText: slug });
    }
  }
  if (!options.documentChanges) return { changes: Object.fromEntries(edits) };
  const documentChanges: TextDocumentEdit[] = [...edits].map(([uri, list]) => ({
    textDocument: { uri, version: workspace.openVersion(uri) ?? null },
    edits: list,
  }));
  return { documentChanges };
}
