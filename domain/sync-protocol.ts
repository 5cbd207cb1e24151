import type { CollectionDocs, CollectionName } from './collections';
import type { DomainErrorCode } from './errors';

/**
 * The replication protocol between a device and the sync server (docs/sync-protocol.md), as types
 * both sides compile against. Documents travel as the client stores them plus RxDB's `_deleted`.
 */
export type SyncDocument<C extends CollectionName = CollectionName> = CollectionDocs[C] & { _deleted: boolean };

/** A pull checkpoint: the server sequence number of the last change the device has. */
export interface SyncCheckpoint {
  seq: number;
}

export interface PullResponse<C extends CollectionName = CollectionName> {
  documents: SyncDocument<C>[];
  checkpoint: SyncCheckpoint;
  /** The server's current sequence, so a device can show how far an initial sync has come. */
  serverSeq: number;
}

/**
 * `GET /sync/:collection/count`: how many documents pulls from a checkpoint up to `serverSeq`
 * will send this user (within what they may read), so a device can show a long sync's progress.
 */
export interface PullCountResponse {
  documents: number;
  /** The server's sequence the count was taken at. */
  serverSeq: number;
}

export interface PushRow<C extends CollectionName = CollectionName> {
  newDocumentState: SyncDocument<C>;
  /** The server state this device last saw; null for a record it created. */
  assumedMasterState: SyncDocument<C> | null;
}

export interface PushRequest<C extends CollectionName = CollectionName> {
  rows: PushRow<C>[];
}

/** Why the server refused one row. Nothing of a refused row is written. */
export type RejectionCode =
  DomainErrorCode | 'schema.invalid' | 'record.hardDeleteForbidden' | 'permission.denied' | 'record.idMismatch';

export interface PushRejection<C extends CollectionName = CollectionName> {
  id: string;
  code: RejectionCode;
  message: string;
  params?: Record<string, string | number>;
  /** The server's state of the record (null if it has none): the device reverts to it. */
  master: SyncDocument<C> | null;
}

export interface PushResponse<C extends CollectionName = CollectionName> {
  /** Rows whose assumed state was stale: the server's current state, for the device to merge. */
  conflicts: SyncDocument<C>[];
  rejected: PushRejection<C>[];
}

/** Every error response of the API has this shape. */
export interface ApiError {
  error: { code: string; message: string; details?: unknown };
}

export const SYNC_LIMITS = {
  /** Rows per push request. */
  maxPushRows: 500,
  /** Documents per pull page. */
  maxPullLimit: 1000,
  defaultPullLimit: 500,
  /** Bytes of a request body (after decompression). */
  maxBodyBytes: 8 * 1024 * 1024,
} as const;
