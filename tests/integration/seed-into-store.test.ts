import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../demo-data';
import { can, type Actor } from '../../domain/permissions';
import { seedStore } from '../../scripts/seed';
import {
  addUser,
  finalState,
  pullEverythingAs,
  setupOwner,
  signIn,
  startTeamServer,
  TEST_PASSWORD,
} from '../support/team-auth';
import { SERVER_TARGETS, type ServerTarget } from './server-targets';

const SMALL = { size: 'small', today: '2026-03-02' } as const;
const PULLED = ['companies', 'contacts', 'leads', 'deals', 'activities'] as const;

/**
 * `npm run seed -- --into <store>` on a team server's store: the store's first Sales Manager takes
 * the demo manager's place (docs/adr/0022), and every account then pulls exactly what the
 * permission table lets it read, no more and no less.
 */
function describeSeedInto(target: ServerTarget) {
  describe(`seeding a team server's store (${target.name})`, () => {
    it("gives the manager's records to the store's Sales Manager, and an SDR pulls only what the permission table allows", async () => {
      const dbUrl = await target.newDbUrl();
      let server = await startTeamServer({ dbUrl });
      let managerId = '';
      let teamId = '';
      let sdrId = '';
      try {
        const grant = await setupOwner(server.url, {
          name: 'Ana Owner',
          email: 'ana@outpost.test',
          password: TEST_PASSWORD,
          teamName: 'Field',
        });
        managerId = grant.user.id;
        teamId = grant.user.teamId;
        const sdr = await addUser(server.url, grant.accessToken, {
          name: 'Sam Caller',
          email: 'sam@outpost.test',
          role: 'SDR',
          teamId,
          password: TEST_PASSWORD,
        });
        sdrId = sdr.id;
      } finally {
        await server.close();
      }

      const seeded = await seedStore(dbUrl, SMALL);
      expect(seeded.kept).toBeGreaterThan(0); // the team's own settings and pipeline stay as setup made them

      const demo = generateDemoData({ ...SMALL, currentUser: { id: managerId, teamId, name: 'Ana Owner' } });
      expect(demo.deals.some((d) => d.ownerId === managerId)).toBe(true);

      server = await startTeamServer({ dbUrl });
      try {
        const manager = await signIn(server.url, 'ana@outpost.test');
        const caller = await signIn(server.url, 'sam@outpost.test');
        const teamMemberIds = [
          managerId,
          sdrId,
          ...demo.users.filter((u) => u.active && u.teamId === teamId).map((u) => u.id),
        ].sort();
        const sdrActor: Actor = { id: sdrId, role: 'SDR', teamId, teamMemberIds };

        for (const collection of PULLED) {
          const records = demo[collection] as readonly { id: string; ownerId: string }[];
          const owners = (docs: Iterable<{ id: string; ownerId: string }>) =>
            [...docs].map((r) => `${r.id} ${r.ownerId}`).sort();
          const asManager = finalState((await pullEverythingAs(server.url, manager.accessToken, collection)).documents);
          expect(owners(asManager.values()), `${collection} as the Sales Manager`).toEqual(owners(records));

          const expected = records.filter((r) => can(sdrActor, 'read', collection, r));
          const asSdr = finalState((await pullEverythingAs(server.url, caller.accessToken, collection)).documents);
          expect(owners(asSdr.values()), `${collection} as the SDR`).toEqual(owners(expected));
        }
        // Not vacuous: the SDR reads the team's companies, among them the Sales Manager's, and not
        // the other team's.
        const teamCompanies = demo.companies.filter((c) => can(sdrActor, 'read', 'companies', c));
        expect(teamCompanies.some((c) => c.ownerId === managerId)).toBe(true);
        expect(teamCompanies.length).toBeLessThan(demo.companies.length);
      } finally {
        await server.close();
      }
    }, 120_000);
  });
}

for (const target of SERVER_TARGETS) describeSeedInto(target);
