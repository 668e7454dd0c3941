// text.mojibake: UTF-8 read as Windows-1252 and saved again.
import type { GoalDoc } from '../model/types';
import { type Finding, quote } from './finding';

export function textFindings(doc: GoalDoc): Finding[] {
  return doc.mojibake.map((m) => ({
    code: 'text.mojibake' as const,
    range: m.range,
    message: `${quote(m.text)} is UTF-8 that was decoded as Windows-1252 (mojibake); it should read ${quote(m.repaired)}`,
    data: { repaired: m.repaired },
  }));
}
