// Draws images/icon.png (128×128): a target on a rounded navy square, for "goals". Written as a
// script so the icon can be regenerated without an image editor: `node scripts/make-icon.mjs`.
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';

const SIZE = 128;
const SS = 4; // supersamples per axis, for smooth edges
const NAVY = [31, 78, 121];
const WHITE = [255, 255, 255];
const ORANGE = [242, 142, 43];

/** Colour and coverage of one sample point, in icon pixels. */
function sample(x, y) {
  const r = 22; // corner radius of the background square
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  if (Math.hypot(x - cx, y - cy) > r) return null;
  const d = Math.hypot(x - 64, y - 66);
  if (d < 9) return ORANGE;
  if (d < 19) return WHITE;
  if (d < 29) return NAVY;
  if (d < 39) return WHITE;
  if (d < 44) return NAVY;
  // A pennant on a pole at the top right: the goal reached.
  if (x >= 92 && x <= 95 && y >= 12 && y <= 44) return WHITE;
  if (x > 95 && y >= 12 && y <= 28 && x - 95 <= (28 - y) * 1.4 && x - 95 <= (y - 12) * 1.4) return ORANGE;
  return NAVY;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let [r, g, b, a] = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = sample(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
        if (c) { r += c[0]; g += c[1]; b += c[2]; a++; }
      }
    }
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    raw[o] = a ? Math.round(r / a) : 0;
    raw[o + 1] = a ? Math.round(g / a) : 0;
    raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((a / (SS * SS)) * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.mkdirSync(new URL('../images/', import.meta.url), { recursive: true });
fs.writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
