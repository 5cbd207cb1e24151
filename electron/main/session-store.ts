import type { SafeStorage } from 'electron';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** What the session store needs of Electron's safeStorage (injected, so tests run without the binary). */
export type SessionCipher = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'
> & {
  /** Linux only (absent elsewhere): which secret store backs the key; 'basic_text' is a constant key. */
  getSelectedStorageBackend?: SafeStorage['getSelectedStorageBackend'];
};

export interface SessionStore {
  read(): Promise<string | null>;
  write(value: string | null): Promise<void>;
  /** True when the session survives a restart (encrypted on disk); false when it lives in memory only. */
  persistent(): Promise<boolean>;
}

export interface SessionStoreOptions {
  /** Where the encrypted session lives, e.g. <userData>/session.bin. */
  file: string;
  cipher: SessionCipher;
  /** Told once when the OS offers no keychain and the session is kept in memory only. */
  onMemoryOnly?: () => void;
}

/**
 * The signed-in session (tokens), encrypted with the OS keychain through Electron's safeStorage
 * (Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux) and written atomically.
 *
 * When the OS offers no real encryption — safeStorage unavailable, or Linux falling back to its
 * 'basic_text' backend, whose key is a constant in Chromium's source — the session is kept in
 * memory only: the user signs in again after a restart, but a token never lands on disk in a form
 * anyone can read. Plaintext is never written.
 */
export function createSessionStore({ file, cipher, onMemoryOnly }: SessionStoreOptions): SessionStore {
  let inMemory: string | null | undefined;
  let warned = false;
  let queue: Promise<unknown> = Promise.resolve();

  let works: boolean | undefined;
  const encryptionWorks = async (): Promise<boolean> => {
    try {
      works ??= (await cipher.isAsyncEncryptionAvailable()) && cipher.getSelectedStorageBackend?.() !== 'basic_text';
    } catch {
      works = false;
    }
    return works;
  };
  const memoryOnly = () => {
    if (!warned) onMemoryOnly?.();
    warned = true;
  };

  const writeEncrypted = async (value: string) => {
    const encrypted = await cipher.encryptStringAsync(value);
    await mkdir(dirname(file), { recursive: true });
    // Temporary file then rename: a crash mid-write never leaves half a session.
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, encrypted, { mode: 0o600 });
    await rename(temporary, file);
  };

  // Writes run one after another, so a sign-out never races a token rotation to the disk.
  const serialize = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    persistent: encryptionWorks,
    read: () =>
      serialize(async () => {
        if (inMemory !== undefined) return inMemory;
        if (!(await encryptionWorks())) return null;
        try {
          const { result, shouldReEncrypt } = await cipher.decryptStringAsync(await readFile(file));
          inMemory = result;
          // The OS rotated the key (or offers a stronger one): store it under the new key.
          if (shouldReEncrypt) await writeEncrypted(result);
          return result;
        } catch {
          // No file yet, or one another keychain (another OS user, a reinstall) cannot open.
          return null;
        }
      }),
    write: (value) =>
      serialize(async () => {
        inMemory = value;
        if (value === null || !(await encryptionWorks())) {
          if (value !== null) memoryOnly();
          // A stale encrypted session must not outlive sign-out (or a switch to memory-only).
          await rm(file, { force: true });
          return;
        }
        await writeEncrypted(value);
      }),
  };
}
