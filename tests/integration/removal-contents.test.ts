import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionGrant } from '../../domain/auth-protocol';
import { SETTING_IDS } from '../../domain/default-records';
import { HybridClock } from '../../domain/hlc';
import { uuidv7 } from '../../domain/ids';
import { createRecord, editRecord } from '../../domain/record-edits';
import { removalStub } from '../../domain/removal-stub';
import type { Deal } from '../../domain/schemas/deal';
import type { Role } from '../../domain/schemas/user-profile';
import type { Setting } from '../../domain/schemas/setting';
import type { SyncDocument } from '../../domain/sync-protocol';
import { dealBody } from '../support/record-bodies';
import {
  TEST_PASSWORD,
  addUser,
  changeUser,
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
 * A removal tells a device to drop a record it may hold; it must not tell anyone what the record
 * said. The access-change log sends removals to whoever's *current* scope matches the record's
 * old owner or team, and that scope can include people who never could read the record: a
 * supervisor whose team gained the record's former owner, or who joined the team after the record
 * left it. They receive the removal — and must learn nothing from it.
 */

for (const target of SERVER_TARGETS) describeRemovalContents(target);

function describeRemovalContents(target: ServerTarget) {
  describe(`removals carry nothing of the record — ${target.name}`, () => {
    let server: TeamServer;
    let manager: SessionGrant;
    const teams = { A: '', B: '' };
    const clock = new HybridClock('removals');

    const stamp = (userId: string) => ({ userId, hlc: clock.now(), now: new Date().toISOString() });
    const grantOf = async (name: string, role: Role, team: 'A' | 'B') => {
      const email = `${name.toLowerCase().replace(/\W+/g, '.')}@outpost.test`;
      await addUser(server.url, manager.accessToken, {
        name,
        email,
        role,
        teamId: teams[team],
        password: TEST_PASSWORD,
      });
      return signIn(server.url, email);
    };
    /** Pushes a new version of a record the pusher can see, made from the version they hold. */
    const edit = async (by: SessionGrant, current: SyncDocument<'deals'>, patch: Partial<Deal>) => {
      clock.receive(current.hlc);
      const next = {
        ...editRecord('deals', current, patch, stamp(by.user.id))!,
        _deleted: false,
      } as SyncDocument<'deals'>;
      await pushAcceptedAs(server.url, by.accessToken, 'deals', [
        { newDocumentState: next, assumedMasterState: current },
      ]);
      return next;
    };
    const create = async (by: SessionGrant, deal: Partial<Deal>) => {
      const doc = {
        ...createRecord('deals', uuidv7(), dealBody(deal), stamp(by.user.id)),
        _deleted: false,
      } as SyncDocument<'deals'>;
      await pushAcceptedAs(server.url, by.accessToken, 'deals', [{ newDocumentState: doc, assumedMasterState: null }]);
      return doc;
    };

    beforeAll(async () => {
      server = await startTeamServer({ dbUrl: await target.newDbUrl() });
      manager = await setupOwner(server.url, {
        name: 'Marta Manager',
        email: 'manager@outpost.test',
        password: TEST_PASSWORD,
        teamName: 'Team A',
      });
      teams.A = manager.user.teamId;
      teams.B = uuidv7();
      const pulled = await pullEverythingAs(server.url, manager.accessToken, 'settings');
      const teamList = pulled.documents.find((d) => d.id === SETTING_IDS.teams) as SyncDocument<'settings'>;
      clock.receive(teamList.hlc);
      const withB = editRecord(
        'settings',
        teamList,
        { items: [...(teamList as Setting).items, { key: teams.B, label: 'Team B', retired: false }] },
        stamp(manager.user.id),
      )!;
      await pushAcceptedAs(server.url, manager.accessToken, 'settings', [
        { newDocumentState: { ...withB, _deleted: false }, assumedMasterState: teamList },
      ]);
    });
    afterAll(async () => {
      await server?.close();
    });

    /** What a pull from 0 as `who` says about `deal`, and the whole answer as text. */
    const whatReaches = async (who: SessionGrant, deal: SyncDocument<'deals'>) => {
      const pulled = await pullEverythingAs(server.url, who.accessToken, 'deals');
      return { about: pulled.documents.filter((d) => d.id === deal.id), text: JSON.stringify(pulled.documents) };
    };

    /**
     * What the app's own device of `who` stores of `deal` (RxDB validating every pulled document
     * against the schema), once it is in sync again without an error.
     */
    const storedOn = async (device: SignedInDevice, deal: SyncDocument<'deals'>) => {
      await device.engine.awaitInSync();
      expect(device.engine.status, 'the device syncs without an error').toMatchObject({
        state: 'online',
        lastError: null,
      });
      expect(await device.db.deals.findOne(deal.id).exec(), 'the deal is gone from the device').toBeNull();
      const [stored] = await device.db.deals.storageInstance.findDocumentsById([deal.id], true);
      if (!stored) return undefined;
      const { _meta, _rev, _attachments, ...held } = stored as unknown as Record<string, unknown>;
      void [_meta, _rev, _attachments];
      return held;
    };

    it('a supervisor whose team gains a rep receives that rep’s former deal as a removal without title, notes or value', async () => {
      const ana = await grantOf('Ana Exec', 'ACCOUNT_EXECUTIVE', 'A');
      const alex = await grantOf('Alex Exec', 'ACCOUNT_EXECUTIVE', 'A');
      const sofia = await grantOf('Sofía Super', 'SUPERVISOR', 'A');
      const beatriz = await grantOf('Beatriz Super', 'SUPERVISOR', 'B');

      const deal = await create(ana, {
        title: 'Andes Logistics — confidential fleet bid',
        notes: 'Their CFO will sign at 18% off; do not tell procurement',
        value: { amount: 987_654_321, currency: 'USD' },
        ownerId: ana.user.id,
        teamId: teams.A,
      });
      const anasLaptop = await createSignedInDevice({ serverUrl: server.url, grant: ana, collections: ['deals'] });
      try {
        await anasLaptop.engine.caughtUp('deals');
        await anasLaptop.engine.awaitInSync();
        expect(await anasLaptop.db.deals.findOne(deal.id).exec(), 'Ana holds her deal').not.toBeNull();
        await edit(sofia, deal, { ownerId: alex.user.id });
        expect(await storedOn(anasLaptop, deal), 'Ana’s laptop drops the deal it lost sight of').toEqual(
          removalStub('deals', deal.id, deal.hlc),
        );
      } finally {
        await anasLaptop.close();
      }
      await changeUser(server.url, manager.accessToken, ana.user.id, { teamId: teams.B });

      const { about, text } = await whatReaches(beatriz, deal);
      expect(about, 'Beatriz is told to drop a deal she may not hold').toEqual([
        removalStub('deals', deal.id, deal.hlc),
      ]);
      expect(text).not.toContain('confidential fleet bid');
      expect(text).not.toContain('18% off');
      expect(text).not.toContain('987654321');
    });

    it('a supervisor who joins a team after a deal left it receives a removal without title, notes or value', async () => {
      const lucia = await grantOf('Lucía Exec', 'ACCOUNT_EXECUTIVE', 'A');
      const bruno = await grantOf('Bruno Exec', 'ACCOUNT_EXECUTIVE', 'B');
      const bea = await grantOf('Bea Super', 'SUPERVISOR', 'B');

      const deal = await create(lucia, {
        title: 'Pacífica Foods — secret cold chain',
        notes: 'Budget approved up to 2.4M, keep it quiet',
        value: { amount: 123_456_789, currency: 'USD' },
        ownerId: lucia.user.id,
        teamId: teams.A,
      });
      await edit(manager, deal, { ownerId: bruno.user.id, teamId: teams.B });
      await changeUser(server.url, manager.accessToken, bea.user.id, { teamId: teams.A });
      // Her tokens ended with the move; her app signs in again (refresh) and pulls as a member of A.
      const beaInA = await signIn(server.url, bea.user.email);

      const { about, text } = await whatReaches(beaInA, deal);
      expect(about, 'Bea now sees the records of team A, where the deal was').toEqual([
        removalStub('deals', deal.id, deal.hlc),
      ]);
      expect(text).not.toContain('secret cold chain');
      expect(text).not.toContain('2.4M');
      expect(text).not.toContain('123456789');
    });
  });
}
