import { Subject } from 'rxjs';
import type { RxCollection } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { sharedListCount } from '../../../renderer/db/shared-list-count';
import { WindowSource, type WindowReads } from '../../../renderer/db/window-source';

type Row = { id: string };

/** A collection as the kept counts see it: only its change stream. */
function fakeCollection() {
  const eventBulks$ = new Subject<unknown>();
  return { collection: { eventBulks$ } as unknown as RxCollection, change: () => eventBulks$.next({}) };
}

/** A storage count of `rows` rows that says how often it was asked. */
function countingRead(rows: () => number) {
  let asked = 0;
  return {
    read: () => {
      asked++;
      return Promise.resolve(rows());
    },
    asked: () => asked,
  };
}

const reads = (): WindowReads<Row> => ({
  count: () => Promise.reject(new Error('the shared count is used')),
  rows: () => Promise.resolve([]),
  ids: () => Promise.resolve([]),
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A list shown with `selectorKey`, as the record window opens one; closed by the caller. */
async function show(collection: RxCollection, selectorKey: string, read: () => Promise<number>) {
  const source = new WindowSource(reads(), sharedListCount(collection, selectorKey, read));
  source.start();
  const countAtOnce = source.count;
  await settle();
  return { source, countAtOnce };
}

describe('list counts kept per selector', () => {
  it('a filter applied and cleared finds the list’s count at once, without counting the collection again', async () => {
    const { collection } = fakeCollection();
    const all = countingRead(() => 100_000);
    const mine = countingRead(() => 42);

    const first = await show(collection, '{}', all.read);
    expect(first.source.count).toBe(100_000);
    first.source.close();
    const filtered = await show(collection, '{"ownerId":"me"}', mine.read);
    expect(filtered.source.count).toBe(42);
    filtered.source.close();

    const cleared = await show(collection, '{}', all.read);
    expect(cleared.countAtOnce).toBe(100_000);
    expect(all.asked()).toBe(1);
  });

  it('after a change of the collection, the next list shows the kept count and counts again', async () => {
    const { collection, change } = fakeCollection();
    let rows = 10;
    const all = countingRead(() => rows);
    (await show(collection, '{}', all.read)).source.close();

    rows = 11;
    change();
    const again = await show(collection, '{}', all.read);
    expect(again.countAtOnce).toBe(10);
    expect(all.asked()).toBe(2);
    expect(again.source.count).toBe(11);
  });

  it('keeps the last eight selectors of a collection, and counts another one afresh', async () => {
    const { collection } = fakeCollection();
    const read = countingRead(() => 7);
    for (let i = 0; i < 9; i++) (await show(collection, `{"tag":${i}}`, read.read)).source.close();
    expect(read.asked()).toBe(9);
    // The most recent eight answer at once; the first was let go.
    expect((await show(collection, '{"tag":8}', read.read)).countAtOnce).toBe(7);
    expect(read.asked()).toBe(9);
    expect((await show(collection, '{"tag":0}', read.read)).countAtOnce).toBeNull();
    expect(read.asked()).toBe(10);
  });
});
