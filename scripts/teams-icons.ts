// npm run teams:icons: draws the Teams app icons into manifests/teams/ (committed; run again only to change them).
// color.png: 192x192, a white desk bell on Balie's accent colour; outline.png: 32x32, the same bell
// in white on a transparent background, as Teams asks of an outline icon.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

/** The accent colour of the manifest (accentColor) and of the colour icon. */
export const accent = [0x1f, 0x5f, 0x8b] as const;

type Pixel = readonly [number, number, number, number];

/** A PNG (8-bit RGBA, no interlace) of `size` x `size` pixels. */
export function png(size: number, pixel: (x: number, y: number) => Pixel): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) {
    rows[y * (1 + size * 4)] = 0;
    for (let x = 0; x < size; x++) rows.set(pixel(x, y), y * (1 + size * 4) + 1 + x * 4);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** Whether a point (in units of the icon's size, 0..1) is on the desk bell: a dome, its knob and its base. */
function bell(u: number, v: number): boolean {
  const dome = (u - 0.5) ** 2 + ((v - 0.66) / 0.9) ** 2 < 0.29 ** 2 && v < 0.66;
  const knob = (u - 0.5) ** 2 + (v - 0.33) ** 2 < 0.045 ** 2;
  const base = v >= 0.69 && v <= 0.76 && u >= 0.17 && u <= 0.83;
  return dome || knob || base;
}

const white: Pixel = [255, 255, 255, 255];
const clear: Pixel = [0, 0, 0, 0];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folder = new URL('../manifests/teams/', import.meta.url);
  writeFileSync(new URL('color.png', folder), png(192, (x, y) => (bell((x + 0.5) / 192, (y + 0.5) / 192) ? white : [...accent, 255])));
  writeFileSync(new URL('outline.png', folder), png(32, (x, y) => (bell((x + 0.5) / 32, (y + 0.5) / 32) ? white : clear)));
  console.log('wrote manifests/teams/color.png (192x192) and outline.png (32x32)');
}
