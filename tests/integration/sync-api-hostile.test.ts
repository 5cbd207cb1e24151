import fc from 'fast-check';
import { connect } from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_LIMITS } from '../../domain/sync-protocol';
import { buildServer } from '../../sync-server/server';
import { openStore } from '../../sync-server/store/open-store';
import type { Store } from '../../sync-server/store/store';
import { dealBody } from '../support/record-bodies';
import {
  created,
  httpCall,
  openEventStream,
  ownerAuthorization,
  push,
  RecordFactory,
  type HttpAnswer,
} from '../support/protocol-client';
import { TEST_LOCAL_KEY } from '../support/local-key';
import { startTestServer, TEST_PASSWORD_COST, type TestServer } from '../support/test-server';
import { SERVER_TARGETS, type ServerTarget } from './server-targets';

/**
 * Whatever arrives — broken JSON, wrong types at every level, pollution keys, giant or endless
 * nesting, oversized bodies, odd paths and methods — the server answers with a 4xx in the API's
 * error shape (or per-row rejections), never a 5xx, never a hang, and writes nothing.
 */

type ErrorBody = { error: { code: string; message: string } };

const JSON_TYPE = { 'Content-Type': 'application/json' };
const UUID = '0190dddd-0000-7000-8000-000000000001';
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'polluted', 'isAdmin'];

for (const target of SERVER_TARGETS) describeHostileInput(target);

function describeHostileInput(target: ServerTarget) {
  describe(`sync API under hostile input — ${target.name}`, () => {
    let server: TestServer;
    const device = new RecordFactory('hostile');

    beforeAll(async () => {
      // Through a decoder thread, as the CLI decodes pushes: every hostile body crosses it.
      server = await startTestServer({ dbUrl: await target.newDbUrl(), decoderThreads: 1 });
      // Something to lose: a record that every refused request must leave alone.
      await push(server.url, 'deals', [created(device.create('deals', dealBody({ title: 'Must survive' })))]);
    });
    afterAll(async () => {
      await server?.close();
    });

    const call = (path: string, init: RequestInit = {}) => httpCall<ErrorBody>(`${server.url}${path}`, init);
    const post = (path: string, body: BodyInit, headers: Record<string, string> = JSON_TYPE) =>
      call(path, { method: 'POST', headers, body });

    /** Runs `fn` and checks that the store did not change: same seq, same records. */
    async function writesNothing<T>(fn: () => Promise<T>): Promise<T> {
      const seq = await server.store.currentSeq();
      const deals = await server.store.pull('deals', 0, 1000, { kind: 'all' });
      const result = await fn();
      expect(await server.store.currentSeq()).toBe(seq);
      expect(await server.store.pull('deals', 0, 1000, { kind: 'all' })).toEqual(deals);
      return result;
    }

    function expectApiError(answer: HttpAnswer<ErrorBody>, status: number, code: string) {
      expect({ status: answer.status, code: answer.body?.error?.code }).toEqual({ status, code });
      expect(answer.body.error.message).toEqual(expect.any(String));
      expect(answer.body.error.message.length).toBeGreaterThan(0);
    }

    async function expectAlive() {
      const health = await call('/healthz');
      expect(health.status).toBe(200);
    }

    describe('push bodies that are not a push request are refused whole with 400', () => {
      const cases: { name: string; body: string; code: string }[] = [
        { name: 'malformed JSON', body: '{"rows":[{"newDocumentState":', code: 'request.malformedJson' },
        { name: 'an empty body', body: '', code: 'request.malformedJson' },
        { name: 'a bare string', body: '"rows"', code: 'request.invalid' },
        { name: 'a number', body: '42', code: 'request.invalid' },
        { name: 'null', body: 'null', code: 'request.invalid' },
        { name: 'an array', body: '[{"rows":[]}]', code: 'request.invalid' },
        { name: 'an object without rows', body: '{"docs":[]}', code: 'request.invalid' },
        { name: 'rows as an object', body: '{"rows":{"0":{}}}', code: 'request.invalid' },
        { name: 'rows as null', body: '{"rows":null}', code: 'request.invalid' },
        { name: 'rows of strings', body: '{"rows":["a","b"]}', code: 'request.invalid' },
        { name: 'rows of numbers', body: '{"rows":[1,2,3]}', code: 'request.invalid' },
        { name: 'rows of arrays', body: '{"rows":[[{}]]}', code: 'request.invalid' },
        {
          name: 'a row without assumedMasterState',
          body: '{"rows":[{"newDocumentState":{"id":"x"}}]}',
          code: 'request.invalid',
        },
        {
          name: 'a row without newDocumentState',
          body: '{"rows":[{"assumedMasterState":null}]}',
          code: 'request.invalid',
        },
        ...['[]', '42', 'null', '"doc"', 'true'].map((value) => ({
          name: `newDocumentState ${value}`,
          body: `{"rows":[{"newDocumentState":${value},"assumedMasterState":null}]}`,
          code: 'request.invalid',
        })),
        ...['[]', '[{}]', '{"__proto__":{}}'].map((value) => ({
          name: `assumedMasterState ${value}`,
          body: `{"rows":[{"newDocumentState":{"id":"${UUID}"},"assumedMasterState":${value}}]}`,
          code: value.includes('__proto__') ? 'request.malformedJson' : 'request.invalid',
        })),
      ];
      it.each(cases)('$name → $code', async ({ body, code }) => {
        const answer = await writesNothing(() => post('/sync/deals/push', body));
        expectApiError(answer, 400, code);
      });
    });

    it('refuses prototype-pollution keys at every level and leaves Object.prototype alone', async () => {
      const doc = JSON.stringify(device.create('deals', dealBody())).slice(1, -1);
      const bodies = [
        '{"__proto__":{"polluted":true},"rows":[]}',
        '{"constructor":{"prototype":{"polluted":true}},"rows":[]}',
        '{"rows":[{"__proto__":{"polluted":true},"newDocumentState":{},"assumedMasterState":null}]}',
        `{"rows":[{"newDocumentState":{${doc},"__proto__":{"polluted":true}},"assumedMasterState":null}]}`,
        `{"rows":[{"newDocumentState":{${doc},"clocks":{"__proto__":{"polluted":"1"}}},"assumedMasterState":null}]}`,
        `{"rows":[{"newDocumentState":{${doc},"constructor":{"prototype":{"polluted":true}}},"assumedMasterState":null}]}`,
      ];
      for (const body of bodies) {
        const answer = await writesNothing(() => post('/sync/deals/push', body));
        expectApiError(answer, 400, 'request.malformedJson');
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
      await expectAlive();
    });

    it('rejects per row, writing nothing, documents with non-UUID ids or harmless-looking special keys', async () => {
      const valid = device.create('deals', dealBody());
      const rows = [
        ...['', 'x', '../../etc/passwd', UUID.toUpperCase(), `${UUID} `, 'a'.repeat(10_000)].map((id) => ({
          newDocumentState: { ...valid, id },
          assumedMasterState: null,
        })),
        { newDocumentState: { ...valid, id: 42 }, assumedMasterState: null },
        { newDocumentState: { ...valid, id: { $gt: '' } }, assumedMasterState: null },
        { newDocumentState: { ...valid, id: UUID, constructor: 'x' }, assumedMasterState: null },
        { newDocumentState: { ...valid, id: UUID, hasOwnProperty: 1 }, assumedMasterState: null },
        {
          newDocumentState: { ...valid, id: UUID },
          assumedMasterState: { id: '0190dddd-0000-7000-8000-000000000002' },
        },
      ];
      const answer = await writesNothing(() => post('/sync/deals/push', JSON.stringify({ rows })));
      expect(answer.status).toBe(200);
      const result = answer.body as unknown as { conflicts: unknown[]; rejected: { code: string }[] };
      expect(result.conflicts).toEqual([]);
      expect(result.rejected.map((r) => r.code)).toEqual([...Array(10).fill('schema.invalid'), 'record.idMismatch']);
    });

    it('survives deeply nested and huge values inside documents, rejecting them per row', async () => {
      const valid = device.create('deals', dealBody());
      const depth = 100_000;
      const nestedArrays = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      const nestedObjects = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      const docText = JSON.stringify(valid).slice(1, -1);
      for (const [field, value] of [
        ['notes', nestedArrays],
        ['lines', nestedObjects],
        ['clocks', `{"title":${nestedObjects}}`],
        ['title', JSON.stringify('x'.repeat(6 * 1024 * 1024))],
        ['tags', JSON.stringify(Array.from({ length: 100_000 }, (_, i) => `t${i}`))],
      ] as const) {
        const body = `{"rows":[{"newDocumentState":{${docText},"${field}":${value}},"assumedMasterState":null}]}`;
        const answer = await writesNothing(() => post('/sync/deals/push', body));
        expect(answer.status, field).toBe(200);
        const result = answer.body as unknown as { rejected: { id: string; code: string; message: string }[] };
        expect(result.rejected).toEqual([
          expect.objectContaining({ id: valid.id, code: 'schema.invalid', master: null }),
        ]);
        // The answer explains the refusal without echoing a megabyte of input.
        expect(answer.text.length).toBeLessThan(4_096);
      }
      await expectAlive();
    });

    it(`refuses a body over ${SYNC_LIMITS.maxBodyBytes / 1024 / 1024} MiB with 413 and a clear message, also when gzip hides it`, async () => {
      const huge = JSON.stringify({
        rows: [
          { newDocumentState: { id: UUID, notes: 'x'.repeat(SYNC_LIMITS.maxBodyBytes) }, assumedMasterState: null },
        ],
      });
      const plain = await writesNothing(() => post('/sync/deals/push', huge));
      expectApiError(plain, 413, 'request.tooLarge');
      expect(plain.body.error.message).toMatch(/too large/);

      // A zip bomb: a few KiB on the wire, more than the limit once decompressed.
      const bomb = gzipSync(huge);
      expect(bomb.length).toBeLessThan(64 * 1024);
      const zipped = await writesNothing(() =>
        post('/sync/deals/push', bomb, { ...JSON_TYPE, 'Content-Encoding': 'gzip' }),
      );
      expectApiError(zipped, 413, 'request.tooLarge');
      await expectAlive();
    });

    it('refuses broken or unknown content encodings with a stable code', async () => {
      const notGzip = await writesNothing(() =>
        post('/sync/deals/push', 'not gzip at all', { ...JSON_TYPE, 'Content-Encoding': 'gzip' }),
      );
      expectApiError(notGzip, 400, 'request.badEncoding');
      const truncated = gzipSync('{"rows":[]}').subarray(0, 12);
      const cut = await writesNothing(() =>
        post('/sync/deals/push', truncated, { ...JSON_TYPE, 'Content-Encoding': 'gzip' }),
      );
      expectApiError(cut, 400, 'request.badEncoding');
      // Only gzip is documented, so only gzip is decoded: deflate and brotli are refused like the rest.
      for (const encoding of ['compress', 'deflate', 'br', 'gzip, deflate', 'x-gzip']) {
        const unknown = await writesNothing(() =>
          post('/sync/deals/push', encoding === 'deflate' ? deflateSync('{"rows":[]}') : '{"rows":[]}', {
            ...JSON_TYPE,
            'Content-Encoding': encoding,
          }),
        );
        expectApiError(unknown, 415, 'request.unsupportedEncoding');
      }
    });

    it(`refuses more than ${SYNC_LIMITS.maxPushRows} rows in one push`, async () => {
      const doc = device.create('deals', dealBody());
      const rows = Array.from({ length: SYNC_LIMITS.maxPushRows + 1 }, () => ({
        newDocumentState: doc,
        assumedMasterState: null,
      }));
      const answer = await writesNothing(() => post('/sync/deals/push', JSON.stringify({ rows })));
      expectApiError(answer, 400, 'request.invalid');
      expect(answer.body.error.message).toMatch(String(SYNC_LIMITS.maxPushRows));
    });

    it('refuses bodies of other content types', async () => {
      const body = '{"rows":[]}';
      expectApiError(
        await post('/sync/deals/push', body, { 'Content-Type': 'application/x-www-form-urlencoded' }),
        415,
        'request.unsupportedMediaType',
      );
      expectApiError(
        await post('/sync/deals/push', body, { 'Content-Type': 'multipart/form-data; boundary=x' }),
        415,
        'request.unsupportedMediaType',
      );
      expectApiError(
        await post('/sync/deals/push', body, { 'Content-Type': 'text/plain' }),
        415,
        'request.unsupportedMediaType',
      );
      // Bytes, so that fetch adds no Content-Type of its own.
      expectApiError(await post('/sync/deals/push', Buffer.from(body), {}), 415, 'request.unsupportedMediaType');
      expectApiError(
        await post('/auth/login', '{"email":"a@b.example","password":"x"}', { 'Content-Type': 'text/plain' }),
        415,
        'request.unsupportedMediaType',
      );
      expectApiError(
        await post('/sync/deals/push', Buffer.from([0xff, 0xfe, 0x00, 0x7b]), JSON_TYPE),
        400,
        'request.malformedJson',
      );
    });

    describe('unknown collections and path tricks are 404s that touch nothing', () => {
      const names = [
        'nope',
        'Deals',
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        '..%2F..%2Fetc%2Fpasswd',
        '%2e%2e',
        'deals%00',
        'deals%2F..',
        encodeURIComponent('deals; DROP TABLE records'),
        'a'.repeat(90),
      ];
      it.each(names)('/sync/%s', async (name) => {
        const pulled = await call(`/sync/${name}/pull`);
        const pushed = await writesNothing(() => post(`/sync/${name}/push`, '{"rows":[]}'));
        for (const answer of [pulled, pushed]) {
          expect(answer.status).toBe(404);
          expect(['collection.unknown', 'route.notFound']).toContain(answer.body.error.code);
        }
        if (!name.includes('%2')) expect(pulled.body.error.code).toBe('collection.unknown');
      });

      it('never serves files: ../ in the path is no route', async () => {
        for (const path of [
          '/sync/../../etc/passwd',
          '/sync/deals/../../../../etc/passwd',
          '/%2e%2e/%2e%2e/etc/passwd',
        ]) {
          expectApiError(await call(path), 404, 'route.notFound');
        }
      });
    });

    describe('pull refuses checkpoints and limits that are not small non-negative integers', () => {
      const bad = [
        'checkpoint=-1',
        'checkpoint=NaN',
        'checkpoint=1.5',
        'checkpoint=1e400',
        'checkpoint=Infinity',
        'checkpoint=-Infinity',
        'limit=Infinity',
        `checkpoint=${2 ** 53}`,
        'checkpoint=99999999999999999999999',
        'checkpoint=abc',
        'checkpoint=1&checkpoint=2',
        'limit=0',
        'limit=-5',
        `limit=${SYNC_LIMITS.maxPullLimit + 1}`,
        'limit=NaN',
        'limit=1e9',
      ];
      it.each(bad)('?%s → 400 request.invalid', async (query) => {
        expectApiError(await call(`/sync/deals/pull?${query}`), 400, 'request.invalid');
      });

      it('push refuses a schemaVersion that is not a small non-negative integer', async () => {
        const lead = JSON.stringify({ rows: [{ newDocumentState: { id: UUID }, assumedMasterState: null }] });
        for (const version of ['-Infinity', 'Infinity', '-1', '1.5', 'abc']) {
          const answer = await writesNothing(() => post(`/sync/leads/push?schemaVersion=${version}`, lead));
          expectApiError(answer, 400, 'request.invalid');
        }
      });

      it('accepts the extremes that are valid', async () => {
        for (const query of [`limit=${SYNC_LIMITS.maxPullLimit}`, 'limit=1', `checkpoint=${Number.MAX_SAFE_INTEGER}`]) {
          const answer = await call(`/sync/deals/pull?${query}`);
          expect(answer.status, query).toBe(200);
        }
      });
    });

    describe('methods an endpoint does not take get a 404 in the API’s error shape', () => {
      const cases = [
        ['PUT', '/sync/deals/push'],
        ['DELETE', '/sync/deals/push'],
        ['PATCH', '/sync/deals/push'],
        ['GET', '/sync/deals/push'],
        ['POST', '/sync/deals/pull'],
        ['PUT', '/sync/deals/pull'],
        ['DELETE', '/sync/deals/pull'],
        ['POST', '/sync/stream'],
        ['DELETE', '/sync/stream'],
        ['POST', '/healthz'],
        ['PUT', '/healthz'],
        ['DELETE', '/healthz'],
      ] as const;
      it.each(cases)('%s %s', async (method, path) => {
        const answer = await writesNothing(() =>
          call(path, method === 'GET' || method === 'DELETE' ? { method } : { method, headers: JSON_TYPE, body: '{}' }),
        );
        expectApiError(answer, 404, 'route.notFound');
      });
    });

    it('keeps the change stream working whatever a client sends it and however many clients vanish', async () => {
      const odd = await openEventStream(server.url, {
        headers: { 'Last-Event-ID': 'x'.repeat(4000), Accept: 'application/json', 'Accept-Encoding': 'gzip' },
        query: 'checkpoint=-1&limit=abc&x=%3Cscript%3E',
      });
      expect(odd.status).toBe(200);
      expect(odd.contentType).toMatch(/^text\/event-stream/);
      expect((await odd.next()).event).toBe('resync');
      odd.close();
      // Many clients that connect and vanish at once.
      const quitters = await Promise.all(Array.from({ length: 25 }, () => openEventStream(server.url)));
      for (const stream of quitters) stream.close();

      const listener = await openEventStream(server.url);
      try {
        expect((await listener.next()).event).toBe('resync');
        await push(server.url, 'deals', [created(device.create('deals', dealBody()))]);
        expect((await listener.next()).event).toBe('change');
      } finally {
        listener.close();
      }
      await expectAlive();
    });

    it('stops listening for stream clients that leave, even while they are still connecting', async () => {
      const real = await openStore(await target.newDbUrl());
      let listening = 0;
      // The same store, with a slow head read (a busy database) and a count of live subscriptions.
      const store: Store = Object.assign(Object.create(real) as Store, {
        currentSeq: async () => {
          await new Promise((resolve) => setTimeout(resolve, 150));
          return real.currentSeq();
        },
        onCommitted: (listener: (seq: number) => void) => {
          listening++;
          const stop = real.onCommitted(listener);
          return () => {
            listening--;
            stop();
          };
        },
        close: () => real.close(),
      });
      const app = await buildServer({
        store,
        auth: { mode: 'single-user', passwordCost: TEST_PASSWORD_COST, localKey: TEST_LOCAL_KEY },
        logger: false,
      });
      // The server's own subscription (its user directory forgets users at every commit).
      const serverOwn = listening;
      await app.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/sync/stream`;
      try {
        const headers = await ownerAuthorization(url);
        await Promise.all(
          Array.from({ length: 5 }, () =>
            fetch(url, { headers, signal: AbortSignal.timeout(30) }).catch(() => undefined),
          ),
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(listening).toBe(serverOwn);

        const stream = await openEventStream(url.replace('/sync/stream', ''));
        expect((await stream.next()).event).toBe('resync');
        expect(listening).toBe(serverOwn + 1);
        stream.close();
        for (let i = 0; i < 100 && listening > serverOwn; i++) await new Promise((resolve) => setTimeout(resolve, 10));
        expect(listening).toBe(serverOwn);
      } finally {
        await app.close();
        await real.close();
      }
    });

    it('survives raw-socket abuse: garbage instead of HTTP, a body cut short, a client that hangs up', async () => {
      const sendRaw = (payload: string, { waitForAnswer }: { waitForAnswer: boolean }) =>
        new Promise<string>((resolve, reject) => {
          const socket = connect(server.port, '127.0.0.1');
          let answer = '';
          socket.setTimeout(5_000, () => socket.destroy(new Error('no answer within 5 s')));
          socket.on('data', (chunk) => (answer += chunk.toString()));
          socket.on('error', reject);
          socket.on('close', () => resolve(answer));
          socket.write(payload, () => {
            if (!waitForAnswer) socket.destroy();
          });
          if (waitForAnswer) socket.end();
        });
      // Signed in, so that the cut bodies reach the body parser instead of stopping at the token check.
      const authorization = `Authorization: ${(await ownerAuthorization(server.url)).Authorization}\r\n`;
      await writesNothing(async () => {
        expect(await sendRaw('GARBAGE\r\n\r\n', { waitForAnswer: true })).toMatch(/^HTTP\/1\.1 400/);
        const cut = `POST /sync/deals/push HTTP/1.1\r\nHost: x\r\n${authorization}Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"rows":[`;
        await sendRaw(cut, { waitForAnswer: false });
        await sendRaw(cut, { waitForAnswer: true });
        const gzipCut = `POST /sync/deals/push HTTP/1.1\r\nHost: x\r\n${authorization}Content-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: 500\r\n\r\n`;
        await sendRaw(gzipCut + gzipSync('{"rows":[]}').subarray(0, 10).toString('latin1'), { waitForAnswer: false });
      });
      await expectAlive();
    });

    describe('properties', () => {
      const collections = fc.constantFrom('deals', 'leads', 'saved_views', 'stage_changes', 'nope', '__proto__');
      const row = fc.record(
        { newDocumentState: fc.jsonValue(), assumedMasterState: fc.jsonValue() },
        { requiredKeys: [] },
      );
      const pushBody = fc.oneof(
        fc.jsonValue().map((value) => JSON.stringify(value)),
        fc.record({ rows: fc.array(fc.oneof(fc.jsonValue(), row), { maxLength: 6 }) }).map((b) => JSON.stringify(b)),
        fc.string({ maxLength: 200 }),
        fc
          .dictionary(fc.constantFrom(...POLLUTION_KEYS, 'rows'), fc.jsonValue(), { maxKeys: 3 })
          .map((b) => JSON.stringify(b).replace('"polluted"', '"__proto__"')),
      );

      it('answers any push body with 2xx or 4xx in the API’s shape, stays up and writes nothing', async () => {
        await fc.assert(
          fc.asyncProperty(collections, pushBody, fc.boolean(), async (collection, body, gzip) => {
            const answer = await writesNothing(() =>
              post(
                `/sync/${collection}/push`,
                gzip ? gzipSync(body) : body,
                gzip ? { ...JSON_TYPE, 'Content-Encoding': 'gzip' } : JSON_TYPE,
              ),
            );
            expect(answer.status).toBeGreaterThanOrEqual(200);
            expect(answer.status).toBeLessThan(500);
            if (answer.status >= 400) {
              expect(answer.body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
            } else {
              const result = answer.body as unknown as { conflicts: unknown[]; rejected: unknown[] };
              expect(result.conflicts).toEqual([]);
              expect(result.rejected.length).toBe((JSON.parse(body) as { rows: unknown[] }).rows.length);
            }
          }),
          { numRuns: 100 },
        );
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        await expectAlive();
      });

      it('writes a mutated document whole or not at all, and pulls back exactly what it wrote', async () => {
        const fields = Object.keys(device.create('deals', dealBody()));
        const mutation = fc.oneof(
          fc.record({
            kind: fc.constant('set' as const),
            field: fc.constantFrom(...fields, ...POLLUTION_KEYS, 'x'),
            value: fc.jsonValue(),
          }),
          fc.record({ kind: fc.constant('drop' as const), field: fc.constantFrom(...fields) }),
          fc.record({ kind: fc.constant('money' as const), value: fc.jsonValue() }),
        );
        await fc.assert(
          fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
            const doc: Record<string, unknown> = { ...device.create('deals', dealBody()) };
            for (const m of mutations) {
              if (m.kind === 'set')
                Object.defineProperty(doc, m.field, {
                  value: m.value,
                  enumerable: true,
                  writable: true,
                  configurable: true,
                });
              else if (m.kind === 'drop') delete doc[m.field];
              else doc.value = { amount: m.value, currency: 'USD' };
            }
            const id = typeof doc.id === 'string' ? doc.id : '';
            const seq = await server.store.currentSeq();
            const answer = await post(
              '/sync/deals/push',
              JSON.stringify({ rows: [{ newDocumentState: doc, assumedMasterState: null }] }),
            );
            expect(answer.status).toBeLessThan(500);
            const stored = id ? (await server.store.getRecords('deals', [id])).get(id) : undefined;
            const result = answer.body as unknown as { rejected: unknown[]; conflicts: unknown[] };
            const { _deleted, ...body } = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
            // A removal of a record the server never had is a success with nothing to write.
            if (answer.status === 200 && result.rejected.length === 0 && result.conflicts.length === 0 && !_deleted) {
              expect(await server.store.currentSeq()).toBe(seq + 1);
              expect(stored).toMatchObject({ deleted: false, body });
            } else {
              expect(await server.store.currentSeq()).toBe(seq);
              expect(stored).toBeUndefined();
            }
          }),
          { numRuns: 100 },
        );
        await expectAlive();
      });

      it('answers any pull query or collection name with 200, 400 or 404 and never a 5xx', async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.oneof(collections, fc.string({ maxLength: 40 })),
            fc.dictionary(
              fc.constantFrom('checkpoint', 'limit', 'x', '__proto__'),
              fc.oneof(
                fc.string(),
                fc.integer().map(String),
                fc.double().map(String),
                fc.constantFrom('Infinity', '-Infinity', '1e400', '-0', '0x1f', ' 1', '1 ', ''),
              ),
              { maxKeys: 3 },
            ),
            async (collection, query) => {
              const path = `/sync/${encodeURIComponent(collection)}/pull?${new URLSearchParams(query).toString()}`;
              const answer = await call(path);
              expect([200, 400, 404]).toContain(answer.status);
              if (answer.status !== 200) {
                expect(answer.body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
              }
            },
          ),
          { numRuns: 100 },
        );
        await expectAlive();
      });
    });
  });
}
