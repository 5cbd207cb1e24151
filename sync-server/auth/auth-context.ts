import { randomBytes } from 'node:crypto';
import { AUTH_LIMITS, type AuthMode } from '@domain/auth-protocol';
import { HybridClock } from '@domain/hlc';
import { createRecordValidator, type RecordValidator } from '@domain/record-validation/record-validator';
import type { Store } from '../store/store';
import type { AuthConfig } from './auth-config';
import { createLoginRateLimiter, type LoginRateLimiter } from './login-rate-limiter';
import { createPasswordHasher, type PasswordHasher } from './password-hasher';
import { openSigningKeys, type SigningKeys } from './signing-keys';
import { createUserDirectory, type UserDirectory } from './user-directory';

/** Everything the auth routes and the authentication hook share, for one server. */
export interface AuthContext {
  store: Store;
  mode: AuthMode;
  /** Single-user mode: the launch key of /auth/local-session (AuthConfig.localKey). */
  localKey: string | undefined;
  /** Clock of tokens, expiry and rate limits. */
  tokenNow: () => number;
  /** Clock of the records the server writes (users, defaults): the server's own. */
  recordNow: () => number;
  /** Hashes and checks passwords through one bounded queue. */
  passwords: PasswordHasher;
  /** The keys that sign and verify access tokens; shared by every instance on the database. */
  signingKeys: SigningKeys;
  limiter: LoginRateLimiter;
  directory: UserDirectory;
  /** Stamps the records the server writes, so they merge like any device's edits. */
  clock: HybridClock;
  validator: RecordValidator;
}

export async function createAuthContext(
  store: Store,
  config: AuthConfig,
  serverNow: () => number,
): Promise<AuthContext> {
  const tokenNow = config.now ?? serverNow;
  // Made once per database; every instance reads the same ring, and rereads it after a rotation.
  const signingKeys = await openSigningKeys(store.auth, tokenNow);
  const windowMs = AUTH_LIMITS.loginWindowSeconds * 1000;
  return {
    store,
    mode: config.mode,
    localKey: config.localKey,
    tokenNow,
    recordNow: serverNow,
    passwords: createPasswordHasher(config.passwordCost, config.hashing),
    signingKeys,
    limiter: createLoginRateLimiter(
      {
        account: { maxFailures: AUTH_LIMITS.loginAttemptsPerAccount, windowMs },
        address: { maxFailures: AUTH_LIMITS.loginAttemptsPerAddress, windowMs },
      },
      { now: tokenNow },
    ),
    directory: createUserDirectory(store, { now: serverNow }),
    // A node id per process: two instances never stamp the same clock value.
    clock: new HybridClock(`srv${randomBytes(5).toString('hex')}`, serverNow),
    validator: createRecordValidator(),
  };
}
