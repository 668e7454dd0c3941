// Runs every rule over a document's model and applies the configured severities.
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { GoalDoc, Unanalysed } from '../model/types';
import { positionAt } from '../model/text';
import type { LinkedFiles } from '../workspace/linkedFiles';
import type { Cancellation } from '../workspace/goalDocWorkspace';
import type { CalendarSettings } from '../model/periods';
import type { RuleSeverity } from './rule';
import type { RuleCode, RuleFinding } from './rules';
import { anchorFindings } from './anchors';
import { periodFindings } from './periods';
import { goalFindings } from './goals';
import { milestoneFindings } from './milestones';
import { textFindings } from './text';
import { fileLinkFindings } from './fileLinks';
import { lifecycleFindings } from './lifecycle';

export const DIAGNOSTIC_SOURCE = 'goal-docs';

const SEVERITY: Record<Exclude<RuleSeverity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What the rules read of the settings (settings/schema.ts's GoalDocsSettings holds it). */
export interface RuleSettings extends CalendarSettings {
  rules: Readonly<Record<RuleCode, RuleSeverity>>;
}

/**
 * Every rule's findings. `today` is the day period.ended-open reads the fiscal calendar on
 * (injected by the service, and by tests so that they do not age).
 */
export function computeFindings(doc: GoalDoc, settings: RuleSettings, files?: LinkedFiles, token?: Cancellation, today = new Date()): RuleFinding[] {
  const isCancelled = () => !!token?.isCancellationRequested;
  const findings: RuleFinding[] = [
    ...anchorFindings(doc),
    ...periodFindings(doc, settings),
    ...lifecycleFindings(doc, settings, today),
    ...goalFindings(doc),
    ...milestoneFindings(doc),
    ...textFindings(doc),
  ];
  if (!isCancelled()) findings.push(...fileLinkFindings(doc, files, isCancelled));
  return findings;
}

export function computeDiagnostics(doc: GoalDoc, settings: RuleSettings, files?: LinkedFiles, token?: Cancellation, today?: Date): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const f of computeFindings(doc, settings, files, token, today)) {
    const severity = settings.rules[f.code];
    if (severity === 'off') continue;
    const d: Diagnostic = { range: f.range, severity: SEVERITY[severity], code: f.code, source: DIAGNOSTIC_SOURCE, message: f.message, data: { ...f.data, code: f.code } };
    if (f.relatedInformation?.length) d.relatedInformation = f.relatedInformation;
    diagnostics.push(d);
  }
  for (const u of doc.unanalysed) diagnostics.push(unanalysedDiagnostic(doc, u));
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return diagnostics;
}

/** The one message for a part of a document beyond the parser's limits (model/limits.ts). */
export function unanalysedDiagnostic(doc: GoalDoc, u: Unanalysed): Diagnostic {
  // The lines the part covers, blank lines around it left out.
  let start = u.span.start;
  let end = u.span.end;
  while (start < end && /\s/.test(doc.text[start])) start++;
  while (end > start && /\s/.test(doc.text[end - 1])) end--;
  const from = positionAt(doc.lineStarts, start).line + 1;
  const to = positionAt(doc.lineStarts, Math.max(start, end - 1)).line + 1;
  const lines = from === to ? `line ${from}` : `lines ${from}–${to}`;
  return {
    range: u.range,
    severity: DiagnosticSeverity.Information,
    code: 'file.not-analysed',
    source: DIAGNOSTIC_SOURCE,
    message: `Goal Docs does not analyse ${lines}: ${u.reason}, past what it can parse safely. Nothing there is checked; the rest of the document is.`,
  };
}

/** The one message for a goal doc too large to analyse (`goalDocs.maxFileSize`). */
export function oversizedDiagnostic(length: number, limit: number): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: 'file.too-large',
    source: DIAGNOSTIC_SOURCE,
    message: `Goal Docs does not analyse this document: it has ${length.toLocaleString('en-US')} characters, more than goalDocs.maxFileSize (${limit.toLocaleString('en-US')}). Raise the setting to analyse it.`,
  };
}
