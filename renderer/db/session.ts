import { DEFAULT_TEAM_ID, defaultPipeline, defaultSettings } from '@domain/default-records';
import { uuidv7 } from '@domain/ids';
import { createRecord } from '@domain/record-edits';
import type { HybridClock } from '@domain/hlc';
import type { OutpostDatabase } from './database';
import type { SessionUser } from './workspace';

const SESSION_DOC = 'session';

/** The user of this device, until sign-in arrives (issue 4): a local Sales Manager profile. */
export async function readSession(db: OutpostDatabase): Promise<SessionUser | null> {
  const doc = await db.getLocal<SessionUser>(SESSION_DOC);
  return doc ? doc.toJSON().data : null;
}

export async function createLocalUser(
  db: OutpostDatabase,
  clock: HybridClock,
  name: string,
  locale: 'en' | 'es',
): Promise<SessionUser> {
  const id = uuidv7();
  const user: SessionUser = { id, teamId: DEFAULT_TEAM_ID, name };
  const ctx = { userId: id, hlc: clock.now(), now: new Date().toISOString() };
  await db.users.insert(
    createRecord(
      'users',
      id,
      {
        name,
        email: `${id.slice(-12)}@local.outpost`,
        role: 'SALES_MANAGER',
        teamId: DEFAULT_TEAM_ID,
        active: true,
        locale,
        avatarHue: 215,
      },
      ctx,
    ),
  );
  await ensureDefaultRecords(db, clock, id);
  await db.upsertLocal<SessionUser>(SESSION_DOC, user);
  return user;
}

/**
 * The pipeline and configuration lists every workspace needs, with fixed ids so that two devices
 * starting empty create the same records. Existing ones are left alone.
 */
export async function ensureDefaultRecords(db: OutpostDatabase, clock: HybridClock, userId: string): Promise<void> {
  const ctx = () => ({ userId, hlc: clock.now(), now: new Date().toISOString() });
  const { id: pipelineId, ...pipeline } = defaultPipeline();
  if (!(await db.pipelines.findOne(pipelineId).exec())) {
    await db.pipelines.insert(createRecord('pipelines', pipelineId, pipeline, ctx()));
  }
  for (const { id, ...setting } of defaultSettings()) {
    if (!(await db.settings.findOne(id).exec())) await db.settings.insert(createRecord('settings', id, setting, ctx()));
  }
}
