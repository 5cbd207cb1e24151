import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { firstValueFrom } from 'rxjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionGrant } from '../../domain/auth-protocol';
import { DEFAULT_PIPELINE_ID, DEFAULT_TEAM_ID, SETTING_IDS } from '../../domain/default-records';
import { HybridClock } from '../../domain/hlc';
import { editRecord } from '../../domain/record-edits';
import type { Setting } from '../../domain/schemas/setting';
import type { SyncDocument } from '../../domain/sync-protocol';
import { openDatabase, type OutpostDatabase } from '../../renderer/db/database';
import { pullDefaultRecords } from '../../renderer/db/session';
import { openSyncJournal } from '../../renderer/db/sync/sync-journal';
import type { Workspace } from '../../renderer/db/workspace';
import { changed, ownerSession, pull, pushAccepted } from '../support/protocol-client';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The first start's demo load builds on the default records (pipeline, lists). They are the
 * server's, made at setup: the device pulls them before anything is written, and makes none of
 * its own while the server's are on the way (docs/adr/0040-default-records-come-from-the-server.md).
 */

let server: TestServer;
let owner: SessionGrant;
const opened: OutpostDatabase[] = [];

beforeAll(async () => {
  server = await startTestServer();
  owner = await ownerSession(server.url);
  // The team renamed its team since setup, on another device.
  const teams = (await pull(server.url, 'settings')).documents.find((d) => d.id === SETTING_IDS.teams)!;
  const renamed = editRecord(
    'settings',
    teams as unknown as Setting,
    { items: [{ key: DEFAULT_TEAM_ID, label: 'Andes Field Sales', retired: false }] },
    { userId: owner.user.id, hlc: new HybridClock('laptop').now(), now: new Date().toISOString() },
  )!;
  await pushAccepted(server.url, 'settings', [changed(renamed as unknown as SyncDocument, teams)]);
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});
afterAll(async () => {
  await server.close();
});

async function newDevice(): Promise<Workspace> {
  const db = await openDatabase({
    name: `first-start-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
    storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }) as never,
    multiInstance: false,
    collections: ['pipelines', 'settings'],
  });
  opened.push(db);
  return { db, clock: new HybridClock('newdevice'), journal: await openSyncJournal(db), user: owner.user };
}

describe('the default records at a first start', () => {
  it('are the server’s, pulled before anything builds on them, and the device makes no copy of its own', async () => {
    const ws = await newDevice();
    const auth = { accessToken: async () => owner.accessToken, refresh: async () => null, end: () => undefined };

    await pullDefaultRecords(ws, { url: server.url, auth });

    const teams = (await ws.db.settings.findOne(SETTING_IDS.teams).exec())?.toJSON();
    expect(teams?.items.map((i) => i.label)).toEqual(['Andes Field Sales']);
    const lists = await ws.db.settings.findByIds(Object.values(SETTING_IDS)).exec();
    expect(lists.size).toBe(Object.values(SETTING_IDS).length);
    expect(await ws.db.pipelines.findOne(DEFAULT_PIPELINE_ID).exec()).not.toBeNull();
    expect(await firstValueFrom(ws.journal.pendingCount$), 'nothing waits to be pushed').toBe(0);
  });

  it('are made on the device when it does not sync', async () => {
    const ws = await newDevice();

    await pullDefaultRecords(ws, null);

    const teams = (await ws.db.settings.findOne(SETTING_IDS.teams).exec())?.toJSON();
    expect(teams?.items.map((i) => i.label)).toEqual(['Sales team']);
    expect(await ws.db.pipelines.findOne(DEFAULT_PIPELINE_ID).exec()).not.toBeNull();
  });
});
