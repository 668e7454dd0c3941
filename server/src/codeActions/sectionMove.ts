// Sections moved within a page or from one page to another, as one all-or-nothing edit: each
// page's new text is laid out of pieces (old text, with edits inside a moved piece such as its
// heading levels, and new text); every link in the workspace to a heading whose page or GitHub
// slug changes follows it (duplicate suffixes are counted again on the new pages); each page's
// TOC is regenerated in its own style; and nothing is offered that would leave a problem the
// pages did not have. The rest of every page stays as it was, byte for byte.
import type { CreateFile, Diagnostic, Range, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { GoalDoc, Heading, Link } from '../model/types';
import { buildGoalDoc } from '../model/build';
import { basename, dirname, relativePath, uriPath } from '../workspace/uris';
import type { LinkedFiles } from '../workspace/linkedFiles';
import { isRelativeFileLink, resolveLinkTarget } from '../workspace/linkedFiles';
import { computeDiagnostics } from '../diagnostics/index';
import type { GoalDocsSettings } from '../settings/schema';
import { workspaceLinksInto } from '../features/anchorTargets';
import type { Cancellation, GoalDocWorkspace } from '../workspace/goalDocWorkspace';
import type { RenameRefusal } from '../features/rename';
import { applySpanEdits, editsOverlap, lineDiff, type SpanEdit, textDiff, toTextEdits } from './edit';
import { regeneratedToc } from './tocFixes';
import { sureFixEdits } from './index';

/** Why an action is not offered or a command did nothing, in words for the editor to show. */
export type Refusal = RenameRefusal;

/** What the client can apply, from its capabilities. */
export interface EditSupport {
  /** Versioned `documentChanges` (a move is never sent without them). */
  documentChanges: boolean;
  /** The `create` resource operation, for a completed-goals page that does not exist yet. */
  createFiles: boolean;
  /** Code actions with `disabled: { reason }`, shown greyed out with the reason. */
  disabledActions: boolean;
}

export const FULL_SUPPORT: EditSupport = { documentChanges: true, createFiles: true, disabledActions: true };

/**
 * A piece of a page's new text: text of a page as it is (with edits inside it, in that page's
 * offsets; `moved` for a goal's section filed elsewhere), or new text.
 */
export type Piece = { kind: 'old'; from: GoalDoc; start: number; end: number; edits?: SpanEdit[]; moved?: boolean } | { kind: 'new'; text: string };

export interface PageRewrite {
  uri: string;
  /** The page as it is; undefined for a page the edit creates. */
  before?: GoalDoc;
  pieces: Piece[];
}

export interface MoveContext {
  workspace: GoalDocWorkspace;
  settingsOf(uri: string): Promise<GoalDocsSettings>;
  /** The day the rules read the calendar on (period.ended-open). */
  today: Date;
  support: EditSupport;
  token: Cancellation;
}

export interface MoveResult {
  edit: WorkspaceEdit;
  /** Every rewritten page as it reads after the edit. */
  pages: Map<string, GoalDoc>;
}

/** A page laid out of its pieces, before links and TOC are mended. */
interface Laid {
  page: PageRewrite;
  text: string;
  /** Where each piece starts in `text`. */
  starts: number[];
  doc: GoalDoc;
  /**
   * Where each heading stood before, by its index (in `doc`, and in the page after: links and the
   * TOC change no heading); undefined for a new heading.
   */
  origin: Array<{ uri: string; index: number; moved: boolean } | undefined>;
}

function pieceText(p: Piece): string {
  if (p.kind === 'new') return p.text;
  const local = (p.edits ?? []).map((e) => ({ ...e, start: e.start - p.start, end: e.end - p.start }));
  return applySpanEdits(p.from.text.slice(p.start, p.end), local);
}

function lay(page: PageRewrite, version: number): Laid {
  const starts: number[] = [];
  let text = '';
  for (const p of page.pieces) {
    starts.push(text.length);
    text += pieceText(p);
  }
  return { page, text, starts, doc: buildGoalDoc(text, { uri: page.uri, version }), origin: [] };
}

/** Where an offset of a page as it is went: the laid page holding it and its offset there. */
function locate(laid: Laid[], uri: string, offset: number): { at: Laid; offset: number } | undefined {
  for (const at of laid) {
    for (let i = 0; i < at.page.pieces.length; i++) {
      const p = at.page.pieces[i]!;
      if (p.kind !== 'old' || p.from.uri !== uri || offset < p.start || offset >= p.end) continue;
      let shift = 0;
      for (const e of p.edits ?? []) if (e.end <= offset) shift += e.newText.length - (e.end - e.start);
      return { at, offset: at.starts[i]! + offset - p.start + shift };
    }
  }
  return undefined;
}

const headingKey = (uri: string, h: Heading) => `${uri}\u0000${h.index}`;

/** Each old heading of the moved pages → where it stands after, checked text by text. */
function mapHeadings(laid: Laid[]): Map<string, { uri: string; heading: Heading }> | undefined {
  const map = new Map<string, { uri: string; heading: Heading }>();
  for (const l of laid) {
    const expected: Array<{ from: GoalDoc; heading: Heading; moved: boolean } | undefined> = [];
    for (const p of l.page.pieces) {
      if (p.kind === 'new') {
        const n = buildGoalDoc(p.text, { uri: 'untitled:piece', version: 0 }).headings.length;
        for (let i = 0; i < n; i++) expected.push(undefined);
      } else {
        for (const h of p.from.headings) if (h.span.start >= p.start && h.span.start < p.end) expected.push({ from: p.from, heading: h, moved: !!p.moved });
      }
    }
    if (expected.length !== l.doc.headings.length) return undefined;
    for (let i = 0; i < expected.length; i++) {
      const old = expected[i];
      const now = l.doc.headings[i]!;
      if (!old) continue;
      if (old.heading.text !== now.text) return undefined;
      map.set(headingKey(old.from.uri, old.heading), { uri: l.page.uri, heading: now });
      l.origin[i] = { uri: old.from.uri, index: old.heading.index, moved: old.moved };
    }
  }
  return map;
}

function fileNameOf(uri: string): string {
  return basename(uriPath(uri));
}

function encodePath(p: string): string {
  return p.split('/').map((s) => (s === '..' || s === '.' ? s : encodeURIComponent(s))).join('/');
}

/**
 * The path a link written `written` (which led to `oldTarget`) takes to reach `newTarget` from
 * `fromUri`: the same folder part with the new file name where the new page sits beside the
 * old one (and `.md` left out if it was), else the relative path from `fromUri`'s folder.
 */
export function retargetedPath(fromUri: string, newTarget: string, written: string, oldTarget: string, sameFile: boolean): string {
  const slash = written.lastIndexOf('/');
  const writtenName = decodeURIComponent(written.slice(slash + 1));
  const oldName = fileNameOf(oldTarget);
  const beside = dirname(uriPath(newTarget)) === dirname(uriPath(oldTarget));
  if (sameFile && beside && (writtenName === oldName || `${writtenName}.md` === oldName)) {
    const name = fileNameOf(newTarget);
    return written.slice(0, slash + 1) + encodePath(writtenName === oldName ? name : name.replace(/\.md$/i, ''));
  }
  return encodePath(relativePath(dirname(uriPath(fromUri)), uriPath(newTarget)) || fileNameOf(newTarget));
}

interface LinkEdits {
  /** Edits of laid pages, in their new offsets. */
  laid: Map<Laid, SpanEdit[]>;
  /** Edits of other files, in their own offsets, with their models. */
  others: Map<string, { doc: GoalDoc; edits: SpanEdit[] }>;
}

function addEdit(edits: LinkEdits, at: { at: Laid; offset: number } | undefined, doc: GoalDoc, span: { start: number; end: number }, newText: string): void {
  if (at) {
    const list = edits.laid.get(at.at) ?? [];
    list.push({ start: at.offset, end: at.offset + span.end - span.start, newText });
    edits.laid.set(at.at, list);
  } else {
    const entry = edits.others.get(doc.uri) ?? { doc, edits: [] };
    entry.edits.push({ ...span, newText });
    edits.others.set(doc.uri, entry);
  }
}

/** Links to the moved pages' headings, from anywhere in the workspace, retargeted. */
async function retargetLinks(laid: Laid[], map: Map<string, { uri: string; heading: Heading }>, ctx: MoveContext, edits: LinkEdits): Promise<Set<Link>> {
  const handled = new Set<Link>();
  const olds = new Map<string, GoalDoc>();
  for (const l of laid) {
    if (l.page.before) olds.set(l.page.before.uri, l.page.before);
    for (const p of l.page.pieces) if (p.kind === 'old') olds.set(p.from.uri, p.from);
  }
  const tocOf = new Map(laid.flatMap((l) => (l.page.before?.toc ? [[l.page.before.uri, l.page.before.toc.span] as const] : [])));
  for (const target of olds.values()) {
    const links = await workspaceLinksInto(target, ctx.workspace, ctx.token);
    if (ctx.token.isCancellationRequested) return handled;
    for (const { doc, link, heading, viaSlug } of links) {
      const toc = tocOf.get(doc.uri);
      // A TOC is regenerated as a whole.
      if (toc && link.span.start >= toc.start && link.span.end <= toc.end) continue;
      const moved = map.get(headingKey(target.uri, heading));
      if (!moved || !link.fragmentSpan) continue;
      handled.add(link);
      const at = olds.has(doc.uri) ? locate(laid, doc.uri, link.hrefSpan.start) : undefined;
      const linkPage = at ? at.at.page.uri : doc.uri;
      const fragment = viaSlug ? moved.heading.slug : link.fragment!;
      if (moved.uri === target.uri && linkPage === doc.uri) {
        if (moved.heading.slug === heading.slug) continue;
        const fAt = at && locate(laid, doc.uri, link.fragmentSpan.start);
        addEdit(edits, fAt, doc, link.fragmentSpan, fragment);
        continue;
      }
      const written = doc.text.slice(link.hrefSpan.start, link.fragmentSpan.start - 1);
      const path = linkPage === moved.uri ? '' : retargetedPath(linkPage, moved.uri, written, target.uri, linkPage === doc.uri);
      addEdit(edits, at, doc, link.hrefSpan, `${path}#${fragment}`);
    }
  }
  return handled;
}

/** Relative links inside a piece moved to a page in another folder, to files the move does not touch: the path from the new folder. */
function relocateLinks(laid: Laid[], ctx: MoveContext, handled: Set<Link>, edits: LinkEdits): void {
  for (const l of laid) {
    for (const p of l.page.pieces) {
      if (p.kind !== 'old' || p.from.uri === l.page.uri) continue;
      if (dirname(uriPath(p.from.uri)) === dirname(uriPath(l.page.uri))) continue;
      for (const link of p.from.links) {
        if (handled.has(link) || link.span.start < p.start || link.span.end > p.end || !isRelativeFileLink(link.path, link.external)) continue;
        const target = resolveLinkTarget(ctx.workspace, p.from.uri, link.path);
        if (!target) continue;
        const hash = link.href.indexOf('#');
        const rest = hash < 0 ? '' : link.href.slice(hash);
        const path = encodePath(relativePath(dirname(uriPath(l.page.uri)), uriPath(target.uri)));
        addEdit(edits, locate(laid, p.from.uri, link.hrefSpan.start), p.from, link.hrefSpan, path + rest);
      }
    }
  }
}

interface Problem {
  uri: string;
  diagnostic: Diagnostic;
  /**
   * Its identity across the move: where it is (its goal, by where the goal's heading stood before,
   * else its page), its code and the text it is on (its line may move): a goal's own problems
   * travel with it.
   */
  key: string;
  /** Where it starts in its page. */
  offset: number;
}

/** The goals of a page after, each with where its heading stood before (undefined for a new one). */
function goalOrigins(l: Laid, doc: GoalDoc): Array<{ start: number; end: number; origin?: { uri: string; index: number; moved: boolean } }> {
  return doc.goals.map((g) => ({ ...g.sectionSpan, origin: l.origin[g.heading.index] }));
}

/**
 * A page's problems. `goals` places each in the goal whose section holds it, by where that
 * goal's heading stood before, so that the same problem of the same goal has the same key
 * wherever the goal now is.
 */
function problems(doc: GoalDoc, settings: GoalDocsSettings, files: LinkedFiles, today: Date, goals?: ReturnType<typeof goalOrigins>): Problem[] {
  const own = goals ?? doc.goals.map((g) => ({ ...g.sectionSpan, origin: { uri: doc.uri, index: g.heading.index, moved: false } }));
  return computeDiagnostics(doc, settings, files, undefined, today).map((d) => {
    const start = doc.lineStarts[d.range.start.line]! + d.range.start.character;
    const end = doc.lineStarts[d.range.end.line]! + d.range.end.character;
    let place = `${doc.uri} -`;
    for (const g of own) if (g.start <= start && start < g.end) place = g.origin ? `${g.origin.uri} ${g.origin.index}` : `${doc.uri} new`;
    return { uri: doc.uri, diagnostic: d, key: `${place} ${d.code}: ${doc.text.slice(start, end).trim()}`, offset: start };
  });
}

/** LinkedFiles that see the rewritten pages as they will read. */
function overlay(files: LinkedFiles, pages: Map<string, GoalDoc>): LinkedFiles {
  return {
    stat: (uri) => (pages.has(uri) ? 'file' : files.stat(uri)),
    model: (uri) => pages.get(uri) ?? files.model(uri),
    anchors: (uri) => pages.get(uri) ?? files.anchors(uri),
  };
}

/** The problems of the pages after that none of them had before (a goal's own travel with it). */
async function newProblems(laid: Laid[], before: string[], pages: Map<string, GoalDoc>, ctx: MoveContext): Promise<Problem[]> {
  const files = overlay(ctx.workspace, pages);
  const left = new Map<string, number>();
  for (const k of before) left.set(k, (left.get(k) ?? 0) + 1);
  const fresh: Problem[] = [];
  for (const l of laid) {
    const doc = pages.get(l.page.uri)!;
    for (const p of problems(doc, await ctx.settingsOf(l.page.uri), files, ctx.today, goalOrigins(l, doc))) {
      const n = left.get(p.key) ?? 0;
      if (n > 0) left.set(p.key, n - 1);
      else fresh.push(p);
    }
  }
  return fresh;
}

/**
 * A goal filed in a page takes that page's house style where a sure fix makes it so (its Done
 * stamps written as the page writes them), as it takes the page's heading level: the new
 * problems inside moved goals get their sure fixes. True when something changed.
 */
async function conformMovedGoals(laid: Laid[], fresh: Problem[], pages: Map<string, GoalDoc>, ctx: MoveContext): Promise<boolean> {
  let changed = false;
  for (const l of laid) {
    const doc = pages.get(l.page.uri)!;
    const spans = goalOrigins(l, doc).filter((g) => g.origin?.moved);
    const inside = fresh.filter((p) => p.uri === doc.uri && spans.some((s) => s.start <= p.offset && p.offset < s.end)).map((p) => p.diagnostic);
    const edits = sureFixEdits(doc, inside, { settings: await ctx.settingsOf(doc.uri), today: ctx.today });
    if (!edits.length) continue;
    pages.set(doc.uri, buildGoalDoc(applySpanEdits(doc.text, edits), { uri: doc.uri, version: doc.version }));
    changed = true;
  }
  return changed;
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * The one edit that rewrites the pages (and mends links in other files), or why there is none.
 * `label` names the change in a refusal ("Moving the goal").
 */
export async function rewritePages(rewrites: PageRewrite[], ctx: MoveContext, label: string): Promise<MoveResult | Refusal> {
  if (!ctx.support.documentChanges) return { refused: `${label} needs an editor that applies versioned edits to several files at once (workspace edits with documentChanges).` };
  if (rewrites.some((r) => !r.before) && !ctx.support.createFiles) return { refused: `${label} would create a page, and this editor cannot create files through an edit.` };
  const laid = rewrites.map((r) => lay(r, r.before?.version ?? 0));
  const map = mapHeadings(laid);
  if (!map) return { refused: `${label} would change headings it does not move; nothing was changed.` };
  const edits: LinkEdits = { laid: new Map(), others: new Map() };
  const handled = await retargetLinks(laid, map, ctx, edits);
  if (ctx.token.isCancellationRequested) return { refused: 'Cancelled.' };
  relocateLinks(laid, ctx, handled, edits);

  const pages = new Map<string, GoalDoc>();
  for (const l of laid) {
    const own = edits.laid.get(l) ?? [];
    const toc = regeneratedToc(l.doc);
    const tocEdits = toc ? lineDiff(l.text.slice(toc.start, toc.end), toc.text, toc.start) : [];
    if (editsOverlap(own, tocEdits)) return { refused: `${label} would change a link inside the table of contents of ${fileNameOf(l.page.uri)}; nothing was changed.` };
    const text = applySpanEdits(l.text, [...own, ...tocEdits]);
    pages.set(l.page.uri, buildGoalDoc(text, { uri: l.page.uri, version: l.doc.version }));
  }
  const before: string[] = [];
  for (const l of laid) if (l.page.before) before.push(...problems(l.page.before, await ctx.settingsOf(l.page.uri), ctx.workspace, ctx.today).map((p) => p.key));
  let fresh = await newProblems(laid, before, pages, ctx);
  if (fresh.length && (await conformMovedGoals(laid, fresh, pages, ctx))) fresh = await newProblems(laid, before, pages, ctx);
  if (fresh.length) {
    const shown = fresh.slice(0, 3).map((p) => p.key.split(' ').slice(2).join(' ')).join('; ');
    return { refused: `${label} would leave ${fresh.length === 1 ? 'a problem' : `${fresh.length} problems`} the pages do not have now (${shown}${fresh.length > 3 ? '; …' : ''}); nothing was changed.` };
  }

  const documentChanges: Array<TextDocumentEdit | CreateFile> = [];
  for (const l of laid) {
    const after = pages.get(l.page.uri)!;
    const before = l.page.before;
    if (!before) {
      documentChanges.push({ kind: 'create', uri: l.page.uri, options: { overwrite: false, ignoreIfExists: false } });
      documentChanges.push({ textDocument: { uri: l.page.uri, version: null }, edits: [{ range: START, newText: after.text }] });
      continue;
    }
    const textEdits: TextEdit[] = toTextEdits(before, textDiff(before.text, after.text));
    if (textEdits.length) documentChanges.push({ textDocument: { uri: before.uri, version: versionOf(before, ctx) }, edits: textEdits });
  }
  for (const { doc, edits: list } of edits.others.values()) {
    documentChanges.push({ textDocument: { uri: doc.uri, version: versionOf(doc, ctx) }, edits: toTextEdits(doc, list) });
  }
  return { edit: { documentChanges }, pages };
}

/** The version an edit of `doc` applies to: the open document's, or null for a file on disk. */
function versionOf(doc: GoalDoc, ctx: MoveContext): number | null {
  return doc.version >= 0 ? doc.version : (ctx.workspace.openVersion(doc.uri) ?? null);
}

/**
 * A page's pieces after cutting `cuts` out of it and putting `inserts` in (at offsets of the page
 * as it is; an insert at the start of a cut goes before it).
 */
export function composePieces(doc: GoalDoc, cuts: Array<{ start: number; end: number }>, inserts: Array<{ at: number; pieces: Piece[] }>): Piece[] {
  type Event = { at: number; cut?: { start: number; end: number }; insert?: Piece[] };
  const events: Event[] = [...inserts.map((i) => ({ at: i.at, insert: i.pieces })), ...cuts.map((c) => ({ at: c.start, cut: c }))];
  events.sort((a, b) => a.at - b.at || (a.insert ? -1 : 1));
  const pieces: Piece[] = [];
  let pos = 0;
  const keep = (end: number) => {
    if (end > pos) pieces.push({ kind: 'old', from: doc, start: pos, end });
    pos = Math.max(pos, end);
  };
  for (const e of events) {
    keep(e.at);
    if (e.insert) pieces.push(...e.insert);
    if (e.cut) pos = Math.max(pos, e.cut.end);
  }
  keep(doc.text.length);
  return pieces;
}

/** The line break a page writes. */
export function eolOf(text: string): string {
  return /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
}
