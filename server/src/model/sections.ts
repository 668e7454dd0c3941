// A chunk's sections: which heading each field and list item of the chunk is filed under. Fields
// come as bullets (`- **Owner**: x`), as paragraphs followed by a list (`**Milestones:**`), or as
// headings (`#### Milestones`, whose lists belong to the goal above).
import type { ListItem as MdListItem, Paragraph, Root, RootContent } from 'mdast';
import type { Field, FieldName, ListItem, Span } from './types';
import type { ChunkHeading } from './headings';
import type { SectionContent } from './structure';
import { buildMilestones, offsetsOf, type SourceContext } from './milestones';
import { fieldNameOf, matchField } from './fields';
import { lineEndAt } from './text';

/** Content filed under a heading of the chunk, or under the heading before the chunk. */
export interface ChunkSection {
  heading: ChunkHeading | 'before';
  content: SectionContent;
}

function makeField(ctx: SourceContext, name: FieldName, label: string, form: Field['form'], span: Span, valueStart: number): Field {
  const valueEnd = lineEndAt(ctx.text, valueStart);
  const raw = ctx.text.slice(valueStart, valueEnd);
  const value = raw.trim();
  const vStart = valueStart + (raw.length - raw.trimStart().length);
  const valueSpan = ctx.f.span(vStart, vStart + value.length);
  return { name, label, form, span, range: ctx.f.range(span), value, valueSpan, valueRange: ctx.f.range(valueSpan), items: [] };
}

/**
 * Files every field and list item of the chunk under the heading whose section it is in. Fields
 * come as bullets (`- **Owner**: x`), as paragraphs followed by a list (`**Milestones:**`), or
 * as headings (`#### Milestones`, whose lists belong to the goal above).
 */
export function collectSections(root: Root, ctx: SourceContext, headings: ChunkHeading[], tocNode: unknown): { sections: ChunkSection[]; items: ListItem[] } {
  const sections: ChunkSection[] = [{ heading: 'before', content: { fields: [], items: [] } }];
  const items: ListItem[] = [];
  const headingByStart = new Map(headings.map((h) => [h.span.start, h]));
  let section = sections[0].content;
  let pending: Field | undefined; // a paragraph field whose items are the next list
  let headingField: Field | undefined;

  const onField = (depth: number) => (item: MdListItem, span: Span) => {
    const paragraph = item.children[0] as Paragraph;
    const pStart = offsetsOf(paragraph).start;
    const match = matchField(ctx.text.slice(pStart, lineEndAt(ctx.text, pStart)), ctx.dialect?.fieldNames);
    if (!match) return;
    const field = makeField(ctx, match.name, match.label, 'bullet', span, pStart + match.valueStart);
    section.fields.push(field);
    for (const child of item.children) {
      if (child.type !== 'list') continue;
      const nested = buildMilestones(ctx, child, depth + 1, match.name, onField(depth + 1));
      field.items.push(...nested);
      section.items.push(...nested);
      items.push(...nested);
    }
  };

  for (const block of root.children as RootContent[]) {
    if (block.type === 'heading') {
      const h = headingByStart.get(offsetsOf(block).start);
      const name = h && fieldNameOf(h.text, ctx.dialect?.fieldNames);
      if (h && name) {
        headingField = makeField(ctx, name, h.text, 'heading', h.span, h.span.end);
        section.fields.push(headingField);
      } else if (h) {
        section = { fields: [], items: [] };
        sections.push({ heading: h, content: section });
        headingField = undefined;
      }
      pending = undefined;
      continue;
    }
    if (block.type === 'paragraph') {
      const at = offsetsOf(block);
      const match = matchField(ctx.text.slice(at.start, lineEndAt(ctx.text, at.start)), ctx.dialect?.fieldNames);
      pending = undefined;
      if (match) {
        const field = makeField(ctx, match.name, match.label, 'paragraph', ctx.f.span(at.start, at.end), at.start + match.valueStart);
        section.fields.push(field);
        if (field.value === '') pending = field;
      }
      continue;
    }
    if (block.type === 'list' && block !== tocNode) {
      const into = pending ?? headingField;
      const built = buildMilestones(ctx, block, 0, into?.name, onField(0));
      into?.items.push(...built);
      section.items.push(...built);
      items.push(...built);
      pending = undefined;
      continue;
    }
    if (block.type !== 'html' && block.type !== 'definition') pending = undefined;
  }
  return { sections, items };
}

