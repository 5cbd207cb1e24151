import type { OutpostBridge } from '@domain/desktop-bridge';
import { createWebBridge } from './web-bridge';

let bridge: OutpostBridge | undefined;

/** The desktop bridge from preload when inside Electron, else the browser stand-in. */
export function getBridge(): OutpostBridge {
  bridge ??= window.outpost ?? createWebBridge();
  return bridge;
}
