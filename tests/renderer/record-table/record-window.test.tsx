import { describe, expect, it } from 'vitest';
import { WindowSource, type WindowReads } from '../../../renderer/db/use-record-window';

type Row = { id: string };

function deferredReads() {
  const pending: ((n: number) => void)[] = [];
  let counts = 0;
  const reads: WindowReads<Row> = {
    count: () => {
      counts++;
      return new Promise<number>((resolve) => pending.push(resolve));
    },
    rows: () => Promise.resolve([]),
    ids: () => Promise.resolve([]),
  };
  return { reads, counts: () => counts, answer: (n: number) => pending.shift()!(n) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a record list window', () => {
  it('counts once at a time while changes keep coming, shows each count as it answers, then counts once more with the latest', async () => {
    const { reads, counts, answer } = deferredReads();
    const source = new WindowSource(reads);
    source.start();
    for (let i = 0; i < 10; i++) source.refresh();
    expect(counts()).toBe(1);

    answer(5);
    await settle();
    // Newer than nothing: shown at once; the one count asked meanwhile runs now.
    expect(source.count).toBe(5);
    expect(counts()).toBe(2);

    // Changes keep coming before each count answers: every answer is still shown, not only the
    // one no change overtook (a list changing every few hundred ms would never show one).
    source.refresh();
    answer(6);
    await settle();
    expect(source.count).toBe(6);
    expect(counts()).toBe(3);

    answer(7);
    await settle();
    expect(source.count).toBe(7);
    expect(counts()).toBe(3);
  });

  it('shows no count that answers after the list was closed', async () => {
    const { reads, answer } = deferredReads();
    const source = new WindowSource(reads);
    source.start();
    source.close();
    answer(5);
    await settle();
    expect(source.count).toBeNull();
  });
});
