import { describe, expect, it } from 'vitest';
import { DEMO_SIZES, demoRecordCount } from '../../../demo-data';
import { toIsoDate } from '../../../domain/time';
import { DEMO_SET_NAMES, DEMO_SETS, offeredSets } from '../../../renderer/features/onboarding/demo-sets';

describe('the demo sets the Settings card offers', () => {
  it.each(DEMO_SET_NAMES)('describes the %s set with the contacts and (within 1%%) the records it loads', (size) => {
    const exact = demoRecordCount({ size, today: toIsoDate(Date.now()) });
    expect(DEMO_SETS[size].contacts).toBe(DEMO_SIZES[size].contacts);
    expect(Math.abs(DEMO_SETS[size].records - exact) / exact).toBeLessThan(0.01);
  });

  it('offers the large set only when the server is this device’s own', () => {
    expect(offeredSets(true)).toEqual(['small', 'medium', 'large']);
    expect(offeredSets(false)).toEqual(['small', 'medium']);
  });
});
