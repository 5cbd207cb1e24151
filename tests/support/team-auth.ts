import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import {
  SCOPE_KEY_HEADER,
  type AdminUser,
  type CreateUserRequest,
  type SessionGrant,
  type UpdateUserRequest,
  type SessionUser,
  type SetupRequest,
} from '../../domain/auth-protocol';
import type { CollectionName } from '../../domain/collections';
import { HybridClock } from '../../domain/hlc';
import type { ApiError, PullResponse, PushResponse, PushRow, SyncDocument } from '../../domain/sync-protocol';
import { openDatabase, type OutpostDatabase } from '../../renderer/db/database';
import { startSync, type SyncEngine } from '../../renderer/db/sync/sync-engine';
import { createAuthorizedStreamFetch, createSyncHttp, type SyncAuth } from '../../renderer/db/sync/sync-http';
import { openSyncJournal, type SyncJournal } from '../../renderer/db/sync/sync-journal';
import { createScopeWatcher } from '../../renderer/db/sync/scope-watcher';
import type { Workspace } from '../../renderer/db/workspace';
import { buildServer } from '../../sync-server/server';
import { openStore } from '../../sync-server/store/open-store';
import type { Store } from '../../sync-server/store/store';
import { REQUEST_TIMEOUT_MS, answerOf, type HttpAnswer } from './protocol-client';

/**
 * A sync server in team mode (accounts, Bearer tokens, per-user read filters) and the calls a test
 * needs to drive it as several signed-in people: the sign-in API of domain/auth-protocol.ts, pulls
 * and pushes with a token, and RxDB devices whose sync engine signs every request.
 */

/** scrypt cost for tests: a sign-in costs well under a millisecond instead of ~100 ms. */
export const CHEAP_PASSWORD_COST = { N: 1024, r: 1, p: 1 };

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TeamServer {
  url: string;
  store: Store;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** The real server, team mode, on a loopback port over the given store URL (a SQLite file by default). */
export async function startTeamServer(options: { dbUrl?: string } = {}): Promise<TeamServer> {
  const dir = mkdtempSync(join(tmpdir(), 'outpost-team-'));
  const store = await openStore(options.dbUrl ?? `sqlite:${join(dir, 'outpost.db')}`);
  const app = await buildServer({
    store,
    logger: false,
    streamCoalesceMs: 5,
    auth: { mode: 'team', passwordCost: CHEAP_PASSWORD_COST },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    app,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A request exactly as written (no token added: every call here says who it is), answered
 * whatever its status; a hang fails after REQUEST_TIMEOUT_MS.
 */
export async function httpCall<T = unknown>(url: string, init: RequestInit = {}): Promise<HttpAnswer<T>> {
  return answerOf<T>(await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), ...init }));
}

function describeAnswer(what: string, answer: HttpAnswer<unknown>): string {
  return `${what} answered ${answer.status}: ${answer.text.slice(0, 600)}`;
}

async function postJson<T>(url: string, body: unknown, token?: string): Promise<HttpAnswer<T>> {
  return httpCall<T>(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

/** POST /auth/setup: the first user, who becomes the Sales Manager. */
export async function setupOwner(baseUrl: string, request: SetupRequest): Promise<SessionGrant> {
  const answer = await postJson<SessionGrant>(`${baseUrl}/auth/setup`, request);
  if (answer.status !== 200) throw new Error(describeAnswer('POST /auth/setup', answer));
  return answer.body;
}

/** POST /auth/login. */
export async function signIn(baseUrl: string, email: string, password = TEST_PASSWORD): Promise<SessionGrant> {
  const answer = await postJson<SessionGrant>(`${baseUrl}/auth/login`, { email, password, deviceName: 'test' });
  if (answer.status !== 200) throw new Error(describeAnswer(`POST /auth/login as ${email}`, answer));
  return answer.body;
}

/** POST /admin/users, as a Sales Manager. */
export async function addUser(baseUrl: string, managerToken: string, request: CreateUserRequest): Promise<AdminUser> {
  const answer = await postJson<AdminUser>(`${baseUrl}/admin/users`, request, managerToken);
  if (answer.status !== 200 && answer.status !== 201) {
    throw new Error(describeAnswer(`POST /admin/users (${request.email})`, answer));
  }
  return answer.body;
}

/** PATCH /admin/users/:id, as a Sales Manager. */
export async function changeUser(
  baseUrl: string,
  managerToken: string,
  userId: string,
  request: UpdateUserRequest,
): Promise<AdminUser> {
  const answer = await httpCall<AdminUser>(`${baseUrl}/admin/users/${userId}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${managerToken}` },
    body: JSON.stringify(request),
  });
  if (answer.status !== 200) throw new Error(describeAnswer(`PATCH /admin/users/${userId}`, answer));
  return answer.body;
}

/** GET /admin/users, as a Sales Manager. */
export async function listUsers(baseUrl: string, managerToken: string): Promise<AdminUser[]> {
  const answer = await httpCall<AdminUser[]>(`${baseUrl}/admin/users`, {
    headers: { Authorization: `Bearer ${managerToken}` },
  });
  if (answer.status !== 200) throw new Error(describeAnswer('GET /admin/users', answer));
  return answer.body;
}

export type PullAnswer<C extends CollectionName> = PullResponse<C> & { scopeKey: string | null };

/** One pull page as the token's user. */
export async function pullAs<C extends CollectionName>(
  baseUrl: string,
  token: string,
  collection: C,
  checkpoint = 0,
  limit = 1000,
): Promise<PullAnswer<C>> {
  const answer = await httpCall<PullResponse<C>>(
    `${baseUrl}/sync/${collection}/pull?checkpoint=${checkpoint}&limit=${limit}`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  if (answer.status !== 200) throw new Error(describeAnswer(`pull of ${collection}`, answer));
  return { ...answer.body, scopeKey: answer.headers.get(SCOPE_KEY_HEADER) };
}

/**
 * Everything a device pulling from `checkpoint` receives, page by page, in order (removals
 * included), and the scope key the server answered with. Like RxDB, it stops at the first page
 * shorter than `limit`: a server that returns short pages while more exists loses records here.
 */
export async function pullEverythingAs<C extends CollectionName>(
  baseUrl: string,
  token: string,
  collection: C,
  checkpoint = 0,
  limit = 1000,
): Promise<{ documents: SyncDocument<C>[]; scopeKey: string | null; checkpoint: number; pages: number }> {
  const documents: SyncDocument<C>[] = [];
  let scopeKey: string | null = null;
  for (let pages = 1; ; pages++) {
    const page = await pullAs(baseUrl, token, collection, checkpoint, limit);
    documents.push(...page.documents);
    scopeKey = page.scopeKey;
    checkpoint = page.checkpoint.seq;
    if (page.documents.length < limit) return { documents, scopeKey, checkpoint, pages };
  }
}

/** What a device holds after applying `documents` in order: removals drop the record. */
export function finalState<C extends CollectionName>(documents: readonly SyncDocument<C>[]) {
  const state = new Map<string, SyncDocument<C>>();
  for (const doc of documents) {
    if (doc._deleted) state.delete(doc.id);
    else state.set(doc.id, doc);
  }
  return state;
}

export type PushAnswer = HttpAnswer<PushResponse & ApiError>;

/** One push as the token's user; the answer is returned whatever its status. */
export function pushAs(baseUrl: string, token: string, collection: CollectionName, rows: readonly PushRow[]) {
  return httpCall<PushResponse & ApiError>(`${baseUrl}/sync/${collection}/push`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ rows }),
  });
}

/** A push that must be fully accepted. */
export async function pushAcceptedAs(baseUrl: string, token: string, collection: CollectionName, rows: PushRow[]) {
  const answer = await pushAs(baseUrl, token, collection, rows);
  if (answer.status !== 200 || answer.body.conflicts.length || answer.body.rejected.length) {
    throw new Error(describeAnswer(`push of ${rows.length} ${collection} row(s)`, answer));
  }
}

/** A SyncAuth over a fixed session that signs in again when the server refuses the token. */
export function sessionAuth(baseUrl: string, email: string, grant: SessionGrant): SyncAuth {
  let token: string | null = grant.accessToken;
  return {
    accessToken: async () => token,
    async refresh() {
      token = (await signIn(baseUrl, email)).accessToken;
      return token;
    },
    end() {
      token = null;
    },
  };
}

/** A simulated device of a signed-in user (tests/support/sync-device.ts, with sign-in). */
export interface SignedInDevice {
  name: string;
  /** The local database's name: pass it back as `dbName` to reopen it. */
  dbName: string;
  user: SessionUser;
  db: OutpostDatabase;
  clock: HybridClock;
  journal: SyncJournal;
  engine: SyncEngine;
  ws: Workspace;
  online: boolean;
  setOnline(online: boolean): Promise<void>;
  close(): Promise<void>;
}

let deviceCounter = 0;

export async function createSignedInDevice(options: {
  serverUrl: string;
  grant: SessionGrant;
  collections: readonly CollectionName[];
  name?: string;
  /** Reopen this database (memory storage keeps it for the process) instead of a new one. */
  dbName?: string;
  /**
   * Watch the scope key as the app does (renderer/db/sync/scope-watcher.ts): called once the
   * device has marked its database for a fresh pull and the app would reload.
   */
  onScopeResync?: () => void;
}): Promise<SignedInDevice> {
  const name = options.name ?? `device${++deviceCounter}`;
  const dbName = options.dbName ?? `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const db = await openDatabase({
    name: dbName,
    storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }) as never,
    multiInstance: false,
    collections: options.collections,
  });
  const clock = new HybridClock(
    name
      .toLowerCase()
      .replace(/[^0-9a-z]/g, '')
      .slice(0, 16) || 'device',
  );
  const journal = await openSyncJournal(db);
  const device = { online: true } as SignedInDevice;
  const guardedFetch: typeof fetch = async (input, init) => {
    if (!device.online) throw new TypeError('fetch failed: the device is offline');
    return fetch(input, init);
  };
  const auth = sessionAuth(options.serverUrl, options.grant.user.email, options.grant);
  const engine = startSync({
    db,
    http: createSyncHttp({ baseUrl: options.serverUrl, auth, fetch: guardedFetch, timeoutMs: 10_000 }),
    clock,
    journal,
    fetch: createAuthorizedStreamFetch(auth, guardedFetch),
    waitForLeadership: false,
    liveStream: true,
    ...(options.onScopeResync ? { onScopeKey: createScopeWatcher(db, journal, options.onScopeResync) } : {}),
  });
  Object.assign(device, {
    name,
    dbName,
    user: options.grant.user,
    db,
    clock,
    journal,
    engine,
    ws: { db, clock, journal, user: options.grant.user },
    async setOnline(online: boolean) {
      device.online = online;
      if (online) await engine.resume();
      else await engine.pause();
    },
    async close() {
      await engine.stop();
      await db.close();
    },
  });
  return device;
}
