/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/vanillajs" />
import type { OutpostBridge } from '@domain/desktop-bridge';

declare global {
  const __OUTPOST_DEV__: boolean;
  interface Window {
    /** Present inside the desktop app (preload); absent in a plain browser. */
    outpost?: OutpostBridge;
  }
}
