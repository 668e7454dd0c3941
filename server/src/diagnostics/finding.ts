// What a rule reports, before the severity from the settings is applied.
import type { DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';
import type { RuleCode } from '../settings/schema';

export interface Finding {
  code: RuleCode;
  range: Range;
  message: string;
  /** What the rule's quick fix needs; fixes read this, never the message. */
  data: Record<string, unknown>;
  relatedInformation?: DiagnosticRelatedInformation[];
}

/** Quotes a heading or item text in a message, shortened so messages stay one line. */
export function quote(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `'${t.length > max ? t.slice(0, max - 1) + '…' : t}'`;
}
