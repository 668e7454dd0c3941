// Completion of anchors and Markdown paths in links: after `](#`, `](other.md#`, `]: #` and
// `href="#` every heading of the target document by its GitHub slug; after `](` the relative
// paths of the workspace's Markdown files.
//
// Item kinds tell the headings apart: a year is a Module (it contains quarters), a quarter an
// Event (a span of time), a goal a Class (the thing with fields), any other heading a Reference
// (as in VS Code's own Markdown completion).
import * as path from 'node:path';
import {
  type CompletionItem,
  CompletionItemKind,
  type CompletionList,
  MarkupKind,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { GoalDoc, Heading, HeadingKind } from '../model/types';
import { resolveLinkTarget } from '../linkedFiles';
import { lineStartAt, positionAt } from '../model/text';
import { offsetOf, sameUri } from './anchorTargets';
import { goalProgress, goalStatus, headingRoles, placeOf, plural, progressText, quarterProgress } from './goalSummary';
import type { Cancellation, GoalDocWorkspace } from './workspace';

export const HEADING_COMPLETION_KINDS: Record<HeadingKind, CompletionItemKind> = {
  year: CompletionItemKind.Module,
  quarter: CompletionItemKind.Event,
  goal: CompletionItemKind.Class,
  other: CompletionItemKind.Reference,
};

/** What is being typed at the cursor, and the part of the line that accepting replaces. */
export type LinkContext =
  | { kind: 'anchor'; path: string; typed: string; replace: Range }
  | { kind: 'path'; typed: string; replace: Range };

// The text before the cursor on its line.
const INLINE_ANCHOR = /\]\(\s*<?([^\s()<>#]*)#([^\s()<>#]*)$/;
const DEFINITION_ANCHOR = /^ {0,3}\[[^\]]+\]:\s*<?([^\s<>#]*)#([^\s<>#]*)$/;
const HTML_ANCHOR = /\bhref\s*=\s*(["'])([^"'#\s]*)#([^"'#\s]*)$/i;
const INLINE_PATH = /\]\(\s*<?([^\s()<>#]*)$/;
const DEFINITION_PATH = /^ {0,3}\[[^\]]+\]:\s*<?([^\s<>#]*)$/;

/** Where the fragment or path being typed ends: at the first character that cannot be in it. */
function endOf(text: string, from: number, stop: RegExp): number {
  let end = from;
  while (end < text.length && !stop.test(text[end])) end++;
  return end;
}

export function linkContextAt(doc: GoalDoc, position: Position): LinkContext | undefined {
  const offset = offsetOf(doc, position);
  if (doc.codeSpans.some((s) => s.start <= offset && offset < s.end)) return undefined;
  const before = doc.text.slice(lineStartAt(doc.text, offset), offset);
  const range = (start: number, end: number): Range => ({ start: positionAt(doc.lineStarts, start), end: positionAt(doc.lineStarts, end) });

  const anchor = (p: string, typed: string, stop: RegExp): LinkContext => {
    const start = offset - typed.length;
    return { kind: 'anchor', path: p, typed, replace: range(start, endOf(doc.text, offset, stop)) };
  };
  let m = INLINE_ANCHOR.exec(before);
  if (m) return anchor(m[1], m[2], /[\s()<>]/);
  m = DEFINITION_ANCHOR.exec(before);
  if (m) return anchor(m[1], m[2], /[\s<>]/);
  m = HTML_ANCHOR.exec(before);
  if (m) return anchor(m[2], m[3], new RegExp(`[\\s${m[1]}>]`));

  m = INLINE_PATH.exec(before) ?? DEFINITION_PATH.exec(before);
  if (m) {
    const start = offset - m[1].length;
    return { kind: 'path', typed: m[1], replace: range(start, endOf(doc.text, offset, /[\s()<>#]/)) };
  }
  return undefined;
}

function decodePath(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

function headingDocumentation(doc: GoalDoc, h: Heading): string {
  const roles = headingRoles(doc);
  const lines = [`\`#${h.slug}\``];
  const goal = roles.goal.get(h);
  if (goal) {
    lines.push(`**Owner**: ${goal.owners.length ? goal.owners.join(', ') : '_none_'}`);
    const status = goalStatus(goal);
    if (status) lines.push(`**Status**: ${status}`);
    const progress = progressText(goalProgress(doc, goal));
    if (progress) lines.push(`Milestones: ${progress}`);
  }
  const quarter = roles.quarter.get(h);
  if (quarter) {
    const progress = progressText(quarterProgress(doc, quarter));
    lines.push(plural(quarter.goals.length, 'goal') + (progress ? ` · milestones ${progress}` : ''));
  }
  const year = doc.years.find((y) => y.heading === h);
  if (year) lines.push(plural(year.quarters.length, 'quarter'));
  return lines.join('\n\n');
}

function anchorItems(target: GoalDoc, replace: Range): CompletionItem[] {
  const width = String(target.headings.length).length;
  return target.headings.map((h) => ({
    label: h.text || h.slug,
    kind: HEADING_COMPLETION_KINDS[h.kind],
    detail: placeOf(target, h) || undefined,
    documentation: { kind: MarkupKind.Markdown, value: headingDocumentation(target, h) },
    // Typed words of the heading find it as well as its slug.
    filterText: `${h.slug} ${h.text}`,
    sortText: String(h.index).padStart(width, '0'),
    textEdit: { range: replace, newText: h.slug },
  }));
}

/** The path of `to` relative to the folder of `from`, as a Markdown link writes it. */
function relativeLinkPath(from: string, to: string): string | undefined {
  if (!from.startsWith('file:') || !to.startsWith('file:')) return undefined;
  const a = decodePath(new URL(from).pathname);
  const b = decodePath(new URL(to).pathname);
  return path.posix.relative(path.posix.dirname(a), b).replace(/ /g, '%20');
}

async function pathItems(doc: GoalDoc, replace: Range, workspace: GoalDocWorkspace, token: Cancellation): Promise<CompletionItem[]> {
  const uris = await workspace.markdownUris(token);
  if (token.isCancellationRequested) return [];
  const items: CompletionItem[] = [];
  for (const uri of uris) {
    if (sameUri(uri, doc.uri)) continue;
    const rel = relativeLinkPath(doc.uri, uri);
    if (!rel) continue;
    const depth = rel.split('/').length;
    items.push({
      label: rel,
      kind: CompletionItemKind.File,
      sortText: `${String(depth).padStart(3, '0')}${rel}`,
      textEdit: { range: replace, newText: rel },
    });
  }
  return items;
}

export async function provideCompletions(
  doc: GoalDoc,
  position: Position,
  workspace: GoalDocWorkspace,
  token: Cancellation,
): Promise<CompletionList> {
  const none: CompletionList = { isIncomplete: false, items: [] };
  const context = linkContextAt(doc, position);
  if (!context) return none;
  if (context.kind === 'path') {
    return { isIncomplete: false, items: await pathItems(doc, context.replace, workspace, token) };
  }
  let target: GoalDoc | undefined = doc;
  if (context.path !== '') {
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(context.path)) return none; // external URL
    const resolved = resolveLinkTarget(workspace, doc.uri, decodePath(context.path));
    target = resolved?.kind === 'file' ? workspace.model(resolved.uri) : undefined;
    if (token.isCancellationRequested) return none;
  }
  return target ? { isIncomplete: false, items: anchorItems(target, context.replace) } : none;
}
