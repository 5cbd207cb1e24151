import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { SYNC_LIMITS } from '@domain/sync-protocol';
import type { Actor } from '@domain/permissions';
import { makeContact, makeDeal, TEAM, USER_A, USER_B } from '../domain/fixtures';
import { decodePush, type DecodeJob } from '../../../sync-server/replication/push-decoding';
import type { RecordValidator } from '@domain/record-validation/record-validator';
import { pushBodySchema } from '../../../sync-server/replication/push-route';

const ID = '0190dddd-0000-7000-8000-000000000001';
const HLC = '001748736000000-00000-device1';
const acceptAll: RecordValidator = { validate: () => null };
const MANAGER: Actor = {
  id: '0190dddd-0000-7000-8000-0000000000aa',
  role: 'SALES_MANAGER',
  teamId: '',
  teamMemberIds: [],
};

function job(rows: unknown[]): DecodeJob {
  return {
    collection: 'contacts',
    fromVersion: 0,
    toVersion: 0,
    nowMs: Date.UTC(2025, 5, 1),
    actor: MANAGER,
    body: new TextEncoder().encode(JSON.stringify({ rows })),
  };
}

function storedText(doc: Record<string, unknown>): string {
  const result = decodePush(job([{ newDocumentState: doc, assumedMasterState: null }]), acceptAll);
  if (!result.ok || !result.rows[0]!.ok) throw new Error(JSON.stringify(result));
  return result.rows[0]!.bodyText;
}

describe('push decoding', () => {
  it("stores each document's body without RxDB's fields, wherever they stand", () => {
    const body = { id: ID, hlc: HLC, name: 'Ana "_deleted":false}', tags: ['a'], nested: { _deleted: false } };
    for (const doc of [
      { ...body, _deleted: false },
      { ...body, _deleted: true },
      { _deleted: false, ...body },
      { ...body },
      { ...body, _meta: { lwt: 1 }, _rev: '1-a', _attachments: {}, _deleted: false },
    ]) {
      expect(JSON.parse(storedText(doc))).toEqual(body);
      expect(storedText(doc)).toBe(JSON.stringify(body));
    }
  });

  it('reports the version a row claims and the one it assumed', () => {
    const result = decodePush(
      job([
        {
          newDocumentState: { id: ID, hlc: HLC, _deleted: true },
          assumedMasterState: { id: ID, hlc: '001748736000000-00000-server', _deleted: false },
        },
      ]),
      acceptAll,
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          ok: true,
          id: ID,
          hlc: HLC,
          deleted: true,
          bodyText: JSON.stringify({ id: ID, hlc: HLC }),
          assumed: { hlc: '001748736000000-00000-server', deleted: false },
        },
      ],
    });
  });

  it('refuses a row per row and a request whole, as the route did', () => {
    const refused = decodePush(
      job([
        { newDocumentState: { id: 'x' }, assumedMasterState: null },
        { newDocumentState: { id: ID, hlc: '009999999999999-00000-device1' }, assumedMasterState: null },
      ]),
      acceptAll,
    );
    expect(refused.ok && refused.rows.map((row) => !row.ok && row.code)).toEqual([
      'schema.invalid',
      'record.clockAhead',
    ]);
    const malformed = decodePush({ ...job([]), body: new TextEncoder().encode('{"rows":[') }, acceptAll);
    expect(malformed).toMatchObject({ ok: false, code: 'request.malformedJson' });
    const poisoned = decodePush(
      { ...job([]), body: new TextEncoder().encode('{"rows":[],"__proto__":{"x":1}}') },
      acceptAll,
    );
    expect(poisoned).toMatchObject({ ok: false, code: 'request.malformedJson' });
    const extra = decodePush({ ...job([]), body: new TextEncoder().encode('{"rows":[],"more":1}') }, acceptAll);
    expect(extra).toMatchObject({ ok: false, code: 'request.invalid' });
  });

  it('judges a new record for the pusher already, except where the rules need the store', () => {
    const contact = { ...makeContact({ ownerId: USER_B }), _deleted: false };
    const decode = (actor: Actor, collection: DecodeJob['collection'], doc: Record<string, unknown>) => {
      const result = decodePush(
        // The fixtures' clocks are of 2026: the server's clock is later.
        {
          ...job([{ newDocumentState: doc, assumedMasterState: null }]),
          collection,
          actor,
          nowMs: Date.UTC(2027, 0, 1),
        },
        acceptAll,
      );
      if (!result.ok || !result.rows[0]!.ok) throw new Error(JSON.stringify(result));
      return result.rows[0]!.create;
    };
    expect(decode(MANAGER, 'contacts', contact)).toEqual({ ok: true, ownerId: USER_B, teamId: contact.teamId ?? '' });
    const rep: Actor = { id: USER_A, role: 'ACCOUNT_EXECUTIVE', teamId: TEAM, teamMemberIds: [USER_A] };
    expect(decode(rep, 'contacts', contact)).toMatchObject({ ok: false, code: 'permission.denied' });
    expect(decode(MANAGER, 'deals', { ...makeDeal(), _deleted: false })).toBeUndefined();
  });
});

describe('the push body schema of the reference', () => {
  const ajv = new Ajv({ strict: false });
  const matchesSchema = ajv.compile(pushBodySchema);
  const row = { newDocumentState: { id: ID, hlc: HLC }, assumedMasterState: null };
  const bodies: [string, unknown][] = [
    ['an empty batch', { rows: [] }],
    ['one new record', { rows: [row] }],
    ['an edit', { rows: [{ ...row, assumedMasterState: { id: ID, hlc: HLC } }] }],
    ['no rows', {}],
    ['an extra member', { rows: [], since: 1 }],
    ['rows that are not a list', { rows: {} }],
    ['a row that is not an object', { rows: [1] }],
    ['a row without its assumed state', { rows: [{ newDocumentState: {} }] }],
    ['a row with an extra member', { rows: [{ ...row, note: 'x' }] }],
    ['a document that is a list', { rows: [{ ...row, newDocumentState: [] }] }],
    ['an assumed state that is text', { rows: [{ ...row, assumedMasterState: 'x' }] }],
    ['too many rows', { rows: Array.from({ length: SYNC_LIMITS.maxPushRows + 1 }, () => row) }],
    ['a body that is a list', [row]],
  ];

  it.each(bodies)('refuses exactly what the decoder refuses as a request: %s', (_name, body) => {
    const decoded = decodePush({ ...job([]), body: new TextEncoder().encode(JSON.stringify(body)) }, acceptAll);
    expect(decoded.ok).toBe(matchesSchema(body));
  });
});
