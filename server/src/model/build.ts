// Text → GoalDoc. The text is split into chunks (chunks.ts); each chunk is parsed once and
// reused, moved, by later versions while its text is unchanged (fragment.ts); the document-wide
// parts (slugs, sections, years, quarters, goals) are assembled from the chunks' pieces. The
// chunks are parse state: they travel beside the model (ParsedDocument), never inside it.
import type { GoalDoc, Heading, Link, ListItem, Mojibake, Span, Table, Unanalysed } from './types';
import { buildFragment, type ChunkFragment, placeFragment } from './fragment';
import { bracketLabels, normalizeLabel, splitChunks } from './chunks';
import { finishHeadings, type ChunkHeading } from './headings';
import { buildStructure, type SectionContent } from './structure';
import { carryOverAnchorHints } from './anchorIndex';
import { maskForParse } from './mask';
import { mergeSummaries } from './pageScan';
import { DEFAULT_DIALECT, type Dialect } from './dialect';

/** A model and the parsed chunks it was assembled from, which the next version reuses. */
export interface ParsedDocument {
  model: GoalDoc;
  chunks: ChunkFragment[];
  /** The dialect the text was read in: a later version reuses the chunks only in the same one. */
  dialect: Dialect;
  /** The text the parser read, where it is not the model's (front matter or MDX blanked: mask.ts). */
  parsedText?: string;
}

export interface BuildOptions {
  uri: string;
  version: number;
  /**
   * An earlier version of the same document. Its chunks whose text is unchanged are reused
   * instead of parsed again; reused chunks after the edit are moved to their new place, so the
   * earlier model's positions change: it is marked superseded (`isSuperseded`), and whoever
   * still holds it must drop what they computed from it (model/cache.ts, the service).
   */
  previous?: ParsedDocument;
  /** Parse the text as one chunk: slower; tests use it to prove chunking changes nothing. */
  wholeDocument?: boolean;
  /** What the team declares of its pages (model/dialect.ts); none by default. */
  dialect?: Dialect;
}

const superseded = new WeakSet<GoalDoc>();

/** True once a later version was built from this model (its positions may have moved since). */
export function isSuperseded(doc: GoalDoc): boolean {
  return superseded.has(doc);
}

/** A model of the text, with nothing to reuse later: for files read once, tests and tools. */
export function buildGoalDoc(text: string, options: Omit<BuildOptions, 'previous'>): GoalDoc {
  return parseGoalDoc(text, options).model;
}

export function parseGoalDoc(text: string, options: BuildOptions): ParsedDocument {
  const mask = maskForParse(text, options.uri);
  const parsed = parseText(mask.text, options);
  // Blanking keeps every offset: the model is the document's, its text the document's own.
  if (mask.text !== text) {
    parsed.model.text = text;
    parsed.parsedText = mask.text;
  }
  if (mask.frontMatter) parsed.model.frontMatter = mask.frontMatter;
  if (mask.mdx) parsed.model.mdx = true;
  if (mask.markers.length) {
    // An MDX page's `{/* goal-docs: … */}` markers, which the parser was not given, among any others.
    const markers = [...parsed.model.markers, ...mask.markers].sort((a, b) => a.span.start - b.span.start);
    parsed.model.markers = markers;
  }
  return parsed;
}

function parseText(text: string, options: BuildOptions): ParsedDocument {
  const dialect = options.dialect ?? DEFAULT_DIALECT;
  if (options.previous && !options.wholeDocument && options.previous.dialect.key === dialect.key) {
    superseded.add(options.previous.model);
    const parsed = buildFromPrevious(text, options, dialect, options.previous.parsedText ?? options.previous.model.text, options.previous.chunks);
    carryOverAnchorHints(options.previous.model, parsed.model);
    return parsed;
  }
  const split = splitChunks(text);
  const starts = options.wholeDocument ? [0] : split.starts;
  const guess = new Map<string, string>();
  for (const d of split.definitions) {
    const label = normalizeLabel(d.slice(d.indexOf('[') + 1, d.indexOf(']:')));
    if (!guess.has(label)) guess.set(label, d.trim());
  }
  const chunks: ChunkFragment[] = [];
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? starts[i + 1]! : text.length;
    chunks.push(fragmentFor(text.slice(starts[i]!, end), end === text.length, guess, dialect));
  }
  return finish(text, options, dialect, chunks, guess);
}

/** Fragments by text, each to be reused once. */
type Pool = Map<string, ChunkFragment[]>;

function poolOf(fragments: ChunkFragment[]): Pool {
  const pool: Pool = new Map();
  for (const f of fragments) {
    const list = pool.get(f.text);
    if (list) list.push(f);
    else pool.set(f.text, [f]);
  }
  return pool;
}

/** The definitions to put before a chunk: those of `definitions` its brackets may refer to. */
function neededBy(refLabels: string[], definitions: Map<string, string>): string {
  // Blank lines between them: a line that only looks like a definition must not swallow the next.
  return definitions.size === 0 ? '' : refLabels.flatMap((l) => definitions.get(l) ?? []).join('\n\n');
}

/**
 * A chunk's fragment: one of the pool's parsed with the same definitions, or a copy of one that
 * another document (or an earlier run of this one) parsed lately, or a new parse.
 */
function fragmentFor(chunkText: string, last: boolean, definitions: Map<string, string>, dialect: Dialect, pool?: Pool): ChunkFragment {
  const candidates = pool?.get(chunkText);
  const needed = neededBy(candidates?.[0]?.refLabels ?? bracketLabels(chunkText), definitions);
  const at = candidates?.findIndex((f) => f.definitions === needed && f.last === last) ?? -1;
  return at >= 0 ? candidates!.splice(at, 1)[0]! : parsedFragment(chunkText, needed, last, dialect);
}

// --- Chunks shared between documents ---
// Versions of one page, pages copied from a template, a goal moved to the completed page: the
// same chunk text is often parsed for several documents. The fragments parsed lately are kept by
// text (up to RECENT_CHUNK_CHARS of it), and a document whose chunk is among them takes a copy: its
// own, since placing a fragment in a document moves its positions. A copy costs about a
// fifteenth of a parse. What is kept belongs to the documents that parsed it; once they are gone
// it is held here only until newer chunks push it out.
export const RECENT_CHUNK_CHARS = 1_000_000;
const recent = new Map<string, ChunkFragment>();
let recentChars = 0;
let recentHits = 0;

/** The chunk parsed with these definitions in this dialect: a copy of a recent parse of the same text, or a new one. */
function parsedFragment(chunkText: string, definitions: string, last: boolean, dialect: Dialect): ChunkFragment {
  const known = recent.get(chunkText);
  if (known && known.definitions === definitions && known.last === last && known.dialect === dialect.key) {
    // Most recently used last.
    recent.delete(chunkText);
    recent.set(chunkText, known);
    try {
      const copy = structuredClone(known);
      recentHits++;
      return copy;
    } catch {
      // Something in it cannot be copied: parse it afresh below.
    }
  }
  const fragment = buildFragment(chunkText, definitions, last, dialect);
  rememberFragment(fragment);
  return fragment;
}

function rememberFragment(fragment: ChunkFragment): void {
  // A chunk larger than a tenth of the budget would push out everything else for one document.
  if (fragment.text.length * 10 > RECENT_CHUNK_CHARS) return;
  const old = recent.get(fragment.text);
  if (old) {
    recent.delete(fragment.text);
    recentChars -= old.text.length;
  }
  recent.set(fragment.text, fragment);
  recentChars += fragment.text.length;
  for (const [text, f] of recent) {
    if (recentChars <= RECENT_CHUNK_CHARS) break;
    recent.delete(text);
    recentChars -= f.text.length;
  }
}

/** Forgets the chunks kept for other documents (tests compare builds with and without them). */
export function forgetRecentChunks(): void {
  recent.clear();
  recentChars = 0;
  recentHits = 0;
}

/** How many chunks were copied instead of parsed since the last `forgetRecentChunks`, and how much text is kept. */
export function recentChunkStats(): { copies: number; chars: number } {
  return { copies: recentHits, chars: recentChars };
}

/** The reference definitions the parser found, the first of each label (it wins, as in CommonMark). */
function definitionsOf(chunks: ChunkFragment[]): Map<string, string> {
  const definitions = new Map<string, string>();
  for (const c of chunks) for (const d of c.realDefinitions) if (!definitions.has(d.label)) definitions.set(d.label, d.text);
  return definitions;
}

/**
 * Places the chunks one after the other, parses again the few whose definitions were guessed
 * wrong, and assembles the document. The guess (lines that look like definitions, or the last
 * version's definitions) is checked against the definitions the parser found: a line can look
 * like one and not be one (`[ref]:1. Step`, or a lazy continuation of a paragraph), and code or
 * HTML the splitter skips to the end can hide real ones.
 */
function finish(text: string, options: BuildOptions, dialect: Dialect, split: ChunkFragment[], guess: Map<string, string>, pool?: Pool): ParsedDocument {
  const chunks = mergeOpenChunks(split, guess, dialect, pool);
  const definitions = definitionsOf(chunks);
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i]!;
    const needed = neededBy(c.refLabels, definitions);
    if (needed !== c.definitions) chunks[i] = parsedFragment(c.text, needed, c.last, dialect);
  }
  let lineCount = 1;
  for (const c of chunks) lineCount += c.lineStarts.length - 1;
  const lineStarts = new Array<number>(lineCount);
  let line = 0;
  let offset = 0;
  for (let i = 0; i < chunks.length; i++) {
    const fragment = chunks[i]!;
    placeFragment(fragment, offset, line);
    const own = fragment.lineStarts;
    const n = own.length - (i + 1 === chunks.length ? 0 : 1);
    for (let j = 0; j < n; j++) lineStarts[line + j] = offset + own[j]!;
    line += own.length - 1;
    offset += fragment.text.length;
  }
  return { model: assemble(text, options, dialect, chunks, lineStarts), chunks, dialect };
}

/**
 * The splitter skips code and HTML blocks by their closing lines, but one that opens inside a
 * list item ends with the item, and a fence after it is then missed: a chunk can start inside
 * code. Parsed alone, the chunk before shows it (a top-level block open at its end); such a
 * chunk is merged with the next, and parsed again, until nothing is left open.
 */
function mergeOpenChunks(chunks: ChunkFragment[], guess: Map<string, string>, dialect: Dialect, pool?: Pool): ChunkFragment[] {
  if (!chunks.some((c) => c.openAtEnd)) return chunks;
  const merged: ChunkFragment[] = [];
  for (let i = 0; i < chunks.length; i++) {
    let c = chunks[i]!;
    while (c.openAtEnd && i + 1 < chunks.length) {
      const next = chunks[++i]!;
      c = fragmentFor(c.text + next.text, next.last, guess, dialect, pool);
    }
    merged.push(c);
  }
  return merged;
}

/** The length of the longest common prefix of two strings. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  // Whole blocks first: comparing equal slices is a memory comparison, much faster than a loop.
  const BLOCK = 4096;
  let i = 0;
  while (i + BLOCK <= n && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The length of the longest common suffix of two strings, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  const BLOCK = 4096;
  let i = 0;
  while (i + BLOCK <= max && a.slice(a.length - i - BLOCK, a.length - i) === b.slice(b.length - i - BLOCK, b.length - i)) i += BLOCK;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/**
 * A new version of a document: only the text from the chunk before the first changed character
 * to the first chunk start in the unchanged tail that the last version also had is split again;
 * the chunks before and after are taken over without looking at their text. (A change can make
 * the blank line that lets a chunk start non-blank, or the heading it starts with no heading;
 * hence the chunk before. From a chunk start in the unchanged tail on, the split of both versions
 * is the same, since it only looks forward from a chunk start.)
 */
function buildFromPrevious(text: string, options: BuildOptions, dialect: Dialect, old: string, oldChunks: ChunkFragment[]): ParsedDocument {
  const guess = definitionsOf(oldChunks);
  if (oldChunks.length === 0) return finish(text, options, dialect, [fragmentFor(text, true, guess, dialect)], guess);
  const prefix = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  const delta = text.length - old.length;
  let k = 0;
  while (k + 1 < oldChunks.length && oldChunks[k + 1]!.offset <= prefix) k++;
  const first = Math.max(0, k - 1);
  const from = oldChunks[first]!.offset;
  // Old chunks that start in the unchanged tail, by where they start in the new text.
  const tailStart = text.length - suffix;
  const oldByNewStart = new Map<number, number>();
  for (let i = oldChunks.length - 1; i > first && oldChunks[i]!.offset + delta >= tailStart; i--) oldByNewStart.set(oldChunks[i]!.offset + delta, i);
  const { starts } = splitChunks(text, from, (start) => oldByNewStart.has(start));
  const stoppedAt = starts.length > 1 && oldByNewStart.has(starts[starts.length - 1]!) ? starts.pop()! : undefined;
  const resume = stoppedAt === undefined ? oldChunks.length : oldByNewStart.get(stoppedAt)!;

  // The split-again middle: old chunks of the same text are reused, the others parsed.
  const pool = poolOf(oldChunks.slice(first, resume));
  const middle: ChunkFragment[] = [];
  const middleEnd = stoppedAt ?? text.length;
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? starts[i + 1]! : middleEnd;
    middle.push(fragmentFor(text.slice(starts[i]!, end), end === text.length, guess, dialect, pool));
  }
  return finish(text, options, dialect, [...oldChunks.slice(0, first), ...middle, ...oldChunks.slice(resume)], guess, pool);
}

function assemble(text: string, options: BuildOptions, dialect: Dialect, chunks: ChunkFragment[], lineStarts: number[]): GoalDoc {
  const headings: ChunkHeading[] = [];
  const links: Link[] = [];
  const htmlAnchors: string[] = [];
  const items: ListItem[] = [];
  const codeSpans: Span[] = [];
  const tables: Table[] = [];
  const mojibake: Mojibake[] = [];
  const unanalysed: Unanalysed[] = [];
  const content = new Map<Heading, SectionContent>();
  let current: Heading | undefined;
  for (const c of chunks) {
    headings.push(...c.headings);
    links.push(...c.links);
    htmlAnchors.push(...c.htmlAnchors);
    items.push(...c.items);
    codeSpans.push(...c.codeSpans);
    tables.push(...c.tables);
    mojibake.push(...c.mojibake);
    if (c.unanalysed) unanalysed.push(c.unanalysed);
    for (const section of c.sections) {
      if (section.heading !== 'before') current = section.heading;
      if (!current) continue;
      const merged = content.get(current);
      if (merged) {
        merged.fields.push(...section.content.fields);
        merged.items.push(...section.content.items);
      } else {
        content.set(current, { fields: [...section.content.fields], items: [...section.content.items] });
      }
    }
  }
  finishHeadings(headings, text, lineStarts);
  const structure = buildStructure(headings, content, text, lineStarts, dialect);
  const markers: GoalDoc['markers'] = [];
  for (const c of chunks) {
    markers.push(...c.markers);
  }
  return {
    uri: options.uri,
    version: options.version,
    text,
    lineStarts,
    headings,
    links,
    htmlAnchors,
    toc: chunks.find((c) => c.toc)?.toc,
    years: structure.years,
    quarters: structure.quarters,
    goals: structure.goals,
    badQuarterLabels: structure.badQuarterLabels,
    items,
    mojibake,
    codeSpans,
    tables,
    unanalysed,
    summary: mergeSummaries(chunks.map((c) => c.summary)),
    markers,
  };
}
