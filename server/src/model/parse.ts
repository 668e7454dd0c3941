// Text → mdast with GFM (strike-through, tables, task lists, autolinks).
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm);

export interface ParsedMarkdown {
  root: Root;
  /** Added to every mdast offset to get an offset into the original text. */
  offsetBase: number;
}

/**
 * Parses Markdown. A leading BOM is skipped (micromark drops it, which would shift every offset
 * by one), and `offsetBase` says how far to shift mdast offsets back into the document.
 */
export function parseMarkdown(text: string, offsetBase = 0): ParsedMarkdown {
  if (text.charCodeAt(0) === 0xfeff) {
    return { root: processor.parse(text.slice(1)) as Root, offsetBase: offsetBase + 1 };
  }
  return { root: processor.parse(text) as Root, offsetBase };
}
