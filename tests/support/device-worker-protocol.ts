import type { ConflictEntry, RejectedChange } from '../../renderer/db/sync/sync-journal';
import type { SyncStatus } from '../../renderer/db/sync/sync-engine';
import type { CreatedRecord, DeviceCollection, DeviceOp, OpOutcome } from './device-ops';

/** What a device worker can be asked to do; each call answers once, in the order calls were sent. */
export interface DeviceWorkerApi {
  /** Open a fresh simulated device (createTestDevice) against a server. */
  open(args: { serverUrl: string; name: string; userId: string; clockSkewMs?: number }): { clockNode: string };
  ensurePipeline(): CreatedRecord | null;
  apply(op: DeviceOp): OpOutcome;
  setOnline(online: boolean): void;
  /** engine.awaitInSync(), bounded: `inSync` false when it did not finish within `timeoutMs`. */
  awaitInSync(timeoutMs: number): { inSync: boolean; status: SyncStatus };
  status(): SyncStatus;
  snapshot(): DeviceSnapshot;
  /** Every local write of one record since the device opened (user edits, pulls, merges), for traces. */
  history(collection: DeviceCollection, id: string): LocalWrite[];
  close(): void;
}

export interface LocalWrite {
  at: number;
  /** Who wrote: RxDB's write context ('replication-up-write-conflict' for a merge, 'replication-downstream-…' for a pull, else the app). */
  context: string;
  doc: Record<string, unknown>;
}

export interface DeviceSnapshot {
  /** Every live record of each collection, as RxDB's toJSON() gives it (no _rev/_meta). */
  records: Record<DeviceCollection, Record<string, unknown>[]>;
  conflicts: ConflictEntry[];
  rejections: RejectedChange[];
  status: SyncStatus;
  /** The journal's list of local writes the server has not acknowledged (collection/id → hlc). */
  pendingEntries: Record<string, string>;
  /** Unhandled errors inside the worker since the device was opened. */
  workerErrors: string[];
}

export type DeviceWorkerMethod = keyof DeviceWorkerApi;

export interface DeviceWorkerRequest<M extends DeviceWorkerMethod = DeviceWorkerMethod> {
  id: number;
  method: M;
  args: Parameters<DeviceWorkerApi[M]>;
}

export type DeviceWorkerResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
