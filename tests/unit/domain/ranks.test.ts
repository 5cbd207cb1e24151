import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRank, rankBetween, spreadRanks } from '@domain/ranks';

function expectBetween(before: string | null, after: string | null) {
  const key = rankBetween(before, after);
  expect(isRank(key)).toBe(true);
  if (before !== null) expect(key > before).toBe(true);
  if (after !== null) expect(key < after).toBe(true);
  return key;
}

describe('rankBetween', () => {
  it('makes a key for an empty column', () => {
    expectBetween(null, null);
  });

  it('makes keys before the first and after the last card', () => {
    expectBetween(null, 'i');
    expectBetween('i', null);
    expectBetween(null, '1');
    expectBetween(null, '01');
    expectBetween(null, '001');
    expectBetween('z', null);
    expectBetween('zzz', null);
  });

  it('makes a key strictly between two neighbours, however close', () => {
    expectBetween('a', 'b');
    expectBetween('a', 'a1');
    expectBetween('a', 'a01');
    expectBetween('a1', 'a2');
    expectBetween('az', 'b');
    expectBetween('azzz', 'b');
    expectBetween('i', 'i001');
  });

  it('refuses bounds that are not in order', () => {
    expect(() => rankBetween('b', 'a')).toThrow(RangeError);
    expect(() => rankBetween('b', 'b')).toThrow(RangeError);
  });

  it('keeps a column sorted and unique over any sequence of inserts (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 300 }), (positions) => {
        const column: string[] = [];
        for (const p of positions) {
          const at = p % (column.length + 1);
          const key = rankBetween(column[at - 1] ?? null, column[at] ?? null);
          if (!isRank(key)) return false;
          if (at > 0 && !(key > column[at - 1]!)) return false;
          if (at < column.length && !(key < column[at]!)) return false;
          column.splice(at, 0, key);
        }
        return column.every((k, i) => i === 0 || column[i - 1]! < k);
      }),
    );
  });

  it('keeps keys short when cards are always dropped at the top', () => {
    let first: string | null = null;
    for (let i = 0; i < 200; i++) first = rankBetween(null, first);
    expect(first!.length).toBeLessThan(210);
    expect(isRank(first)).toBe(true);
  });
});

describe('spreadRanks', () => {
  it('returns nothing for an empty column', () => {
    expect(spreadRanks(0)).toEqual([]);
  });

  it('returns sorted, unique, valid keys with room between and around them', () => {
    for (const count of [1, 2, 3, 10, 35, 36, 37, 100, 1295, 1296, 5000]) {
      const keys = spreadRanks(count);
      expect(keys).toHaveLength(count);
      expect(new Set(keys).size).toBe(count);
      keys.forEach((k, i) => {
        expect(isRank(k)).toBe(true);
        if (i > 0) expect(keys[i - 1]! < k).toBe(true);
      });
      expectBetween(null, keys[0]!);
      expectBetween(keys[count - 1]!, null);
      if (count > 1) expectBetween(keys[0]!, keys[1]!);
    }
  });
});

describe('isRank', () => {
  it('accepts base-36 keys that do not end in 0', () => {
    expect(isRank('i')).toBe(true);
    expect(isRank('0i')).toBe(true);
    expect(isRank('i0')).toBe(false);
    expect(isRank('')).toBe(false);
    expect(isRank('A')).toBe(false);
    expect(isRank(5)).toBe(false);
  });
});
