import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ClockDriftError,
  HybridClock,
  MAX_CLOCK_DRIFT_MS,
  checkClockDrift,
  compareHlc,
  formatHlc,
  isHlc,
  parseHlc,
} from '@domain/hlc';

/** A wall clock that returns the given readings in turn, then keeps the last one. */
function wall(...readings: number[]): () => number {
  let i = 0;
  return () => readings[Math.min(i++, readings.length - 1)]!;
}

function isStrictlyIncreasing(values: string[]): boolean {
  return values.every((v, i) => i === 0 || compareHlc(values[i - 1]!, v) < 0);
}

const T = Date.UTC(2026, 2, 2, 12);

describe('HybridClock.now', () => {
  it('follows the wall clock while it moves forward', () => {
    const clock = new HybridClock('a1', wall(T, T + 5));
    expect(parseHlc(clock.now())).toEqual({ wallMs: T, counter: 0, node: 'a1' });
    expect(parseHlc(clock.now())).toEqual({ wallMs: T + 5, counter: 0, node: 'a1' });
  });

  it('stays monotonic when the wall clock goes backwards or stands still', () => {
    const clock = new HybridClock('a1', wall(T, T + 10, T - 60_000, T - 60_000, T + 10, T + 11, T + 5));
    const stamps = Array.from({ length: 7 }, () => clock.now());
    expect(isStrictlyIncreasing(stamps)).toBe(true);
    expect(parseHlc(stamps[2]!)).toEqual({ wallMs: T + 10, counter: 1, node: 'a1' });
  });

  it('is monotonic for any sequence of wall clock readings', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 200 }), (readings) => {
        const clock = new HybridClock('n', wall(...readings));
        const stamps = readings.map(() => clock.now());
        return isStrictlyIncreasing(stamps);
      }),
    );
  });

  it('borrows a millisecond instead of repeating a value when the counter overflows', () => {
    const clock = new HybridClock('a1', () => T, formatHlc({ wallMs: T, counter: 99_998, node: 'a1' }));
    const a = clock.now();
    const b = clock.now();
    const c = clock.now();
    expect(parseHlc(a)).toEqual({ wallMs: T, counter: 99_999, node: 'a1' });
    expect(parseHlc(b)).toEqual({ wallMs: T + 1, counter: 0, node: 'a1' });
    expect(parseHlc(c)).toEqual({ wallMs: T + 1, counter: 1, node: 'a1' });
    expect(isStrictlyIncreasing([a, b, c])).toBe(true);
  });

  it('resumes after a restart from the last clock it saved, even if the wall clock is behind it', () => {
    const saved = formatHlc({ wallMs: T + 1000, counter: 3, node: 'a1' });
    const clock = new HybridClock('a1', () => T, saved);
    expect(compareHlc(clock.now(), saved)).toBe(1);
  });

  it('refuses node ids that would break the encoding', () => {
    expect(() => new HybridClock('Node-1')).toThrow();
    expect(() => new HybridClock('')).toThrow();
    expect(() => new HybridClock('x'.repeat(33))).toThrow();
  });
});

describe('HybridClock.receive', () => {
  it('makes later local events sort after a remote event from a clock that runs ahead', () => {
    const remote = formatHlc({ wallMs: T + 120_000, counter: 7, node: 'zz' });
    const clock = new HybridClock('a1', () => T);
    clock.receive(remote);
    const next = clock.now();
    expect(compareHlc(next, remote)).toBe(1);
    expect(parseHlc(next)).toEqual({ wallMs: T + 120_000, counter: 8, node: 'a1' });
  });

  it('makes later local events sort after a remote event in the same millisecond with a higher counter', () => {
    const clock = new HybridClock('zz', () => T);
    clock.now();
    const remote = formatHlc({ wallMs: T, counter: 40, node: 'aa' });
    clock.receive(remote);
    expect(compareHlc(clock.now(), remote)).toBe(1);
  });

  it('keeps its own clock when the remote one is older', () => {
    const clock = new HybridClock('a1', () => T);
    const mine = clock.now();
    clock.receive(formatHlc({ wallMs: T - 5000, counter: 99, node: 'b2' }));
    expect(clock.latest).toBe(mine);
  });

  it('sorts every local event after every event it has received (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            localWall: fc.integer({ min: 0, max: 100_000 }),
            remoteWall: fc.integer({ min: 0, max: 100_000 }),
            remoteCounter: fc.integer({ min: 0, max: 99_999 }),
          }),
          { minLength: 1, maxLength: 50 },
        ),
        (steps) => {
          let wallNow = 0;
          const clock = new HybridClock('local', () => wallNow);
          let latestSeen = '';
          for (const s of steps) {
            wallNow = s.localWall;
            const remote = formatHlc({
              wallMs: Math.min(s.remoteWall, wallNow + MAX_CLOCK_DRIFT_MS),
              counter: s.remoteCounter,
              node: 'remote',
            });
            clock.receive(remote);
            if (compareHlc(remote, latestSeen) > 0) latestSeen = remote;
            const mine = clock.now();
            if (compareHlc(mine, latestSeen) <= 0) return false;
            latestSeen = mine;
          }
          return true;
        },
      ),
    );
  });

  it('refuses a remote clock too far ahead and leaves its own state alone', () => {
    const clock = new HybridClock('a1', () => T);
    const before = clock.now();
    const remote = formatHlc({ wallMs: T + MAX_CLOCK_DRIFT_MS + 1, counter: 0, node: 'b2' });
    expect(() => clock.receive(remote)).toThrow(ClockDriftError);
    expect(clock.latest).toBe(before);
    try {
      clock.receive(remote);
    } catch (e) {
      expect((e as ClockDriftError).driftMs).toBe(MAX_CLOCK_DRIFT_MS + 1);
    }
  });

  it('accepts a remote clock exactly at the drift limit', () => {
    const clock = new HybridClock('a1', () => T);
    expect(() => clock.receive(formatHlc({ wallMs: T + MAX_CLOCK_DRIFT_MS, counter: 0, node: 'b2' }))).not.toThrow();
  });

  it('ignores values that are not clocks', () => {
    const clock = new HybridClock('a1', () => T);
    const before = clock.latest;
    clock.receive('garbage');
    clock.receive('');
    expect(clock.latest).toBe(before);
  });
});

describe('encoding', () => {
  it('round-trips through formatHlc and parseHlc', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999_999_999 }),
        fc.integer({ min: 0, max: 99_999 }),
        fc.stringMatching(/^[0-9a-z]{1,32}$/),
        (wallMs, counter, node) => {
          const text = formatHlc({ wallMs, counter, node });
          return isHlc(text) && JSON.stringify(parseHlc(text)) === JSON.stringify({ wallMs, counter, node });
        },
      ),
    );
  });

  it('sorts as text in the same order as (wall, counter, node)', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 0, max: 2 ** 45 }), fc.integer({ min: 0, max: 99_999 })),
        fc.tuple(fc.integer({ min: 0, max: 2 ** 45 }), fc.integer({ min: 0, max: 99_999 })),
        ([w1, c1], [w2, c2]) => {
          const a = formatHlc({ wallMs: w1, counter: c1, node: 'n' });
          const b = formatHlc({ wallMs: w2, counter: c2, node: 'n' });
          const expected = Math.sign(w1 - w2 || c1 - c2);
          return compareHlc(a, b) === expected;
        },
      ),
    );
  });

  it('treats the empty clock (a field untouched since creation) as the oldest', () => {
    expect(compareHlc('', formatHlc({ wallMs: 0, counter: 0, node: 'a' }))).toBe(-1);
    expect(compareHlc('', '')).toBe(0);
  });

  it('rejects malformed clocks', () => {
    for (const bad of [
      '',
      '123-00001-a',
      '000001767225600000-00001-a',
      '001767225600000-1-a',
      '001767225600000-00001-A',
      '001767225600000-00001-',
    ])
      expect(parseHlc(bad)).toBeNull();
    expect(isHlc(5)).toBe(false);
  });
});

describe('checkClockDrift', () => {
  it('reports the drift of an edit stamped too far in the future, and null otherwise', () => {
    const ahead = formatHlc({ wallMs: T + 10 * 60_000, counter: 0, node: 'a' });
    expect(checkClockDrift(ahead, T)).toBe(10 * 60_000);
    expect(checkClockDrift(formatHlc({ wallMs: T + 60_000, counter: 0, node: 'a' }), T)).toBeNull();
    expect(checkClockDrift(formatHlc({ wallMs: T - 86_400_000, counter: 0, node: 'a' }), T)).toBeNull();
    expect(checkClockDrift('not a clock', T)).toBeNull();
  });
});
