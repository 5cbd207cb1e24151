import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { CollectionDocs, CollectionName } from '../../domain/collections';
import { HybridClock } from '../../domain/hlc';
import { uuidv7 } from '../../domain/ids';
import { createRecord, editRecord, type RecordBody } from '../../domain/record-edits';
import type { Lead } from '../../domain/schemas/lead';
import type { SavedView } from '../../domain/schemas/saved-view';
import type { StageChange } from '../../domain/schemas/stage-change';
import type { RecordBase } from '../../domain/schemas/record';
import { LOCAL_KEY_HEADER, type SessionGrant } from '../../domain/auth-protocol';
import type { ApiError, PullResponse, PushResponse, PushRow, SyncDocument } from '../../domain/sync-protocol';
import { TEST_LOCAL_KEY } from './local-key';
import { PIPELINE, STAGES } from './record-bodies';

/**
 * A device that speaks the replication protocol with plain fetch (no RxDB): what a test needs to
 * check the server's answers exactly, and to send what no well-behaved client would.
 */

export const TEST_USER_ID = '0190aaaa-0000-7000-8000-0000000000aa';

/** Every request a test sends gives up after this long: a hang is a failure, not a stuck run. */
export const REQUEST_TIMEOUT_MS = 10_000;

export interface HttpAnswer<T> {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  body: T;
}

/**
 * The owner's session on a single-user test server (POST /auth/local-session from loopback, with
 * the test process's launch key), one
 * per server origin: every helper below that calls /sync or /admin signs in as the owner, the
 * Sales Manager who may see and change everything, so protocol tests check the protocol.
 */
const ownerSessions = new Map<string, Promise<SessionGrant>>();

export function ownerSession(baseUrl: string): Promise<SessionGrant> {
  const origin = new URL(baseUrl).origin;
  let session = ownerSessions.get(origin);
  if (!session) {
    session = (async () => {
      const response = await fetch(`${origin}/auth/local-session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [LOCAL_KEY_HEADER]: TEST_LOCAL_KEY },
        body: '{}',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`local-session at ${origin} answered ${response.status} ${text}`);
      return JSON.parse(text) as SessionGrant;
    })();
    ownerSessions.set(origin, session);
    // A failed sign-in is not kept: the next call tries again.
    session.catch(() => ownerSessions.get(origin) === session && ownerSessions.delete(origin));
  }
  return session;
}

/**
 * Forget the cached session of a server (its database changed under the same port, or its
 * access token expired) so the next call signs in again.
 */
export function forgetOwnerSession(baseUrl: string): void {
  ownerSessions.delete(new URL(baseUrl).origin);
}

/** `Authorization: Bearer …` of the owner of the server at `baseUrl`. */
export async function ownerAuthorization(baseUrl: string): Promise<Record<string, string>> {
  return { Authorization: `Bearer ${(await ownerSession(baseUrl)).accessToken}` };
}

/** Paths that need a signed-in user (sync-server/auth/authenticate-hook.ts). */
function needsUser(url: string): boolean {
  const path = new URL(url).pathname;
  return path.startsWith('/sync/') || path.startsWith('/admin/') || path === '/auth/me';
}

function hasAuthorization(headers: RequestInit['headers'] | Record<string, string> | undefined): boolean {
  return new Headers(headers as HeadersInit | undefined).has('authorization');
}

/**
 * A request as the owner: the owner's token is added unless the caller set an Authorization
 * header (tests of sign-in set their own). A server restarted on another database under the same
 * port no longer knows the cached token: signing in again once is part of the helper, not the test.
 */
async function fetchAsOwner(url: string, init: RequestInit): Promise<Response> {
  if (!needsUser(url) || hasAuthorization(init.headers)) return fetch(url, init);
  // A team server has no owner session (403 auth.localOnly): the request goes as the caller wrote it.
  const send = async () =>
    fetch(url, {
      ...init,
      headers: { ...(await ownerAuthorization(url).catch(() => ({}))), ...headersObject(init.headers) },
    });
  const response = await send();
  if (response.status !== 401) return response;
  forgetOwnerSession(url);
  await response.body?.cancel();
  return send();
}

function headersObject(headers: RequestInit['headers']): Record<string, string> {
  return Object.fromEntries(new Headers(headers).entries());
}

export async function httpCall<T = unknown>(url: string, init: RequestInit = {}): Promise<HttpAnswer<T>> {
  return answerOf<T>(await fetchAsOwner(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), ...init }));
}

/** A response read whole: status, headers, text, and the JSON body when there is one. */
export async function answerOf<T>(response: Response): Promise<HttpAnswer<T>> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: body as T };
}

export type PushAnswer = HttpAnswer<PushResponse & ApiError>;

export function push(
  baseUrl: string,
  collection: string,
  rows: readonly PushRow[],
  options: { gzip?: boolean } = {},
): Promise<PushAnswer> {
  const json = JSON.stringify({ rows });
  return httpCall(`${baseUrl}/sync/${collection}/push`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(options.gzip ? { 'Content-Encoding': 'gzip' } : {}) },
    body: options.gzip ? gzipSync(json) : json,
  });
}

/** A push that must be fully accepted: no conflict, no rejection. */
export async function pushAccepted(baseUrl: string, collection: CollectionName, rows: readonly PushRow[]) {
  const answer = await push(baseUrl, collection, rows);
  if (answer.status !== 200 || answer.body.conflicts.length || answer.body.rejected.length) {
    throw new Error(`push to ${collection} was not accepted: ${answer.status} ${answer.text.slice(0, 500)}`);
  }
  return answer.body;
}

export async function pull<C extends CollectionName>(
  baseUrl: string,
  collection: C,
  checkpoint = 0,
  limit = 1000,
): Promise<PullResponse<C>> {
  const answer = await httpCall<PullResponse<C>>(
    `${baseUrl}/sync/${collection}/pull?checkpoint=${checkpoint}&limit=${limit}`,
  );
  if (answer.status !== 200) throw new Error(`pull of ${collection} failed: ${answer.status} ${answer.text}`);
  return answer.body;
}

/** Every document of a collection, page by page, as a device bootstrapping from 0 would see it. */
export async function pullAll<C extends CollectionName>(
  baseUrl: string,
  collection: C,
): Promise<Map<string, SyncDocument<C>>> {
  const all = new Map<string, SyncDocument<C>>();
  let checkpoint = 0;
  for (;;) {
    const page = await pull(baseUrl, collection, checkpoint, 1000);
    for (const doc of page.documents) all.set(doc.id, doc);
    checkpoint = page.checkpoint.seq;
    if (page.documents.length < 1000) return all;
  }
}

export async function serverSeq(baseUrl: string): Promise<number> {
  const answer = await httpCall<{ seq: number }>(`${baseUrl}/healthz`);
  if (answer.status !== 200) throw new Error(`healthz answered ${answer.status}`);
  return answer.body.seq;
}

/** A request below fetch: exact headers (no automatic Accept-Encoding) and the raw body bytes. */
export async function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  const headers =
    needsUser(url) && !hasAuthorization(options.headers)
      ? { ...(await ownerAuthorization(url).catch(() => ({}))), ...options.headers }
      : (options.headers ?? {});
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The server-sent events of `/sync/stream`, read one at a time. */
export interface EventReader {
  status: number;
  contentType: string | null;
  /** The next event, or a rejection after `timeoutMs`. */
  next(timeoutMs?: number): Promise<{ event: string; data: string }>;
  close(): void;
}

export async function openEventStream(
  baseUrl: string,
  options: { headers?: Record<string, string>; query?: string } = {},
): Promise<EventReader> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  const url = `${baseUrl}/sync/stream${options.query ? `?${options.query}` : ''}`;
  const response = await fetchAsOwner(url, { headers: options.headers ?? {}, signal: controller.signal }).finally(() =>
    clearTimeout(timer),
  );
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const next = async (timeoutMs = 2_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const boundary = buffer.indexOf('\n\n');
      if (boundary >= 0) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        let event = 'message';
        let data = '';
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data += line.slice(5).trim();
        }
        if (block.split('\n').every((line) => line.startsWith(':') || line.startsWith('retry:'))) continue;
        return { event, data };
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no event from ${baseUrl}/sync/stream within ${timeoutMs} ms`);
      let timeout: ReturnType<typeof setTimeout> | undefined;
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) => {
          timeout = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms`)), left);
        }),
      ]).finally(() => clearTimeout(timeout));
      if (chunk.done) throw new Error('the change stream ended');
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  };
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    next,
    close: () => controller.abort(),
  };
}

type Patch<C extends CollectionName> = Partial<RecordBody<C>> & Partial<Pick<RecordBase, 'deletedAt'>>;

/**
 * Makes documents the way a device does (domain/record-edits.ts), stamped with this device's
 * hybrid logical clock: new records, edits with fresh clocks, and the push rows that carry them.
 */
export class RecordFactory {
  readonly clock: HybridClock;

  constructor(
    node = 'tester',
    private readonly wallClock: () => number = Date.now,
  ) {
    this.clock = new HybridClock(node, wallClock);
  }

  private context() {
    return { userId: TEST_USER_ID, hlc: this.clock.now(), now: new Date(this.wallClock()).toISOString() };
  }

  create<C extends CollectionName>(collection: C, body: RecordBody<C>, id: string = uuidv7()): SyncDocument<C> {
    return { ...createRecord(collection, id, body, this.context()), _deleted: false } as SyncDocument<C>;
  }

  edit<C extends CollectionName>(collection: C, doc: SyncDocument<C>, patch: Patch<C>): SyncDocument<C> {
    const next = editRecord(collection, doc as CollectionDocs[C], patch as never, this.context());
    if (!next) throw new Error('the edit changes nothing');
    return next as SyncDocument<C>;
  }

  /** A removal (RxDB `_deleted`), stamped like an edit. */
  remove<C extends CollectionName>(doc: SyncDocument<C>): SyncDocument<C> {
    return { ...doc, hlc: this.clock.now(), _deleted: true } as unknown as SyncDocument<C>;
  }
}

export function created(doc: SyncDocument): PushRow {
  return { newDocumentState: doc, assumedMasterState: null };
}

export function changed(doc: SyncDocument, assumed: SyncDocument): PushRow {
  return { newDocumentState: doc, assumedMasterState: assumed };
}

export function leadBody(overrides: Partial<RecordBody<'leads'>> = {}): RecordBody<'leads'> {
  const body: Omit<Lead, keyof RecordBase | 'nameKey'> = {
    firstName: 'Mateo',
    lastName: 'Rojas',
    email: 'mateo@pacifica.example',
    phone: '+56 2 2555 0102',
    companyName: 'Pacífica Foods',
    title: 'Head of Procurement',
    interest: 'Cold-chain tracking for 12 trucks',
    contactId: '',
    status: 'NEW',
    source: 'web-form',
    estimatedValue: { amount: 4_500_000, currency: 'USD' },
    disqualifyReason: '',
    qualifiedAt: null,
    convertedDealId: '',
    convertedAt: null,
    tags: [],
    notes: '',
    ownerId: '',
    teamId: '',
  };
  return { ...body, ...overrides } as RecordBody<'leads'>;
}

export function stageChangeBody(dealId: string, overrides: Partial<RecordBody<'stage_changes'>> = {}) {
  const body: Omit<StageChange, keyof RecordBase> = {
    dealId,
    pipelineId: PIPELINE.id,
    fromStageId: STAGES[0]!,
    toStageId: STAGES[1]!,
    fromStatus: 'OPEN',
    toStatus: 'OPEN',
    at: '2026-11-02T09:30:00.000Z',
    by: TEST_USER_ID,
    ownerId: '',
    teamId: '',
  };
  return { ...body, ...overrides } as RecordBody<'stage_changes'>;
}

export function savedViewBody(overrides: Partial<RecordBody<'saved_views'>> = {}) {
  const body: Omit<SavedView, keyof RecordBase> = {
    userId: TEST_USER_ID,
    sharedWithTeamId: '',
    section: 'deals',
    name: 'My open deals',
    filters: [{ field: 'status', op: 'eq', value: '"OPEN"' }],
    sort: [{ field: 'expectedCloseDate', direction: 'asc' }],
    columns: [{ field: 'title', width: 240 }],
    density: 'compact',
    position: 0,
  };
  return { ...body, ...overrides } as RecordBody<'saved_views'>;
}
