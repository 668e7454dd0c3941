// GFM tables as the parser split them into rows and cells, located in the source.
import type { Table as MdTable } from 'mdast';
import type { Table, TableCell } from './types';
import { offsetsOf, type SourceContext } from './milestones';

/** A table's rows and cells as the parser split them (a `|` in code splits a cell, as on GitHub). */
export function tableOf(ctx: SourceContext, node: MdTable): Table | undefined {
  const { text, f } = ctx;
  const rows = node.children.map((row) => {
    const at = offsetsOf(row);
    const cells = row.children.map((cell, k): TableCell => {
      let { start, end } = offsetsOf(cell);
      if (text[start] === '|') start++;
      if (k === row.children.length - 1 && end > start && text[end - 1] === '|' && text[end - 2] !== '\\') end--;
      let a = start;
      let b = end;
      while (a < b && /\s/.test(text[a]!)) a++;
      while (b > a && /\s/.test(text[b - 1]!)) b--;
      const middle = start + Math.floor((end - start) / 2);
      const content = a < b ? f.span(a, b) : f.span(middle, middle);
      return { span: f.span(start, end), content, text: text.slice(a, b) };
    });
    const span = f.span(at.start, at.end);
    return { span, range: f.range(span), cells };
  });
  const [header, ...body] = rows;
  if (!header) return undefined;
  const at = offsetsOf(node);
  return { span: f.span(at.start, at.end), header, rows: body };
}

