import type { ApiError } from '@domain/sync-protocol';
import { OfflineError } from '../db/sync/sync-http';

/** The server answered an auth or admin request with an error; `code` is the API's stable code. */
export class AuthRequestError extends Error {
  override readonly name = 'AuthRequestError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** From Retry-After (rate limiting): seconds until the next attempt may succeed. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`${code}: ${message}`);
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH';
  body?: unknown;
  /** Bearer access token, for /auth/me and /admin/*. */
  token?: string | null;
  /** More request headers (the launch key of /auth/local-session). */
  headers?: Readonly<Record<string, string>>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * One JSON request to the sync server's auth or admin API. A network failure or timeout becomes
 * OfflineError (the caller can say "you are offline"); an error answer becomes AuthRequestError.
 */
export async function requestJson<T>(baseUrl: string, path: string, options: RequestOptions = {}): Promise<T> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 15_000);
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await doFetch(`${baseUrl.replace(/\/+$/, '')}${path}`, {
      method: options.method ?? 'GET',
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      signal: controller.signal,
    });
  } catch (error) {
    throw new OfflineError(error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
  const text = await response.text();
  if (!response.ok) throw authErrorFrom(response, text);
  return (text ? JSON.parse(text) : undefined) as T;
}

export function authErrorFrom(response: Response, text: string): AuthRequestError {
  let code = `http.${response.status}`;
  let message = text.slice(0, 300) || response.statusText;
  try {
    const body = JSON.parse(text) as ApiError;
    code = body.error.code;
    message = body.error.message;
  } catch {
    // not our API's error body (a proxy's page, say): keep the raw text
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  return new AuthRequestError(
    response.status,
    code,
    message,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}
