import { DEFAULT_TEAM_ID, defaultPipeline, defaultSettings } from '@domain/default-records';
import { uuidv7 } from '@domain/ids';
import type { HybridClock } from '@domain/hlc';
import type { OutpostDatabase } from './database';
import { insertRecord } from './record-writes';
import type { SyncJournal } from './sync/sync-journal';
import type { SessionUser, Workspace } from './workspace';

const SESSION_DOC = 'session';

/** The user of this device, until sign-in arrives (issue 4): a local Sales Manager profile. */
export async function readSession(db: OutpostDatabase): Promise<SessionUser | null> {
  const doc = await db.getLocal<SessionUser>(SESSION_DOC);
  return doc ? doc.toJSON().data : null;
}

export async function createLocalUser(
  db: OutpostDatabase,
  clock: HybridClock,
  journal: SyncJournal,
  name: string,
  locale: 'en' | 'es',
): Promise<Workspace> {
  const user: SessionUser = { id: uuidv7(), teamId: DEFAULT_TEAM_ID, name };
  const ws: Workspace = { db, clock, journal, user };
  await insertRecord(
    ws,
    'users',
    {
      name,
      email: `${user.id.slice(-12)}@local.outpost`,
      role: 'SALES_MANAGER',
      teamId: DEFAULT_TEAM_ID,
      active: true,
      locale,
      avatarHue: 215,
    },
    user.id,
  );
  await ensureDefaultRecords(ws);
  await db.upsertLocal<SessionUser>(SESSION_DOC, user);
  return ws;
}

/**
 * The pipeline and configuration lists every workspace needs, with fixed ids so that two devices
 * starting empty create the same records (and sync merges them as one). Existing ones are kept.
 */
export async function ensureDefaultRecords(ws: Workspace): Promise<void> {
  const { id: pipelineId, ...pipeline } = defaultPipeline();
  if (!(await ws.db.pipelines.findOne(pipelineId).exec())) await insertRecord(ws, 'pipelines', pipeline, pipelineId);
  for (const { id, ...setting } of defaultSettings()) {
    if (!(await ws.db.settings.findOne(id).exec())) await insertRecord(ws, 'settings', setting, id);
  }
}
