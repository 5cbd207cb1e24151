#!/usr/bin/env node
// Draws build/tray-icon.png (16×16) and build/tray-icon@2x.png (32×32): the app icon at tray
// size, from the same shapes as scripts/generate-icon.mjs. electron-builder copies both beside
// app.asar (extraResources); Electron picks the @2x one on high-density screens.
// Usage: node scripts/generate-tray-icon.mjs [output-folder]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawIcon } from './generate-icon.mjs';

const folder = process.argv[2] ?? fileURLToPath(new URL('../build', import.meta.url));
mkdirSync(folder, { recursive: true });
for (const [name, size] of [
  ['tray-icon.png', 16],
  ['tray-icon@2x.png', 32],
]) {
  writeFileSync(join(folder, name), drawIcon(size));
  console.log(`Wrote ${join(folder, name)} (${size}×${size}).`);
}
