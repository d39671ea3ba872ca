/**
 * The extension's icon, drawn here and written as PNGs to public/icon/<size>.png (WXT puts
 * every public/icon/<size>.png into the manifest's `icons`). This file is the icon's source:
 * a dark rounded square with the payoff line of an iron condor (flat loss wings, the profit
 * plateau between the short strikes). Run `node scripts/make-icons.mjs` after changing it;
 * tests/docs/icons.test.ts checks that the committed PNGs are what it draws.
 *
 * Plain Node (zlib) on purpose: a few shapes do not need an image library. Each pixel is
 * sampled 8×8 times, so edges are smooth at every size.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

/** Sizes written: the Chrome Web Store wants 128; browsers use 16, 32 and 48. */
export const ICON_SIZES = [16, 32, 48, 128];

/** Colours, RGB. */
const BACKGROUND = [29, 42, 68];
const LINE = [76, 195, 138];
const BASELINE = [120, 136, 166];

/** Geometry in units of the icon's side (0..1). */
const INSET = 1 / 16;
const CORNER = 0.2;
const PAYOFF = [
  [0.16, 0.7],
  [0.32, 0.7],
  [0.43, 0.34],
  [0.57, 0.34],
  [0.68, 0.7],
  [0.84, 0.7],
];
const LINE_HALF_WIDTH = 0.055;
const BASELINE_Y = 0.52;
const BASELINE_HALF_WIDTH = 0.018;
const SAMPLES = 8;

function insideRoundedSquare(x, y) {
  const lo = INSET;
  const hi = 1 - INSET;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + CORNER), hi - CORNER);
  const cy = Math.min(Math.max(y, lo + CORNER), hi - CORNER);
  return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER ** 2;
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function onPayoff(x, y) {
  for (let i = 1; i < PAYOFF.length; i++)
    if (distanceToSegment(x, y, PAYOFF[i - 1], PAYOFF[i]) <= LINE_HALF_WIDTH) return true;
  return false;
}

function onBaseline(x, y) {
  return Math.abs(y - BASELINE_Y) <= BASELINE_HALF_WIDTH && x >= 0.16 && x <= 0.84;
}

/** RGBA pixels of the icon at `size` × `size`. */
export function iconPixels(size) {
  const px = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxi = 0; pxi < size; pxi++) {
      let bg = 0;
      let line = 0;
      let base = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (pxi + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (!insideRoundedSquare(x, y)) continue;
          if (onPayoff(x, y)) line++;
          else if (onBaseline(x, y)) base++;
          else bg++;
        }
      }
      const n = SAMPLES * SAMPLES;
      const covered = bg + line + base;
      const o = (py * size + pxi) * 4;
      for (let c = 0; c < 3; c++) {
        const sum = bg * BACKGROUND[c] + line * LINE[c] + base * BASELINE[c];
        px[o + c] = covered > 0 ? Math.round(sum / covered) : 0;
      }
      px[o + 3] = Math.round((255 * covered) / n);
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
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

/** The icon at `size` as PNG bytes (8-bit RGBA, no filter; deterministic). */
export function iconPng(size) {
  const px = iconPixels(size);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Where the PNGs go: public/icon/<size>.png. */
export const ICON_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icon');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(ICON_DIR, { recursive: true });
  for (const size of ICON_SIZES) writeFileSync(join(ICON_DIR, `${size}.png`), iconPng(size));
  console.log(`wrote ${ICON_SIZES.map((s) => `public/icon/${s}.png`).join(', ')}`);
}
