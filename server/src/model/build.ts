// Text → GoalDoc. Everything a feature needs is computed here, once per document version.
import type { Heading as MdHeading, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Field, FieldName, GoalDoc, Heading, Milestone, Span } from './types';
import { parseMarkdown } from './parse';
import { buildHeadings } from './headings';
import { buildLinks } from './links';
import { findToc } from './toc';
import { buildStructure, type SectionContent } from './structure';
import { buildMilestones, type SourceContext } from './milestones';
import { fieldNameOf, holdsMilestones, matchField } from './fields';
import { findMojibake } from './mojibake';
import { computeLineStarts, lineEndAt, spanToRange } from './text';

function nodeSpan(ctx: SourceContext, node: RootContent | ListItem): Span {
  return { start: ctx.base + (node.position?.start.offset ?? 0), end: ctx.base + (node.position?.end.offset ?? 0) };
}

function makeField(ctx: SourceContext, name: FieldName, label: string, form: Field['form'], span: Span, valueStart: number): Field {
  const valueEnd = lineEndAt(ctx.text, valueStart);
  const raw = ctx.text.slice(valueStart, valueEnd);
  const value = raw.trim();
  const vStart = valueStart + (raw.length - raw.trimStart().length);
  const valueSpan = { start: vStart, end: vStart + value.length };
  return {
    name,
    label,
    form,
    span,
    range: spanToRange(ctx.lineStarts, span),
    value,
    valueSpan,
    valueRange: spanToRange(ctx.lineStarts, valueSpan),
    items: [],
  };
}

/**
 * Walks the top-level blocks in order and files every field and list item under the heading
 * whose section it is in. Fields come as bullets (`- **Owner**: x`), as paragraphs followed by
 * a list (`**Milestones:**`), or as headings (`#### Milestones`).
 */
function collectSectionContent(root: Root, ctx: SourceContext, headings: Heading[], tocNode: List | undefined): { content: Map<Heading, SectionContent>; items: Milestone[] } {
  const content = new Map<Heading, SectionContent>();
  const items: Milestone[] = [];
  const headingByStart = new Map(headings.map((h) => [h.span.start, h]));
  let current: Heading | undefined;
  let pending: Field | undefined; // a field whose items are the next list
  let headingField: Field | undefined;
  const sectionOf = (h: Heading | undefined): SectionContent | undefined => {
    if (!h) return undefined;
    let c = content.get(h);
    if (!c) content.set(h, (c = { fields: [], items: [] }));
    return c;
  };

  const onField = (section: SectionContent | undefined, depth: number) => (item: ListItem, span: Span) => {
    const paragraph = item.children[0] as Paragraph;
    const pStart = ctx.base + (paragraph.position?.start.offset ?? 0);
    const match = matchField(ctx.text.slice(pStart, lineEndAt(ctx.text, pStart)));
    if (!match) return;
    const field = makeField(ctx, match.name, match.label, 'bullet', span, pStart + match.valueStart);
    section?.fields.push(field);
    const itemField = holdsMilestones(match.name) ? match.name : undefined;
    for (const child of item.children) {
      if (child.type !== 'list') continue;
      const nested = buildMilestones(ctx, child, depth + 1, itemField, false, onField(section, depth + 1));
      field.items.push(...nested);
      section?.items.push(...nested);
      items.push(...nested);
    }
  };

  for (const block of root.children) {
    if (block.type === 'heading') {
      const h = headingByStart.get(nodeSpan(ctx, block).start);
      const name = h && fieldNameOf(h.text);
      if (h && name) {
        headingField = makeField(ctx, name, h.text, 'heading', h.span, h.span.end);
        sectionOf(current)?.fields.push(headingField);
      } else {
        current = h;
        headingField = undefined;
      }
      pending = undefined;
      continue;
    }
    const section = sectionOf(current);
    if (block.type === 'paragraph') {
      const span = nodeSpan(ctx, block);
      const match = matchField(ctx.text.slice(span.start, lineEndAt(ctx.text, span.start)));
      pending = undefined;
      if (match) {
        const field = makeField(ctx, match.name, match.label, 'paragraph', span, span.start + match.valueStart);
        (section ?? sectionOf(current))?.fields.push(field);
        if (field.value === '') pending = field;
      }
      continue;
    }
    if (block.type === 'list' && block !== tocNode) {
      const into = pending ?? headingField;
      const fieldName = into && holdsMilestones(into.name) ? into.name : undefined;
      const built = buildMilestones(ctx, block, 0, fieldName, false, onField(section, 0));
      into?.items.push(...built);
      section?.items.push(...built);
      items.push(...built);
      pending = undefined;
      continue;
    }
    if (block.type !== 'html' && block.type !== 'definition') pending = undefined;
  }
  return { content, items };
}

export interface BuildOptions {
  uri: string;
  version: number;
}

export function buildGoalDoc(text: string, options: BuildOptions): GoalDoc {
  const lineStarts = computeLineStarts(text);
  const { root, offsetBase } = parseMarkdown(text);
  const ctx: SourceContext = { text, base: offsetBase, lineStarts };
  const headings = buildHeadings(root, offsetBase, text, lineStarts);
  const { links, htmlAnchors } = buildLinks(root, offsetBase, text, lineStarts);
  const found = findToc(root, offsetBase, text, lineStarts, links);
  const { content, items } = collectSectionContent(root, ctx, headings, found?.node);
  const structure = buildStructure(headings, content);
  const codeSpans: Span[] = [];
  visit(root, 'code', (node) => {
    codeSpans.push({ start: offsetBase + (node.position?.start.offset ?? 0), end: offsetBase + (node.position?.end.offset ?? 0) });
  });
  const mojibake = findMojibake(text, codeSpans).map((r) => ({ ...r, range: spanToRange(lineStarts, r.span) }));
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
    toc: found?.toc,
    years: structure.years,
    quarters: structure.quarters,
    goals: structure.goals,
    badQuarterLabels: structure.badQuarterLabels,
    items,
    mojibake,
    codeSpans,
    looksLikeGoalDoc,
  };
}

export type { MdHeading };
