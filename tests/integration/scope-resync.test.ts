import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionGrant } from '../../domain/auth-protocol';
import { insertRecord, updateRecord } from '../../renderer/db/record-writes';
import { dealBody } from '../support/record-bodies';
import {
  TEST_PASSWORD,
  addUser,
  changeUser,
  createSignedInDevice,
  setupOwner,
  signIn,
  startTeamServer,
  type SignedInDevice,
  type TeamServer,
} from '../support/team-auth';

/**
 * A change of the *user* (here: a promotion) changes what they may see without any record
 * changing, so no removal or new version reaches their device by checkpoint: records that entered
 * their sight are older than the device's checkpoints. The scope key tells the device; it lets its
 * pending edit reach the server first, then starts its replicated collections empty and pulls
 * again (docs/adr/0007-record-access-in-replication.md). Real RxDB device, real server.
 */

const WAIT_MS = 15_000;

describe('a device whose user’s sight changed resyncs under the new scope', () => {
  let server: TeamServer;
  let manager: SessionGrant;
  let ana: SessionGrant;
  let alex: SessionGrant;
  let teamA = '';
  const devices: SignedInDevice[] = [];

  beforeAll(async () => {
    server = await startTeamServer();
    manager = await setupOwner(server.url, {
      name: 'Marta Manager',
      email: 'manager@outpost.test',
      password: TEST_PASSWORD,
      teamName: 'Team A',
    });
    teamA = manager.user.teamId;
    for (const [name, email] of [
      ['Ana Exec', 'ana@outpost.test'],
      ['Alex Exec', 'alex@outpost.test'],
    ] as const) {
      await addUser(server.url, manager.accessToken, {
        name,
        email,
        role: 'ACCOUNT_EXECUTIVE',
        teamId: teamA,
        password: TEST_PASSWORD,
      });
    }
    ana = await signIn(server.url, 'ana@outpost.test');
    alex = await signIn(server.url, 'alex@outpost.test');
  });
  afterEach(async () => {
    await Promise.all(devices.splice(0).map((d) => d.close()));
  });
  afterAll(async () => {
    await server?.close();
  });

  const until = async (what: string, ok: () => Promise<boolean>, context: () => Promise<string>) => {
    const deadline = Date.now() + WAIT_MS;
    while (!(await ok())) {
      if (Date.now() > deadline) throw new Error(`${what}: not within ${WAIT_MS} ms. ${await context()}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  it('pushes the pending edit, then fetches the team’s older deals after a promotion to supervisor', async () => {
    // Alex's deal is older than anything on Ana's device.
    const alexDevice = await createSignedInDevice({
      serverUrl: server.url,
      grant: alex,
      collections: ['deals'],
      name: 'alex',
    });
    devices.push(alexDevice);
    const alexDeal = await insertRecord(
      alexDevice.ws,
      'deals',
      dealBody({ title: 'Pampa Foods — cold chain', ownerId: alex.user.id, teamId: teamA }),
    );
    await alexDevice.engine.awaitInSync();

    let resyncRequested!: () => void;
    const resync = new Promise<void>((resolve) => (resyncRequested = resolve));
    const anaDevice = await createSignedInDevice({
      serverUrl: server.url,
      grant: ana,
      collections: ['deals'],
      name: 'ana',
      onScopeResync: () => resyncRequested(),
    });
    devices.push(anaDevice);
    const anaDeal = await insertRecord(
      anaDevice.ws,
      'deals',
      dealBody({ title: 'Andes Logistics — fleet tracking', ownerId: ana.user.id, teamId: teamA }),
    );
    await anaDevice.engine.awaitInSync();
    const local = async () => (await anaDevice.db.deals.find().exec()).map((d) => d.id).sort();
    expect(await local(), 'an account executive sees only her own deal').toEqual([anaDeal.id]);

    // Offline, Ana writes notes; meanwhile the manager promotes her.
    await anaDevice.setOnline(false);
    await updateRecord(anaDevice.ws, 'deals', anaDeal.id, { notes: 'Fleet of 40 trucks' });
    await changeUser(server.url, manager.accessToken, ana.user.id, { role: 'SUPERVISOR' });

    // Back online: the edit goes first, then the device asks for a fresh pull.
    await anaDevice.setOnline(true);
    const context = async () =>
      JSON.stringify({
        status: anaDevice.engine.status,
        local: await local(),
        pending: anaDevice.engine.status.pending,
      });
    await until(
      'the device notices the new scope',
      () => Promise.race([resync.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 100))]),
      context,
    );
    const stored = (await server.store.getRecords('deals', [anaDeal.id])).get(anaDeal.id);
    expect(stored?.body, 'the pending edit reached the server before the resync').toMatchObject({
      notes: 'Fleet of 40 trucks',
    });
    expect(anaDevice.engine.status.pending).toBe(0);

    // The app reloads: the same database opens empty and pulls under the new scope.
    const dbName = anaDevice.dbName;
    await anaDevice.close();
    devices.splice(devices.indexOf(anaDevice), 1);
    const reopened = await createSignedInDevice({
      serverUrl: server.url,
      grant: ana,
      collections: ['deals'],
      name: 'ana',
      dbName,
    });
    devices.push(reopened);
    await reopened.engine.awaitInSync();
    const now = async () => (await reopened.db.deals.find().exec()).map((d) => d.toJSON());
    expect(
      (await now()).map((d) => [d.id, d.notes]).sort(),
      'the supervisor now has the team’s older deal and her own, edit included',
    ).toEqual(
      [
        [anaDeal.id, 'Fleet of 40 trucks'],
        [alexDeal.id, ''],
      ].sort(),
    );
    expect(reopened.engine.status.pending, 'the fresh pull is not mistaken for local changes').toBe(0);
  });
});
