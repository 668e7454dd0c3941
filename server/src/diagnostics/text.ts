// text.mojibake: UTF-8 read as Windows-1252 and saved again.
import type { GoalDoc } from '../model/types';
import { type Finding, quote } from './finding';
import { defineRule } from './rule';

export const textMojibake = defineRule({
  code: 'text.mojibake',
  severity: 'warning',
  meaning: 'UTF-8 text that was decoded as Windows-1252 and saved again (`ðŸ¦„` for 🦄).',
  fixes: { repair: 'repair the text' },
  data: { repaired: 'string' },
});

export function textFindings(doc: GoalDoc): Array<Finding<typeof textMojibake>> {
  return doc.mojibake.map((m) => ({
    code: 'text.mojibake' as const,
    range: m.range,
    message: `${quote(m.text)} is UTF-8 that was decoded as Windows-1252 (mojibake); it should read ${quote(m.repaired)}`,
    data: { repaired: m.repaired },
  }));
}
