import { describe, expect, it } from 'vitest';
import { loadRate } from '../../../renderer/features/onboarding/load-rate';

describe('the rate and time left a load shows', () => {
  it('is the records written per second so far, and the rest at that rate rounded up to a second', () => {
    expect(loadRate(4_000, 26_600, 2_000)).toEqual({ perSecond: 2_000, secondsLeft: 12 });
    expect(loadRate(26_600, 26_600, 9_000).secondsLeft).toBe(0);
  });

  it('has no time left to show before the first write', () => {
    expect(loadRate(0, 26_600, 500)).toEqual({ perSecond: 0, secondsLeft: null });
  });
});
