import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createWebSessionStore } from '../../../renderer/platform/web-session-store';

async function rawVault(): Promise<Record<string, unknown>> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('outpost-session', 1);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const read = (key: string) =>
    new Promise<unknown>((resolve) => {
      const request = db.transaction('vault').objectStore('vault').get(key);
      request.onsuccess = () => resolve(request.result);
    });
  const result = { key: await read('key'), session: await read('session') };
  db.close();
  return result;
}

describe('web session store', () => {
  it('keeps the session AES-GCM encrypted under a non-extractable key, and reads it back', async () => {
    const store = createWebSessionStore();
    await store.write('{"accessToken":"secret-token"}');
    await expect(createWebSessionStore().read()).resolves.toBe('{"accessToken":"secret-token"}');

    const { key, session } = await rawVault();
    expect((key as CryptoKey).extractable).toBe(false);
    expect((key as CryptoKey).algorithm.name).toBe('AES-GCM');
    const bytes = new Uint8Array((session as { data: ArrayBuffer }).data);
    expect(new TextDecoder().decode(bytes)).not.toContain('secret');
  });

  it('forgets the session on write(null)', async () => {
    const store = createWebSessionStore();
    await store.write('x');
    await store.write(null);
    await expect(store.read()).resolves.toBeNull();
  });
});
