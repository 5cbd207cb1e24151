import { isCollectionName, type CollectionName } from '@domain/collections';
import type { RecordWrite, StoredRecord } from './store';

/**
 * A last line of defence below validation: a malformed write would otherwise become a row that no
 * pull can serve (an unknown collection) or a NOT NULL error deep in a batch.
 */
export function assertRecordWrites(records: readonly RecordWrite[]): void {
  for (const record of records) {
    const where = `putRecords: ${String(record.collection)}/${String(record.id)}`;
    if (!isCollectionName(record.collection)) throw new TypeError(`${where}: unknown collection`);
    if (typeof record.id !== 'string' || record.id === '')
      throw new TypeError(`${where}: id must be a non-empty string`);
    if (typeof record.hlc !== 'string') throw new TypeError(`${where}: hlc must be a string`);
    if (typeof record.deleted !== 'boolean') throw new TypeError(`${where}: deleted must be a boolean`);
    if (typeof record.ownerId !== 'string' || typeof record.teamId !== 'string') {
      throw new TypeError(`${where}: ownerId and teamId must be strings ('' when none)`);
    }
    const { body } = record;
    if (
      body === undefined
        ? typeof record.bodyText !== 'string'
        : typeof body !== 'object' || body === null || Array.isArray(body)
    ) {
      throw new TypeError(`${where}: body must be an object`);
    }
    if (record.bodyText !== undefined && typeof record.bodyText !== 'string') {
      throw new TypeError(`${where}: bodyText must be the body's JSON text`);
    }
    const previous = record.previousAccess;
    if (
      previous !== undefined &&
      (typeof previous.ownerId !== 'string' ||
        typeof previous.teamId !== 'string' ||
        typeof previous.hlc !== 'string' ||
        typeof previous.bodyText !== 'string')
    ) {
      throw new TypeError(`${where}: previousAccess needs ownerId, teamId, hlc and bodyText strings`);
    }
  }
}

/** Keys of one record across collections, for de-duplicating a batch. */
export function recordKey(collection: string, id: string): string {
  return `${collection}\u0000${id}`;
}

/**
 * The stored form of a write; the body is the caller's object, never rewritten (docs/sync-pitfalls.md, pitfall 5). A write
 * given as text only gets its body parsed from that text the first time someone reads it.
 */
export function withSeq(record: RecordWrite, seq: number): StoredRecord {
  const { collection, id, hlc, deleted, ownerId, teamId, body, bodyText } = record;
  if (body !== undefined) return { collection, id, seq, hlc, deleted, ownerId, teamId, body };
  return new TextBodyRecord(collection, id, seq, hlc, deleted, ownerId, teamId, bodyText!);
}

/** A stored record whose body is parsed from its text on first read (see withSeq). */
class TextBodyRecord implements StoredRecord {
  #body: Record<string, unknown> | undefined;
  constructor(
    readonly collection: CollectionName,
    readonly id: string,
    readonly seq: number,
    readonly hlc: string,
    readonly deleted: boolean,
    readonly ownerId: string,
    readonly teamId: string,
    readonly bodyText: string,
  ) {}

  get body(): Record<string, unknown> {
    return (this.#body ??= JSON.parse(this.bodyText) as Record<string, unknown>);
  }
}
