import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionGrant } from '../../domain/auth-protocol';
import { HybridClock } from '../../domain/hlc';
import { uuidv7 } from '../../domain/ids';
import { createRecord, editRecord } from '../../domain/record-edits';
import { savedViewBody } from '../../domain/record-views/saved-view-rules';
import type { SavedView } from '../../domain/schemas/saved-view';
import type { PushRow, SyncDocument } from '../../domain/sync-protocol';
import {
  addUser,
  finalState,
  pullEverythingAs,
  pushAs,
  setupOwner,
  signIn,
  startTeamServer,
  TEST_PASSWORD,
  type TeamServer,
} from '../support/team-auth';
import { SERVER_TARGETS } from './server-targets';

const STATE = {
  filters: [{ field: 'status', op: 'eq' as const, value: '"CONTACTED"' }],
  sort: [{ field: 'updatedAt', direction: 'desc' as const }],
  columns: [{ field: 'lastName', width: 200 }],
  density: 'compact' as const,
};

/**
 * Saved views sync like any record, and sharing one with a team is the server's to allow: a
 * supervisor shares their view and the team pulls it, takes it back and the team loses it; a
 * rep's views stay their own however the push is written.
 */
for (const target of SERVER_TARGETS) {
  describe(`saved views and sharing — ${target.name}`, () => {
    let server: TeamServer;
    let manager: SessionGrant;
    let supervisor: SessionGrant;
    let rep: SessionGrant;
    const clock = new HybridClock('views');

    beforeAll(async () => {
      server = await startTeamServer({ dbUrl: await target.newDbUrl() });
      manager = await setupOwner(server.url, {
        name: 'Marta Manager',
        email: 'manager@outpost.test',
        password: TEST_PASSWORD,
        teamName: 'Team A',
      });
      for (const [name, email, role] of [
        ['Sara Supervisor', 'sup@outpost.test', 'SUPERVISOR'],
        ['Rafa Rep', 'rep@outpost.test', 'SDR'],
      ] as const) {
        await addUser(server.url, manager.accessToken, {
          name,
          email,
          role,
          teamId: manager.user.teamId,
          password: TEST_PASSWORD,
        });
      }
      supervisor = await signIn(server.url, 'sup@outpost.test');
      rep = await signIn(server.url, 'rep@outpost.test');
    });
    afterAll(async () => {
      await server?.close();
    });

    const ctx = (who: SessionGrant) => ({ userId: who.user.id, hlc: clock.now(), now: new Date().toISOString() });
    const newView = (who: SessionGrant, name: string, sharedWithTeamId = ''): PushRow => {
      const doc = createRecord(
        'saved_views',
        uuidv7(),
        savedViewBody(STATE, { userId: who.user.id, section: 'leads', name, position: 0, sharedWithTeamId }),
        ctx(who),
      );
      return { newDocumentState: { ...doc, _deleted: false }, assumedMasterState: null };
    };
    const edit = (row: PushRow, patch: Partial<SavedView>, who: SessionGrant): PushRow => {
      const { _deleted, ...doc } = row.newDocumentState as SyncDocument<'saved_views'>;
      void _deleted;
      const next = editRecord('saved_views', doc as SavedView, patch, ctx(who));
      if (!next) throw new Error('the edit changes nothing');
      return { newDocumentState: { ...next, _deleted: false }, assumedMasterState: row.newDocumentState };
    };
    const viewsOf = async (who: SessionGrant) =>
      finalState((await pullEverythingAs(server.url, who.accessToken, 'saved_views')).documents);

    it('lets a supervisor share their view with the team, the team pull it, and take it back', async () => {
      const created = newView(supervisor, 'Hot leads');
      expect((await pushAs(server.url, supervisor.accessToken, 'saved_views', [created])).body).toEqual({
        conflicts: [],
        rejected: [],
      });
      expect((await viewsOf(rep)).has(created.newDocumentState.id)).toBe(false);

      const shared = edit(created, { sharedWithTeamId: supervisor.user.teamId }, supervisor);
      const answer = await pushAs(server.url, supervisor.accessToken, 'saved_views', [shared]);
      expect(answer.body, answer.text).toEqual({ conflicts: [], rejected: [] });
      expect((await viewsOf(rep)).get(created.newDocumentState.id)).toMatchObject({ name: 'Hot leads', ...STATE });

      const unshared = edit(shared, { sharedWithTeamId: '' }, supervisor);
      expect((await pushAs(server.url, supervisor.accessToken, 'saved_views', [unshared])).body.rejected).toEqual([]);
      expect((await viewsOf(rep)).has(created.newDocumentState.id)).toBe(false);
    });

    it('lets a supervisor save a view already shared with the team', async () => {
      const created = newView(supervisor, 'Team queue', supervisor.user.teamId);
      expect((await pushAs(server.url, supervisor.accessToken, 'saved_views', [created])).body.rejected).toEqual([]);
      expect((await viewsOf(rep)).has(created.newDocumentState.id)).toBe(true);
    });

    it('shows a rep the views shared with their team, never a colleague’s private one', async () => {
      const colleague = newView(supervisor, 'Supervisor only');
      const teamView = newView(supervisor, 'For the team', supervisor.user.teamId);
      expect(
        (await pushAs(server.url, supervisor.accessToken, 'saved_views', [colleague, teamView])).body.rejected,
      ).toEqual([]);
      const seen = await viewsOf(rep);
      expect(seen.has(teamView.newDocumentState.id)).toBe(true);
      expect(seen.has(colleague.newDocumentState.id)).toBe(false);
    });

    it('keeps a rep’s views their own: saving, renaming and removing pass, sharing is refused', async () => {
      const created = newView(rep, 'My calls');
      const renamed = edit(created, { name: 'My calls today' }, rep);
      const accepted = await pushAs(server.url, rep.accessToken, 'saved_views', [created]);
      expect(accepted.body, accepted.text).toEqual({ conflicts: [], rejected: [] });
      expect((await pushAs(server.url, rep.accessToken, 'saved_views', [renamed])).body.rejected).toEqual([]);

      const shareLater = edit(renamed, { sharedWithTeamId: rep.user.teamId }, rep);
      const sharedAtOnce = newView(rep, 'Shared by a rep', rep.user.teamId);
      const refused = await pushAs(server.url, rep.accessToken, 'saved_views', [shareLater, sharedAtOnce]);
      expect(refused.body.rejected.map((r) => [r.id, r.code])).toEqual([
        [created.newDocumentState.id, 'permission.denied'],
        [sharedAtOnce.newDocumentState.id, 'permission.denied'],
      ]);
      expect(
        (await server.store.getRecords('saved_views', [created.newDocumentState.id])).get(created.newDocumentState.id),
      ).toMatchObject({ teamId: '', body: { name: 'My calls today', sharedWithTeamId: '' } });

      const removed = { ...renamed.newDocumentState, hlc: clock.now(), _deleted: true };
      const answer = await pushAs(server.url, rep.accessToken, 'saved_views', [
        { newDocumentState: removed, assumedMasterState: renamed.newDocumentState },
      ]);
      expect(answer.body.rejected).toEqual([]);
      expect((await viewsOf(rep)).has(created.newDocumentState.id)).toBe(false);
    });
  });
}
