// Runs every rule over a document's model and applies the configured severities.
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { GoalDoc } from '../model/types';
import type { LinkedFiles } from '../linkedFiles';
import type { GoalDocsSettings, RuleSeverity } from '../settings';
import type { Finding } from './finding';
import { anchorFindings } from './anchors';
import { periodFindings } from './periods';
import { goalFindings } from './goals';
import { milestoneFindings } from './milestones';
import { textFindings } from './text';
import { fileLinkFindings } from './fileLinks';

export const DIAGNOSTIC_SOURCE = 'goal-docs';

const SEVERITY: Record<Exclude<RuleSeverity, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface CancellationLike {
  readonly isCancellationRequested: boolean;
}

export function computeFindings(doc: GoalDoc, settings: GoalDocsSettings, files?: LinkedFiles, token?: CancellationLike): Finding[] {
  const isCancelled = () => !!token?.isCancellationRequested;
  const findings = [
    ...anchorFindings(doc),
    ...periodFindings(doc, settings),
    ...goalFindings(doc),
    ...milestoneFindings(doc),
    ...textFindings(doc),
  ];
  if (!isCancelled()) findings.push(...fileLinkFindings(doc, files, isCancelled));
  return findings;
}

export function computeDiagnostics(doc: GoalDoc, settings: GoalDocsSettings, files?: LinkedFiles, token?: CancellationLike): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const f of computeFindings(doc, settings, files, token)) {
    const severity = settings.rules[f.code];
    if (severity === 'off') continue;
    const d: Diagnostic = { range: f.range, severity: SEVERITY[severity], code: f.code, source: DIAGNOSTIC_SOURCE, message: f.message, data: { ...f.data, code: f.code } };
    if (f.relatedInformation?.length) d.relatedInformation = f.relatedInformation;
    diagnostics.push(d);
  }
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return diagnostics;
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
