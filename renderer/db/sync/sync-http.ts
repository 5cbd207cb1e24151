import type { CollectionName } from '@domain/collections';
import type { ApiError, PullResponse, PushRow, PushResponse } from '@domain/sync-protocol';

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

export interface SyncHttpOptions {
  baseUrl: string;
  fetch?: typeof fetch;
  /** Per-request timeout: a half-open connection must not stall the queue forever. */
  timeoutMs?: number;
}

export interface SyncHttp {
  readonly baseUrl: string;
  pull(collection: CollectionName, checkpoint: number, limit: number): Promise<PullResponse>;
  /** `schemaVersion`: the version of the device's records, so an up-to-date server can migrate them. */
  push(collection: CollectionName, rows: PushRow[], schemaVersion?: number): Promise<PushResponse>;
}

/** The device side of the HTTP replication protocol (docs/sync-protocol.md). */
export function createSyncHttp(options: SyncHttpOptions): SyncHttp {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { ...init, signal: controller.signal });
    } catch (error) {
      throw new OfflineError(error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
    }
    const text = await response.text();
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
    return JSON.parse(text) as T;
  }

  return {
    baseUrl: base,
    pull(collection, checkpoint, limit) {
      return request<PullResponse>(`/sync/${collection}/pull?checkpoint=${checkpoint}&limit=${limit}`);
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
