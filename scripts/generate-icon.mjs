#!/usr/bin/env node
// Draws build/icon.png (1024×1024): a brand-blue rounded square with a white "O" and a pennant
// planted on it, the outpost. Shapes are signed-distance functions, so edges are anti-aliased
// without a graphics library; the PNG is written with zlib. electron-builder derives .ico/.icns.
// Usage: node scripts/generate-icon.mjs [output.png] [size]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const BRAND_LIGHT = [0x3b, 0x7d, 0xf5];
const BRAND_DARK = [0x1f, 0x52, 0xc9]; // around #2F6FEB, lit from the top left

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes straight RGBA pixels as an 8-bit truecolour-with-alpha PNG. */
export function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const clamp01 = (value) => Math.min(1, Math.max(0, value));
/** Coverage of a shape at a pixel from its signed distance (negative inside), one pixel of blur. */
const coverage = (distance) => clamp01(0.5 - distance);

function roundedRect(x, y, cx, cy, halfWidth, halfHeight, radius) {
  const qx = Math.abs(x - cx) - halfWidth + radius;
  const qy = Math.abs(y - cy) - halfHeight + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function ring(x, y, cx, cy, radius, thickness) {
  return Math.abs(Math.hypot(x - cx, y - cy) - radius) - thickness / 2;
}

/** Signed distance to a convex or concave polygon (Inigo Quilez's formulation). */
function polygon(x, y, points) {
  let distance = Infinity;
  let sign = 1;
  for (let i = 0, j = points.length - 1; i < points.length; j = i, i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[j];
    const ex = bx - ax;
    const ey = by - ay;
    const wx = x - ax;
    const wy = y - ay;
    const t = clamp01((wx * ex + wy * ey) / (ex * ex + ey * ey));
    distance = Math.min(distance, Math.hypot(wx - ex * t, wy - ey * t));
    const c1 = y >= ay;
    const c2 = y < by;
    const c3 = ex * wy > ey * wx;
    if ((c1 && c2 && c3) || (!c1 && !c2 && !c3)) sign = -sign;
  }
  return sign * distance;
}

export function drawIcon(size = 1024) {
  const s = size / 1024;
  const pixels = Buffer.alloc(size * size * 4);
  const pennant = [
    [512 * s, 168 * s],
    [700 * s, 226 * s],
    [512 * s, 284 * s],
  ];
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = px + 0.5;
      const y = py + 0.5;
      const tile = coverage(roundedRect(x, y, 512 * s, 512 * s, 412 * s, 412 * s, 184 * s));
      if (tile === 0) continue;
      const t = clamp01((x + y) / (2 * size));
      const base = BRAND_LIGHT.map((light, i) => light + (BRAND_DARK[i] - light) * t);
      const mark = Math.max(
        coverage(ring(x, y, 512 * s, 600 * s, 214 * s, 92 * s)),
        coverage(roundedRect(x, y, 498 * s, 262 * s, 14 * s, 104 * s, 6 * s)),
        coverage(polygon(x, y, pennant)),
      );
      const offset = (py * size + px) * 4;
      for (let i = 0; i < 3; i++) pixels[offset + i] = Math.round(base[i] + (255 - base[i]) * mark);
      pixels[offset + 3] = Math.round(255 * tile);
    }
  }
  return encodePng(size, size, pixels);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const output = process.argv[2] ?? fileURLToPath(new URL('../build/icon.png', import.meta.url));
  const size = Number(process.argv[3] ?? 1024);
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, drawIcon(size));
  console.log(`Wrote ${output} (${size}×${size}).`);
}
