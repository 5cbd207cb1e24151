import { describe, expect, it } from 'vitest';
import type { CollectionName } from '@domain/collections';
import { coalescedReads } from '../../../sync-server/store/coalesced-reads';
import type { StoredRecord } from '../../../sync-server/store/store';

function stored(collection: CollectionName, id: string): StoredRecord {
  return { collection, id, seq: 1, hlc: 'h', deleted: false, ownerId: '', teamId: '', body: { id } };
}

/** A store holding contacts a, b, c and lead a; records every statement it is asked. */
function fakeStore() {
  const statements: { collection: CollectionName; ids: readonly string[] }[] = [];
  const held = new Set(['contacts/a', 'contacts/b', 'contacts/c', 'leads/a']);
  let fail: Error | null = null;
  const read = (collection: CollectionName, ids: readonly string[]) => {
    statements.push({ collection, ids: [...ids] });
    const failure = fail;
    fail = null;
    if (failure) return Promise.reject(failure);
    return Promise.resolve(
      new Map(ids.filter((id) => held.has(`${collection}/${id}`)).map((id) => [id, stored(collection, id)])),
    );
  };
  return { statements, read, failNext: (error: Error) => (fail = error) };
}

describe('coalescedReads', () => {
  it('answers reads asked in the same turn with one statement per collection, each with its own ids', async () => {
    const store = fakeStore();
    const read = coalescedReads(store.read);
    const [first, second, lead] = await Promise.all([
      read('contacts', ['a', 'x']),
      read('contacts', ['b', 'a']),
      read('leads', ['a', 'b']),
    ]);
    expect(store.statements).toEqual([
      { collection: 'contacts', ids: ['a', 'x', 'b'] },
      { collection: 'leads', ids: ['a', 'b'] },
    ]);
    expect([...first.keys()]).toEqual(['a']);
    expect([...second.keys()].sort()).toEqual(['a', 'b']);
    expect([...lead.keys()]).toEqual(['a']);
    expect(lead.get('a')?.collection).toBe('leads');
  });

  it('sends a read asked in a later turn on its own', async () => {
    const store = fakeStore();
    const read = coalescedReads(store.read);
    await read('contacts', ['a']);
    await read('contacts', ['c']);
    expect(store.statements.map((s) => s.ids)).toEqual([['a'], ['c']]);
  });

  it('fails every read a failed statement served, and only those', async () => {
    const store = fakeStore();
    const read = coalescedReads(store.read);
    store.failNext(new Error('connection lost'));
    const failed = [read('contacts', ['a']), read('contacts', ['b'])];
    await expect(Promise.all(failed)).rejects.toThrow('connection lost');
    await expect(failed[1]).rejects.toThrow('connection lost');
    expect([...(await read('contacts', ['a'])).keys()]).toEqual(['a']);
  });
});
