/** The first retry waits about this long; each failure doubles it, up to MAX_RETRY_DELAY_MS. */
export const FIRST_RETRY_DELAY_MS = 2_000;
export const MAX_RETRY_DELAY_MS = 5 * 60_000;

/**
 * How long to wait before attempt `failures + 1`: exponential backoff with "equal jitter" (half the
 * delay fixed, half random), so that windows and devices that failed together — a server restart —
 * do not come back together, and no retry ever comes sooner than half its step.
 */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const step = Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_DELAY_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(step / 2 + (step / 2) * random());
}
