import { BehaviorSubject, type Observable } from 'rxjs';
import type { SessionGrant } from '@domain/auth-protocol';
import { OfflineError } from '../db/sync/sync-http';
import { authClient } from './auth-client';
import { AuthRequestError } from './auth-request';
import type { CachedSession } from './cached-session';
import { retryDelayMs } from './retry-delay';
import { sessionLock, type SessionLock } from './session-lock';

/** Why a session can no longer be used: the user has to sign in again. */
export type SessionEndReason = 'auth.refreshInvalid' | 'auth.deactivated';

export const SESSION_END_CODES: readonly string[] = ['auth.refreshInvalid', 'auth.deactivated'];

/**
 * What the header shows about the session: `active` while tokens are fresh; `retrying` while the
 * server could not renew them (offline, or failing) and the next attempt waits; `ended` once the
 * server ended the session and the user must sign in again.
 */
export type SessionState = 'active' | 'retrying' | 'ended';

/** Refresh this long before the access token expires, so no request goes out with a dying token. */
export const REFRESH_MARGIN_MS = 60_000;

export interface SessionKeeper {
  readonly serverUrl: string;
  readonly grant$: Observable<SessionGrant>;
  readonly grant: SessionGrant;
  /** Null while the session works; the reason once the server has ended it. */
  readonly ended$: Observable<SessionEndReason | null>;
  readonly state$: Observable<SessionState>;
  /** A usable access token (refreshed when it is about to expire), or null once the session ended. */
  accessToken(): Promise<string | null>;
  /**
   * Trade the refresh token for a new grant, once for everyone waiting (single flight, also across
   * windows: see session-lock.ts). With `rejectedToken`, a caller whose token the server refused
   * gets the newer one if another caller already refreshed. Null when the session ended;
   * OfflineError or AuthRequestError when the server could not renew it (retried with backoff).
   */
  refresh(rejectedToken?: string): Promise<string | null>;
  /** The server said the session is over (e.g. a /sync request answered auth.deactivated). */
  end(reason: SessionEndReason): void;
  /** Refresh now if due and shortly before every expiry, in the background, backing off on errors. */
  start(): void;
  /** Revoke the refresh token on the server (best effort) and forget the session on this device. */
  signOut(): Promise<{ revoked: boolean }>;
  dispose(): void;
}

export interface SessionKeeperOptions {
  session: CachedSession;
  /** Keeps each rotated grant (the bridge's encrypted store). */
  save: (session: CachedSession | null) => Promise<void>;
  /** Reads the kept session again: another window may have rotated the tokens first. */
  reload?: () => Promise<CachedSession | null>;
  client?: Pick<typeof authClient, 'refresh' | 'logout'>;
  /** Mutual exclusion of refreshes across every window of this app (Web Locks by default). */
  lock?: SessionLock;
  now?: () => number;
  random?: () => number;
}

/**
 * Owns the signed-in session while the app runs: hands out access tokens, rotates them before
 * they expire, and notices when the server ends the session. Local data is never touched here.
 *
 * Refresh tokens are single-use, so two refreshes with one token would end the session if the
 * server did not forgive it for a few seconds. Three layers keep that from happening: one refresh
 * in flight per keeper; a lock shared by every window and worker of the app, inside which the
 * kept session is read again (another window may have rotated it: take that grant, ask nothing);
 * and the server's grace window for the rare copy that still slips through. A failed refresh is
 * retried with exponential backoff and jitter, never in a loop.
 */
export function createSessionKeeper(options: SessionKeeperOptions): SessionKeeper {
  const { serverUrl } = options.session;
  const client = options.client ?? authClient;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const lock = options.lock ?? sessionLock;
  const grant$ = new BehaviorSubject<SessionGrant>(options.session.grant);
  const ended$ = new BehaviorSubject<SessionEndReason | null>(null);
  const state$ = new BehaviorSubject<SessionState>('active');
  let inflight: Promise<string | null> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  /** Consecutive failed refreshes, and the time before which no other attempt goes out. */
  let failures = 0;
  let lastFailure: unknown = null;
  let notBefore = 0;

  const expiresInMs = () => Date.parse(grant$.value.accessTokenExpiresAt) - now();

  const end = (reason: SessionEndReason) => {
    clearTimeout(timer);
    if (ended$.value === null) ended$.next(reason);
    state$.next('ended');
  };

  /** The kept session when it is this session's, rotated by someone else (another window, a keeper before this one). */
  const rotatedElsewhere = async (used: string): Promise<SessionGrant | null> => {
    const kept = await options.reload?.().catch(() => null);
    if (!kept || kept.serverUrl !== serverUrl || kept.grant.user.id !== grant$.value.user.id) return null;
    return kept.grant.refreshToken !== used ? kept.grant : null;
  };

  const refreshOnce = () =>
    lock(async (): Promise<string | null> => {
      const used = grant$.value.refreshToken;
      const newer = await rotatedElsewhere(used);
      if (newer) {
        grant$.next(newer);
        return newer.accessToken;
      }
      try {
        const grant = await client.refresh(serverUrl, used);
        grant$.next(grant);
        // Saved before the lock is released, so the next window to take it reads this grant.
        if (!disposed) await options.save({ serverUrl, grant });
        return grant.accessToken;
      } catch (error) {
        if (!(error instanceof AuthRequestError) || !SESSION_END_CODES.includes(error.code)) throw error;
        // Without a shared lock (an old browser), another window may still have rotated first.
        const kept = error.code === 'auth.refreshInvalid' ? await rotatedElsewhere(used) : null;
        if (kept) {
          grant$.next(kept);
          return kept.accessToken;
        }
        end(error.code as SessionEndReason);
        return null;
      }
    });

  const refresh = (rejectedToken?: string): Promise<string | null> => {
    if (ended$.value) return Promise.resolve(null);
    if (rejectedToken !== undefined && rejectedToken !== grant$.value.accessToken) {
      return Promise.resolve(grant$.value.accessToken);
    }
    // Backing off: callers get the last failure at once instead of another request.
    if (!inflight && now() < notBefore) return Promise.reject(lastFailure);
    inflight ??= refreshOnce()
      .then(
        (token) => {
          failures = 0;
          lastFailure = null;
          notBefore = 0;
          if (!ended$.value) state$.next('active');
          return token;
        },
        (error: unknown) => {
          failures += 1;
          lastFailure = error;
          notBefore = now() + retryDelayMs(failures, random);
          state$.next('retrying');
          throw error;
        },
      )
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  };

  const schedule = (delayMs: number) => {
    clearTimeout(timer);
    if (disposed || ended$.value) return;
    timer = setTimeout(
      () => {
        refresh().then(
          () => schedule(expiresInMs() - REFRESH_MARGIN_MS),
          () => schedule(Math.max(0, notBefore - now())),
        );
      },
      Math.max(0, Math.min(delayMs, 2 ** 31 - 1)),
    );
  };

  return {
    serverUrl,
    grant$: grant$.asObservable(),
    get grant() {
      return grant$.value;
    },
    ended$: ended$.asObservable(),
    state$: state$.asObservable(),
    async accessToken() {
      if (ended$.value) return null;
      if (expiresInMs() > REFRESH_MARGIN_MS) return grant$.value.accessToken;
      try {
        return await refresh();
      } catch (error) {
        // Offline or a server hiccup: the old token is the best there is; the request will say.
        if (error instanceof OfflineError || error instanceof AuthRequestError) return grant$.value.accessToken;
        throw error;
      }
    },
    refresh,
    end,
    start() {
      // Also after dispose(): React's StrictMode mounts, cleans up and mounts effects again.
      // Refreshing at start brings the user's current name, role and team into the grant.
      disposed = false;
      schedule(0);
    },
    async signOut() {
      disposed = true;
      clearTimeout(timer);
      let revoked = false;
      try {
        await client.logout(serverUrl, grant$.value.refreshToken);
        revoked = true;
      } catch (error) {
        // Already revoked or expired is as good as revoked; offline leaves it to expire.
        revoked = error instanceof AuthRequestError && SESSION_END_CODES.includes(error.code);
      }
      await options.save(null);
      return { revoked };
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
    },
  };
}
