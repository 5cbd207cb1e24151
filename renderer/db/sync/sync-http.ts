import type { CollectionName } from '@domain/collections';
import { SCOPE_KEY_HEADER } from '@domain/auth-protocol';
import type { ApiError, PullCountResponse, PullResponse, PushRow, PushResponse } from '@domain/sync-protocol';

/** The network is unreachable or the device is offline: retry later, nothing is wrong with the data. */
export class OfflineError extends Error {
  override readonly name = 'OfflineError';
}

/** The server answered with an error; `code` is the API's stable error code. */
export class SyncHttpError extends Error {
  override readonly name = 'SyncHttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/** The server ended the session (refresh token dead, account deactivated): sign in again. */
export class SessionEndedError extends Error {
  override readonly name = 'SessionEndedError';
}

/**
 * How sync requests are signed (docs/security.md): the session keeper supplies the token,
 * refreshes it once when the server calls it invalid, and hears when the session is over.
 */
export interface SyncAuth {
  /** A current access token, or null once the session has ended. */
  accessToken(): Promise<string | null>;
  /** The server refused `rejectedToken`: a fresh token (one refresh for all callers), or null. */
  refresh(rejectedToken: string): Promise<string | null>;
  end(reason: 'auth.refreshInvalid' | 'auth.deactivated'): void;
}

/** 401 codes that a refreshed token cures. */
const REFRESHABLE = new Set(['auth.invalidToken', 'auth.required']);
const SESSION_OVER = new Set(['auth.refreshInvalid', 'auth.deactivated']);

export interface SyncHttpOptions {
  baseUrl: string;
  /** Signs every request with the session's Bearer token; absent for a server without sign-in. */
  auth?: SyncAuth;
  fetch?: typeof fetch;
  /** Per-request timeout: a half-open connection must not stall the queue forever. */
  timeoutMs?: number;
}

export interface SyncHttp {
  readonly baseUrl: string;
  /** `scopeKey`: the user's scope key the server answered with (null from a server without one). */
  pull(
    collection: CollectionName,
    checkpoint: number,
    limit: number,
  ): Promise<PullResponse & { scopeKey: string | null }>;
  /** How many documents pulls of `collection` from `checkpoint` will send this user (a long sync's progress). */
  count(collection: CollectionName, checkpoint: number): Promise<PullCountResponse>;
  /** `schemaVersion`: the version of the device's records, so an up-to-date server can migrate them. */
  push(collection: CollectionName, rows: PushRow[], schemaVersion?: number): Promise<PushResponse>;
}

function errorCodeOf(text: string): string {
  try {
    return (JSON.parse(text) as ApiError).error.code ?? '';
  } catch {
    return '';
  }
}

/**
 * fetch for the change stream: signs it with the session's Bearer token in the Authorization
 * header (never in the URL, where proxies and logs would keep it) and, when the server refuses the
 * token, refreshes it once and reconnects.
 */
export function createAuthorizedStreamFetch(auth: SyncAuth, baseFetch?: typeof fetch): typeof fetch {
  const doFetch = baseFetch ?? globalThis.fetch.bind(globalThis);
  const signed = (init: RequestInit | undefined, token: string): RequestInit => {
    const headers = new Headers(init?.headers);
    headers.set('Authorization', `Bearer ${token}`);
    return { ...init, headers };
  };
  return async (input, init) => {
    let token = await auth.accessToken();
    if (token === null) throw new SessionEndedError('the session has ended: sign in again');
    let response = await doFetch(input, signed(init, token));
    if (response.status === 401 || response.status === 403) {
      const code = errorCodeOf(await response.text());
      if (SESSION_OVER.has(code)) {
        auth.end(code as 'auth.refreshInvalid' | 'auth.deactivated');
      } else if (REFRESHABLE.has(code)) {
        token = await auth.refresh(token);
        if (token !== null) response = await doFetch(input, signed(init, token));
      }
    }
    return response;
  };
}

/** The device side of the HTTP replication protocol (docs/sync-protocol.md). */
export function createSyncHttp(options: SyncHttpOptions): SyncHttp {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function send(path: string, init: RequestInit, token: string | null): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const requestHeaders = new Headers(init.headers);
    if (token) requestHeaders.set('Authorization', `Bearer ${token}`);
    try {
      return await doFetch(`${base}${path}`, { ...init, headers: requestHeaders, signal: controller.signal });
    } catch (error) {
      throw new OfflineError(error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
    }
  }

  async function request<T>(path: string, init: RequestInit = {}, headers?: (h: Headers) => void): Promise<T> {
    // Every request carries the session's Bearer token when there is a session.
    const { auth } = options;
    let token = auth ? await auth.accessToken() : null;
    if (auth && token === null) throw new SessionEndedError('the session has ended: sign in again');
    let response = await send(path, init, token);
    let text = await response.text();
    // An expired or rotated-away token: refresh once (shared with every other request) and retry.
    if (auth && token && response.status === 401 && REFRESHABLE.has(errorCodeOf(text))) {
      token = await auth.refresh(token);
      if (token === null) throw new SessionEndedError('the session has ended: sign in again');
      response = await send(path, init, token);
      text = await response.text();
    }
    if (auth && !response.ok && SESSION_OVER.has(errorCodeOf(text))) {
      auth.end(errorCodeOf(text) as 'auth.refreshInvalid' | 'auth.deactivated');
      throw new SessionEndedError(`the session has ended: ${errorCodeOf(text)}`);
    }
    if (!response.ok) {
      let code = `http.${response.status}`;
      let message = text.slice(0, 300) || response.statusText;
      try {
        const body = JSON.parse(text) as ApiError;
        code = body.error.code;
        message = body.error.message;
      } catch {
        // not our API's error body (a proxy's page, say): keep the raw text
      }
      throw new SyncHttpError(response.status, code, message);
    }
    headers?.(response.headers);
    return JSON.parse(text) as T;
  }

  return {
    baseUrl: base,
    async pull(collection, checkpoint, limit) {
      let scopeKey: string | null = null;
      const page = await request<PullResponse>(
        `/sync/${collection}/pull?checkpoint=${checkpoint}&limit=${limit}`,
        {},
        (h) => (scopeKey = h.get(SCOPE_KEY_HEADER)),
      );
      return { ...page, scopeKey };
    },
    count(collection, checkpoint) {
      return request<PullCountResponse>(`/sync/${collection}/count?checkpoint=${checkpoint}`);
    },
    push(collection, rows, schemaVersion) {
      const query = schemaVersion === undefined ? '' : `?schemaVersion=${schemaVersion}`;
      return request<PushResponse>(`/sync/${collection}/push${query}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ rows }),
      });
    },
  };
}
