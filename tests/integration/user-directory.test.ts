import { afterEach, describe, expect, it } from 'vitest';
import { createUserDirectory, type UserDirectory } from '../../sync-server/auth/user-directory';
import { openStore } from '../../sync-server/store/open-store';
import type { RecordWrite, Store } from '../../sync-server/store/store';

const USER = '0190a000-0000-7000-8000-000000000001';
const CONTACT = '0190a000-0000-7000-8000-000000000002';

function write(
  collection: RecordWrite['collection'],
  id: string,
  body: Record<string, unknown>,
  hlc: string,
): RecordWrite {
  return { collection, id, hlc, deleted: false, ownerId: id, teamId: '', body: { id, hlc, ...body } };
}

describe('the user directory', () => {
  let store: Store;
  let directory: UserDirectory;
  afterEach(async () => {
    directory.close();
    await store.close();
  });

  it('keeps its snapshot across commits of other records, and rereads the users after a change of one', async () => {
    store = await openStore('sqlite::memory:');
    directory = createUserDirectory(store);
    await store.auth.insertCredentials({
      userId: USER,
      email: 'rep@example.com',
      passwordHash: '',
      createdAt: '2025-06-01T00:00:00.000Z',
      lastSeenAt: null,
    });
    await store.transaction((tx) => tx.putRecords([write('users', USER, { active: true, role: 'rep' }, 'h1')]));

    const first = await directory.find(USER);
    expect(first.profile?.active).toBe(true);

    await store.transaction((tx) => tx.putRecords([write('contacts', CONTACT, { name: 'x' }, 'h2')]));
    expect((await directory.find(USER)).snapshot).toBe(first.snapshot);

    await store.transaction((tx) => tx.putRecords([write('users', USER, { active: false, role: 'rep' }, 'h3')]));
    const after = await directory.find(USER);
    expect(after.snapshot).not.toBe(first.snapshot);
    expect(after.profile?.active).toBe(false);

    directory.invalidate();
    expect((await directory.find(USER)).snapshot).not.toBe(after.snapshot);
  });
});
