import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionGrant } from '../../domain/auth-protocol';
import { HybridClock } from '../../domain/hlc';
import { editRecord } from '../../domain/record-edits';
import type { Deal } from '../../domain/schemas/deal';
import type { SyncDocument } from '../../domain/sync-protocol';
import { insertRecord, updateRecord } from '../../renderer/db/record-writes';
import { SYNC_LOCAL_DOCS, type RejectedChange } from '../../renderer/db/sync/sync-journal';
import { dealBody } from '../support/record-bodies';
import {
  TEST_PASSWORD,
  addUser,
  createSignedInDevice,
  pullEverythingAs,
  pushAcceptedAs,
  setupOwner,
  signIn,
  startTeamServer,
  type SignedInDevice,
  type TeamServer,
} from '../support/team-auth';
import { SERVER_TARGETS, type ServerTarget } from './server-targets';

/**
 * Revocation (docs/sync-pitfalls.md, pitfall 8) from the losing device's point of view: real RxDB devices with
 * the app's own sync engine and journal, signed in to a real server in team mode. A deal that
 * leaves an account executive's sight must leave their device; an edit they made offline to it
 * must be refused with a reason they can read, and must not reach the server.
 */

const WAIT_MS = 15_000;

for (const target of SERVER_TARGETS) describeRevocation(target);

function describeRevocation(target: ServerTarget) {
  describe(`revocation on the losing device — ${target.name}`, () => {
    let server: TeamServer;
    let manager: SessionGrant;
    let supervisor: SessionGrant;
    let ae1: SessionGrant;
    let ae2: SessionGrant;
    let teamA = '';
    const devices: SignedInDevice[] = [];
    const supervisorClock = new HybridClock('supervisor');

    beforeAll(async () => {
      server = await startTeamServer({ dbUrl: await target.newDbUrl() });
      manager = await setupOwner(server.url, {
        name: 'Marta Manager',
        email: 'manager@outpost.test',
        password: TEST_PASSWORD,
        teamName: 'Team A',
      });
      teamA = manager.user.teamId;
      const add = async (name: string, email: string, role: 'SUPERVISOR' | 'ACCOUNT_EXECUTIVE') => {
        await addUser(server.url, manager.accessToken, { name, email, role, teamId: teamA, password: TEST_PASSWORD });
        return signIn(server.url, email);
      };
      supervisor = await add('Sofía Super', 'supervisor@outpost.test', 'SUPERVISOR');
      ae1 = await add('Ana Exec', 'ae1@outpost.test', 'ACCOUNT_EXECUTIVE');
      ae2 = await add('Alex Exec', 'ae2@outpost.test', 'ACCOUNT_EXECUTIVE');
    });
    afterEach(async () => {
      await Promise.all(devices.splice(0).map((d) => d.close()));
    });
    afterAll(async () => {
      await server?.close();
    });

    const device = async (grant: SessionGrant, name: string) => {
      const d = await createSignedInDevice({ serverUrl: server.url, grant, collections: ['deals'], name });
      devices.push(d);
      return d;
    };

    /** What the device knows, for failure messages. */
    const describeDevice = async (d: SignedInDevice, dealId: string) => {
      const local = await d.db.deals.findOne(dealId).exec();
      return JSON.stringify({
        device: d.name,
        status: d.engine.status,
        local: local ? { ownerId: local.ownerId, title: local.title, notes: local.notes, hlc: local.hlc } : null,
        rejected: (await rejectionsOf(d)).map((r) => ({ id: r.recordId, code: r.code, message: r.message })),
      });
    };

    const waitFor = async (what: string, d: SignedInDevice, dealId: string, ok: () => Promise<boolean>) => {
      const deadline = Date.now() + WAIT_MS;
      while (!(await ok())) {
        if (Date.now() > deadline) {
          throw new Error(`${what}: not within ${WAIT_MS} ms on ${target.name}. ${await describeDevice(d, dealId)}`);
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    };

    const rejectionsOf = async (d: SignedInDevice) =>
      (await d.db.getLocal<{ items: RejectedChange[] }>(SYNC_LOCAL_DOCS.rejections))?.toJSON().data.items ?? [];

    /** The deal as the server holds it, pulled by the manager (who sees everything). */
    const onServer = async (id: string) => {
      const pulled = await pullEverythingAs(server.url, manager.accessToken, 'deals');
      return pulled.documents.filter((d) => d.id === id).pop();
    };

    /** A supervisor's edit over the API, made against the state the supervisor pulls now. */
    const supervisorEdits = async (id: string, patch: Partial<Deal>) => {
      const pulled = await pullEverythingAs(server.url, supervisor.accessToken, 'deals');
      const current = pulled.documents.filter((d) => d.id === id).pop();
      if (!current || current._deleted) throw new Error(`the supervisor cannot see deal ${id}`);
      supervisorClock.receive(current.hlc);
      const next = editRecord('deals', current, patch, {
        userId: supervisor.user.id,
        hlc: supervisorClock.now(),
        now: new Date().toISOString(),
      });
      if (!next) throw new Error('the supervisor’s edit changes nothing');
      const doc = { ...next, _deleted: false } as SyncDocument<'deals'>;
      await pushAcceptedAs(server.url, supervisor.accessToken, 'deals', [
        { newDocumentState: doc, assumedMasterState: current },
      ]);
      return doc;
    };

    it('refuses the offline edit of a deal reassigned meanwhile: journalled, removed locally, never on the server', async () => {
      const ae1Device = await device(ae1, 'ana-laptop');
      const ae2Device = await device(ae2, 'alex-laptop');

      // The AE's deal, created on their device and synced.
      const deal = await insertRecord(
        ae1Device.ws,
        'deals',
        dealBody({ title: 'Andes Logistics — fleet tracking', ownerId: ae1.user.id, teamId: teamA }),
      );
      await ae1Device.engine.awaitInSync();
      expect(await onServer(deal.id), 'the deal reached the server').toMatchObject({ id: deal.id, hlc: deal.hlc });

      // Offline, the AE writes notes on it.
      await ae1Device.setOnline(false);
      const offlineEdit = await updateRecord(ae1Device.ws, 'deals', deal.id, {
        notes: 'Call Lucía on Monday about the fleet size',
      });
      expect(offlineEdit).not.toBeNull();
      expect(ae1Device.engine.status.pending).toBe(1);

      // Meanwhile the supervisor hands the deal to the other AE, and renames it.
      const reassigned = await supervisorEdits(deal.id, {
        ownerId: ae2.user.id,
        title: 'Andes Logistics — handed to Alex',
      });

      // The AE's device comes back.
      await ae1Device.setOnline(true);
      await waitFor('the refusal is journalled', ae1Device, deal.id, async () =>
        (await rejectionsOf(ae1Device)).some((r) => r.recordId === deal.id),
      );
      await waitFor('the deal leaves the AE’s device', ae1Device, deal.id, async () => {
        return (await ae1Device.db.deals.findOne(deal.id).exec()) === null;
      });
      await ae1Device.engine.awaitInSync();
      const context = await describeDevice(ae1Device, deal.id);

      const rejections = await rejectionsOf(ae1Device);
      expect(rejections, context).toEqual([
        expect.objectContaining({
          collection: 'deals',
          recordId: deal.id,
          code: 'permission.denied',
          message: expect.stringMatching(/\S/),
          attempted: expect.objectContaining({
            id: deal.id,
            notes: 'Call Lucía on Monday about the fleet size',
            ownerId: ae1.user.id,
          }),
        }),
      ]);
      // The reason says nothing of the deal's new contents.
      expect(JSON.stringify(rejections), context).not.toContain('handed to Alex');
      expect(await ae1Device.db.deals.findOne(deal.id).exec(), context).toBeNull();
      expect(await ae1Device.db.deals.find().exec(), context).toEqual([]);
      expect(ae1Device.engine.status.pending, context).toBe(0);
      // Refused, not merged: nothing is listed as an edit that lost to another.
      const overwritten =
        (await ae1Device.db.getLocal<{ items: unknown[] }>(SYNC_LOCAL_DOCS.conflicts))?.toJSON().data.items ?? [];
      expect(overwritten, context).toEqual([]);

      // Nothing of the AE's edit reached the server: it holds the supervisor's version, untouched.
      expect(await onServer(deal.id), context).toEqual(reassigned);
      const stored = (await server.store.getRecords('deals', [deal.id])).get(deal.id);
      expect(stored?.body, context).toMatchObject({ notes: '', ownerId: ae2.user.id });

      // The new owner's device has the deal with the supervisor's change.
      await ae2Device.engine.awaitInSync();
      await waitFor('the deal reaches the new owner', ae2Device, deal.id, async () => {
        const doc = await ae2Device.db.deals.findOne(deal.id).exec();
        return doc?.hlc === reassigned.hlc;
      });
      const onAe2 = (await ae2Device.db.deals.findOne(deal.id).exec())!.toJSON();
      expect(onAe2, await describeDevice(ae2Device, deal.id)).toMatchObject({
        id: deal.id,
        ownerId: ae2.user.id,
        title: 'Andes Logistics — handed to Alex',
        notes: '',
        hlc: reassigned.hlc,
      });
    });

    it('keeps the offline edit of a deal reassigned away and back meanwhile: merged, not refused', async () => {
      const ae1Device = await device(ae1, 'ana-tablet');
      const deal = await insertRecord(
        ae1Device.ws,
        'deals',
        dealBody({ title: 'Névé Outfitters — winter order', ownerId: ae1.user.id, teamId: teamA }),
      );
      await ae1Device.engine.awaitInSync();

      await ae1Device.setOnline(false);
      await updateRecord(ae1Device.ws, 'deals', deal.id, { notes: 'Written on the plane' });
      // Away and back before the device returns: the server logged a removal for it in between.
      await supervisorEdits(deal.id, { ownerId: ae2.user.id });
      const back = await supervisorEdits(deal.id, {
        ownerId: ae1.user.id,
        title: 'Névé Outfitters — winter order (v2)',
      });

      await ae1Device.setOnline(true);
      await ae1Device.engine.awaitInSync();
      await waitFor('the merged edit reaches the server', ae1Device, deal.id, async () => {
        return (await onServer(deal.id))?.notes === 'Written on the plane';
      });
      await ae1Device.engine.awaitInSync();
      const context = await describeDevice(ae1Device, deal.id);
      expect(await rejectionsOf(ae1Device), context).toEqual([]);
      expect(await onServer(deal.id), context).toMatchObject({
        ownerId: ae1.user.id,
        title: back.title,
        notes: 'Written on the plane',
      });
      expect((await ae1Device.db.deals.findOne(deal.id).exec())?.toJSON(), context).toMatchObject({
        ownerId: ae1.user.id,
        title: back.title,
        notes: 'Written on the plane',
      });
      expect(ae1Device.engine.status.pending, context).toBe(0);
    });

    it('drops a deal reassigned away on the next pull, and brings it back when reassigned back', async () => {
      const ae1Device = await device(ae1, 'ana-desktop');
      const deal = await insertRecord(
        ae1Device.ws,
        'deals',
        dealBody({ title: 'Pacífica Foods — cold chain', ownerId: ae1.user.id, teamId: teamA }),
      );
      await ae1Device.engine.awaitInSync();
      expect(await onServer(deal.id)).toMatchObject({ id: deal.id, hlc: deal.hlc });

      // Away, while the AE has no local edit of it.
      await supervisorEdits(deal.id, { ownerId: ae2.user.id });
      await ae1Device.engine.awaitInSync();
      await waitFor('the reassigned deal leaves the device', ae1Device, deal.id, async () => {
        return (await ae1Device.db.deals.findOne(deal.id).exec()) === null;
      });
      expect(await rejectionsOf(ae1Device), 'no refusal: the device had nothing to push').toEqual([]);
      expect(ae1Device.engine.status.pending).toBe(0);

      // And back, with a change made while it was away.
      const back = await supervisorEdits(deal.id, { ownerId: ae1.user.id, notes: 'Back to you, Ana' });
      await ae1Device.engine.awaitInSync();
      await waitFor('the deal comes back', ae1Device, deal.id, async () => {
        return (await ae1Device.db.deals.findOne(deal.id).exec())?.hlc === back.hlc;
      });
      const local = (await ae1Device.db.deals.findOne(deal.id).exec())!.toJSON();
      expect(local, await describeDevice(ae1Device, deal.id)).toMatchObject({
        id: deal.id,
        ownerId: ae1.user.id,
        notes: 'Back to you, Ana',
        title: 'Pacífica Foods — cold chain',
        hlc: back.hlc,
      });

      // The AE can work on it again: an edit now goes through.
      await updateRecord(ae1Device.ws, 'deals', deal.id, { notes: 'Thanks — on it' });
      await ae1Device.engine.awaitInSync();
      expect(await onServer(deal.id)).toMatchObject({ ownerId: ae1.user.id, notes: 'Thanks — on it' });
      expect(await rejectionsOf(ae1Device)).toEqual([]);
    });
  });
}
