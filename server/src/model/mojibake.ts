// UTF-8 text that was read as Windows-1252 (or Latin-1) and saved again: `ðŸ¦„` for `🦄`.
import type { Span } from './types';

// Windows-1252 characters for the bytes 0x80–0x9F; the five bytes it leaves undefined come
// through lenient decoders as the C1 control characters of the same value.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const byteOfChar = new Map<string, number>();
for (let i = 0; i < 32; i++) byteOfChar.set(CP1252_HIGH[i], 0x80 + i);
for (let b = 0xa0; b <= 0xff; b++) byteOfChar.set(String.fromCharCode(b), b);

const decoder = new TextDecoder('utf-8', { fatal: true });

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Decodes one mis-read UTF-8 sequence starting at `i`, or returns undefined. */
function decodeAt(text: string, i: number): { length: number; repaired: string } | undefined {
  const lead = byteOfChar.get(text[i]);
  if (lead === undefined) return undefined;
  const n = sequenceLength(lead);
  if (n === 0 || i + n > text.length) return undefined;
  const bytes = [lead];
  for (let k = 1; k < n; k++) {
    const b = byteOfChar.get(text[i + k]);
    if (b === undefined || b < 0x80 || b > 0xbf) return undefined;
    bytes.push(b);
  }
  try {
    return { length: n, repaired: decoder.decode(new Uint8Array(bytes)) };
  } catch {
    return undefined;
  }
}

/**
 * A word's last letter, a no-break space and a guillemet or other Latin-1 sign (`é\u00a0»`, `è\u00a0:`
 * is not one) is French typography, though its bytes read as one CJK character (`頻`). The
 * classic mis-reads keep their lead: `Ã\u00a0` for à, `â€\u00a0` for †.
 */
function frenchSpacing(run: string): boolean {
  return run.length === 3 && /^[àáãäåæçèéêëìíîï]\u00a0[\u00a1-\u00bf]$/.test(run);
}

export interface MojibakeRun {
  span: Span;
  text: string;
  repaired: string;
}

/** Finds runs of mis-decoded UTF-8, skipping the spans in `skip` (code blocks). */
export function findMojibake(text: string, skip: Span[] = []): MojibakeRun[] {
  const runs: MojibakeRun[] = [];
  let skipIndex = 0;
  let i = 0;
  while (i < text.length) {
    while (skipIndex < skip.length && skip[skipIndex].end <= i) skipIndex++;
    if (skipIndex < skip.length && skip[skipIndex].start <= i) {
      i = skip[skipIndex].end;
      continue;
    }
    if (text.charCodeAt(i) < 0xa0 && !byteOfChar.has(text[i])) {
      i++;
      continue;
    }
    const start = i;
    let repaired = '';
    let seq = decodeAt(text, i);
    while (seq) {
      repaired += seq.repaired;
      i += seq.length;
      seq = decodeAt(text, i);
    }
    if (i > start && !frenchSpacing(text.slice(start, i))) runs.push({ span: { start, end: i }, text: text.slice(start, i), repaired });
    else if (i === start) i++;
  }
  return runs;
}
