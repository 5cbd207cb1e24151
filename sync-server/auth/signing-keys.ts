import { randomBytes, webcrypto } from 'node:crypto';
import type { AuthStore } from '../store/auth-store';

/**
 * The keys that sign access tokens (HS256), kept as one server secret that every instance on the
 * database reads: the current key signs, every key in the ring verifies the tokens that name it
 * (`kid`). Rotation puts a new current key in front and keeps the previous ones, so tokens signed
 * before stay valid until they expire; a removed key's tokens are refused. docs/security.md,
 * "Signing keys", has the procedure (`--rotate-signing-key`, `--remove-signing-key` in cli.ts).
 */
export const KEYRING_SECRET = 'access-token-keyring';
/** The single key of servers from before key ids; its tokens carry no `kid` and are refused. */
const LEGACY_KEY_SECRET = 'access-token-signing-key';
/** Keys kept by a rotation: the new one and the two before it (two rotations within 15 minutes). */
export const KEYRING_SIZE = 3;
/** How often a running server rereads the ring (new current key, removed keys). */
export const KEYRING_RECHECK_MS = 10_000;
/** A token naming a key this server does not know makes it reread the ring, at most this often. */
export const UNKNOWN_KID_RECHECK_MS = 1_000;
const KEY_BYTES = 32;

export interface StoredSigningKey {
  kid: string;
  /** base64url of KEY_BYTES random bytes. */
  secret: string;
  createdAt: string;
}

/** The stored ring, newest key first. */
export interface Keyring {
  current: string;
  keys: StoredSigningKey[];
}

function newKey(nowMs: number): StoredSigningKey {
  return {
    // Hex, not base64url: an id starting with a dash would read as an option on the command line.
    kid: randomBytes(6).toString('hex'),
    secret: randomBytes(KEY_BYTES).toString('base64url'),
    createdAt: new Date(nowMs).toISOString(),
  };
}

/** The stored text, checked: a damaged ring stops the server rather than signing everyone out. */
export function parseKeyring(text: string): Keyring {
  const fail = (why: string): never => {
    throw new Error(`the access token keyring (server secret ${KEYRING_SECRET}) is damaged: ${why}`);
  };
  let ring: Keyring;
  try {
    ring = JSON.parse(text) as Keyring;
  } catch {
    return fail('not JSON');
  }
  if (!ring || typeof ring.current !== 'string' || !Array.isArray(ring.keys) || ring.keys.length === 0) {
    return fail('no keys');
  }
  const kids = new Set<string>();
  for (const key of ring.keys) {
    if (typeof key?.kid !== 'string' || !/^[\w-]{1,64}$/.test(key.kid) || kids.has(key.kid)) fail('bad key id');
    if (typeof key.secret !== 'string' || Buffer.from(key.secret, 'base64url').length !== KEY_BYTES) {
      fail(`key ${key.kid} is not ${KEY_BYTES} bytes`);
    }
    kids.add(key.kid);
  }
  if (!kids.has(ring.current)) fail('the current key is not in the ring');
  return ring;
}

/** The ring stored on this database, made (by the first instance to ask) when there is none. */
export async function readKeyring(auth: AuthStore, nowMs: number): Promise<Keyring> {
  const stored = await auth.getSecret(KEYRING_SECRET);
  if (stored !== null) return parseKeyring(stored);
  const first = newKey(nowMs);
  const ring = parseKeyring(
    await auth.putSecretIfAbsent(KEYRING_SECRET, JSON.stringify({ current: first.kid, keys: [first] })),
  );
  // No token signed with the old single key is accepted any more: keep no unused secret around.
  const legacy = await auth.getSecret(LEGACY_KEY_SECRET);
  if (legacy !== null) await auth.deleteSecret(LEGACY_KEY_SECRET, legacy);
  return ring;
}

/** Changes the stored ring with `change`, retrying when another instance changed it meanwhile. */
async function updateKeyring(auth: AuthStore, nowMs: number, change: (ring: Keyring) => Keyring): Promise<Keyring> {
  for (let attempt = 0; attempt < 5; attempt++) {
    await readKeyring(auth, nowMs);
    const text = (await auth.getSecret(KEYRING_SECRET))!;
    const next = change(parseKeyring(text));
    if (await auth.replaceSecret(KEYRING_SECRET, text, JSON.stringify(next))) return next;
  }
  throw new Error('the access token keyring kept changing under this command: try again');
}

/** A new current key in front; the ring keeps KEYRING_SIZE keys, so the oldest may leave it. */
export function rotateSigningKey(auth: AuthStore, nowMs: number): Promise<Keyring> {
  return updateKeyring(auth, nowMs, (ring) => {
    const key = newKey(nowMs);
    return { current: key.kid, keys: [key, ...ring.keys].slice(0, KEYRING_SIZE) };
  });
}

/** Takes a key out of the ring: tokens it signed are refused. The current key cannot be removed. */
export function removeSigningKey(auth: AuthStore, kid: string, nowMs: number): Promise<Keyring> {
  return updateKeyring(auth, nowMs, (ring) => {
    if (ring.current === kid) {
      throw new Error(`key ${kid} is the current signing key: rotate first, then remove it`);
    }
    if (!ring.keys.some((key) => key.kid === kid)) throw new Error(`there is no signing key ${kid}`);
    return { ...ring, keys: ring.keys.filter((key) => key.kid !== kid) };
  });
}

/** One line per key for an operator: ids and dates, never a secret. */
export function describeKeyring(ring: Keyring): string {
  return ring.keys
    .map(
      (key) => `${key.kid}  created ${key.createdAt}${key.kid === ring.current ? '  (current: signs new tokens)' : ''}`,
    )
    .join('\n');
}

/** A key ready for signing and verifying (imported once: the HMAC key is not rebuilt per request). */
export interface SigningKey {
  kid: string;
  key: webcrypto.CryptoKey;
}

export interface SigningKeys {
  /** The key new tokens are signed with. */
  current(): Promise<SigningKey>;
  /** The key a token names, or undefined when the ring (reread if need be) has no such key. */
  find(kid: string): Promise<webcrypto.CryptoKey | undefined>;
}

/**
 * The ring as a running server uses it: read at start (made when the database has none), reread
 * every KEYRING_RECHECK_MS and when a token names a key not in it (a rotation by another instance
 * or the CLI), so new keys are honoured at once and removed ones within KEYRING_RECHECK_MS.
 */
export async function openSigningKeys(auth: AuthStore, now: () => number): Promise<SigningKeys> {
  const imported = new Map<string, Promise<webcrypto.CryptoKey>>();
  const importKey = (key: StoredSigningKey) => {
    const id = `${key.kid}:${key.secret}`;
    let found = imported.get(id);
    if (!found) {
      found = webcrypto.subtle.importKey(
        'raw',
        Buffer.from(key.secret, 'base64url'),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['sign', 'verify'],
      );
      imported.set(id, found);
    }
    return found;
  };

  interface Loaded {
    at: number;
    current: SigningKey;
    keys: Map<string, webcrypto.CryptoKey>;
  }
  const load = async (): Promise<Loaded> => {
    const at = now();
    const ring = await readKeyring(auth, at);
    const keys = new Map<string, webcrypto.CryptoKey>();
    for (const key of ring.keys) keys.set(key.kid, await importKey(key));
    // Keys that left the ring leave the cache too.
    const live = new Set(ring.keys.map((key) => `${key.kid}:${key.secret}`));
    for (const id of imported.keys()) if (!live.has(id)) imported.delete(id);
    return { at, current: { kid: ring.current, key: keys.get(ring.current)! }, keys };
  };

  let loaded = await load();
  let reloading: Promise<Loaded> | null = null;
  const reload = () => {
    reloading ??= load()
      .then((next) => (loaded = next))
      .finally(() => (reloading = null));
    return reloading;
  };
  const fresh = async () => {
    if (!reloading && now() - loaded.at < KEYRING_RECHECK_MS) return loaded;
    // A store that cannot answer for a moment must not fail requests a known key can serve.
    return reload().catch(() => loaded);
  };

  return {
    current: async () => (await fresh()).current,
    async find(kid) {
      const ring = await fresh();
      const key = ring.keys.get(kid);
      if (key || now() - ring.at < UNKNOWN_KID_RECHECK_MS) return key;
      return (await reload().catch(() => ring)).keys.get(kid);
    },
  };
}
