// Saying for one file whether it is a goal doc: its marker comment (step 1 of the goal-doc rule,
// model/goalDocRule.ts) written, replaced or removed. A new marker goes after the front matter, if
// the page has some, else at the top, with a blank line after it; an existing one is replaced, and
// any later ones (which the rule ignores) go, so that the page says one thing. Removing a marker
// that stands alone on its line takes the line, and the blank line after it where the marker was
// put in as above, so that adding and removing one gives the page back as it was.
import type { GoalDoc, GoalDocMarker, GoalDocMarkerComment } from '../model/types';
import type { SetGoalDocMarkerArgs } from '../protocol';
import { EditBuilder, nextLineStart, type SpanEdit } from './edit';
import { eolOf } from './sectionMove';
import { lineEndAt } from '../model/text';

export type { SetGoalDocMarkerArgs } from '../protocol';

/** What the file is to say: a goal doc (`on`), not one (`off`), or nothing (`none`: its content decides). */
export type MarkerChoice = GoalDocMarker | 'none';

export function parseSetMarkerArgs(raw: unknown): SetGoalDocMarkerArgs | undefined {
  const a = raw as Partial<SetGoalDocMarkerArgs> | undefined;
  if (!a || typeof a.uri !== 'string' || (a.marker !== 'on' && a.marker !== 'off' && a.marker !== 'none')) return undefined;
  return { uri: a.uri, marker: a.marker };
}

/** The marker as the page writes comments: `<!-- goal-docs: on -->`, or `{/* goal-docs: on *\/}` in MDX. */
export function markerText(value: GoalDocMarker, mdx: boolean): string {
  return mdx ? `{/* goal-docs: ${value} */}` : `<!-- goal-docs: ${value} -->`;
}

/** The edits that make the page say `choice`; none when it says so already. */
export function markerEdits(doc: GoalDoc, choice: MarkerChoice): SpanEdit[] {
  const b = new EditBuilder(doc.text);
  const [first, ...rest] = doc.markers;
  if (choice === 'none') {
    for (const m of doc.markers) removeMarker(b, doc, m);
    return b.edits;
  }
  const wanted = markerText(choice, doc.mdx === true);
  if (first) b.replace(first.span.start, first.span.end, wanted);
  else insertMarker(b, doc, wanted);
  for (const m of rest) removeMarker(b, doc, m);
  return b.edits;
}

/** Where the page's body starts: after its front matter, else after a byte order mark. */
function bodyStart(doc: GoalDoc): number {
  if (doc.frontMatter) return doc.frontMatter.span.end;
  return doc.text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

function isBlankLine(text: string, start: number): boolean {
  return start < text.length && text.slice(start, lineEndAt(text, start)).trim() === '';
}

function insertMarker(b: EditBuilder, doc: GoalDoc, marker: string): void {
  const text = doc.text;
  const eol = eolOf(text);
  let at = bodyStart(doc);
  // After front matter, right above the first line of the page's text.
  if (doc.frontMatter) while (isBlankLine(text, at)) at = nextLineStart(doc, at);
  // Front matter that ends the file without a line break after its closing fence.
  const before = at === text.length && at > 0 && text[at - 1] !== '\n' ? eol : '';
  const after = at < text.length && !isBlankLine(text, at) ? eol : '';
  b.insert(at, `${before}${marker}${eol}${after}`);
}

function removeMarker(b: EditBuilder, doc: GoalDoc, m: GoalDocMarkerComment): void {
  const text = doc.text;
  const start = text.lastIndexOf('\n', m.span.start - 1) + 1;
  const end = lineEndAt(text, m.span.end);
  const alone = text.slice(start, m.span.start).trim() === '' && text.slice(m.span.end, end).trim() === '';
  if (!alone) {
    // Beside other text: the comment and the spaces before it go.
    let from = m.span.start;
    while (from > start && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
    b.delete(from, m.span.end);
    return;
  }
  const next = nextLineStart(doc, m.span.end);
  const previousBlank = start > 0 && start !== bodyStart(doc) && isBlankLine(text, text.lastIndexOf('\n', start - 2) + 1);
  const atTop = start === bodyStart(doc) || previousBlank;
  b.delete(start, atTop && isBlankLine(text, next) ? nextLineStart(doc, next) : next);
}
