import type { CollectionName } from '@domain/collections';
import { assertRecordWrites, recordKey, withSeq } from './record-writes';
import type { PreviousAccess, StoredRecord, StoreTransaction } from './store';
import type { TransactionGroup } from './transaction-gate';

/** A record ready to be written: its body serialized once, when it was put (no object kept). */
export interface SerializedRecord extends Omit<StoredRecord, 'body'> {
  text: string;
  /** The access this write took away (RecordWrite.previousAccess), to log with it. */
  previousAccess?: PreviousAccess;
}

/** What an adapter supplies to run a group whose database transaction (and write lock) it holds. */
export interface GroupBackend {
  /**
   * Reads committed records. Nothing else can commit while the group holds the store's write lock
   * (SQLite: BEGIN IMMEDIATE; PostgreSQL: the counter row), so this is the state the group builds on.
   */
  read(collection: CollectionName, ids: readonly string[]): Promise<Map<string, StoredRecord>>;
  /**
   * Called once per member that wrote, as soon as it has finished, with its records in seq order
   * (a later one replaces an earlier one of the same record): the adapter may start writing them
   * inside the group's transaction, or keep them for `commit`. A failure here must make `commit` fail.
   */
  write?(records: readonly SerializedRecord[]): void;
  /**
   * Writes what `write` has not (`records`: all the group's records, in seq order), sets the
   * counter to `seq`, commits; with `openNext`, opens the next group right behind the commit.
   */
  commit(
    records: readonly SerializedRecord[],
    seq: number,
    openNext: boolean,
  ): Promise<{ next: Promise<TransactionGroup> | null }>;
  /** Ends the database transaction without writing anything. Never throws. */
  rollback(): Promise<void>;
}

/**
 * A group (see TransactionGate) whose writes are kept in memory until they are sent: one round
 * trip to the writer thread (SQLite) or the database (PostgreSQL) per member or per group instead
 * of one per statement.
 *
 * Members behave exactly as if they ran one after another, in the order the gate admitted them:
 * each sees the committed state, the writes of the members before it and its own (read your
 * writes), and gets its seqs after theirs. They may still overlap in time: a member's read is
 * sent to the database as soon as it asks (nothing else can commit while the group holds the write
 * lock, so the committed state it returns is the one it would see later), but is handed over —
 * with the earlier members' writes laid over it — only once every earlier member has ended; its
 * writes and its end wait for that too. A group of pushes thus waits for one read round trip, not
 * one per push.
 *
 * A member that fails leaves nothing behind — its writes never leave memory — so no savepoint is
 * needed, and the seqs it had taken are handed out again: no gaps. Seqs are assigned from the
 * counter read under the write lock (`startSeq`) in member order, so commit order equals seq order.
 *
 * A failure of the commit itself (disk full, connection lost) fails every member of the group: none
 * of them was answered yet, and none of their writes is kept.
 */
export function bufferedGroup(storeName: string, startSeq: number, backend: GroupBackend): TransactionGroup {
  let seq = startSeq;
  const written: SerializedRecord[] = [];
  /** The latest write of each record in the group so far, by recordKey. */
  const latest = new Map<string, SerializedRecord>();
  /** Resolves once every member admitted so far has ended. */
  let allEnded: Promise<void> = Promise.resolve();

  return {
    async member<T>(fn: (tx: StoreTransaction) => Promise<T>) {
      const earlierEnded = allEnded;
      let endTurn!: () => void;
      allEnded = new Promise<void>((resolve) => (endTurn = resolve));
      /** The counter when this member's turn began (every earlier member had ended). */
      let memberStart: number | null = null;
      const turn = async () => {
        await earlierEnded;
        memberStart ??= seq;
      };

      const own: SerializedRecord[] = [];
      const ownLatest = new Map<string, SerializedRecord>();
      let open = true;
      // StoreTransaction: after a failed read or write the member can only roll back, so a
      // half-written batch is never committed, even if the callback caught the error.
      let failure: unknown;
      const guarded = async <R>(work: () => Promise<R> | R): Promise<R> => {
        if (!open) throw new Error(`${storeName} store: this transaction has already finished`);
        if (failure) throw new Error(`${storeName} store: this transaction failed earlier`, { cause: failure });
        try {
          return await work();
        } catch (error) {
          failure = error;
          throw error;
        }
      };

      const tx: StoreTransaction = {
        getRecords: (collection, ids) =>
          guarded(async () => {
            const wanted = [...new Set(ids)];
            // Sent now, handed over in turn (see above).
            const committed = wanted.length > 0 ? backend.read(collection, wanted) : null;
            committed?.catch(() => undefined);
            await turn();
            const found = committed ? await committed : new Map<string, StoredRecord>();
            for (const id of wanted) {
              const key = recordKey(collection, id);
              const pending = ownLatest.get(key) ?? latest.get(key);
              if (pending !== undefined) found.set(id, unserialized(pending));
            }
            return found;
          }),
        putRecords: async (records) => {
          // Refused before anything is written: the transaction stays usable.
          assertRecordWrites(records);
          return guarded(async () => {
            // Serialized now: a body that cannot be stored fails this call, not the group's commit.
            const texts = records.map((record) => record.bodyText ?? JSON.stringify(record.body));
            await turn();
            const stored = records.map((record, index) => withSeq(record, seq + index + 1));
            seq += stored.length;
            stored.forEach((record, index) => {
              const previousAccess = records[index]!.previousAccess;
              // Field by field: spreading the record would parse a body given only as text.
              const { collection, id, seq: recordSeq, hlc, deleted, ownerId, teamId } = record;
              const serialized: SerializedRecord = {
                collection,
                id,
                seq: recordSeq,
                hlc,
                deleted,
                ownerId,
                teamId,
                text: texts[index]!,
                ...(previousAccess ? { previousAccess } : {}),
              };
              own.push(serialized);
              ownLatest.set(recordKey(record.collection, record.id), serialized);
            });
            return stored;
          });
        },
      };

      let outcome: { ok: true; value: T } | { ok: false; error: unknown };
      try {
        outcome = { ok: true, value: await fn(tx) };
      } catch (error) {
        outcome = { ok: false, error };
      }
      open = false;
      try {
        // Members end in order, whatever order their callbacks finish in.
        await turn();
        const start = memberStart ?? seq;
        if (!outcome.ok || failure) {
          seq = start;
          throw outcome.ok ? failure : outcome.error;
        }
        written.push(...own);
        for (const [key, record] of ownLatest) latest.set(key, record);
        if (own.length > 0) backend.write?.(own);
        return { value: outcome.value, lastSeq: seq > start ? seq : 0 };
      } finally {
        endTurn();
      }
    },

    commit(openNext) {
      return backend.commit(written, seq, openNext);
    },

    async rollback() {
      await backend.rollback();
    },
  };
}

/** A pending write as a read returns it: a body of its own, parsed from what will be stored. */
function unserialized(record: SerializedRecord): StoredRecord {
  const { text, previousAccess, ...stored } = record;
  void previousAccess;
  return { ...stored, body: JSON.parse(text) as Record<string, unknown> };
}
