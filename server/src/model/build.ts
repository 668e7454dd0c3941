// Text → GoalDoc. The text is split into chunks (chunks.ts); each chunk is parsed once and
// reused, moved, by later versions while its text is unchanged (fragment.ts); the document-wide
// parts (slugs, sections, years, quarters, goals) are assembled from the chunks' pieces.
import type { GoalDoc, Heading, Link, Milestone, Mojibake, Span, Unanalysed } from './types';
import { buildFragment, type ChunkFragment, placeFragment } from './fragment';
import { bracketLabels, normalizeLabel, splitChunks } from './chunks';
import { finishHeadings, type ChunkHeading } from './headings';
import { buildStructure, type SectionContent } from './structure';

export interface BuildOptions {
  uri: string;
  version: number;
  /**
   * The model of an earlier version of the same document. Its chunks whose text is unchanged
   * are reused instead of parsed again. The earlier model must not be used afterwards: its
   * reused pieces now carry the new version's positions.
   */
  previous?: GoalDoc;
  /** Parse the text as one chunk: slower; tests use it to prove chunking changes nothing. */
  wholeDocument?: boolean;
}

export function buildGoalDoc(text: string, options: BuildOptions): GoalDoc {
  const split = splitChunks(text);
  const starts = options.wholeDocument ? [0] : split.starts;
  const definitionByLabel = new Map<string, string>();
  for (const d of split.definitions) {
    const label = normalizeLabel(d.slice(d.indexOf('[') + 1, d.indexOf(']:')));
    if (!definitionByLabel.has(label)) definitionByLabel.set(label, d);
  }

  // Fragments of the previous version, by text, each reusable once.
  const pool = new Map<string, ChunkFragment[]>();
  for (const f of options.previous?.chunks ?? []) {
    const list = pool.get(f.text);
    if (list) list.push(f);
    else pool.set(f.text, [f]);
  }

  const chunks: ChunkFragment[] = [];
  const lineStarts: number[] = [];
  let line = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    const chunkText = text.slice(start, end);
    const last = i + 1 === starts.length;
    const candidates = pool.get(chunkText);
    // Only the definitions this chunk refers to are put in front of it. Blank lines between
    // them: a line that only looks like a definition must not swallow the next.
    let needed = '';
    if (definitionByLabel.size > 0) {
      const refs = candidates?.[0]?.refLabels ?? bracketLabels(chunkText);
      needed = refs.flatMap((l) => definitionByLabel.get(l) ?? []).join('\n\n');
    }
    const at = candidates?.findIndex((f) => f.definitions === needed && f.last === last) ?? -1;
    const fragment = at >= 0 ? candidates!.splice(at, 1)[0] : buildFragment(chunkText, needed, last);
    placeFragment(fragment, start, line);
    chunks.push(fragment);
    const n = fragment.lineStarts.length - (last ? 0 : 1);
    for (let k = 0; k < n; k++) lineStarts.push(start + fragment.lineStarts[k]);
    line += fragment.lineStarts.length - 1;
  }
  return assemble(text, options, chunks, lineStarts);
}

function assemble(text: string, options: BuildOptions, chunks: ChunkFragment[], lineStarts: number[]): GoalDoc {
  const headings: ChunkHeading[] = [];
  const links: Link[] = [];
  const htmlAnchors: string[] = [];
  const items: Milestone[] = [];
  const codeSpans: Span[] = [];
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
  const structure = buildStructure(headings, content);
  const looksLikeGoalDoc =
    structure.quarters.length > 0 ||
    structure.goals.some((g) => g.fields.some((f) => f.name === 'owner' || f.name === 'milestones' || f.name === 'outcomes'));
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
    unanalysed,
    looksLikeGoalDoc,
    chunks,
  };
}
