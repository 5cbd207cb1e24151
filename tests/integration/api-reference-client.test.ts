import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../sync-server/server';
import { openStore } from '../../sync-server/store/open-store';
import type { Store } from '../../sync-server/store/store';

/**
 * A third party's client, written from docs/api.md alone: below the server's start-up, nothing of
 * Outpost is imported. It reads the reference's JSON examples, its fixed ids and its permission
 * tables, and makes ids, clocks, derived keys and merges by the rules the reference states. Every
 * request must be answered as documented on its first try: when one is not, the reference is wrong.
 */

type Doc = Record<string, unknown> & { id: string; hlc: string; clocks: Record<string, string> };
type Json = Record<string, unknown>;

const reference = readFileSync(fileURLToPath(new URL('../../docs/api.md', import.meta.url)), 'utf8');

// ---- What the reference says --------------------------------------------------------------------

const examples = new Map(
  [...reference.matchAll(/<!-- example: (.+?) -->\n\n```json\n([\s\S]*?)\n```/g)].map((m) => [
    m[1]!,
    JSON.parse(m[2]!) as unknown,
  ]),
);
function example<T = Json>(name: string): T {
  if (!examples.has(name)) throw new Error(`docs/api.md has no example "${name}"`);
  return structuredClone(examples.get(name)) as T;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** "Fixed ids": records every server has under the same id. */
const fixedIds = new Set(
  [...(/Fixed ids:[\s\S]*?\n\n/.exec(reference)?.[0] ?? '').matchAll(/`([0-9a-f-]{36})`/g)].map((m) => m[1]!),
);
const exampleIds = example<{ user: string; team: string }>('example-ids');

const collectionsSection = reference.slice(reference.indexOf('\n## Collections\n'));
const collectionNames = [...collectionsSection.matchAll(/^### (\w+)$/gm)].map((m) => m[1]!);
const collectionText = (name: string) => {
  const start = collectionsSection.indexOf(`\n### ${name}\n`);
  const end = collectionsSection.indexOf('\n### ', start + 5);
  return collectionsSection.slice(start, end < 0 ? undefined : end);
};
/** The Sales Manager's row of a collection's permission table: action → reach. */
function managerReach(collection: string): Record<string, string> {
  const text = collectionText(collection);
  const head = /^\| role \|(.*)\|$/m
    .exec(text)![1]!
    .split('|')
    .map((s) => s.trim());
  const row = /^\| SALES_MANAGER \|(.*)\|$/m
    .exec(text)![1]!
    .split('|')
    .map((s) => s.trim());
  return Object.fromEntries(head.map((action, i) => [action, row[i]!]));
}
const isAppendOnly = (collection: string) => collectionText(collection).includes('; append-only.');

/** "Derived keys": which key each collection computes from which fields. */
const DERIVED: Record<string, [string, (d: Json) => string, number]> = {
  companies: ['nameKey', (d) => `${d.name}`, 200],
  contacts: ['nameKey', (d) => `${d.lastName} ${d.firstName}`, 201],
  leads: ['nameKey', (d) => `${d.lastName} ${d.firstName}`, 201],
  deals: ['titleKey', (d) => `${d.title}`, 200],
};
const searchKey = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
function withDerivedKey(collection: string, doc: Doc): Doc {
  const derived = DERIVED[collection];
  if (!derived) return doc;
  const [key, source, max] = derived;
  return { ...doc, [key]: searchKey(source(doc)).slice(0, max) };
}
/** "Versions and clocks": fields that never carry a clock and never merge. */
const UNCLOCKED = new Set(['id', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'hlc', 'clocks', 'lostEdits']);

// ---- Ids and clocks, as "Conventions" says to make them -----------------------------------------

function uuidv7(ms = Date.now()): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  for (let i = 0; i < 6; i++) b[i] = Math.floor(ms / 2 ** (8 * (5 - i))) & 0xff;
  b[6] = 0x70 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

class Clock {
  private last = { ms: 0, counter: 0 };
  constructor(readonly node: string) {}
  tick(): string {
    const now = Date.now();
    this.last = now > this.last.ms ? { ms: now, counter: 0 } : { ms: this.last.ms, counter: this.last.counter + 1 };
    return `${String(this.last.ms).padStart(15, '0')}-${String(this.last.counter).padStart(5, '0')}-${this.node}`;
  }
  receive(hlc: string): void {
    const [ms, counter] = hlc.split('-').map(Number) as [number, number];
    if (ms > this.last.ms || (ms === this.last.ms && counter > this.last.counter)) this.last = { ms, counter };
  }
}

/** An edit: one fresh clock for every field whose value changes (Conventions, "Editing fields"). */
function edit(collection: string, doc: Doc, patch: Json, clock: Clock, userId: string): Doc {
  const c = clock.tick();
  const clocks = { ...doc.clocks };
  for (const [field, value] of Object.entries(patch)) {
    if (JSON.stringify(doc[field]) !== JSON.stringify(value)) clocks[field] = c;
  }
  const { _deleted, ...rest } = doc;
  void _deleted;
  return withDerivedKey(collection, {
    ...rest,
    ...patch,
    clocks,
    hlc: c,
    updatedAt: new Date().toISOString(),
    updatedBy: userId,
  } as Doc);
}

/** "Conflicts: the merge a client must do". Null: adopt the server's document, nothing to push. */
function merge(collection: string, mine: Doc, theirs: Doc, assumed: Doc | null, clock: Clock): Doc | null {
  clock.receive(theirs.hlc);
  if (theirs._deleted || isAppendOnly(collection)) return null;
  const derivedKey = DERIVED[collection]?.[0];
  const merged: Doc = { ...theirs };
  const clocks = { ...theirs.clocks };
  const beaten: { field: string; clock: string }[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  let differs = false;
  for (const field of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
    if (UNCLOCKED.has(field) || field === derivedKey || field.startsWith('_')) continue;
    const cm = mine.clocks[field] ?? '';
    const ct = theirs.clocks[field] ?? '';
    const mineWins = cm > ct || (cm === ct && JSON.stringify(mine[field]) > JSON.stringify(theirs[field]));
    if (!mineWins) continue;
    if (cm !== ct || !same(mine[field], theirs[field])) differs = true;
    const seen = assumed ? ct <= (assumed.clocks[field] ?? '') : false;
    const node = (hlc: string) => hlc.split('-')[2];
    if (ct && !same(mine[field], theirs[field]) && !seen && node(ct) !== node(cm)) beaten.push({ field, clock: ct });
    merged[field] = mine[field];
    if (cm) clocks[field] = cm;
  }
  if (!differs) return null;
  const byKey = new Map<string, { field: string; clock: string }>();
  for (const e of [
    ...((mine.lostEdits as typeof beaten) ?? []),
    ...((theirs.lostEdits as typeof beaten) ?? []),
    ...beaten,
  ])
    byKey.set(`${e.clock}|${e.field}`, e);
  const lost = [...byKey.values()]
    .sort((a, b) => (a.clock < b.clock ? 1 : a.clock > b.clock ? -1 : a.field < b.field ? -1 : 1))
    .slice(0, 20);
  if (lost.length) merged.lostEdits = lost;
  else delete merged.lostEdits;
  const mineLater = (mine.updatedAt as string) > (theirs.updatedAt as string);
  delete merged._deleted;
  return withDerivedKey(collection, {
    ...merged,
    clocks,
    hlc: clock.tick(),
    updatedAt: mineLater ? mine.updatedAt : theirs.updatedAt,
    updatedBy: mineLater ? mine.updatedBy : theirs.updatedBy,
  } as Doc);
}

// ---- HTTP, as "Overview" says -------------------------------------------------------------------

interface Answer<T = Json> {
  status: number;
  body: T;
}
let baseUrl = '';
let accessToken = '';

async function call<T = Json>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** The same members as the documented example, recursively for objects. */
function expectShapeOf(value: unknown, documented: unknown, at = 'answer'): void {
  if (documented === null || typeof documented !== 'object' || Array.isArray(documented)) return;
  expect(value, at).toBeTypeOf('object');
  expect(Object.keys(value as Json).sort(), at).toEqual(Object.keys(documented).sort());
  for (const [key, inner] of Object.entries(documented)) expectShapeOf((value as Json)[key], inner, `${at}.${key}`);
}

interface PushAnswer {
  conflicts: Doc[];
  rejected: { id: string; code: string; message: string; master: Doc | null }[];
}

async function push(collection: string, newDoc: Doc, assumed: Doc | null): Promise<PushAnswer> {
  const answer = await call<PushAnswer>('POST', `/sync/${collection}/push`, {
    rows: [{ newDocumentState: { ...newDoc, _deleted: false }, assumedMasterState: assumed }],
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  expectShapeOf(
    { ...answer.body, rejected: {} },
    { ...example<Json>('POST /sync/:collection/push response 200'), rejected: {} },
  );
  return answer.body;
}

async function pullOne(collection: string, id: string): Promise<Doc> {
  const answer = await call<{ documents: Doc[] }>('GET', `/sync/${collection}/pull?checkpoint=0&limit=1000`);
  expect(answer.status).toBe(200);
  expectShapeOf(answer.body, example<Json>('GET /sync/:collection/pull response 200'));
  const found = answer.body.documents.find((d) => d.id === id);
  expect(found, `${collection} ${id} pulled back`).toBeDefined();
  expect(found!._deleted).toBe(false);
  return found!;
}

// ---- The scenario -------------------------------------------------------------------------------

/** Two edits made from the same version on two devices: A's fields, then B's, each by field. */
const EDITS: Record<string, { a: Json; b: Json }> = {
  companies: {
    a: { industry: 'Cold-chain logistics', notes: 'From device A' },
    b: { phone: '+56 2 2345 0000', notes: 'From device B' },
  },
  contacts: { a: { title: 'COO', lastName: 'Núñez' }, b: { mobile: '+56 9 1111 2222', lastName: 'Núñez Soto' } },
  leads: {
    a: { interest: 'Three plants now', lastName: 'Álvarez Rojas' },
    b: { phone: '+56 71 245 0000', lastName: 'Álvarez Ruiz' },
  },
  deals: {
    a: { probability: 40, title: 'Andes — pilot' },
    b: { expectedCloseDate: '2025-09-30', title: 'Andes — full rollout' },
  },
  activities: {
    a: { body: 'Sent the quote', subject: 'Quote sent' },
    b: { durationSeconds: 900, subject: 'Quote discussed' },
  },
  pipelines: { a: { position: 2, name: 'Renewals 2025' }, b: { currency: 'EUR', name: 'Renewals EU' } },
  saved_views: {
    a: { density: 'compact', name: 'Big open deals' },
    b: { position: 3, name: 'Open deals, largest first' },
  },
  users: { a: { avatarHue: 120, name: 'Diego F.' }, b: { locale: 'es', name: 'Diego Fuentes Soto' } },
  settings: {
    a: { items: [{ key: 'enterprise', label: 'Enterprise', retired: false }] },
    b: { items: [{ key: 'smb', label: 'Small business', retired: false }] },
  },
  stage_changes: { a: { toStatus: 'WON' }, b: { toStatus: 'LOST' } },
};

describe('a client written from docs/api.md alone', () => {
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  let me: { id: string; teamId: string };
  const fresh = new Map<string, string>();
  const deviceA = new Clock('deva');
  const deviceB = new Clock('devb');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'outpost-api-client-'));
    store = await openStore(`sqlite:${join(dir, 'outpost.db')}`);
    app = await buildServer({ store, logger: false, auth: { mode: 'team', passwordCost: { N: 1024, r: 1, p: 1 } } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A documented example made this client's own: its user, fresh ids for every record it names. */
  function own<T>(value: T): T {
    if (typeof value === 'string' && UUID.test(value)) {
      if (value === exampleIds.user) return me.id as T;
      if (fixedIds.has(value)) return value;
      if (!fresh.has(value)) fresh.set(value, uuidv7());
      return fresh.get(value) as T;
    }
    if (Array.isArray(value)) return value.map(own) as T;
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, own(v)])) as T;
    }
    return value;
  }

  it('sets the team up and signs in as its Sales Manager', async () => {
    const status = await call('GET', '/auth/status');
    expect(status).toEqual({ status: 200, body: example<Json>('GET /auth/status response 200') });
    const setup = await call<{ user: { id: string; teamId: string }; accessToken: string }>(
      'POST',
      '/auth/setup',
      example('POST /auth/setup request'),
    );
    expect(setup.status).toBe(200);
    expectShapeOf(setup.body, example('POST /auth/setup response 200'));
    accessToken = setup.body.accessToken;
    me = setup.body.user;
    const who = await call('GET', '/auth/me');
    expect(who).toEqual({ status: 200, body: setup.body.user });
    expect(me.teamId).toBe(exampleIds.team);
  });

  it('finds every collection the Sales Manager may write in the reference', () => {
    const writable = collectionNames.filter((c) => {
      const reach = managerReach(c);
      return reach.create !== '—' || reach.update !== '—';
    });
    expect(writable.sort()).toEqual(Object.keys(EDITS).sort());
  });

  it.each(Object.keys(EDITS))(
    'writes the documented %s example, reads it back, and resolves a conflict by the documented merge',
    async (collection) => {
      const now = new Date().toISOString();
      const documented = own(example<Doc>(collection));
      let created: Doc;
      if (collection === 'users') {
        // "Profiles are created by the server": through POST /admin/users, as documented.
        const request = example('POST /admin/users request');
        const added = await call<{ id: string }>('POST', '/admin/users', request);
        expect(added.status).toBe(201);
        expectShapeOf(added.body, example('POST /admin/users response 201'));
        created = await pullOne(collection, added.body.id);
      } else if (fixedIds.has(documented.id)) {
        // A list every server has under a fixed id: the example is an edit of it.
        const stored = await pullOne(collection, documented.id);
        deviceA.receive(stored.hlc);
        const edited = edit(collection, stored, { items: documented.items }, deviceA, me.id);
        expect(await push(collection, edited, stored)).toEqual({ conflicts: [], rejected: [] });
        created = edited;
      } else {
        created = withDerivedKey(collection, {
          ...documented,
          hlc: deviceA.tick(),
          clocks: {},
          createdAt: now,
          updatedAt: now,
          createdBy: me.id,
          updatedBy: me.id,
        });
        expect(await push(collection, created, null)).toEqual({ conflicts: [], rejected: [] });
      }
      const v1 = await pullOne(collection, created.id);
      const { _deleted, ...pulled } = v1;
      void _deleted;
      if (collection !== 'users') expect(pulled).toEqual(created);

      const { a, b } = EDITS[collection]!;
      const byA = edit(collection, v1, a, deviceA, me.id);
      const byB = edit(collection, v1, b, deviceB, me.id);

      if (isAppendOnly(collection)) {
        // "Written once, never edited": the edit is refused, and a stale push is a conflict to adopt.
        const refused = await push(collection, byA, v1);
        expect(refused.conflicts).toEqual([]);
        expect(refused.rejected.map((r) => [r.code, r.master])).toEqual([['record.appendOnly', v1]]);
        const stale = await push(collection, byB, null);
        expect(stale).toEqual({ conflicts: [v1], rejected: [] });
        expect(merge(collection, byB, stale.conflicts[0]!, null, deviceB)).toBeNull();
        expect(await pullOne(collection, created.id)).toEqual(v1);
        return;
      }

      expect(await push(collection, byA, v1)).toEqual({ conflicts: [], rejected: [] });
      const answer = await push(collection, byB, v1);
      expect(answer.rejected).toEqual([]);
      expect(answer.conflicts).toHaveLength(1);
      const theirs = answer.conflicts[0]!;
      expect(theirs.hlc).toBe(byA.hlc);
      const merged = merge(collection, byB, theirs, v1, deviceB);
      expect(merged).not.toBeNull();
      expect(await push(collection, merged!, theirs)).toEqual({ conflicts: [], rejected: [] });

      const final = await pullOne(collection, created.id);
      const shared = Object.keys(a).filter((field) => field in b);
      for (const [field, value] of Object.entries(a)) if (!shared.includes(field)) expect(final[field]).toEqual(value);
      for (const [field, value] of Object.entries(b)) expect(final[field]).toEqual(value);
      // The field both edited went to B, the later edit; A's lost edit is written down for its author.
      expect(final.lostEdits).toEqual(shared.map((field) => ({ field, clock: byA.clocks[field] })));
      const derived = DERIVED[collection];
      if (derived) expect(final[derived[0]]).toBe(searchKey(derived[1](final)).slice(0, derived[2]));
    },
  );
});
