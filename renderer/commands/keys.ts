import type { Platform } from '@domain/keys';

export * from '@domain/keys';

/** The platform this page runs on, for `Mod` and the keycaps. */
export function currentPlatform(): Platform {
  if (typeof navigator === 'undefined') return 'other';
  return /Mac|iPhone|iPad/i.test(navigator.platform || navigator.userAgent) ? 'mac' : 'other';
}
