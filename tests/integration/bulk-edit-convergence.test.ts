import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionGrant } from '../../domain/auth-protocol';
import { planBulkEdit } from '../../domain/bulk-edits';
import type { Actor } from '../../domain/permissions';
import type { Lead } from '../../domain/schemas/lead';
import { applyBulkPlan, readBulkRecords, undoBulkRun } from '../../renderer/db/bulk-writes';
import { insertRecord, updateRecord } from '../../renderer/db/record-writes';
import { leadBody } from '../support/record-bodies';
import {
  TEST_PASSWORD,
  addUser,
  createSignedInDevice,
  pullEverythingAs,
  setupOwner,
  signIn,
  startTeamServer,
  type SignedInDevice,
  type TeamServer,
} from '../support/team-auth';
import { SERVER_TARGETS, type ServerTarget } from './server-targets';

const WAIT_MS = 20_000;
const COUNT = 50;

for (const target of SERVER_TARGETS) describeBulkConvergence(target);

/**
 * A bulk assign of 50 leads on one device and its undo, with an edit of another field made
 * meanwhile on a second device: the server and both devices end with the same leads, the
 * owners back as they were and the other device's edit kept.
 */
function describeBulkConvergence(target: ServerTarget) {
  describe(`a bulk edit and its undo through the server — ${target.name}`, () => {
    let server: TeamServer;
    let manager: SessionGrant;
    let rep: SessionGrant;
    const devices: SignedInDevice[] = [];

    beforeAll(async () => {
      server = await startTeamServer({ dbUrl: await target.newDbUrl() });
      manager = await setupOwner(server.url, {
        name: 'Marta Manager',
        email: 'manager@outpost.test',
        password: TEST_PASSWORD,
        teamName: 'Team A',
      });
      await addUser(server.url, manager.accessToken, {
        name: 'Rafa Rep',
        email: 'rep@outpost.test',
        role: 'SDR',
        teamId: manager.user.teamId,
        password: TEST_PASSWORD,
      });
      rep = await signIn(server.url, 'rep@outpost.test');
    });
    afterEach(async () => {
      await Promise.all(devices.splice(0).map((d) => d.close()));
    });
    afterAll(async () => {
      await server?.close();
    });

    const device = async (name: string) => {
      const d = await createSignedInDevice({ serverUrl: server.url, grant: manager, collections: ['leads'], name });
      devices.push(d);
      return d;
    };
    const onServer = async () => {
      const pulled = await pullEverythingAs(server.url, manager.accessToken, 'leads');
      const latest = new Map<string, Lead>();
      for (const doc of pulled.documents) latest.set(doc.id, doc as unknown as Lead);
      return latest;
    };
    const eventually = async (what: string, ok: () => Promise<boolean>) => {
      const deadline = Date.now() + WAIT_MS;
      while (!(await ok())) {
        if (Date.now() > deadline) throw new Error(`${what}: not within ${WAIT_MS} ms on ${target.name}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };

    it('converges on the bulk assign, then on its undo, keeping a concurrent edit of another field', async () => {
      const laptop = await device('laptop');
      const desktop = await device('desktop');
      const me = manager.user;
      const made: Lead[] = [];
      for (let n = 0; n < COUNT; n++) {
        made.push(
          await insertRecord(
            laptop.ws,
            'leads',
            leadBody({ firstName: `Lead ${n}`, ownerId: me.id, teamId: me.teamId }),
          ),
        );
      }
      const ids = made.map((l) => l.id);
      await laptop.engine.awaitInSync();
      await eventually(
        'the desktop holds every lead',
        async () => (await readBulkRecords(desktop.ws, 'leads', ids)).length === COUNT,
      );

      const actor: Actor = { id: me.id, role: me.role, teamId: me.teamId, teamMemberIds: [me.id, rep.user.id] };
      const plan = planBulkEdit(
        'leads',
        made,
        { kind: 'assignOwner', ownerId: rep.user.id },
        { actor, at: new Date().toISOString() },
      );
      expect(plan.edits).toHaveLength(COUNT);
      const [run] = await Promise.all([
        applyBulkPlan(laptop.ws, 'leads', plan),
        updateRecord(desktop.ws, 'leads', ids[0]!, { notes: 'Asked for a call on Monday' }),
      ]);
      await laptop.engine.awaitInSync();
      await desktop.engine.awaitInSync();
      await eventually('the server holds the assign and the note', async () => {
        const leads = await onServer();
        return ids.every((id) => leads.get(id)?.ownerId === rep.user.id) && leads.get(ids[0]!)?.notes !== '';
      });

      await undoBulkRun(laptop.ws, run);
      await laptop.engine.awaitInSync();
      await eventually('the server holds the undo', async () => {
        const leads = await onServer();
        return ids.every((id) => leads.get(id)?.ownerId === me.id);
      });
      await eventually('the desktop holds the undo', async () =>
        (await readBulkRecords(desktop.ws, 'leads', ids)).every((l) => l.ownerId === me.id),
      );

      const server = await onServer();
      for (const d of [laptop, desktop]) {
        const local = await readBulkRecords(d.ws, 'leads', ids);
        expect(local.map((l) => [l.ownerId, l.notes])).toEqual(ids.map((id) => [me.id, server.get(id)!.notes]));
      }
      expect(server.get(ids[0]!)?.notes).toBe('Asked for a call on Monday');
    });
  });
}
