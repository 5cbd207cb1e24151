import { describe, expect, it } from 'vitest';
import { createRandom, demoUuidv7, permuteIndex } from '@demo-data';
import { uuidv7Time } from '@domain/ids';
import { UUIDV7 } from './demo-data-support';

describe('demo randomness helpers', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const seqA = Array.from({ length: 20 }, () => a.uint32());
    expect(Array.from({ length: 20 }, () => b.uint32())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.uint32())).not.toEqual(seqA);
  });

  it('draws floats in [0, 1) and integers within their bounds', () => {
    const r = createRandom(1);
    for (let i = 0; i < 10_000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = r.int(-3, 3);
      expect(Number.isInteger(n) && n >= -3 && n <= 3).toBe(true);
    }
  });

  it('permutes indexes as a bijection of [0, size)', () => {
    for (const size of [1, 2, 3, 10, 45, 1000, 4000, 4097]) {
      const seen = new Set(Array.from({ length: size }, (_, i) => permuteIndex(i, size, 99)));
      expect(seen.size).toBe(size);
      expect(Math.max(...seen)).toBe(size - 1);
    }
  });

  it('makes UUIDv7-shaped demo ids that carry their time and never collide across kinds', () => {
    const ms = Date.UTC(2025, 6, 1, 15);
    const ids = new Set<string>();
    for (const kind of [1, 2, 3, 4, 5, 6, 7, 8, 9] as const)
      for (let i = 0; i < 2000; i++) {
        const id = demoUuidv7(ms, kind, i, 5);
        expect(id).toMatch(UUIDV7);
        ids.add(id);
      }
    expect(ids.size).toBe(9 * 2000);
    expect(uuidv7Time(demoUuidv7(ms, 1, 0, 5))).toBe(ms);
  });
});
