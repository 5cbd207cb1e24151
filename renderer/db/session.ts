import type { CollectionName } from '@domain/collections';
import { defaultPipeline, defaultSettings } from '@domain/default-records';
import { insertRecord } from './record-writes';
import { startSync } from './sync/sync-engine';
import { createSyncHttp, type SyncAuth } from './sync/sync-http';
import type { Workspace } from './workspace';

/**
 * One local database per signed-in user, so two people sharing a computer never see each other's
 * records (and a sign-out keeps the data for that user's next sign-in). Ids are UUIDs; anything
 * else is reduced to characters IndexedDB names accept everywhere.
 */
export function userDatabaseName(userId: string): string {
  return `outpost-${userId.toLowerCase().replace(/[^a-z0-9-]/g, '')}`;
}

/** The collections that hold the default records (domain/default-records.ts). */
export const DEFAULT_RECORD_COLLECTIONS: readonly CollectionName[] = ['pipelines', 'settings'];

/**
 * The pipeline and configuration lists every workspace needs. The server creates them at setup;
 * a device makes them only where that cannot race the server's copies
 * (docs/adr/0040-default-records-come-from-the-server.md): without a server, or once its pulls of
 * pipelines and settings are stored (SyncEngine.caughtUp) and found them missing. Fixed ids, so
 * copies would merge as one record — but a copy made while the server's were on the way is an edit
 * nobody made: pushed, and able to win over what the team set or to be listed as replaced.
 * Existing ones are kept. Only a Sales Manager may make them.
 */
export async function ensureDefaultRecords(ws: Workspace): Promise<void> {
  if (ws.user.role !== 'SALES_MANAGER') return;
  const { id: pipelineId, ...pipeline } = defaultPipeline();
  if (!(await ws.db.pipelines.findOne(pipelineId).exec())) await insertRecord(ws, 'pipelines', pipeline, pipelineId);
  for (const { id, ...setting } of defaultSettings()) {
    if (!(await ws.db.settings.findOne(id).exec())) await insertRecord(ws, 'settings', setting, id);
  }
}

/**
 * The default records on this device before anything builds on them (the demo load of the first
 * start): pipelines and settings pulled from `server` first — with the app's own sync engine,
 * stopped once both are stored, so the app's engine continues from there — then made here only if
 * still missing. Without a server (sync turned off) they are made at once. Resolves only once the
 * server has answered: the demo load waits rather than racing the server's records.
 */
export async function pullDefaultRecords(ws: Workspace, server: { url: string; auth: SyncAuth } | null): Promise<void> {
  if (server) {
    const engine = startSync({
      db: ws.db,
      http: createSyncHttp({ baseUrl: server.url, auth: server.auth }),
      clock: ws.clock,
      journal: ws.journal,
      collections: DEFAULT_RECORD_COLLECTIONS,
      liveStream: false,
    });
    try {
      await Promise.all(DEFAULT_RECORD_COLLECTIONS.map((collection) => engine.caughtUp(collection)));
    } finally {
      await engine.stop();
    }
  }
  await ensureDefaultRecords(ws);
}
