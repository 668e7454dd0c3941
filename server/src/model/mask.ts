// What the Markdown parser is not given, though it stays in the document: YAML or TOML front
// matter (GitHub shows it as a table, Jekyll and Hugo read it as data; parsed as Markdown its
// closing `---` turns the last field into a heading), and in an `.mdx` page the import and export
// lines and the JSX blocks. They are blanked for the parser (spaces in place of every character
// but line breaks), so every offset, line and range stays that of the document itself. An MDX page
// cannot hold an HTML comment (MDX 2 and later refuse `<!--`): its goal-docs marker is written as a
// comment expression block, `{/* goal-docs: on */}`, which the mask reads before blanking it.
import type { FrontMatter, GoalDocMarkerComment, Span } from './types';
import { closesFence, fenceOpenedBy } from './text';

export interface Masked {
  /** The text the parser reads. */
  text: string;
  frontMatter?: FrontMatter;
  /** The page is MDX: JSX and ESM were blanked. */
  mdx: boolean;
  /** An MDX page's `{/* goal-docs: on|off *\/}` blocks, in order. */
  markers: GoalDocMarkerComment[];
}

/** An MDX comment expression that is a goal-docs marker, alone in its block. */
const MDX_MARKER = /^\{\s*\/\*\s*goal-docs\s*:\s*(on|off)\s*\*\/\s*\}/i;

/** Front matter may be long, but not longer than this many lines. */
const MAX_FRONT_MATTER_LINES = 300;

/** The text with each span's characters but line breaks turned to spaces (spans in order, apart), built once. */
function blank(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of spans) {
    parts.push(text.slice(at, start), text.slice(start, end).replace(/[^\r\n]/g, ' '));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Whether a document's URI or path names an MDX page. */
export function isMdx(uriOrPath: string): boolean {
  return /\.mdx$/i.test(uriOrPath.replace(/[?#].*$/, ''));
}

/** The front matter at the very start of a text (after a BOM), if any. */
export function frontMatterOf(text: string): FrontMatter | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text.slice(start, start + 8));
  if (!open) return undefined;
  const fence = open[1]!;
  const close = fence === '---' ? /^(?:---|\.\.\.)[ \t]*$/ : /^\+\+\+[ \t]*$/;
  let at = start + open[0].length;
  const fields = new Map<string, string>();
  for (let line = 0; line < MAX_FRONT_MATTER_LINES && at <= text.length; line++) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl + 1;
    const content = text.slice(at, nl < 0 ? text.length : nl).replace(/\r$/, '');
    if (close.test(content)) return { span: { start, end }, fields };
    // Top-level `key: value` (YAML) or `key = value` (TOML); nested lines and lists are data too.
    const field = /^([A-Za-z_][\w-]*)\s*[:=]\s*(.*)$/.exec(content);
    if (field) fields.set(field[1]!.toLowerCase(), field[2]!.trim().replace(/^(["'])(.*)\1$/, '$2'));
    else if (content.trim() !== '' && !/^[\s#-]/.test(content)) return undefined;
    if (nl < 0) break;
    at = end;
  }
  return undefined;
}

/** MDX blocks: an ESM statement or a JSX element or expression starting a line, up to a blank line. */
const MDX_BLOCK_START = /^(?:import\s|export\s|<\/?[A-Z][\w.]*|<>|<\/>|\{)/;

/** The spans of an MDX page's ESM and JSX blocks after `from`, in order; its goal-docs markers go into `markers`. */
function mdxBlocks(text: string, from: number, markers: GoalDocMarkerComment[]): Span[] {
  const spans: Span[] = [];
  let at = from;
  let inFence: string | undefined;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl + 1;
    const line = text.slice(at, end).replace(/\r?\n$/, '');
    const fence = inFence ? undefined : fenceOpenedBy(line);
    if (inFence) {
      if (closesFence(line, inFence)) inFence = undefined;
    } else if (fence) {
      inFence = fence;
    } else if (MDX_BLOCK_START.test(line)) {
      // The block runs to the next blank line.
      let blockEnd = end;
      while (blockEnd < text.length) {
        const n = text.indexOf('\n', blockEnd);
        const e = n < 0 ? text.length : n + 1;
        if (text.slice(blockEnd, e).trim() === '') break;
        blockEnd = e;
      }
      const marker = MDX_MARKER.exec(text.slice(at, blockEnd));
      if (marker && text.slice(at + marker[0].length, blockEnd).trim() === '') {
        markers.push({ value: marker[1]!.toLowerCase() as GoalDocMarkerComment['value'], span: { start: at, end: at + marker[0].length } });
      }
      spans.push({ start: at, end: blockEnd });
      at = blockEnd;
      continue;
    }
    at = end;
  }
  return spans;
}

/** The text to parse: front matter blanked, and in an MDX page its ESM and JSX blocks too. */
export function maskForParse(text: string, uriOrPath: string): Masked {
  const frontMatter = frontMatterOf(text);
  const mdx = isMdx(uriOrPath);
  const markers: GoalDocMarkerComment[] = [];
  const spans = [...(frontMatter ? [frontMatter.span] : []), ...(mdx ? mdxBlocks(text, frontMatter?.span.end ?? 0, markers) : [])];
  return { text: blank(text, spans), frontMatter, mdx, markers };
}
