/**
 * The icons in public/icon are what scripts/make-icons.mjs draws (the icon's one source), at
 * the sizes WXT puts into the manifest (the Chrome Web Store asks for 128 × 128).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICON_DIR, ICON_SIZES, iconPng } from '../../scripts/make-icons.mjs';

describe('extension icons', () => {
  it('includes the 128 × 128 icon the store asks for', () => {
    expect(ICON_SIZES).toContain(128);
  });

  it.each(ICON_SIZES)('public/icon/%i.png is a PNG of that size, as make-icons.mjs draws it', (size) => {
    const file = readFileSync(join(ICON_DIR, `${size}.png`));
    expect(file.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([file.readUInt32BE(16), file.readUInt32BE(20)]).toEqual([size, size]);
    expect(file.equals(iconPng(size)), 'run `node scripts/make-icons.mjs` and commit the result').toBe(true);
  });
});
