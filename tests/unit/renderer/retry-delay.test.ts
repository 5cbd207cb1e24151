import { describe, expect, it } from 'vitest';
import { FIRST_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS, retryDelayMs } from '../../../renderer/auth/retry-delay';

describe('retry delay', () => {
  it('doubles with each failure and never exceeds the cap', () => {
    const top = () => 1;
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, top))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(retryDelayMs(40, top)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('spreads retries over the upper half of each step, so windows that failed together come back apart', () => {
    expect(retryDelayMs(1, () => 0)).toBe(FIRST_RETRY_DELAY_MS / 2);
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(3)));
    expect(delays.size).toBeGreaterThan(10);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(4_000);
    for (const d of delays) expect(d).toBeLessThanOrEqual(8_000);
  });
});
