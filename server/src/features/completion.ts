// Completion in Markdown links: after `](#`, `](other.md#`, `]: #` and `href="#` every heading
// of the target document by its GitHub slug; after `](##` the headings of every Markdown file of
// the workspace; after `](` the document's headings and the files and folders of the folder
// typed so far (pathCompletion.ts); after `[text][` the document's reference definitions.
//
// Item kinds tell the headings apart: a year is a Module (it contains quarters), a quarter an
// Event (a span of time), a goal a Class (the thing with fields), any other heading a Reference
// (as in VS Code's own Markdown completion).
import {
  type CompletionItem,
  CompletionItemKind,
  type CompletionList,
  MarkupKind,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { GoalDoc, Heading, HeadingKind } from '../model/types';
import { resolveLinkTarget } from '../workspace/linkedFiles';
import { lineStartAt, positionAt } from '../model/text';
import { offsetOf, sameUri } from './anchorTargets';
import { goalProgress, goalStatus, headingRoles, placeOf, plural, progressText, quarterProgress } from './goalSummary';
import { decodePath, pathItems } from './pathCompletion';
import type { Cancellation, GoalDocWorkspace } from '../workspace/goalDocWorkspace';
import { dirname, hasFolder, relativePath, sameAuthority, uriPath } from '../workspace/uris';

export const HEADING_COMPLETION_KINDS: Record<HeadingKind, CompletionItemKind> = {
  year: CompletionItemKind.Module,
  quarter: CompletionItemKind.Event,
  goal: CompletionItemKind.Class,
  other: CompletionItemKind.Reference,
};

/** What is being typed at the cursor, and the part of the line that accepting replaces. */
export type LinkContext =
  | { kind: 'anchor'; path: string; typed: string; replace: Range }
  | { kind: 'workspaceHeading'; typed: string; replace: Range }
  | { kind: 'path'; typed: string; replace: Range; html: boolean; image: boolean }
  | { kind: 'reference'; typed: string; replace: Range };

// The text before the cursor on its line.
const INLINE_ANCHOR = /\]\(\s*<?([^\s()<>#]*)#([^\s()<>#]*)$/;
const DEFINITION_ANCHOR = /^ {0,3}\[[^\]]+\]:\s*<?([^\s<>#]*)#([^\s<>#]*)$/;
const HTML_ANCHOR = /\bhref\s*=\s*(["'])([^"'#\s]*)#([^"'#\s]*)$/i;
const INLINE_WORKSPACE_HEADING = /\]\(\s*<?(##[^\s()<>#]*)$/;
const INLINE_PATH = /\]\(\s*<?([^\s()<>#]*)$/;
const IMAGE_PATH = /!\[[^\]]*\]\(\s*<?[^\s()<>#]*$/;
const DEFINITION_PATH = /^ {0,3}\[[^\]]+\]:\s*<?([^\s<>#]*)$/;
const HTML_PATH = /<[a-z][\w-]*\s(?:[^>]*\s)?(href|src)\s*=\s*(["'])([^"'#\s]*)$/i;
const REFERENCE_LABEL = /\[[^\]]*\]\[([^\]\s]*)$/;

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
  const replace = (typed: string, stop: RegExp): Range => ({
    start: positionAt(doc.lineStarts, offset - typed.length),
    end: positionAt(doc.lineStarts, endOf(doc.text, offset, stop)),
  });

  let m = INLINE_ANCHOR.exec(before);
  if (m) return { kind: 'anchor', path: m[1], typed: m[2], replace: replace(m[2], /[\s()<>]/) };
  m = DEFINITION_ANCHOR.exec(before);
  if (m) return { kind: 'anchor', path: m[1], typed: m[2], replace: replace(m[2], /[\s<>]/) };
  m = HTML_ANCHOR.exec(before);
  if (m) return { kind: 'anchor', path: m[2], typed: m[3], replace: replace(m[3], new RegExp(`[\\s${m[1]}>]`)) };
  m = INLINE_WORKSPACE_HEADING.exec(before);
  if (m) return { kind: 'workspaceHeading', typed: m[1], replace: replace(m[1], /[\s()<>]/) };

  m = INLINE_PATH.exec(before) ?? DEFINITION_PATH.exec(before);
  if (m) return { kind: 'path', typed: m[1], replace: replace(m[1], /[\s()<>#]/), html: false, image: IMAGE_PATH.test(before) };
  m = HTML_PATH.exec(before);
  if (m) return { kind: 'path', typed: m[3], replace: replace(m[3], new RegExp(`[\\s${m[2]}>#]`)), html: true, image: m[1].toLowerCase() === 'src' };
  m = REFERENCE_LABEL.exec(before);
  if (m) return { kind: 'reference', typed: m[1], replace: replace(m[1], /[\]\s]/) };
  return undefined;
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

function headingItem(target: GoalDoc, h: Heading, replace: Range, newText: string): CompletionItem {
  return {
    label: h.text || h.slug,
    kind: HEADING_COMPLETION_KINDS[h.kind],
    detail: placeOf(target, h) || undefined,
    documentation: { kind: MarkupKind.Markdown, value: headingDocumentation(target, h) },
    // Typed words of the heading find it as well as its slug.
    filterText: `${newText} ${h.text}`,
    textEdit: { range: replace, newText },
  };
}

/** The headings of `target` in document order, each inserted as `prefix` + its slug. */
function anchorItems(target: GoalDoc, replace: Range, prefix = '', sortPrefix = ''): CompletionItem[] {
  const width = String(target.headings.length).length;
  return target.headings.map((h) => ({
    ...headingItem(target, h, replace, prefix + h.slug),
    sortText: sortPrefix + String(h.index).padStart(width, '0'),
  }));
}

/** The path of `to` relative to the folder of `from`, as a Markdown link writes it. */
function relativeLinkPath(from: string, to: string): string | undefined {
  if (!hasFolder(from) || !sameAuthority(from, to)) return undefined;
  return relativePath(dirname(uriPath(from)), uriPath(to)).replace(/ /g, '%20');
}

/** After `](##`: the headings of every Markdown file, the document's own first. */
async function workspaceHeadingItems(doc: GoalDoc, replace: Range, workspace: GoalDocWorkspace, token: Cancellation): Promise<CompletionItem[]> {
  const items = anchorItems(doc, replace, '#', '0');
  for (const other of await workspace.markdownModels(token)) {
    if (token.isCancellationRequested) return [];
    if (sameUri(other.uri, doc.uri)) continue;
    const rel = relativeLinkPath(doc.uri, other.uri);
    if (!rel) continue;
    for (const item of anchorItems(other, replace, `${rel}#`, `1${rel}`)) items.push({ ...item, labelDetails: { description: rel } });
  }
  return items;
}

/** After `[text][`: the labels of the document's reference definitions, each once. */
function referenceItems(doc: GoalDoc, replace: Range): CompletionItem[] {
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const d of doc.links) {
    if (d.kind !== 'definition' || seen.has(d.text.toLowerCase())) continue;
    seen.add(d.text.toLowerCase());
    items.push({ label: d.text, kind: CompletionItemKind.Reference, detail: d.href, textEdit: { range: replace, newText: d.text } });
  }
  return items;
}

export async function provideCompletions(
  doc: GoalDoc,
  position: Position,
  workspace: GoalDocWorkspace,
  token: Cancellation,
): Promise<CompletionList> {
  const list = (items: CompletionItem[]): CompletionList => ({ isIncomplete: false, items });
  const context = linkContextAt(doc, position);
  switch (context?.kind) {
    case undefined:
      return list([]);
    case 'reference':
      return list(referenceItems(doc, context.replace));
    case 'workspaceHeading':
      return list(await workspaceHeadingItems(doc, context.replace, workspace, token));
    case 'path': {
      // Before anything is typed, the document's own headings come first, as `#slug`.
      const headings = context.typed === '' && !context.image ? anchorItems(doc, context.replace, '#', '0') : [];
      return list([...headings, ...(await pathItems(doc, context, workspace, token))]);
    }
    case 'anchor': {
      let target: GoalDoc | undefined = doc;
      if (context.path !== '') {
        if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(context.path)) return list([]); // external URL
        const resolved = resolveLinkTarget(workspace, doc.uri, decodePath(context.path));
        target = resolved?.kind === 'file' ? workspace.model(resolved.uri) : undefined;
        if (token.isCancellationRequested) return list([]);
      }
      return list(target ? anchorItems(target, context.replace) : []);
    }
  }
}
