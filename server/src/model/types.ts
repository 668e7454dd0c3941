// The goal-doc model: what features read. Built once per document version (see cache.ts).
import type { Range } from 'vscode-languageserver-types';
import type { PeriodLabel, PeriodScheme } from './periods';

/** Character offsets into the document text, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export type HeadingKind = 'year' | 'quarter' | 'goal' | 'other';

export interface Heading {
  /** Position among all headings of the document, in order. */
  index: number;
  level: number;
  /** Plain text as GitHub renders it (markup removed), without an explicit `{#id}`. */
  text: string;
  /** GitHub's anchor, with the `-1`, `-2` suffix of duplicates counted in document order. */
  slug: string;
  /** GitHub's slug of the text alone, before duplicates are counted (same title, same base slug). */
  baseSlug: string;
  /** The period its text names, as model/periods.ts `periodKey` spells it, if any (`FY2021Q4`). */
  periodKey?: string;
  /** Every fragment that reaches this heading: the slug, plus an explicit `{#id}` if any. */
  ids: string[];
  kind: HeadingKind;
  /** The whole heading line. */
  span: Span;
  range: Range;
  /** The heading's text, without the `#` marks. */
  textSpan: Span;
  textRange: Range;
  /** From the heading to the next heading of the same or a higher level. */
  sectionSpan: Span;
  sectionRange: Range;
  /** The URL when the heading is nothing but a link (`### [Title](https://…)`). */
  linkUrl?: string;
  /** True when nothing but blank lines stands between this heading and the next one. */
  emptyBody: boolean;
}

export type LinkKind = 'inline' | 'definition' | 'html';

export interface Link {
  kind: LinkKind;
  /** The link's text (for a definition, its label). */
  text: string;
  /** The destination as written in the source. */
  href: string;
  /** The part before `#` (empty for an in-page anchor). */
  path: string;
  /** The part after `#`, decoded, or undefined when there is no `#`. */
  fragment?: string;
  /** True for URLs with a scheme (`https:`, `mailto:`) and protocol-relative URLs. */
  external: boolean;
  span: Span;
  range: Range;
  /** The destination in the source. */
  hrefSpan: Span;
  hrefRange: Range;
  /** The fragment in the source (after `#`), when there is one. */
  fragmentSpan?: Span;
  fragmentRange?: Range;
}

export interface TocEntry {
  /** The entry's visible text. */
  text: string;
  link: Link;
  /** 0 for the outermost list of the TOC. */
  depth: number;
  span: Span;
  range: Range;
}

export interface Toc {
  span: Span;
  range: Range;
  entries: TocEntry[];
  /** The list marker (`-`, `*`, `+`) of the outermost list. */
  bullet: string;
  /** Indentation per nesting level, in spaces. */
  indent: number;
}

export type { PeriodScheme, PeriodLabel } from './periods';

export interface Year {
  heading: Heading;
  year: number;
  scheme: PeriodScheme;
  quarters: Quarter[];
}

/** A heading that stands for a quarter or a half-year (a year is a Year). */
export interface Quarter {
  heading: Heading;
  /** A quarter or a half (`kind`), as the heading writes it. */
  label: PeriodLabel;
  year?: Year;
  goals: Goal[];
}

export type FieldName =
  | 'owner'
  | 'status'
  | 'outcomes'
  | 'milestones'
  | 'descopedOutcomes'
  | 'problem'
  | 'discussions'
  | 'dependencies'
  | 'estimatedCompletion'
  | 'trackingIssue';

export interface Field {
  name: FieldName;
  /** The name as written (`Owners`, `Outcome`). */
  label: string;
  /** Where the field stands: a bullet, a paragraph (`**Milestones:**` then a list) or a heading. */
  form: 'bullet' | 'paragraph' | 'heading';
  /** The list item, paragraph or heading. */
  span: Span;
  range: Range;
  /** The text after the name and colon on the same line, trimmed. */
  value: string;
  valueSpan: Span;
  valueRange: Range;
  items: ListItem[];
}

export type DoneStampStyle = 'plain' | 'code' | 'bold' | 'arrow';

export interface DoneStamp {
  span: Span;
  range: Range;
  /** The stamp as written: `Done: \`3.20\``. */
  text: string;
  style: DoneStampStyle;
  /** The version text (`3.20`, `Dist: 2020.11.16`), when there is one. */
  version?: string;
}

export interface Marker {
  span: Span;
  range: Range;
  text: string;
}

export type StatusKind = 'in-progress' | 'estimate' | 'emoji';

/**
 * What a list item is to its goal: a milestone, an outcome, a descoped outcome (items of those
 * fields, or of no field: a goal's plain list), or something else (Dependencies, Discussions…).
 */
export type ItemRole = 'milestone' | 'outcome' | 'descoped' | 'other';

/** A list item of a goal doc, with what marks it done, descoped or in progress. */
export interface ListItem {
  /** What it is to its goal; nested items take their parent's role. */
  role: ItemRole;
  /** The whole list item, nested children included. */
  span: Span;
  range: Range;
  /** The first line of the item's own text (from the marker to the end of that line). */
  lineSpan: Span;
  lineRange: Range;
  /** The item's own first paragraph (no marker, no nested lists). */
  contentSpan: Span;
  contentRange: Range;
  text: string;
  /** `-`, `*`, `+`, `1.`, `1)`. */
  marker: string;
  ordered: boolean;
  depth: number;
  /** The item's leading text is struck through (`~~…~~`). */
  struck: boolean;
  /**
   * Struck, and nothing but punctuation, symbols, emoji and its own markers (stamp, Descoped
   * marker, status) stands outside the strikes.
   */
  whollyStruck: boolean;
  /** The struck parts. */
  strikes: Span[];
  done?: DoneStamp;
  descoped?: Marker;
  /** A leading status emoji (🔄, ✅, ⏳, 🚫) or a status tail (`**In progress**`, `_Estimated: …_`). */
  status?: Marker & { kind: StatusKind };
  /** A done emoji at the end of the text (`Keep the business informed ✅`). */
  doneSuffix?: Marker;
  /** A GFM task box. */
  checkbox?: Marker & { checked: boolean };
  children: ListItem[];
  /** The field list it sits in, if any. */
  field?: FieldName;
}

/** A list item that can be done, descoped or reopened: a milestone or an outcome of a goal. */
export interface Milestone extends ListItem {
  role: 'milestone' | 'outcome' | 'descoped';
}

export function isMilestone(item: ListItem): item is Milestone {
  return item.role !== 'other';
}

export interface Goal {
  heading: Heading;
  /**
   * The goal's own part of the document: its heading's section, or up to the next goal inside it
   * (the sibling goals that follow a goal written at its quarter's level are not its part).
   */
  sectionSpan: Span;
  sectionRange: Range;
  quarter?: Quarter;
  /** The nearest enclosing heading that is not a period (e.g. `## Active goals`). */
  section?: Heading;
  fields: Field[];
  owners: string[];
  /** The goal heading stands at the level of its quarter instead of one below. */
  misplacedLevel?: { expected: number };
  /** A heading that is only a link with an empty body: an include of another doc, not a goal. */
  isInclude: boolean;
  /**
   * Every list item of the goal's section that is not itself a field bullet, including the items
   * of its Milestones/Outcomes fields; outermost first, children nested.
   */
  items: ListItem[];
}

export interface Mojibake {
  span: Span;
  range: Range;
  text: string;
  repaired: string;
}

// --- A page's summary: what its lines say about it being a goal doc (model/pageScan.ts) ---

export interface SummaryHeading {
  level: number;
  /** The heading's text with its markup left out (emphasis, code, links' targets, HTML tags). */
  text: string;
  /** Lines from the heading (itself included) to the next heading. */
  ownLines: number;
  /** Its top-level list items that are more than a link, up to the next heading. */
  items: number;
  /** Its table rows, up to the next heading. */
  tableRows: number;
  /** The period one of the team's templates reads in it (goalDocs.periods), where one does. */
  declaredPeriod?: PeriodLabel;
}

export interface SummaryTable {
  header: string[];
  rows: number;
  /** Per column, how many rows have something in it. */
  filled: number[];
  /** Per column, how many rows state progress in it (`Done`, `In progress`, ✅, `78%`). */
  marked: number[];
  /** The first cell of every row, the header's included (key/value metadata tables). */
  keys: string[];
}

export interface PageSummary {
  headings: SummaryHeading[];
  /** Non-blank lines before the first heading. */
  preambleLines: number;
  /** Non-blank lines outside code and comments. */
  lines: number;
  /** Words outside headings, code and comments. */
  words: number;
  items: number;
  /** Items that are nothing but a link. */
  linkItems: number;
  /** Items with a progress mark: a task box, a Done stamp, a status emoji, a score, a status word. */
  progressItems: number;
  /** Items led by a role or a name (`CMO: …`, `[ana] …`, `@ana: …`), naming their owner inside (`… **DRI:** Ana`), or a handle in a staffing section. */
  ownedItems: number;
  /** Items led by a date (`September 3, 2025 : …`, `2025-09-03: …`): a schedule's entries. */
  datedItems: number;
  /** The goal fields the lines name, in order (headings', items' and paragraphs'). */
  fieldLines: FieldName[];
  /** Key-result lines (`KR: …`). */
  keyResults: number;
  /** Deadline paragraphs (`By end of Q1:`), the first few. */
  deadlines: string[];
  /** Label paragraphs over a list (`OKRs:`), the first few. */
  goalLabels: string[];
  tables: SummaryTable[];
  /** An HTML table with a status cell and an owner or due cell. */
  htmlStatus: boolean;
}

/** YAML or TOML front matter: data, not Markdown (model/mask.ts). */
export interface FrontMatter {
  span: Span;
  /** `key: value` lines of its top level (a YAML subset: enough for `title`, `status`, `owner`), keys in lower case. */
  fields: Map<string, string>;
}

/** A part of a document that was not parsed, being beyond the parser's limits (limits.ts). */
export interface Unanalysed {
  /** The part left out: a chunk, after its heading when it has one. */
  span: Span;
  /** The line that goes past a limit. */
  range: Range;
  /** Why, in words for a message. */
  reason: string;
}

export interface TableCell {
  /** The cell between its pipes (neither pipe included). */
  span: Span;
  /** The cell's source without the spaces around it; an empty span mid-cell for an empty cell. */
  content: Span;
  /** The cell's source text, trimmed. */
  text: string;
}

export interface TableRow {
  span: Span;
  range: Range;
  cells: TableCell[];
}

/** A GFM table, as the parser split it into rows and cells. */
export interface Table {
  span: Span;
  header: TableRow;
  rows: TableRow[];
}

export type GoalDocMarker = 'on' | 'off';

/** A `<!-- goal-docs: on|off -->` comment that counts (not inside code), or an MDX page's `{/* goal-docs: on|off *\/}`. */
export interface GoalDocMarkerComment {
  value: GoalDocMarker;
  /** The comment itself, from `<!--` (or `{`) to `-->` (or `}`). */
  span: Span;
}

export interface GoalDoc {
  uri: string;
  version: number;
  text: string;
  lineStarts: number[];
  headings: Heading[];
  links: Link[];
  /** Targets of `<a name="…">` / `<a id="…">`, which in-page links may also reach. */
  htmlAnchors: string[];
  toc?: Toc;
  years: Year[];
  quarters: Quarter[];
  goals: Goal[];
  /** Headings with a quarter label's shape that is not a valid label (`FY-20-Q5`). */
  badQuarterLabels: Heading[];
  /** Every list item of the document that is not a field, a TOC entry or inside a table. */
  items: ListItem[];
  mojibake: Mojibake[];
  /** Offsets of fenced or indented code blocks, so text scans can skip them. */
  codeSpans: Span[];
  /** The GFM tables, outside code. */
  tables: Table[];
  /** Parts left unparsed, being beyond the parser's limits; everything else is analysed. */
  unanalysed: Unanalysed[];
  /** Every marker comment of the document, in order (the edit that says yes or no replaces them). */
  markers: GoalDocMarkerComment[];
  /** What its lines say about it being a goal doc (pageScan.ts): one per chunk, merged. */
  summary: PageSummary;
  /** YAML or TOML front matter at the start, which the parser was not given (mask.ts). */
  frontMatter?: FrontMatter;
  /** An `.mdx` page: its JSX and ESM blocks were not parsed as Markdown. */
  mdx?: boolean;
}
