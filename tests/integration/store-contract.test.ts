import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionName } from '@domain/collections';
import { removalStub } from '@domain/removal-stub';
import { openStore } from '../../sync-server/store/open-store';
import { openPostgresStore, type PostgresStoreOptions } from '../../sync-server/store/postgres-store';
import type { AccessScope, RecordWrite, Store, StoredRecord } from '../../sync-server/store/store';
import { getTestPostgresUrl } from './postgres-fixture';

/** One way of getting a store: every test runs against each of these. */
interface StoreUnderTest {
  name: string;
  /** A new, empty location; each open() of it reaches the same data. */
  newLocation(): Promise<string>;
  open(location: string): Promise<Store>;
  /** Data outlives close(). */
  persistent: boolean;
  /** Several store instances (as in several processes) can share one location. */
  shared: boolean;
  /** Overwrites the store's schema_version, to play a database written by a newer server. */
  setSchemaVersion?(location: string, version: number): Promise<void>;
}

const ALL: AccessScope = { kind: 'all' };

let sqliteDir = '';
beforeAll(() => {
  sqliteDir = mkdtempSync(join(tmpdir(), 'outpost-store-'));
});
afterAll(() => rmSync(sqliteDir, { recursive: true, force: true }));

let sqliteFiles = 0;
const sqliteFile: StoreUnderTest = {
  name: 'SQLite file',
  // A nested directory that does not exist yet: openStore creates it.
  newLocation: async () => `sqlite:${join(sqliteDir, String(++sqliteFiles), 'outpost.db')}`,
  open: (location) => openStore(location),
  persistent: true,
  shared: true,
  async setSchemaVersion(location, version) {
    const db = new Database(location.slice('sqlite:'.length));
    db.prepare("UPDATE meta SET value = ? WHERE key = 'schema_version'").run(version);
    // Undo the steps after `version` that changed tables, so reopening replays them as on a real old file.
    if (version < 6) db.exec('ALTER TABLE credentials DROP COLUMN token_version');
    db.close();
  },
};

const sqliteMemory: StoreUnderTest = {
  name: 'SQLite in memory',
  newLocation: async () => 'sqlite::memory:',
  open: (location) => openStore(location),
  persistent: false,
  shared: false,
};

// No safety poll: a cross-instance notification in these tests must come from LISTEN/NOTIFY.
const PG_OPTIONS: PostgresStoreOptions = { pollIntervalMs: 0 };
const postgres: StoreUnderTest = {
  name: 'PostgreSQL',
  newLocation: () => getTestPostgresUrl(),
  open: (location) => openPostgresStore(location, PG_OPTIONS),
  persistent: true,
  shared: true,
  async setSchemaVersion(location, version) {
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    await client.query("UPDATE meta SET value = $1 WHERE key = 'schema_version'", [version]);
    // Undo the steps after `version` that changed tables, so reopening replays them as on a real old database.
    if (version < 6) await client.query('ALTER TABLE credentials DROP COLUMN token_version');
    await client.end();
  },
};

describeStoreContract(sqliteFile);
describeStoreContract(sqliteMemory);
describeStoreContract(postgres);

function describeStoreContract(adapter: StoreUnderTest): void {
  describe(`Store contract: ${adapter.name}`, () => {
    const opened: Store[] = [];
    const open = async (location: string) => {
      const store = await adapter.open(location);
      opened.push(store);
      return store;
    };
    /** A store on a new, empty location, closed after the test. */
    const fresh = async () => {
      const location = await adapter.newLocation();
      return { location, store: await open(location) };
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    it('starts empty, answers ping and reports seq 0', async () => {
      const { store } = await fresh();
      await expect(store.ping()).resolves.toBeUndefined();
      expect(await store.currentSeq()).toBe(0);
      expect(store.kind).toBe(adapter === postgres ? 'postgres' : 'sqlite');
    });

    it('assigns strictly increasing seqs across collections and transactions', async () => {
      const { store } = await fresh();
      const first = await store.transaction((tx) =>
        tx.putRecords([write('contacts', 'c1'), write('deals', 'd1'), write('contacts', 'c2')]),
      );
      const second = await store.transaction((tx) => tx.putRecords([write('leads', 'l1')]));
      expect([...first, ...second].map((r) => r.seq)).toEqual([1, 2, 3, 4]);
      expect(await store.currentSeq()).toBe(4);
    });

    it('replaces a record by collection and id and gives it a new seq', async () => {
      const { store } = await fresh();
      await store.transaction((tx) =>
        tx.putRecords([write('contacts', 'a', { name: 'Ann' }), write('contacts', 'b'), write('deals', 'a')]),
      );
      const [replaced] = await store.transaction((tx) =>
        tx.putRecords([write('contacts', 'a', { name: 'Ann Lee' }, { ownerId: 'u2', deleted: true })]),
      );
      expect(replaced?.seq).toBe(4);

      const found = await store.getRecords('contacts', ['a']);
      expect(found.get('a')).toMatchObject({ seq: 4, ownerId: 'u2', deleted: true, body: { name: 'Ann Lee' } });
      // The same id in another collection is another record, untouched.
      expect((await store.getRecords('deals', ['a'])).get('a')?.seq).toBe(3);

      const page = await store.pull('contacts', 0, 10, ALL);
      expect(page.records.map((r) => [r.id, r.seq])).toEqual([
        ['b', 2],
        ['a', 4],
      ]);
    });

    it('keeps the last version when one transaction writes a record twice', async () => {
      const { store } = await fresh();
      const stored = await store.transaction((tx) =>
        tx.putRecords([write('contacts', 'a', { v: 1 }), write('contacts', 'a', { v: 2 })]),
      );
      expect(stored.map((r) => r.seq)).toEqual([1, 2]);
      expect((await store.getRecords('contacts', ['a'])).get('a')).toMatchObject({ seq: 2, body: { v: 2 } });
      expect((await store.pull('contacts', 0, 10, ALL)).records).toHaveLength(1);
    });

    it('keeps the body exactly as written, key order included', async () => {
      const { store } = await fresh();
      const body = {
        z: 1,
        a: 'ü😀 "quoted" \\ back',
        nested: { y: [1, 2.5, null, true], b: {} },
        n: -0.125,
        big: 2 ** 52,
      };
      const record = write('companies', 'x', body);
      await store.transaction((tx) => tx.putRecords([record]));
      const got = (await store.getRecords('companies', ['x'])).get('x')?.body;
      expect(got).toEqual(record.body);
      expect(JSON.stringify(got)).toBe(JSON.stringify(record.body));
    });

    it('stores a write given as text only, exactly as that text', async () => {
      const { store } = await fresh();
      const text = '{"name":"Ana","id":"t1","tags":["a"]}';
      const { body, ...fields } = write('contacts', 't1');
      void body;
      const [returned] = await store.transaction((tx) => tx.putRecords([{ ...fields, bodyText: text }]));
      expect(returned?.body).toEqual({ name: 'Ana', id: 't1', tags: ['a'] });
      expect((await store.getRecords('contacts', ['t1'])).get('t1')?.body).toEqual({
        name: 'Ana',
        id: 't1',
        tags: ['a'],
      });
      const [pulled] = (await store.pull('contacts', 0, 10, ALL)).records;
      expect(JSON.stringify(pulled?.body)).toBe(text);
      await expect(store.transaction((tx) => tx.putRecords([{ ...fields }]))).rejects.toThrow(/body must be an object/);
    });

    it('getRecords returns only the asked ids of that collection', async () => {
      const { store } = await fresh();
      await store.transaction((tx) =>
        tx.putRecords([write('contacts', 'a'), write('contacts', 'b'), write('contacts', 'c'), write('leads', 'a')]),
      );
      const found = await store.getRecords('contacts', ['a', 'c', 'missing']);
      expect([...found.keys()].sort()).toEqual(['a', 'c']);
      expect(found.get('a')?.collection).toBe('contacts');
      expect((await store.getRecords('contacts', [])).size).toBe(0);
    });

    it('answers concurrent transactions’ reads with their own ids only, each seeing the writes before it', async () => {
      // Under load a group's lookups may share one statement: each transaction must still get
      // exactly the records it asked for, as they stand after the transactions before it.
      const { store } = await fresh();
      await store.transaction((tx) => tx.putRecords([write('contacts', 'shared', { value: 0 }), write('leads', 'x')]));
      const seen = await Promise.all(
        Array.from({ length: 12 }, (_, n) =>
          store.transaction(async (tx) => {
            const found = await tx.getRecords(n % 4 === 3 ? 'leads' : 'contacts', ['shared', `own-${n}`, 'x']);
            await tx.putRecords([write('contacts', `own-${n}`)]);
            if (n % 4 !== 3) {
              const value = Number(found.get('shared')?.body.value);
              await tx.putRecords([write('contacts', 'shared', { value: value + 1 })]);
            }
            return [...found.keys()].sort();
          }),
        ),
      );
      seen.forEach((keys, n) => expect(keys).toEqual(n % 4 === 3 ? ['x'] : ['shared']));
      expect((await store.getRecords('contacts', ['shared'])).get('shared')?.body.value).toBe(9);
    });

    it('lets a transaction read its own writes, which no one else sees before the commit', async () => {
      const { store } = await fresh();
      await store.transaction((tx) => tx.putRecords([write('deals', 'before')]));

      let seenInside: StoredRecord | undefined;
      let signalOpen!: () => void;
      const isOpen = new Promise<void>((resolve) => (signalOpen = resolve));
      // Another request, outside the transaction, reading while the transaction is open.
      const outside = (async () => {
        await isOpen;
        return Promise.all([store.getRecords('deals', ['inside']), store.pull('deals', 0, 10, ALL)]);
      })();

      await expect(
        store.transaction(async (tx) => {
          await tx.putRecords([write('deals', 'inside')]);
          seenInside = (await tx.getRecords('deals', ['inside'])).get('inside');
          signalOpen();
          await delay(30);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');

      expect(seenInside?.seq).toBe(2);
      const [lookedUp, pulled] = await outside;
      expect(lookedUp.size).toBe(0);
      expect(pulled.records.map((r) => r.id)).toEqual(['before']);
      expect(pulled.checkpoint).toBe(1);
    });

    it('rolls back everything when the callback throws, and consumes no seq', async () => {
      const { store } = await fresh();
      await store.transaction((tx) => tx.putRecords([write('contacts', 'kept', { v: 1 })]));
      const committed: number[] = [];
      store.onCommitted((seq) => committed.push(seq));

      const failure = new Error('validation failed half-way');
      await expect(
        store.transaction(async (tx) => {
          await tx.putRecords([write('contacts', 'kept', { v: 2 }), write('deals', 'new-deal')]);
          await tx.putRecords([write('leads', 'new-lead')]);
          throw failure;
        }),
      ).rejects.toBe(failure);

      expect(await store.currentSeq()).toBe(1);
      expect((await store.getRecords('contacts', ['kept'])).get('kept')).toMatchObject({ seq: 1, body: { v: 1 } });
      expect((await store.getRecords('deals', ['new-deal'])).size).toBe(0);
      expect((await store.pull('leads', 0, 10, ALL)).records).toEqual([]);
      expect(committed).toEqual([]);
      // The numbers the failed transaction used are handed out again: no gap at all.
      const [next] = await store.transaction((tx) => tx.putRecords([write('leads', 'after')]));
      expect(next?.seq).toBe(2);
    });

    it('refuses a malformed write and keeps the transaction’s earlier writes out too', async () => {
      const { store } = await fresh();
      await expect(
        store.transaction(async (tx) => {
          await tx.putRecords([write('contacts', 'ok')]);
          await tx.putRecords([{ ...write('contacts', 'bad'), collection: 'nope' as CollectionName }]);
        }),
      ).rejects.toThrow(/unknown collection/);
      expect(await store.currentSeq()).toBe(0);
      expect((await store.getRecords('contacts', ['ok'])).size).toBe(0);
    });

    it('never commits a transaction whose write failed, even if the callback caught the error', async () => {
      const { store } = await fresh();
      const outcome = store.transaction(async (tx) => {
        await tx.putRecords([write('contacts', 'first')]);
        // A body that cannot be stored (JSON has no BigInt), after a record that could.
        const unstorable = [write('contacts', 'ok'), write('contacts', 'bad', { amount: 10n })];
        await tx.putRecords(unstorable).catch(() => undefined);
        await expect(tx.putRecords([write('contacts', 'later')])).rejects.toThrow(/failed earlier/);
        return 'callback finished normally';
      });
      await expect(outcome).rejects.toThrow(/BigInt/);
      expect(await store.currentSeq()).toBe(0);
      expect((await store.getRecords('contacts', ['first', 'ok', 'bad', 'later'])).size).toBe(0);
      // The store itself is fine afterwards.
      const [next] = await store.transaction((tx) => tx.putRecords([write('contacts', 'after')]));
      expect(next?.seq).toBe(1);
    });

    it('refuses a transaction started inside another one instead of waiting for itself', async () => {
      const { store } = await fresh();
      await expect(
        store.transaction(async () => store.transaction(async (tx) => tx.putRecords([write('contacts', 'x')]))),
      ).rejects.toThrow(/inside another transaction/);
      expect(await store.currentSeq()).toBe(0);
    });

    it('refuses a transaction object used after its transaction ended', async () => {
      const { store } = await fresh();
      const leaked = await store.transaction(async (tx) => tx);
      await expect(leaked.putRecords([write('contacts', 'late')])).rejects.toThrow(/already finished/);
    });

    it('pulls in seq order: full pages, then a short page whose checkpoint is the current seq', async () => {
      const { store } = await fresh();
      // 120 contacts interleaved with deals, so contact seqs are not contiguous.
      for (let batch = 0; batch < 4; batch++) {
        await store.transaction((tx) =>
          tx.putRecords(
            Array.from({ length: 30 }, (_, i) => [
              write('contacts', `c${batch * 30 + i}`),
              write('deals', `d${batch}-${i}`),
            ]).flat(),
          ),
        );
      }
      await store.transaction((tx) => tx.putRecords([write('deals', 'tail')]));
      const head = await store.currentSeq();
      expect(head).toBe(241);

      const pages = await pullAll(store, 'contacts', 0, 50, ALL);
      expect(pages.map((p) => p.records.length)).toEqual([50, 50, 20]);
      const seqs = pages.flatMap((p) => p.records.map((r) => r.seq));
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(pages.flatMap((p) => p.records.map((r) => r.id))).size).toBe(120);
      // A full page resumes after its last record, and still tells how far the store has come.
      expect(pages.map((p) => p.head)).toEqual([head, head, head]);
      expect(pages[0]?.checkpoint).toBe(seqs[49]);
      expect(pages[1]?.checkpoint).toBe(seqs[99]);
      expect(pages[2]?.checkpoint).toBe(head);
      // Nothing new: an empty page that keeps the checkpoint where it is.
      expect(await store.pull('contacts', head, 50, ALL)).toEqual({ records: [], checkpoint: head, head });
    });

    it('moves the checkpoint to the current seq when nothing in the collection matches', async () => {
      const { store } = await fresh();
      await store.transaction((tx) => tx.putRecords(Array.from({ length: 10 }, (_, i) => write('deals', `d${i}`))));
      expect(await store.pull('contacts', 0, 50, ALL)).toEqual({ records: [], checkpoint: 10, head: 10 });
      // Also when the scope hides everything, or can match nothing at all.
      const noOne: AccessScope = {
        kind: 'scoped',
        ownerIds: ['u-none'],
        teamIds: [],
        unowned: false,
        openCollections: [],
      };
      expect(await store.pull('deals', 0, 50, noOne)).toEqual({ records: [], checkpoint: 10, head: 10 });
      const nothing: AccessScope = { kind: 'scoped', ownerIds: [], teamIds: [], unowned: false, openCollections: [] };
      expect(await store.pull('deals', 0, 50, nothing)).toEqual({ records: [], checkpoint: 10, head: 10 });
    });

    it('filters a scoped pull inside the query, so pages stay full', async () => {
      const { store } = await fresh();
      // 300 deals; every 3rd is visible, in turn by owner, by team and by having no owner.
      const visible = new Set<string>();
      const records = Array.from({ length: 300 }, (_, i) => {
        const id = `d${String(i).padStart(3, '0')}`;
        if (i % 3 !== 0) return write('deals', id, {}, { ownerId: `other-${i % 7}`, teamId: 'team-other' });
        visible.add(id);
        const kind = (i / 3) % 3;
        if (kind === 0) return write('deals', id, {}, { ownerId: 'me', teamId: 'team-other' });
        if (kind === 1) return write('deals', id, {}, { ownerId: 'colleague', teamId: 'team-mine' });
        return write('deals', id, {}, { ownerId: '', teamId: '' });
      });
      await store.transaction((tx) => tx.putRecords(records));
      const scope: AccessScope = {
        kind: 'scoped',
        ownerIds: ['me'],
        teamIds: ['team-mine'],
        unowned: true,
        openCollections: ['pipelines'],
      };

      const pages = await pullAll(store, 'deals', 0, 50, scope);
      expect(pages.map((p) => p.records.length)).toEqual([50, 50, 0]);
      expect(new Set(pages.flatMap((p) => p.records.map((r) => r.id)))).toEqual(visible);
      expect(pages[2]?.checkpoint).toBe(300);

      // Without `unowned`, the ownerless third disappears; pages are still full.
      const withoutUnowned = await pullAll(store, 'deals', 0, 20, { ...scope, unowned: false });
      expect(withoutUnowned.map((p) => p.records.length)).toEqual([20, 20, 20, 7]);
      expect(withoutUnowned.flatMap((p) => p.records).every((r) => r.ownerId !== '')).toBe(true);
    });

    it('sends a record that left a scope’s sight as a removal of the last version it saw, with nothing of it', async () => {
      const { store } = await fresh();
      const mine: AccessScope = { kind: 'scoped', ownerIds: ['me'], teamIds: [], unowned: false, openCollections: [] };
      const theirs: AccessScope = { ...mine, ownerIds: ['them'] };
      const v1 = write('deals', 'd1', { title: 'v1' }, { ownerId: 'me', hlc: 'h1' });
      await store.transaction((tx) => tx.putRecords([v1, write('deals', 'd2', {}, { ownerId: 'me' })]));
      const before = await store.pull('deals', 0, 10, mine);
      expect(before.records.map((r) => r.id)).toEqual(['d1', 'd2']);

      // Reassigned to someone else, with the previous access logged in the same write.
      const [moved] = await store.transaction((tx) =>
        tx.putRecords([
          {
            ...write('deals', 'd1', { title: 'v2' }, { ownerId: 'them', hlc: 'h2' }),
            previousAccess: { ownerId: 'me', teamId: '', hlc: 'h1', bodyText: JSON.stringify(v1.body) },
          },
        ]),
      );
      const after = await store.pull('deals', before.checkpoint, 10, mine);
      // The store's removal is the wire's stub (domain/removal-stub.ts) without RxDB's flag.
      const { _deleted, ...stub } = removalStub('deals', 'd1', 'h1');
      expect(after.records).toEqual([
        {
          collection: 'deals',
          id: 'd1',
          seq: moved!.seq,
          hlc: 'h1',
          deleted: true,
          ownerId: '',
          teamId: '',
          body: stub,
        },
      ]);
      expect(after.checkpoint).toBe(moved!.seq);
      // The new owner gets the record itself, never a removal; a whole-store reader too.
      expect((await store.pull('deals', 0, 10, theirs)).records.map((r) => [r.id, r.deleted, r.body.title])).toEqual([
        ['d1', false, 'v2'],
      ]);
      expect((await store.pull('deals', 0, 10, ALL)).records.map((r) => r.id)).toEqual(['d2', 'd1']);

      // Handed back: the device gets the record again after the removal, in seq order; pages of
      // one entry page through removals and records alike.
      await store.transaction((tx) =>
        tx.putRecords([
          {
            ...write('deals', 'd1', { title: 'v3' }, { ownerId: 'me', hlc: 'h3' }),
            previousAccess: { ownerId: 'them', teamId: '', hlc: 'h2', bodyText: '{}' },
          },
        ]),
      );
      const pages = await pullAll(store, 'deals', 0, 1, mine);
      expect(pages.flatMap((p) => p.records.map((r) => [r.id, r.deleted, r.body.title ?? null]))).toEqual([
        ['d2', false, null],
        ['d1', true, stub.title],
        ['d1', false, 'v3'],
      ]);
    });

    it('serves an open collection whole to a scoped reader', async () => {
      const { store } = await fresh();
      await store.transaction((tx) =>
        tx.putRecords([
          write('pipelines', 'p1', {}, { ownerId: 'someone', teamId: 't9' }),
          write('pipelines', 'p2', {}, { ownerId: '', teamId: '' }),
        ]),
      );
      const scope: AccessScope = {
        kind: 'scoped',
        ownerIds: ['me'],
        teamIds: [],
        unowned: false,
        openCollections: ['pipelines'],
      };
      expect((await store.pull('pipelines', 0, 10, scope)).records.map((r) => r.id)).toEqual(['p1', 'p2']);
    });

    it('serializes concurrent transactions: unique seqs, and commit order equals seq order', async () => {
      const { store } = await fresh();
      const announced: number[] = [];
      store.onCommitted((seq) => announced.push(seq));
      const resolvedOrder: number[] = [];

      await Promise.all(
        Array.from({ length: 20 }, async (_, n) => {
          const stored = await store.transaction(async (tx) => {
            await tx.getRecords('activities', [`a${n}`]);
            await delay(n % 3);
            const size = 1 + (n % 3);
            return tx.putRecords(Array.from({ length: size }, (_, i) => write('activities', `a${n}-${i}`)));
          });
          resolvedOrder.push(...stored.map((r) => r.seq));
        }),
      );

      const total = Array.from({ length: 20 }, (_, n) => 1 + (n % 3)).reduce((a, b) => a + b);
      expect(resolvedOrder).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      expect(announced).toEqual([...announced].sort((a, b) => a - b));
      expect(announced.at(-1)).toBe(total);
      expect(announced).toHaveLength(20);
    });

    it('loses no update when each transaction builds on what the ones before it wrote', async () => {
      // Many transactions share each group commit: each increment must still see every earlier
      // one, in its own group or the group before, also across members that fail.
      const { store } = await fresh();
      const increment = (n: number) =>
        store.transaction(async (tx) => {
          const value = Number((await tx.getRecords('contacts', ['counter'])).get('counter')?.body.value ?? 0);
          if (n % 7 === 3) throw new Error('refused');
          await delay(n % 2);
          await tx.putRecords([write('contacts', 'counter', { value: value + 1 })]);
          return value + 1;
        });
      const settled = await Promise.allSettled(Array.from({ length: 60 }, (_, n) => increment(n)));
      const done = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      expect(settled.filter((result) => result.status === 'rejected')).toHaveLength(9);
      expect(done).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
      expect((await store.getRecords('contacts', ['counter'])).get('counter')?.body.value).toBe(51);
      expect(await store.currentSeq()).toBe(51);
    });

    if (adapter.shared) {
      it('loses no update when two instances increment one record at once', async () => {
        const location = await adapter.newLocation();
        const stores = [await open(location), await open(location)];
        const increment = (store: Store) =>
          store.transaction(async (tx) => {
            const value = Number((await tx.getRecords('contacts', ['counter'])).get('counter')?.body.value ?? 0);
            await tx.putRecords([write('contacts', 'counter', { value: value + 1 })]);
          });
        await Promise.all(Array.from({ length: 80 }, (_, n) => increment(stores[n % 2]!)));
        expect((await stores[0]!.getRecords('contacts', ['counter'])).get('counter')?.body.value).toBe(80);
        expect(await stores[1]!.currentSeq()).toBe(80);
      });
    }

    it('a reader polling while writers commit always sees a gap-free prefix', async () => {
      const { location, store } = await fresh();
      // Several instances stand for several server processes writing to one database.
      const writers = adapter.shared ? [store, await open(location), await open(location)] : [store];
      const reader = adapter.shared ? await open(location) : store;
      const total = 60;

      const writing = Promise.all(
        Array.from({ length: total }, (_, n) =>
          writers[n % writers.length]!.transaction(async (tx) => {
            const [stored] = await tx.putRecords([write('activities', `a${n}`)]);
            // Hold the transaction open a little after taking the number, as real pushes do.
            await delay(n % 4);
            return stored;
          }),
        ),
      );

      let writeFailure: unknown;
      writing.catch((error: unknown) => (writeFailure = error));

      let expected = 1;
      let checkpoint = 0;
      const deadline = Date.now() + 30_000;
      while (expected <= total) {
        if (writeFailure) throw writeFailure;
        if (Date.now() > deadline) throw new Error(`reader stuck at seq ${expected}`);
        const page = await reader.pull('activities', checkpoint, 7, ALL);
        for (const record of page.records) expect(record.seq).toBe(expected++);
        // Every record at or below the checkpoint has been seen: nothing can appear behind it later.
        expect(page.checkpoint).toBe(expected - 1);
        checkpoint = page.checkpoint;
        if (page.records.length < 7) await delay(1);
      }
      const stored = await writing;
      expect(new Set(stored.map((r) => r?.seq)).size).toBe(total);
    });

    it('fires onCommitted after the commit with the new highest seq', async () => {
      const { store } = await fresh();
      const announced: number[] = [];
      const visible: Promise<boolean>[] = [];
      const unsubscribe = store.onCommitted((seq) => {
        announced.push(seq);
        // What a listener relies on: a read started now already sees the commit.
        visible.push(store.pull('contacts', 0, 10, ALL).then((page) => page.checkpoint >= seq));
      });
      await store.transaction((tx) => tx.putRecords([write('contacts', 'a'), write('contacts', 'b')]));
      await store.transaction((tx) => tx.getRecords('contacts', ['a'])); // reads only: no announcement
      await store.transaction((tx) => tx.putRecords([write('deals', 'c')]));
      expect(announced).toEqual([2, 3]);
      expect(await Promise.all(visible)).toEqual([true, true]);

      unsubscribe();
      await store.transaction((tx) => tx.putRecords([write('deals', 'd')]));
      await delay(20);
      expect(announced).toEqual([2, 3]);
    });

    it('close() waits for the transaction in flight and refuses new ones', async () => {
      const { location, store } = await fresh();
      const inFlight = store.transaction(async (tx) => {
        await delay(50);
        return tx.putRecords([write('contacts', 'late-but-kept')]);
      });
      await delay(5);
      await store.close();
      await expect(inFlight).resolves.toHaveLength(1);
      await expect(store.transaction(async () => undefined)).rejects.toThrow(/closed/);
      await expect(store.close()).resolves.toBeUndefined();
      if (adapter.persistent) {
        const reopened = await open(location);
        expect((await reopened.getRecords('contacts', ['late-but-kept'])).size).toBe(1);
      }
    });

    if (adapter.persistent) {
      it('keeps its data and its sequence across close and reopen', async () => {
        const { location, store } = await fresh();
        await store.transaction((tx) => tx.putRecords([write('companies', 'acme', { name: 'Acme' })]));
        await store.close();

        const reopened = await open(location);
        expect(await reopened.currentSeq()).toBe(1);
        expect((await reopened.getRecords('companies', ['acme'])).get('acme')?.body).toEqual({
          id: 'acme',
          name: 'Acme',
        });
        const [next] = await reopened.transaction((tx) => tx.putRecords([write('companies', 'globex')]));
        expect(next?.seq).toBe(2);
      });
    }

    if (adapter.shared) {
      it('opens concurrently on a new location: the schema is created once', async () => {
        const location = await adapter.newLocation();
        const stores = await Promise.all([open(location), open(location), open(location)]);
        await stores[0]!.transaction((tx) => tx.putRecords([write('contacts', 'a')]));
        for (const store of stores) expect(await store.currentSeq()).toBe(1);
      });
    }

    const setSchemaVersion = adapter.setSchemaVersion;
    if (setSchemaVersion) {
      it('refuses a database written by a newer server', async () => {
        const { location, store } = await fresh();
        await store.close();
        await setSchemaVersion(location, 999);
        await expect(adapter.open(location)).rejects.toThrow(/schema version 999, newer than this server/);
      });

      it('gives leads stored before they said what they want an empty one, in place and without a new seq', async () => {
        const { location, store } = await fresh();
        const oldLead = { firstName: 'Ana', lastName: 'Ruiz', companyName: 'Núñez Foods', tags: ['vip'] };
        await store.transaction((tx) =>
          tx.putRecords([
            write('leads', 'l1', oldLead),
            write('leads', 'l2', { ...oldLead, interest: 'Pilot for two warehouses' }),
            write('contacts', 'c1', { firstName: 'Ana' }),
          ]),
        );
        await store.close();
        // The store as it was before the step that gave leads `interest` (version 5).
        await setSchemaVersion(location, 4);
        const reopened = await open(location);
        const leads = await reopened.getRecords('leads', ['l1', 'l2']);
        expect(leads.get('l1')).toMatchObject({ seq: 1, body: { id: 'l1', ...oldLead, interest: '' } });
        expect(leads.get('l2')).toMatchObject({ seq: 2, body: { interest: 'Pilot for two warehouses' } });
        expect((await reopened.getRecords('contacts', ['c1'])).get('c1')?.body).toEqual({ id: 'c1', firstName: 'Ana' });
        expect(await reopened.currentSeq()).toBe(3);
      });
    }
  });
}

describe('PostgreSQL store across processes', () => {
  const opened: Store[] = [];
  const open = async (url: string, options: PostgresStoreOptions = PG_OPTIONS) => {
    const store = await openPostgresStore(url, options);
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  it('a commit in one instance fires onCommitted in another (LISTEN/NOTIFY)', async () => {
    const url = await getTestPostgresUrl();
    const [a, b] = [await open(url), await open(url)];
    const heardByB: number[] = [];
    b.onCommitted((seq) => heardByB.push(seq));

    await a.transaction((tx) => tx.putRecords([write('deals', 'x')]));
    await waitFor(() => heardByB.includes(1));
    // A burst is coalesced: B may hear fewer notifications, but always the last seq, in order.
    for (let i = 0; i < 10; i++) await a.transaction((tx) => tx.putRecords([write('deals', `y${i}`)]));
    await waitFor(() => heardByB.at(-1) === 11);
    expect(heardByB).toEqual([...heardByB].sort((x, y) => x - y));
    expect(new Set(heardByB).size).toBe(heardByB.length);
  });

  it('re-listens after its LISTEN connection drops and catches up on what it missed', async () => {
    const url = await getTestPostgresUrl();
    const [a, b] = [await open(url), await open(url)];
    const heardByB: number[] = [];
    b.onCommitted((seq) => heardByB.push(seq));

    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      // Kill every LISTEN connection; a commit made while B is away must still reach it.
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'",
      );
      await a.transaction((tx) => tx.putRecords([write('deals', 'while-away')]));
      await waitFor(() => heardByB.includes(1), 10_000);
      await a.transaction((tx) => tx.putRecords([write('deals', 'after')]));
      await waitFor(() => heardByB.includes(2), 10_000);
    } finally {
      await admin.end();
    }
  });

  it('a slow poll of the head covers a notification that never came', async () => {
    const url = await getTestPostgresUrl();
    // Different channels: B can only learn of A's commit by polling.
    const a = await open(url, { pollIntervalMs: 0, channel: 'outpost_seq_a' });
    const b = await open(url, { pollIntervalMs: 50, channel: 'outpost_seq_b' });
    const heardByB: number[] = [];
    b.onCommitted((seq) => heardByB.push(seq));
    await a.transaction((tx) => tx.putRecords([write('deals', 'x')]));
    await waitFor(() => heardByB.includes(1));
  });
});

function write(
  collection: CollectionName,
  id: string,
  body: Record<string, unknown> = {},
  extra: Partial<Pick<RecordWrite, 'ownerId' | 'teamId' | 'deleted' | 'hlc'>> = {},
): RecordWrite {
  return {
    collection,
    id,
    hlc: extra.hlc ?? `hlc-${id}`,
    deleted: extra.deleted ?? false,
    ownerId: extra.ownerId ?? '',
    teamId: extra.teamId ?? '',
    body: { id, ...body },
  };
}

/** Pulls until a short page, the way RxDB does. */
async function pullAll(store: Store, collection: CollectionName, afterSeq: number, limit: number, scope: AccessScope) {
  const pages = [];
  for (let checkpoint = afterSeq; ;) {
    const page = await store.pull(collection, checkpoint, limit, scope);
    pages.push(page);
    checkpoint = page.checkpoint;
    if (page.records.length < limit) return pages;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await delay(5);
  }
}
