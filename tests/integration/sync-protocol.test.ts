import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollectionName } from '../../domain/collections';
import { removalStub } from '../../domain/removal-stub';
import type { PushRejection, PushRow, SyncDocument } from '../../domain/sync-protocol';
import type { StoredRecord } from '../../sync-server/store/store';
import { callBody, contactBody, dealBody } from '../support/record-bodies';
import {
  changed,
  created,
  httpCall,
  leadBody,
  openEventStream,
  ownerSession,
  pull,
  push,
  pushAccepted,
  rawRequest,
  RecordFactory,
  savedViewBody,
  stageChangeBody,
} from '../support/protocol-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { SERVER_TARGETS, type ServerTarget } from './server-targets';

const MINUTE = 60_000;

for (const target of SERVER_TARGETS) describeProtocol(target);

function describeProtocol(target: ServerTarget) {
  describe(`sync protocol over HTTP — ${target.name}`, () => {
    let server: TestServer;
    const device = new RecordFactory('protocol');

    beforeAll(async () => {
      server = await startTestServer({ dbUrl: await target.newDbUrl() });
    });
    afterAll(async () => {
      await server?.close();
    });

    const seq = () => server.store.currentSeq();
    const stored = async (collection: CollectionName, id: string): Promise<StoredRecord | undefined> =>
      (await server.store.getRecords(collection, [id])).get(id);
    /** Creates records through the API and returns them as the server now holds them. */
    const seed = async <C extends CollectionName>(collection: C, ...docs: SyncDocument<C>[]) => {
      await pushAccepted(
        server.url,
        collection,
        docs.map((doc) => created(doc as SyncDocument)),
      );
      return docs;
    };

    it('pulls in seq order: full pages end at their last record, a short page at the head', async () => {
      const from = await seq();
      const deals = Array.from({ length: 7 }, (_, i) => device.create('deals', dealBody({ title: `Paged deal ${i}` })));
      await seed('deals', ...deals.slice(0, 3));
      // Another collection's write in between: a gap in the deals' seqs, pages must still be full.
      await seed('contacts', device.create('contacts', contactBody()));
      await seed('deals', ...deals.slice(3, 5));
      await seed('deals', ...deals.slice(5));
      const seqOf = async (doc: SyncDocument) => (await stored('deals', doc.id))!.seq;

      const first = await pull(server.url, 'deals', from, 3);
      expect(first.documents.map((d) => d.id)).toEqual(deals.slice(0, 3).map((d) => d.id));
      expect(first.checkpoint.seq).toBe(await seqOf(deals[2]!));

      const second = await pull(server.url, 'deals', first.checkpoint.seq, 3);
      expect(second.documents.map((d) => d.id)).toEqual(deals.slice(3, 6).map((d) => d.id));
      expect(second.checkpoint.seq).toBe(await seqOf(deals[5]!));

      const head = await seq();
      const last = await pull(server.url, 'deals', second.checkpoint.seq, 3);
      expect(last.documents.map((d) => d.id)).toEqual([deals[6]!.id]);
      expect(last.checkpoint.seq).toBe(head);
      expect(last.serverSeq).toBe(head);

      const seqs = await Promise.all(deals.map(seqOf));
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect((await pull(server.url, 'deals', last.checkpoint.seq, 3)).documents).toEqual([]);
    });

    it('advances the checkpoint to the head even when nothing in the collection changed', async () => {
      const before = await pull(server.url, 'activities', await seq(), 100);
      expect(before.documents).toEqual([]);
      await seed('contacts', device.create('contacts', contactBody({ firstName: 'Ana' })));
      await seed('deals', device.create('deals', dealBody()));

      const after = await pull(server.url, 'activities', before.checkpoint.seq, 100);
      expect(after.documents).toEqual([]);
      expect(after.checkpoint.seq).toBe(await seq());
      expect(after.checkpoint.seq).toBe(before.checkpoint.seq + 2);
    });

    it('returns a pushed new record on the next pull exactly as it was pushed', async () => {
      const from = await seq();
      const deal = device.create('deals', dealBody({ title: 'Névé Outfitters — “winter” order', notes: 'ß∑😀' }));
      const answer = await push(server.url, 'deals', [created(deal)]);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ conflicts: [], rejected: [] });

      const page = await pull(server.url, 'deals', from);
      expect(page.documents).toEqual([deal]);
      expect(await seq()).toBe(from + 1);
    });

    it('is idempotent: replaying a push changes nothing and answers without conflicts or rejections', async () => {
      const [deal] = await seed('deals', device.create('deals', dealBody()));
      const edited = device.edit('deals', deal!, { title: 'Renamed once' });
      const batch: PushRow[] = [
        created(device.create('deals', dealBody({ title: 'New in batch' }))),
        changed(edited, deal!),
      ];

      const first = await push(server.url, 'deals', batch);
      expect(first.body).toEqual({ conflicts: [], rejected: [] });
      const afterFirst = await seq();
      const storedAfterFirst = await stored('deals', edited.id);

      for (let replay = 0; replay < 2; replay++) {
        const again = await push(server.url, 'deals', batch);
        expect(again.status).toBe(200);
        expect(again.body).toEqual({ conflicts: [], rejected: [] });
      }
      expect(await seq()).toBe(afterFirst);
      expect(await stored('deals', edited.id)).toEqual(storedAfterFirst);
    });

    it('answers a push from a stale assumed state with a conflict carrying the server’s current document', async () => {
      const [deal] = await seed('deals', device.create('deals', dealBody()));
      const other = new RecordFactory('other');
      const theirs = other.edit('deals', deal!, { title: 'Edited on the other device' });
      await pushAccepted(server.url, 'deals', [changed(theirs, deal!)]);
      const before = await seq();

      const mine = device.edit('deals', deal!, { value: { amount: 7_700_000, currency: 'USD' } });
      const answer = await push(server.url, 'deals', [changed(mine, deal!)]);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ conflicts: [theirs], rejected: [] });
      expect(await seq()).toBe(before);
      expect((await stored('deals', deal!.id))?.body).toEqual(stripDeleted(theirs));
    });

    it('answers every row of a mixed batch and writes only the valid ones', async () => {
      const [fresh, racing] = await seed(
        'leads',
        device.create('leads', leadBody({ firstName: 'Fresh' })),
        device.create('leads', leadBody({ firstName: 'Racing' })),
      );
      const racedBy = new RecordFactory('racer').edit('leads', racing!, { notes: 'called back' });
      await pushAccepted(server.url, 'leads', [changed(racedBy, racing!)]);
      const before = await seq();

      const valid = device.create('leads', leadBody({ firstName: 'Valid' }));
      const invalid = { ...device.create('leads', leadBody()), email: 'not an email' };
      const forbidden = device.edit('leads', fresh!, {
        status: 'CONVERTED',
        convertedDealId: '0190bbbb-0000-7000-8000-000000000001',
        contactId: '0190bbbb-0000-7000-8000-000000000002',
        convertedAt: '2026-11-03T10:00:00.000Z',
      });
      const stale = device.edit('leads', racing!, { title: 'CFO' });

      const answer = await push(server.url, 'leads', [
        created(valid),
        created(invalid),
        changed(forbidden, fresh!),
        changed(stale, racing!),
      ]);
      expect(answer.status).toBe(200);
      expect(answer.body.conflicts).toEqual([racedBy]);
      expect(answer.body.rejected).toEqual([
        expect.objectContaining({ id: invalid.id, code: 'schema.invalid', master: null }),
        expect.objectContaining({ id: fresh!.id, code: 'lead.convertNotQualified', master: fresh }),
      ]);
      expect(answer.body.rejected[0]!.message).toMatch(/email/);

      expect(await seq()).toBe(before + 1);
      expect((await stored('leads', valid.id))?.body).toEqual(stripDeleted(valid));
      expect(await stored('leads', invalid.id)).toBeUndefined();
      expect((await stored('leads', fresh!.id))?.body).toEqual(stripDeleted(fresh!));
      expect((await stored('leads', racing!.id))?.body).toEqual(stripDeleted(racedBy));
    });

    describe('refuses writes the domain forbids, with their error code, writing nothing', () => {
      interface ForbiddenCase {
        name: string;
        code: PushRejection['code'];
        params?: Record<string, string | number>;
        /** Seeds what the bad write builds on and returns it with the bad write. */
        build(): Promise<{ collection: CollectionName; before: SyncDocument; bad: SyncDocument }>;
      }
      const cases: ForbiddenCase[] = [
        {
          name: 'a NEW lead converted without being qualified',
          code: 'lead.convertNotQualified',
          async build() {
            const [before] = await seed('leads', device.create('leads', leadBody()));
            const bad = device.edit('leads', before!, {
              status: 'CONVERTED',
              convertedDealId: '0190bbbb-0000-7000-8000-000000000011',
              contactId: '0190bbbb-0000-7000-8000-000000000012',
              convertedAt: '2026-11-03T10:00:00.000Z',
            });
            return { collection: 'leads', before: before!, bad };
          },
        },
        {
          name: 'a qualified lead converted without links to its deal and contact',
          code: 'lead.conversionIncomplete',
          async build() {
            const qualified = leadBody({ status: 'QUALIFIED', qualifiedAt: '2026-11-02T10:00:00.000Z' });
            const [before] = await seed('leads', device.create('leads', qualified));
            const bad = device.edit('leads', before!, { status: 'CONVERTED', convertedAt: '2026-11-03T10:00:00.000Z' });
            return { collection: 'leads', before: before!, bad };
          },
        },
        {
          name: 'a deal lost without a reason',
          code: 'deal.lostReasonRequired',
          async build() {
            const [before] = await seed('deals', device.create('deals', dealBody()));
            const bad = device.edit('deals', before!, { status: 'LOST', closedAt: '2026-11-20T10:00:00.000Z' });
            return { collection: 'deals', before: before!, bad };
          },
        },
        {
          name: 'an edit of an append-only stage change',
          code: 'record.appendOnly',
          async build() {
            const dealId = '0190cccc-0000-7000-8000-000000000001';
            const [before] = await seed('stage_changes', device.create('stage_changes', stageChangeBody(dealId)));
            const bad = device.edit('stage_changes', before!, { at: '2026-11-05T09:30:00.000Z' });
            return { collection: 'stage_changes', before: before!, bad };
          },
        },
        {
          name: 'a changed createdAt',
          code: 'record.immutableField',
          params: { field: 'createdAt' },
          async build() {
            const [before] = await seed('deals', device.create('deals', dealBody()));
            const edit = device.edit('deals', before!, { notes: 'backdated' });
            return { collection: 'deals', before: before!, bad: { ...edit, createdAt: '2020-01-01T00:00:00.000Z' } };
          },
        },
      ];

      it.each(cases)('$name → $code', async ({ build, code, params }) => {
        const { collection, before, bad } = await build();
        const seqBefore = await seq();
        const storedBefore = await stored(collection, before.id);

        const answer = await push(server.url, collection, [changed(bad, before)]);
        expect(answer.status).toBe(200);
        expect(answer.body.conflicts).toEqual([]);
        expect(answer.body.rejected).toEqual([
          expect.objectContaining({ id: before.id, code, message: expect.any(String), master: before }),
        ]);
        if (params) expect(answer.body.rejected[0]!.params).toEqual(params);
        expect(await seq()).toBe(seqBefore);
        expect(await stored(collection, before.id)).toEqual(storedBefore);
      });
    });

    it('refuses a hard delete of a deal and keeps it', async () => {
      const [deal] = await seed('deals', device.create('deals', dealBody()));
      const before = await seq();
      const answer = await push(server.url, 'deals', [changed(device.remove(deal!), deal!)]);
      expect(answer.body.rejected).toEqual([
        expect.objectContaining({ id: deal!.id, code: 'record.hardDeleteForbidden', master: deal }),
      ]);
      expect(await seq()).toBe(before);
      expect(await stored('deals', deal!.id)).toMatchObject({ deleted: false, body: stripDeleted(deal!) });
    });

    it('accepts a hard delete of a saved view and hands it to every device as a removal', async () => {
      const [view] = await seed('saved_views', device.create('saved_views', savedViewBody()));
      const before = await seq();
      const removal = device.remove(view!);
      const answer = await push(server.url, 'saved_views', [changed(removal, view!)]);
      expect(answer.body).toEqual({ conflicts: [], rejected: [] });
      expect(await seq()).toBe(before + 1);
      const page = await pull(server.url, 'saved_views', before);
      // A removal carries the id and version alone, like every removal (domain/removal-stub.ts).
      expect(page.documents).toEqual([removalStub('saved_views', removal.id, removal.hlc)]);
    });

    it('rejects a record stamped more than 5 minutes ahead of the server clock with record.clockAhead', async () => {
      const before = await seq();
      const ahead = new RecordFactory('fastclock', () => Date.now() + 6 * MINUTE).create('deals', dealBody());
      const answer = await push(server.url, 'deals', [created(ahead)]);
      expect(answer.body.rejected).toEqual([
        expect.objectContaining({ id: ahead.id, code: 'record.clockAhead', master: null }),
      ]);
      expect(answer.body.rejected[0]!.message).toMatch(/ahead/);
      expect(await seq()).toBe(before);
      expect(await stored('deals', ahead.id)).toBeUndefined();

      // Within the bound it is just a fast clock: accepted.
      const slightlyAhead = new RecordFactory('bitfast', () => Date.now() + 4 * MINUTE).create('deals', dealBody());
      expect((await push(server.url, 'deals', [created(slightlyAhead)])).body).toEqual({ conflicts: [], rejected: [] });
    });

    it('restarts a device from 0 when its checkpoint is beyond the server’s seq (restored from an older backup)', async () => {
      await seed('contacts', device.create('contacts', contactBody({ firstName: 'Restored' })));
      const head = await seq();
      const fromZero = await pull(server.url, 'contacts', 0, 1000);
      const beyond = await pull(server.url, 'contacts', head + 5_000, 1000);
      expect(beyond.documents).toEqual(fromZero.documents);
      expect(beyond.documents.length).toBeGreaterThan(0);
      expect(beyond.checkpoint.seq).toBe(head);
      expect(beyond.serverSeq).toBe(head);
    });

    it('accepts a gzip-compressed push body (Content-Encoding: gzip)', async () => {
      const from = await seq();
      const deals = Array.from({ length: 50 }, (_, i) =>
        device.create('deals', dealBody({ title: `Compressed ${i}`, notes: 'long notes '.repeat(500) })),
      );
      const answer = await push(server.url, 'deals', deals.map(created), { gzip: true });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ conflicts: [], rejected: [] });
      expect((await pull(server.url, 'deals', from)).documents).toEqual(deals);
    });

    it('gzip-compresses a large pull response for a client that accepts gzip, and only then', async () => {
      const from = await seq();
      await seed(
        'activities',
        ...Array.from({ length: 40 }, (_, i) =>
          device.create('activities', callBody('', { subject: `Call ${i}`, body: 'notes '.repeat(50) })),
        ),
      );
      const url = `${server.url}/sync/activities/pull?checkpoint=${from}&limit=100`;
      const gzipped = await rawRequest(url, { headers: { 'Accept-Encoding': 'gzip' } });
      const plain = await rawRequest(url);
      expect(gzipped.status).toBe(200);
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(gzipped.body.length).toBeLessThan(plain.body.length / 4);
      const decoded = JSON.parse(gunzipSync(gzipped.body).toString('utf8')) as { documents: unknown[] };
      expect(decoded).toEqual(JSON.parse(plain.body.toString('utf8')));
      expect(decoded.documents).toHaveLength(40);
    });

    it('pokes stream subscribers: resync on connect, change after a write', async () => {
      const stream = await openEventStream(server.url);
      try {
        expect(stream.status).toBe(200);
        expect(stream.contentType).toMatch(/^text\/event-stream/);
        const hello = await stream.next();
        expect(hello).toEqual({ event: 'resync', data: JSON.stringify({ seq: await seq() }) });
        await seed('deals', device.create('deals', dealBody()));
        const poke = await stream.next();
        expect(poke.event).toBe('change');
        expect((JSON.parse(poke.data) as { seq: number }).seq).toBe(await seq());
      } finally {
        stream.close();
      }
    });

    it('answers /healthz with 200 while the store answers and 503 once it is closed', async () => {
      const own = await startTestServer({ dbUrl: await target.newDbUrl() });
      try {
        // Signing in first writes the owner and the default records (sync-server/auth/user-records.ts).
        await ownerSession(own.url);
        const signedIn = await own.store.currentSeq();
        await pushAccepted(own.url, 'deals', [created(device.create('deals', dealBody()))]);
        const healthy = await httpCall(`${own.url}/healthz`);
        expect(healthy.status).toBe(200);
        expect(healthy.body).toEqual({ status: 'ok', store: target.kind, seq: signedIn + 1 });

        await own.store.close();
        const down = await httpCall(`${own.url}/healthz`);
        expect(down.status).toBe(503);
        expect(down.body).toEqual({ error: { code: 'store.unavailable', message: expect.any(String) } });
        // The change stream says so too, instead of a silent stream a device would wait on forever.
        const stream = await httpCall(`${own.url}/sync/stream`);
        expect(stream.status).toBe(503);
        expect(stream.body).toEqual({ error: { code: 'store.unavailable', message: expect.any(String) } });
      } finally {
        await own.close();
      }
    });
  });
}

function stripDeleted(doc: SyncDocument): Record<string, unknown> {
  const { _deleted, ...body } = doc as SyncDocument & Record<string, unknown>;
  void _deleted;
  return body;
}
