import { BehaviorSubject, Subject, type Observable } from 'rxjs';
import type { CollectionName } from '@domain/collections';
import type { CarriedBy, LostEdit } from '@domain/lost-edits';
import type { FieldOverwrite } from '@domain/merge';
import type { RejectionCode } from '@domain/sync-protocol';
import type { OutpostDatabase } from '../database';

/** A change the server refused: kept on the device until the user dismisses it. */
export interface RejectedChange {
  key: string;
  collection: CollectionName;
  recordId: string;
  code: RejectionCode | string;
  message: string;
  params?: Record<string, string | number>;
  /** What this device tried to write. */
  attempted: Record<string, unknown>;
  at: string;
}

/** One of my edits that lost a merge to a later edit made elsewhere. */
export interface ConflictEntry extends FieldOverwrite {
  key: string;
  at: string;
}

const PENDING_DOC = 'sync-pending';
const CONFLICTS_DOC = 'sync-conflicts';
const REJECTIONS_DOC = 'sync-rejections';
const MAX_LOG = 500;
/** Records whose carried edits are remembered; the oldest noted are forgotten first. */
const MAX_CARRIED = 5_000;

/**
 * What the device knows about its own sync, kept in local documents (never replicated): which
 * local writes have not reached the server, which of my edits lost a merge, which the server
 * refused. Nothing a user typed disappears silently: it is either on the server or listed here.
 */
export interface SyncJournal {
  notePendingWrite(collection: CollectionName, id: string, hlc: string): void;
  /**
   * The clock each field had on this device just before the user's edit of it (the edit's base):
   * kept until the record is pushed, so a merge knows which edits of others the user had seen
   * (domain/merge.ts) — RxDB's assumed master state can move on without the record seeing it.
   */
  noteEditBases(collection: CollectionName, id: string, bases: Readonly<Record<string, string>>): void;
  editBase(collection: CollectionName, id: string, field: string): string | undefined;
  /**
   * Another device's edits that now carry this device's edits of a record: the same value, written
   * unseen and later (domain/lost-edits.ts, carriedEdits). Kept after the push, unlike the bases:
   * the value can be replaced long after.
   */
  noteCarried(collection: CollectionName, id: string, carried: readonly LostEdit[]): void;
  carriedBy(collection: CollectionName, id: string): CarriedBy;
  notePushed(collection: CollectionName, id: string, hlc: string): void;
  readonly pendingCount$: Observable<number>;
  /** Refusals as they arrive, so the UI can tell the user at once. */
  readonly rejections$: Observable<RejectedChange>;
  recordOverwrites(entries: readonly FieldOverwrite[]): Promise<void>;
  recordRejections(entries: readonly Omit<RejectedChange, 'key' | 'at'>[]): Promise<void>;
  dismissConflict(key: string): Promise<void>;
  dismissRejection(key: string): Promise<void>;
  flush(): Promise<void>;
}

export async function openSyncJournal(db: OutpostDatabase): Promise<SyncJournal> {
  const saved = await db.getLocal<{
    entries: Record<string, string>;
    bases?: Record<string, Record<string, string>>;
    carried?: Record<string, Record<string, string>>;
  }>(PENDING_DOC);
  const pending = new Map<string, string>(Object.entries(saved?.toJSON().data.entries ?? {}));
  const bases = new Map<string, Record<string, string>>(Object.entries(saved?.toJSON().data.bases ?? {}));
  const carried = new Map<string, Record<string, string>>(Object.entries(saved?.toJSON().data.carried ?? {}));
  const pendingDoc = () => ({
    entries: Object.fromEntries(pending),
    bases: Object.fromEntries(bases),
    carried: Object.fromEntries(carried),
  });
  const forget = (key: string) => {
    pending.delete(key);
    bases.delete(key);
  };
  const pendingCount$ = new BehaviorSubject(pending.size);
  const rejections$ = new Subject<RejectedChange>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<unknown> = Promise.resolve();

  const persistPending = () => {
    pendingCount$.next(pending.size);
    timer ??= setTimeout(() => {
      timer = undefined;
      writing = writing.then(() => db.upsertLocal(PENDING_DOC, pendingDoc()));
    }, 150);
  };

  const appendTo = async <T extends { key: string }>(docId: string, items: T[]) => {
    writing = writing.then(async () => {
      const current = await db.getLocal<{ items: T[] }>(docId);
      const merged = [...(current?.toJSON().data.items ?? []), ...items].slice(-MAX_LOG);
      await db.upsertLocal(docId, { items: merged });
    });
    await writing;
  };

  const removeFrom = async (docId: string, key: string) => {
    writing = writing.then(async () => {
      const current = await db.getLocal<{ items: { key: string }[] }>(docId);
      if (!current) return;
      await db.upsertLocal(docId, { items: current.toJSON().data.items.filter((i) => i.key !== key) });
    });
    await writing;
  };

  return {
    pendingCount$,
    rejections$: rejections$.asObservable(),
    notePendingWrite(collection, id, hlc) {
      const key = `${collection}/${id}`;
      const known = pending.get(key);
      if (!known || known < hlc) {
        pending.set(key, hlc);
        persistPending();
      }
    },
    noteEditBases(collection, id, fields) {
      const key = `${collection}/${id}`;
      bases.set(key, { ...bases.get(key), ...fields });
    },
    editBase(collection, id, field) {
      return bases.get(`${collection}/${id}`)?.[field];
    },
    noteCarried(collection, id, edits) {
      if (!edits.length) return;
      const key = `${collection}/${id}`;
      const fields = { ...carried.get(key) };
      for (const e of edits) fields[e.field] = e.clock;
      carried.delete(key);
      carried.set(key, fields);
      if (carried.size > MAX_CARRIED) carried.delete(carried.keys().next().value!);
      persistPending();
    },
    carriedBy(collection, id) {
      const fields = carried.get(`${collection}/${id}`);
      return (field) => fields?.[field];
    },
    notePushed(collection, id, hlc) {
      const key = `${collection}/${id}`;
      const known = pending.get(key);
      if (known !== undefined && known <= hlc) {
        forget(key);
        persistPending();
      }
    },
    async recordOverwrites(entries) {
      if (!entries.length) return;
      const at = new Date().toISOString();
      await appendTo(
        CONFLICTS_DOC,
        entries.map((e) => ({ ...e, key: `${e.collection}/${e.recordId}/${e.field}/${at}`, at })),
      );
    },
    async recordRejections(entries) {
      if (!entries.length) return;
      const at = new Date().toISOString();
      for (const e of entries) forget(`${e.collection}/${e.recordId}`);
      persistPending();
      const items = entries.map((e) => ({ ...e, key: `${e.collection}/${e.recordId}/${at}`, at }));
      await appendTo(REJECTIONS_DOC, items);
      for (const item of items) rejections$.next(item);
    },
    dismissConflict: (key) => removeFrom(CONFLICTS_DOC, key),
    dismissRejection: (key) => removeFrom(REJECTIONS_DOC, key),
    async flush() {
      if (timer) {
        clearTimeout(timer);
        timer = undefined;
        writing = writing.then(() => db.upsertLocal(PENDING_DOC, pendingDoc()));
      }
      await writing;
    },
  };
}

export const SYNC_LOCAL_DOCS = { conflicts: CONFLICTS_DOC, rejections: REJECTIONS_DOC } as const;
