// text.mojibake → the repaired text the rule worked out.
import type { FixProvider } from './fix';
import { sameRange, stringData } from './fix';

export const fixMojibake: FixProvider = (doc, target) => {
  const repaired = stringData(target, 'repaired');
  const found = doc.mojibake.find((m) => sameRange(m.range, target.range));
  if (!found || repaired === undefined) return [];
  return [{ title: `Repair the text: "${repaired}"`, edits: [{ ...found.span, newText: repaired }], safe: true, isPreferred: true }];
};
