import { BehaviorSubject, type Observable } from 'rxjs';
import type { SessionGrant } from '@domain/auth-protocol';
import { OfflineError } from '../db/sync/sync-http';
import { authClient } from './auth-client';
import { AuthRequestError } from './auth-request';
import type { CachedSession } from './cached-session';

/** Why a session can no longer be used: the user has to sign in again. */
export type SessionEndReason = 'auth.refreshInvalid' | 'auth.deactivated';

export const SESSION_END_CODES: readonly string[] = ['auth.refreshInvalid', 'auth.deactivated'];

/** Refresh this long before the access token expires, so no request goes out with a dying token. */
export const REFRESH_MARGIN_MS = 60_000;
const RETRY_MS = 30_000;

export interface SessionKeeper {
  readonly serverUrl: string;
  readonly grant$: Observable<SessionGrant>;
  readonly grant: SessionGrant;
  /** Null while the session works; the reason once the server has ended it. */
  readonly ended$: Observable<SessionEndReason | null>;
  /** A usable access token (refreshed when it is about to expire), or null once the session ended. */
  accessToken(): Promise<string | null>;
  /**
   * Trade the refresh token for a new grant, once for everyone waiting (single flight). With
   * `rejectedToken`, a caller whose token the server refused gets the newer one if another caller
   * already refreshed. Null when the session ended; OfflineError when the server is unreachable.
   */
  refresh(rejectedToken?: string): Promise<string | null>;
  /** The server said the session is over (e.g. a /sync request answered auth.deactivated). */
  end(reason: SessionEndReason): void;
  /** Refresh now and shortly before every expiry, in the background; errors are retried quietly. */
  start(): void;
  /** Revoke the refresh token on the server (best effort) and forget the session on this device. */
  signOut(): Promise<{ revoked: boolean }>;
  dispose(): void;
}

export interface SessionKeeperOptions {
  session: CachedSession;
  /** Keeps each rotated grant (the bridge's encrypted store). */
  save: (session: CachedSession | null) => Promise<void>;
  /** Reads the kept session again: another tab may have rotated the tokens first. */
  reload?: () => Promise<CachedSession | null>;
  client?: Pick<typeof authClient, 'refresh' | 'logout'>;
  now?: () => number;
}

/**
 * Owns the signed-in session while the app runs: hands out access tokens, rotates them before
 * they expire, and notices when the server ends the session. Local data is never touched here.
 */
export function createSessionKeeper(options: SessionKeeperOptions): SessionKeeper {
  const { serverUrl } = options.session;
  const client = options.client ?? authClient;
  const now = options.now ?? Date.now;
  const grant$ = new BehaviorSubject<SessionGrant>(options.session.grant);
  const ended$ = new BehaviorSubject<SessionEndReason | null>(null);
  let inflight: Promise<string | null> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const expiresInMs = () => Date.parse(grant$.value.accessTokenExpiresAt) - now();

  const end = (reason: SessionEndReason) => {
    clearTimeout(timer);
    if (ended$.value === null) ended$.next(reason);
  };

  const adopt = async (grant: SessionGrant) => {
    grant$.next(grant);
    await options.save({ serverUrl, grant });
  };

  const refreshOnce = async (): Promise<string | null> => {
    const used = grant$.value.refreshToken;
    try {
      const grant = await client.refresh(serverUrl, used);
      if (!disposed) await adopt(grant);
      return grant.accessToken;
    } catch (error) {
      if (!(error instanceof AuthRequestError) || !SESSION_END_CODES.includes(error.code)) throw error;
      // Refresh tokens are single-use: a second tab that rotated first leaves ours dead but its
      // grant in the shared store. Take that one rather than ending a session that is alive.
      const kept = error.code === 'auth.refreshInvalid' ? await options.reload?.() : null;
      if (kept && kept.serverUrl === serverUrl && kept.grant.refreshToken !== used) {
        grant$.next(kept.grant);
        return kept.grant.accessToken;
      }
      end(error.code as SessionEndReason);
      return null;
    }
  };

  const refresh = (rejectedToken?: string): Promise<string | null> => {
    if (ended$.value) return Promise.resolve(null);
    if (rejectedToken !== undefined && rejectedToken !== grant$.value.accessToken) {
      return Promise.resolve(grant$.value.accessToken);
    }
    inflight ??= refreshOnce().finally(() => {
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
          () => schedule(RETRY_MS),
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
