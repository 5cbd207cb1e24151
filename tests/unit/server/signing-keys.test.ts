import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readKeyring, rotateSigningKey } from '../../../sync-server/auth/signing-keys';
import { openStore } from '../../../sync-server/store/open-store';
import type { Store } from '../../../sync-server/store/store';

let store: Store;
beforeAll(async () => {
  store = await openStore('sqlite::memory:');
});
afterAll(async () => {
  await store.close();
});

describe('signing key ids', () => {
  it('never start with a dash, so `--remove-signing-key <id>` takes every id as typed', async () => {
    const kids = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const ring = await rotateSigningKey(store.auth, Date.UTC(2026, 11, 7) + i);
      kids.add(ring.current);
    }
    kids.add((await readKeyring(store.auth, Date.UTC(2026, 11, 8))).current);
    expect(kids.size).toBe(200);
    for (const kid of kids) expect(kid).toMatch(/^[0-9a-f]{12}$/);
  });
});
