import { describe, expect, it } from 'vitest';
import { RECENT_RECORDS_MAX, withOpened, type RecentRecord } from '@domain/recent-records';

const ref = (id: string): RecentRecord => ({ collection: 'contacts', id });

describe('recently opened records', () => {
  it('puts the record just opened first, and once', () => {
    const recent = [ref('a'), ref('b'), ref('c')];
    expect(withOpened(recent, ref('b'))).toEqual([ref('b'), ref('a'), ref('c')]);
    expect(withOpened(recent, ref('d'))).toEqual([ref('d'), ref('a'), ref('b'), ref('c')]);
  });

  it('tells apart records of different types that share an id', () => {
    const deal = { collection: 'deals' as const, id: 'a' };
    expect(withOpened([ref('a')], deal)).toEqual([deal, ref('a')]);
  });

  it('keeps only the most recent ones', () => {
    let recent: RecentRecord[] = [ref('first')];
    for (let i = 0; i < RECENT_RECORDS_MAX; i++) recent = withOpened(recent, ref(`r${i}`));
    expect(recent).toHaveLength(RECENT_RECORDS_MAX);
    expect(recent.map((r) => r.id)).not.toContain('first');
    expect(recent[0]!.id).toBe(`r${RECENT_RECORDS_MAX - 1}`);
  });
});
