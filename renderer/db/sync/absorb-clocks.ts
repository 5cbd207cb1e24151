import type { HybridClock } from '@domain/hlc';

/**
 * Moves the device's clock past every pulled (or server-answered) version, so that the next local
 * edit sorts after what the device has seen.
 */
export function absorbClocks(clock: HybridClock, docs: readonly { hlc: string }[]): void {
  for (const doc of docs) {
    try {
      clock.receive(doc.hlc);
    } catch {
      // A clock far ahead is not absorbed; the server refuses such edits anyway.
    }
  }
}
