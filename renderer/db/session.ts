import { defaultPipeline, defaultSettings } from '@domain/default-records';
import { insertRecord } from './record-writes';
import type { Workspace } from './workspace';

/**
 * One local database per signed-in user, so two people sharing a computer never see each other's
 * records (and a sign-out keeps the data for that user's next sign-in). Ids are UUIDs; anything
 * else is reduced to characters IndexedDB names accept everywhere.
 */
export function userDatabaseName(userId: string): string {
  return `outpost-${userId.toLowerCase().replace(/[^a-z0-9-]/g, '')}`;
}

/**
 * The pipeline and configuration lists every workspace needs. The server creates them at setup
 * now; this stays as a harmless fallback for a Sales Manager whose device has not pulled them yet
 * (fixed ids, so the device's copy and the server's merge as one record). Existing ones are kept.
 */
export async function ensureDefaultRecords(ws: Workspace): Promise<void> {
  if (ws.user.role !== 'SALES_MANAGER') return;
  const { id: pipelineId, ...pipeline } = defaultPipeline();
  if (!(await ws.db.pipelines.findOne(pipelineId).exec())) await insertRecord(ws, 'pipelines', pipeline, pipelineId);
  for (const { id, ...setting } of defaultSettings()) {
    if (!(await ws.db.settings.findOne(id).exec())) await insertRecord(ws, 'settings', setting, id);
  }
}
