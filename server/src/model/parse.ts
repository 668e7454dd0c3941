// Text → mdast: remark-parse with the GFM constructs a goal doc's rules read, from the packages
// remark-gfm is made of: strike-through (done items), tables (goal tables), task list items
// (ticked boxes) and footnotes (so that `[^1]: …` is a footnote, not a link definition).
// GFM's autolink literals (`www.example.com` and bare URLs as links) are left out: no rule reads
// a link out of the document, and they took about 40% of the parse (bench/README.md).
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { combineExtensions } from 'micromark-util-combine-extensions';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';

/**
 * A unified plugin: the GFM constructs above, as remark-gfm adds all of them, but combined once
 * here: micromark combines the extensions it is given on every parse, and every chunk of every
 * document is a parse (about 25 µs of the 300 a small chunk takes).
 */
function goalDocGfm(this: { data(): Record<string, unknown[] | undefined> }): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(combineExtensions([gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()]));
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}

const processor = unified().use(remarkParse).use(goalDocGfm as never);

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
