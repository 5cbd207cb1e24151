import { parse as secureJsonParse } from 'secure-json-parse';
import type { CollectionName } from '@domain/collections';
import { checkClockDrift } from '@domain/hlc';
import { isUuid } from '@domain/ids';
import { migrateRecord } from '@domain/migrations';
import { SYNC_LIMITS, type PushRejection } from '@domain/sync-protocol';
import type { Actor } from '@domain/permissions';
import type { WriteLookups } from '@domain/write-rules';
import { CREATE_NEEDS_STORE, judgeCreate, type CreateVerdict } from './create-verdict';
import type { RecordValidator } from '@domain/record-validation/record-validator';

/**
 * Turning a push request's bytes into rows the write transaction can judge: JSON, the request's
 * shape, older schema versions, and every check that needs nothing but the row itself (id, JSON
 * schema, clock drift), plus each stored body's text. None of it needs the store or the user, so it
 * runs on a decoder thread (push-decoder.ts) while the event loop serves other requests; the write
 * rules and permissions, which need the stored records, stay in applyPush.
 */
export interface DecodeJob {
  collection: CollectionName;
  /** The schema version the device writes; older ones are migrated to `toVersion`. */
  fromVersion: number;
  toVersion: number;
  /** The server's clock, for the drift check and the rules of a create judged here. */
  nowMs: number;
  /** Who pushes: new records are judged for them here already (create-verdict.ts). */
  actor: Actor;
  /** The request body, UTF-8. */
  body: Uint8Array;
}

/** The version of a record a row claims: enough to spot replays and conflicts. */
export interface RowVersion {
  hlc: unknown;
  deleted: boolean;
}

export type DecodedRow =
  | {
      ok: true;
      id: string;
      /** The document as stored: without RxDB's own fields, serialized once. */
      bodyText: string;
      hlc: string;
      deleted: boolean;
      /** The server state the device edited; null for a record it created. */
      assumed: RowVersion | null;
      /**
       * The verdict should the store not have the record (a create), when it needs nothing from
       * the store (create-verdict.ts); absent for removals and for collections that do.
       */
      create?: CreateVerdict;
    }
  | { ok: false; id: string; code: PushRejection['code']; message: string };

export type DecodeResult =
  | { ok: true; rows: DecodedRow[] }
  /** The whole request is refused (400): it is not a push request. */
  | { ok: false; code: 'request.malformedJson' | 'request.invalid'; message: string };

const MALFORMED: DecodeResult = {
  ok: false,
  code: 'request.malformedJson',
  message: 'the request body is not valid JSON',
};

const decoder = new TextDecoder();

/**
 * JSON.parse, refusing prototype-poisoning keys (`__proto__`, `constructor.prototype`) as
 * secure-json-parse does, without its two regular-expression scans of the whole text when the text
 * cannot hold such a key: they look for a quoted `"__proto__"` or `"constructor"` whose letters may
 * be written as `\u` escapes, so a text with no `\u` and neither quoted word cannot match them.
 */
function parseJson(text: string): unknown {
  if (
    text.charCodeAt(0) === 0xfeff ||
    text.includes('\\u') ||
    text.includes('"__proto__"') ||
    text.includes('"constructor"')
  ) {
    return secureJsonParse(text, { protoAction: 'error', constructorAction: 'error' });
  }
  return JSON.parse(text);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const hasOnly = (value: Record<string, unknown>, keys: readonly string[]) =>
  Object.keys(value).every((key) => keys.includes(key));

const invalid = (message: string): DecodeResult => ({
  ok: false,
  code: 'request.invalid',
  message: `invalid request: ${message}`,
});

/** What the route's JSON schema said of a push body: `{ rows: [{ newDocumentState, assumedMasterState }] }`. */
function shapeError(body: unknown): DecodeResult | null {
  if (!isObject(body)) return invalid('body must be an object');
  if (!('rows' in body)) return invalid("body must have required property 'rows'");
  if (!hasOnly(body, ['rows'])) return invalid('body must NOT have additional properties');
  const rows = body.rows;
  if (!Array.isArray(rows)) return invalid('body/rows must be array');
  if (rows.length > SYNC_LIMITS.maxPushRows) {
    return invalid(`body/rows must NOT have more than ${SYNC_LIMITS.maxPushRows} items`);
  }
  for (let i = 0; i < rows.length; i++) {
    const row: unknown = rows[i];
    const at = `body/rows/${i}`;
    if (!isObject(row)) return invalid(`${at} must be object`);
    if (!('newDocumentState' in row)) return invalid(`${at} must have required property 'newDocumentState'`);
    if (!('assumedMasterState' in row)) return invalid(`${at} must have required property 'assumedMasterState'`);
    if (!hasOnly(row, ['newDocumentState', 'assumedMasterState'])) {
      return invalid(`${at} must NOT have additional properties`);
    }
    if (!isObject(row.newDocumentState)) return invalid(`${at}/newDocumentState must be object`);
    if (row.assumedMasterState !== null && !isObject(row.assumedMasterState)) {
      return invalid(`${at}/assumedMasterState must be object,null`);
    }
  }
  return null;
}

/**
 * The stored body's text: the document without RxDB's own fields (`_deleted`, `_meta`, `_rev`,
 * `_attachments`). Devices send `_deleted` last (RxDB's document shape) and nothing else of them,
 * so the text is usually the document's own minus that last member: a text that ends in
 * `,"_deleted":false}` or `…true}` can only end so because `_deleted` is the object's last key (a
 * string value is never followed by a colon). Anything else is copied without the fields first.
 */
function storedBodyText(doc: Record<string, unknown>): string {
  const text = JSON.stringify(doc);
  for (const tail of [',"_deleted":false}', ',"_deleted":true}']) {
    if (text.endsWith(tail) && !('_meta' in doc || '_rev' in doc || '_attachments' in doc)) {
      return `${text.slice(0, -tail.length)}}`;
    }
  }
  return JSON.stringify(bodyOf(doc));
}

/** The document without RxDB's own fields: what is stored. */
function bodyOf(doc: Record<string, unknown>): Record<string, unknown> {
  const { _deleted, _meta, _rev, _attachments, ...body } = doc;
  void [_deleted, _meta, _rev, _attachments];
  return body;
}

/** The lookups of a create judged here: the server's clock, and never a record of the store. */
function lookupsAt(nowMs: number): WriteLookups {
  return {
    nowMs,
    // Never asked: the collections judged here look nothing up (CREATE_NEEDS_STORE).
    pipeline: () => {
      throw new Error('push decoding: a create that needs the store is judged in the transaction');
    },
    pipelineMayBePending: false,
  };
}

function versionOf(doc: Record<string, unknown> | null): RowVersion | null {
  return doc ? { hlc: doc.hlc, deleted: !!doc._deleted } : null;
}

/** Checks that need nothing but the row: shape, schema, clock. */
function decodeRow(
  job: DecodeJob,
  validator: RecordValidator,
  doc: Record<string, unknown>,
  assumed: Record<string, unknown> | null,
): DecodedRow {
  const id = typeof doc.id === 'string' ? doc.id : '';
  if (!isUuid(id)) return { ok: false, id, code: 'schema.invalid', message: 'the document needs a UUID id' };
  if (assumed && assumed.id !== id) {
    return { ok: false, id, code: 'record.idMismatch', message: 'the assumed state is of another record' };
  }
  const problem = validator.validate(job.collection, doc);
  if (problem) {
    return { ok: false, id, code: 'schema.invalid', message: `invalid ${job.collection} record: ${problem}` };
  }
  const drift = checkClockDrift(String(doc.hlc), job.nowMs);
  if (drift !== null) {
    return {
      ok: false,
      id,
      code: 'record.clockAhead',
      message: `the device clock is ${Math.round(drift / 60_000)} min ahead of the server; fix the device's date and time`,
    };
  }
  const deleted = !!doc._deleted;
  return {
    ok: true,
    id,
    bodyText: storedBodyText(doc),
    hlc: String(doc.hlc),
    deleted,
    assumed: versionOf(assumed),
    ...(deleted || CREATE_NEEDS_STORE.has(job.collection)
      ? {}
      : { create: judgeCreate(job.actor, job.collection, bodyOf(doc), lookupsAt(job.nowMs)) }),
  };
}

/** Decodes one push request. Pure: the same answer on a decoder thread or inline. */
export function decodePush(job: DecodeJob, validator: RecordValidator): DecodeResult {
  const text = decoder.decode(job.body);
  if (text.length === 0) return MALFORMED;
  let body: unknown;
  try {
    body = parseJson(text);
  } catch {
    return MALFORMED;
  }
  const refused = shapeError(body);
  if (refused) return refused;
  const migrate = (doc: Record<string, unknown>) =>
    job.fromVersion === job.toVersion ? doc : migrateRecord(job.collection, doc, job.fromVersion, job.toVersion);
  const rows = (
    body as {
      rows: { newDocumentState: Record<string, unknown>; assumedMasterState: Record<string, unknown> | null }[];
    }
  ).rows;
  return {
    ok: true,
    rows: rows.map((row) =>
      decodeRow(
        job,
        validator,
        migrate(row.newDocumentState),
        row.assumedMasterState ? migrate(row.assumedMasterState) : null,
      ),
    ),
  };
}
