import type { CollectionName } from '@domain/collections';
import type { AuthStore } from './auth-store';

/**
 * A record as the server keeps it: the client's document body untouched (never rewritten:
 * docs/sync-pitfalls.md, pitfall 5), plus server-owned columns beside it. `seq` orders every write of the whole
 * store; a pull checkpoint is a seq, never a time.
 */
export interface StoredRecord {
  collection: CollectionName;
  id: string;
  seq: number;
  /** The body's `hlc`: equality means "the same version" (idempotent replays). */
  hlc: string;
  /** RxDB removal (`_deleted`), not the user's soft delete. */
  deleted: boolean;
  /** Copied from the body for access filtering inside the pull query ('' when the body has none). */
  ownerId: string;
  teamId: string;
  body: Record<string, unknown>;
}

/** What a write puts; the store assigns `seq`. */
export type RecordWrite = Omit<StoredRecord, 'seq' | 'body'> & {
  /** The document; may be left out when `bodyText` is given (the store keeps the text). */
  body?: Record<string, unknown>;
  /**
   * Exactly `JSON.stringify(body)`, when the caller has it already: the store keeps this text
   * instead of serializing the body again, and needs no body object at all. The push route has
   * every row's text from its decoder thread (push-decoding.ts).
   */
  bodyText?: string;
  /**
   * Set when this write changes the record's owner or team: who could see it until now and the
   * body they last saw. The store logs it under the write's seq, so that a pull can send the record
   * as a removal to those who lose sight of it (docs/sync-pitfalls.md, pitfall 8).
   */
  previousAccess?: PreviousAccess;
};

export interface PreviousAccess {
  ownerId: string;
  teamId: string;
  /** The stored version's hlc. */
  hlc: string;
  /** The stored body before this write, as stored (JSON text). */
  bodyText: string;
}

/**
 * Which records a pull may return. Applied inside the query (docs/sync-pitfalls.md, pitfall 3: filtering after LIMIT gives
 * short pages, and RxDB stops pulling at a short page).
 */
export type AccessScope =
  | { kind: 'all' }
  | {
      kind: 'scoped';
      /** Records owned by one of these users are visible. */
      ownerIds: readonly string[];
      /** Records of one of these teams are visible. */
      teamIds: readonly string[];
      /** Records with no owner ('') are visible (e.g. unassigned leads for SDRs). */
      unowned: boolean;
      /** Collections visible whole regardless of owner (pipelines, settings, users…). */
      openCollections: readonly CollectionName[];
    };

export interface PullPage {
  /**
   * Visible records in seq order, and removals: for a record that left the scope's sight, its id,
   * the hlc of the last version the scope could see, `deleted: true` and the seq of the write that
   * took it away — with a neutral body and no owner or team (domain/removal-stub.ts), nothing of it.
   */
  records: StoredRecord[];
  /**
   * The seq to resume after: the last record returned, or, when the page is not full, the store's
   * sequence at the time of the read — so a client that sees nothing new still moves forward.
   */
  checkpoint: number;
  /** The store's sequence at the time of the read, from the same snapshot (a sync's progress). */
  head: number;
}

/** How many documents pulls from a checkpoint up to the store's head would send (a sync's progress). */
export interface PullCount {
  /** Visible records and removals with a seq after the checkpoint, at or below `head`. */
  documents: number;
  /** The store's sequence at the time of the count, from the same snapshot. */
  head: number;
}

/**
 * Writes run inside one serialized transaction: reads see the transaction's own writes.
 *
 * A malformed write (unknown collection, missing id…) is refused before anything is written and
 * leaves the transaction usable. Any other failure of `getRecords` or `putRecords` spoils the
 * transaction: it rolls back and `transaction()` rejects with that error even if the callback
 * caught it, so a half-written batch is never committed (PostgreSQL cannot go on after a failed
 * statement; SQLite is held to the same rule).
 */
export interface StoreTransaction {
  getRecords(collection: CollectionName, ids: readonly string[]): Promise<Map<string, StoredRecord>>;
  /** Insert or replace; returns the new records with their assigned, strictly increasing seqs. */
  putRecords(records: readonly RecordWrite[]): Promise<StoredRecord[]>;
}

/**
 * The one interface both adapters (SQLite, PostgreSQL) implement and one contract test file
 * checks (tests/integration/store-contract.test.ts).
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Server-only sign-in data (credentials, refresh tokens, secrets): never replicated. */
  readonly auth: AuthStore;
  /**
   * Run `fn` in a write transaction; writers are serialized so commit order equals seq order.
   * When `fn` throws, everything it wrote is rolled back and no seq is used up. Calling
   * `transaction()` again from inside `fn` is refused (it would wait for itself): use `tx`.
   */
  transaction<T>(fn: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  /** Records of one collection after `afterSeq`, in seq order, at most `limit`, within `scope`. */
  pull(collection: CollectionName, afterSeq: number, limit: number, scope: AccessScope): Promise<PullPage>;
  /**
   * What pulls of `collection` from `afterSeq` to the head would send within `scope`, counted with
   * the same filters as `pull` (a record the scope cannot read is never counted).
   */
  pullCount(collection: CollectionName, afterSeq: number, scope: AccessScope): Promise<PullCount>;
  /** Read outside a write transaction (lookups for validation, e.g. a deal's pipeline). */
  getRecords(collection: CollectionName, ids: readonly string[]): Promise<Map<string, StoredRecord>>;
  /** The highest seq written so far (0 for an empty store). */
  currentSeq(): Promise<number>;
  /** Resolves when the store answers a trivial query. */
  ping(): Promise<void>;
  /**
   * Called after every committed write with the new highest seq, in this process or — for
   * PostgreSQL — in any server process sharing the database (LISTEN/NOTIFY).
   */
  onCommitted(listener: (seq: number) => void): () => void;
  close(): Promise<void>;
}
