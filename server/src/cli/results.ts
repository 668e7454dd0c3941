// What `goal-docs check` found, as its output formats read it: each checked goal doc with its
// diagnostics, and the names it prints for severities.
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';

export interface FileResult {
  /** Relative to the current folder, with `/` between segments. */
  file: string;
  diagnostics: Diagnostic[];
}

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITY_NAME: Record<DiagnosticSeverity, SeverityName> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

export function severityName(d: Diagnostic): SeverityName {
  return SEVERITY_NAME[d.severity ?? DiagnosticSeverity.Error];
}

export function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}
