// What a rule reports, before the severity from the settings is applied (its type: rule.ts).
export type { Finding, FindingOf } from './rule';

/** Quotes a heading or item text in a message, shortened so messages stay one line. */
export function quote(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `'${t.length > max ? t.slice(0, max - 1) + '…' : t}'`;
}
