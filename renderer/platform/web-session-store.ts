/**
 * The browser's keeper of the signed-in session: AES-GCM with a WebCrypto key created
 * non-extractable, so page script (or an extension reading storage) can use it only through
 * crypto.subtle and never read its bytes. Key and ciphertext both live in IndexedDB (a CryptoKey
 * survives structured cloning); nothing goes to localStorage, where any script reads plaintext.
 */
const DB_NAME = 'outpost-session';
const STORE = 'vault';
const KEY_ID = 'key';
const SESSION_ID = 'session';

interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

function openVault(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('the session vault did not open'));
  });
}

function run<T>(db: IDBDatabase, mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const request = act(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve(request.result as T);
    transaction.onerror = () => reject(transaction.error ?? new Error('session vault transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('session vault transaction aborted'));
  });
}

async function vaultKey(db: IDBDatabase): Promise<CryptoKey> {
  const existing = await run<CryptoKey | undefined>(db, 'readonly', (s) => s.get(KEY_ID));
  if (existing) return existing;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  // `add`, not `put`: when two tabs race, the second add fails and both use the first key.
  try {
    await run(db, 'readwrite', (s) => s.add(key, KEY_ID));
    return key;
  } catch {
    return (await run<CryptoKey>(db, 'readonly', (s) => s.get(KEY_ID)))!;
  }
}

export interface WebSessionStore {
  read(): Promise<string | null>;
  write(value: string | null): Promise<void>;
}

export function createWebSessionStore(): WebSessionStore {
  let vault: Promise<IDBDatabase> | undefined;
  const open = () => (vault ??= openVault());
  return {
    async read() {
      try {
        const db = await open();
        const sealed = await run<Sealed | undefined>(db, 'readonly', (s) => s.get(SESSION_ID));
        if (!sealed) return null;
        const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, await vaultKey(db), sealed.data);
        return new TextDecoder().decode(plain);
      } catch {
        // A vault that will not open or a ciphertext the key cannot open: as good as signed out.
        return null;
      }
    },
    async write(value) {
      const db = await open();
      if (value === null) {
        await run(db, 'readwrite', (s) => s.delete(SESSION_ID));
        return;
      }
      const key = await vaultKey(db);
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(value));
      const sealed: Sealed = { iv, data };
      await run(db, 'readwrite', (s) => s.put(sealed, SESSION_ID));
    },
  };
}
