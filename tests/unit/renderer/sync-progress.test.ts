import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CollectionName } from '../../../domain/collections';
import { SyncProgressTracker } from '../../../renderer/db/sync/sync-progress';

/** A tracker on a clock the test moves. */
function tracker() {
  const clock = { ms: 1_000_000 };
  return { progress: new SyncProgressTracker(() => clock.ms), clock };
}

describe('the progress of a long sync', () => {
  it('says Preparing from the moment the sync starts until the server has counted every collection', () => {
    const { progress } = tracker();
    progress.expect('contacts');
    progress.expect('companies');
    expect(progress.snapshot()).toMatchObject({ phase: 'preparing', fraction: 0, secondsLeft: null });

    progress.counted('contacts', 100_000);
    expect(progress.snapshot()?.phase).toBe('preparing');
    progress.counted('companies', 8_000);
    expect(progress.snapshot()).toMatchObject({ phase: 'pulling', fraction: 0 });
  });

  it('counts each collection on its own: what arrived of what the server counted', () => {
    const { progress } = tracker();
    progress.expect('contacts');
    progress.expect('companies');
    progress.counted('contacts', 100_000);
    progress.counted('companies', 8_000);
    progress.received('contacts', 42_000);
    progress.received('companies', 8_000);
    progress.finish('companies');

    const snapshot = progress.snapshot()!;
    expect(snapshot.collections).toEqual([
      { collection: 'contacts', received: 42_000, total: 100_000, done: false },
      { collection: 'companies', received: 8_000, total: 8_000, done: true },
    ]);
    expect(snapshot.fraction).toBeCloseTo(50_000 / 108_000, 6);
  });

  it('holds the bar still when records written during the sync raise a total, never moving it back', () => {
    const { progress } = tracker();
    progress.expect('contacts');
    progress.counted('contacts', 1_000);
    progress.received('contacts', 900);
    expect(progress.snapshot()!.fraction).toBeCloseTo(0.9, 6);

    // 300 contacts written on the server meanwhile arrive too: 1,200 of at least 1,200.
    progress.received('contacts', 300);
    expect(progress.snapshot()!.collections[0]).toMatchObject({ received: 1_200, total: 1_200 });
    // A collection that joins late (a long pull after a long absence) counts more still to come.
    progress.expect('deals');
    progress.counted('deals', 5_000);
    expect(progress.snapshot()!.fraction).toBe(1);
    progress.received('deals', 1_000);
    expect(progress.snapshot()!.fraction).toBe(1);
  });

  it('never goes backwards, whatever the order of counts, arrivals and finished collections', () => {
    const collections: CollectionName[] = ['contacts', 'companies', 'deals', 'leads'];
    const step = fc.oneof(
      fc.record({ kind: fc.constant('expect' as const), c: fc.constantFrom(...collections) }),
      fc.record({
        kind: fc.constant('counted' as const),
        c: fc.constantFrom(...collections),
        n: fc.nat({ max: 5_000 }),
      }),
      fc.record({
        kind: fc.constant('received' as const),
        c: fc.constantFrom(...collections),
        n: fc.nat({ max: 2_000 }),
      }),
      fc.record({ kind: fc.constant('finish' as const), c: fc.constantFrom(...collections) }),
      fc.record({ kind: fc.constant('tick' as const), n: fc.nat({ max: 5_000 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const { progress, clock } = tracker();
        let previous = 0;
        for (const s of steps) {
          if (s.kind === 'expect') progress.expect(s.c);
          else if (s.kind === 'counted') progress.counted(s.c, s.n);
          else if (s.kind === 'received') progress.received(s.c, s.n);
          else if (s.kind === 'finish') progress.finish(s.c);
          else clock.ms += s.n;
          const snapshot = progress.snapshot();
          // Null: no long sync runs any more; the next one starts from 0.
          if (snapshot === null) {
            previous = 0;
            continue;
          }
          expect(snapshot.fraction).toBeGreaterThanOrEqual(previous);
          expect(snapshot.fraction).toBeLessThanOrEqual(1);
          for (const c of snapshot.collections) if (c.total !== null) expect(c.received).toBeLessThanOrEqual(c.total);
          previous = snapshot.fraction;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('estimates the time left from the rate records arrived at, once there is a rate to go by', () => {
    const { progress, clock } = tracker();
    progress.expect('contacts');
    progress.counted('contacts', 100_000);
    progress.received('contacts', 1_000);
    expect(progress.snapshot()!.secondsLeft).toBeNull();

    // 9,000 more in 3 s: 3,000 a second, 90,000 to go.
    clock.ms += 3_000;
    progress.received('contacts', 9_000);
    expect(progress.snapshot()!.secondsLeft).toBe(30);
    clock.ms += 10_000;
    progress.received('contacts', 30_000);
    // 39,000 in 13 s, 60,000 to go.
    expect(progress.snapshot()!.secondsLeft).toBe(20);
  });

  it('is over once every collection has everything, or needed no long pull', () => {
    const { progress } = tracker();
    progress.expect('contacts');
    progress.expect('settings');
    progress.finish('settings');
    progress.counted('contacts', 10);
    progress.received('contacts', 10);
    expect(progress.snapshot()).not.toBeNull();
    progress.finish('contacts');
    expect(progress.snapshot()).toBeNull();
  });

  it('counts afresh a collection that needs a long pull again after it finished, while the sync runs on', () => {
    const { progress } = tracker();
    progress.expect('contacts');
    progress.expect('companies');
    progress.counted('contacts', 1_000);
    progress.counted('companies', 100);
    progress.received('companies', 100);
    progress.finish('companies');
    progress.expect('companies');
    expect(progress.snapshot()?.phase).toBe('preparing');
    progress.counted('companies', 400);
    progress.received('companies', 150);
    expect(progress.snapshot()?.collections[1]).toEqual({
      collection: 'companies',
      received: 150,
      total: 400,
      done: false,
    });
  });

  it('stops saying Preparing for a server that cannot count, and shows what arrives', () => {
    const { progress } = tracker();
    progress.expect('contacts');
    progress.uncountable('contacts');
    progress.received('contacts', 500);
    expect(progress.snapshot()).toMatchObject({
      phase: 'pulling',
      collections: [{ collection: 'contacts', received: 500, total: null, done: false }],
    });
  });
});
