// text.mojibake → the repaired text the rule worked out. Repairing a heading changes its anchor,
// so in-page links to it follow; and since links from elsewhere cannot, that fix is not applied
// unasked (Fix all, on save).
import type { FixProvider } from './fix';
import { rangesEqual } from '../model/text';
import type { SpanEdit } from './edit';
import { slugChanges } from '../features/rename';
import { resolveAnchor } from '../diagnostics/anchors';

export const fixMojibake: FixProvider<{ repaired: string }> = (doc, target) => {
  const { repaired } = target.data;
  const found = doc.mojibake.find((m) => rangesEqual(m.range, target.range));
  if (!found) return [];
  const edits: SpanEdit[] = [{ ...found.span, newText: repaired }];
  const heading = doc.headings.find((h) => h.textSpan.start <= found.span.start && found.span.end <= h.textSpan.end);
  if (heading && heading.text.includes(found.text)) {
    const slugs = slugChanges(doc, heading, heading.text.replace(found.text, repaired));
    for (const link of doc.links) {
      const at = link.fragmentSpan;
      if (link.path !== '' || link.external || link.fragment === undefined || !at || (at.start < found.span.end && found.span.start < at.end)) continue;
      const to = resolveAnchor(doc, link.fragment);
      const slug = to?.exact && to.heading?.slug === link.fragment ? slugs.get(to.heading) : undefined;
      if (slug !== undefined) edits.push({ ...at, newText: slug });
    }
  }
  return [{ title: `Repair the text: "${repaired}"`, edits, safe: !heading, isPreferred: true }];
};
