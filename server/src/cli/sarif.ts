// `goal-docs check --format sarif`: the problems as one run of a SARIF 2.1.0 log, the format that
// GitHub code scanning uploads and other static-analysis viewers read.
import type * as Sarif from 'sarif';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { RuleSeverity } from '../diagnostics/rule';
import { RULE_LIST } from '../diagnostics/rules';
import { type FileResult, messageText, type SeverityName, severityName } from './results';

/** Set by the bundler from package.json (scripts/build.mjs); the sources run by tsx have none. */
declare const GOAL_DOCS_VERSION: string | undefined;
const TOOL_VERSION = typeof GOAL_DOCS_VERSION === 'string' ? GOAL_DOCS_VERSION : '0.0.0-source';

/** Where the CLI is published; package.json names no repository yet. */
const INFORMATION_URI = 'https://www.npmjs.com/package/goal-docs';

/** The base that result locations are relative to: the folder the check ran in. */
const SRCROOT = 'SRCROOT';

export interface RuleMetadata {
  code: string;
  /** One sentence, Markdown. */
  meaning: string;
  /** More, Markdown, where the rule declares it. */
  details?: string;
  severity: RuleSeverity;
}

/** Every rule the tool can report, from the rules' one declaration (diagnostics/rules.ts). */
export function ruleMetadata(): RuleMetadata[] {
  return RULE_LIST.map((r) => ({ code: r.code, meaning: r.meaning, details: r.details, severity: r.severity }));
}

/** Markdown as plain text: SARIF's `text` drops the code marks that viewers rendering Markdown show. */
function plain(markdown: string): string {
  return markdown.replace(/`/g, '');
}

function level(severity: SeverityName | RuleSeverity): Sarif.ReportingConfiguration.level {
  if (severity === 'error' || severity === 'warning') return severity;
  return severity === 'off' ? 'none' : 'note';
}

/** A path relative to the run's folder as a relative URI reference (`a b/goals.md` → `a%20b/goals.md`). */
function relativeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function result(file: string, d: Diagnostic, ruleIndex: Map<string, number>): Sarif.Result {
  const ruleId = String(d.code);
  const index = ruleIndex.get(ruleId);
  return {
    ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: level(severityName(d)),
    message: { text: messageText(d) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(file), uriBaseId: SRCROOT },
          // SARIF counts from 1 and its end column is the one after the region, as LSP's is.
          region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
        },
      },
    ],
  };
}

/** The SARIF log of one check; `folderUri` is the `file:` URI of the folder it ran in. */
export function sarifLog(results: FileResult[], folderUri: string): Sarif.Log {
  const rules = ruleMetadata();
  const ruleIndex = new Map(rules.map((r, i) => [r.code, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'goal-docs',
            version: TOOL_VERSION,
            informationUri: INFORMATION_URI,
            rules: rules.map((r) => ({
              id: r.code,
              shortDescription: { text: plain(r.meaning), markdown: r.meaning },
              ...(r.details ? { fullDescription: { text: plain(`${r.meaning} ${r.details}`), markdown: `${r.meaning} ${r.details}` } } : {}),
              defaultConfiguration: { level: level(r.severity) },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri.endsWith('/') ? folderUri : `${folderUri}/` } },
        // LSP's characters are UTF-16 code units; SARIF's default kind, said for readers that guess.
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) => r.diagnostics.map((d) => result(r.file, d, ruleIndex))),
      },
    ],
  };
}
