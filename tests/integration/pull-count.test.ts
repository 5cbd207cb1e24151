import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionGrant } from '../../domain/auth-protocol';
import { HybridClock } from '../../domain/hlc';
import { uuidv7 } from '../../domain/ids';
import { createRecord, editRecord } from '../../domain/record-edits';
import type { Deal } from '../../domain/schemas/deal';
import type { PullCountResponse, SyncDocument } from '../../domain/sync-protocol';
import { dealBody } from '../support/record-bodies';
import {
  TEST_PASSWORD,
  addUser,
  httpCall,
  pullEverythingAs,
  pushAcceptedAs,
  setupOwner,
  signIn,
  startTeamServer,
  type TeamServer,
} from '../support/team-auth';
import { SERVER_TARGETS, type ServerTarget } from './server-targets';

/**
 * `GET /sync/:collection/count` is what a device's first-sync progress is measured against: it
 * must say exactly how many documents the pulls will hand that user — no fewer (the bar would
 * stall at 100 %), no more (it would never finish), and never a record they may not read.
 */

for (const target of SERVER_TARGETS) describePullCount(target);

function describePullCount(target: ServerTarget) {
  describe(`the pull count — ${target.name}`, () => {
    let server: TeamServer;
    let manager: SessionGrant;
    let ae1: SessionGrant;
    let ae2: SessionGrant;
    const clock = new HybridClock('counts');
    const stamp = (userId: string) => ({ userId, hlc: clock.now(), now: new Date().toISOString() });

    const countAs = async (who: SessionGrant, collection: string, checkpoint = 0) => {
      const answer = await httpCall<PullCountResponse>(
        `${server.url}/sync/${collection}/count?checkpoint=${checkpoint}`,
        {
          headers: { Authorization: `Bearer ${who.accessToken}` },
        },
      );
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body;
    };
    const createDeals = async (owner: SessionGrant, count: number, title: string) => {
      const docs = Array.from(
        { length: count },
        (_, i) =>
          ({
            ...createRecord(
              'deals',
              uuidv7(),
              dealBody({ title: `${title} ${i}`, ownerId: owner.user.id, teamId: manager.user.teamId }),
              stamp(manager.user.id),
            ),
            _deleted: false,
          }) as SyncDocument<'deals'>,
      );
      await pushAcceptedAs(
        server.url,
        manager.accessToken,
        'deals',
        docs.map((doc) => ({ newDocumentState: doc, assumedMasterState: null })),
      );
      return docs;
    };
    const reassign = async (current: SyncDocument<'deals'>, patch: Partial<Deal>) => {
      clock.receive(current.hlc);
      const next = { ...editRecord('deals', current, patch, stamp(manager.user.id))!, _deleted: false };
      await pushAcceptedAs(server.url, manager.accessToken, 'deals', [
        { newDocumentState: next as SyncDocument<'deals'>, assumedMasterState: current },
      ]);
    };

    beforeAll(async () => {
      server = await startTeamServer({ dbUrl: await target.newDbUrl() });
      manager = await setupOwner(server.url, {
        name: 'Marta Manager',
        email: 'manager@outpost.test',
        password: TEST_PASSWORD,
        teamName: 'Team A',
      });
      const add = async (name: string, email: string) => {
        await addUser(server.url, manager.accessToken, {
          name,
          email,
          role: 'ACCOUNT_EXECUTIVE',
          teamId: manager.user.teamId,
          password: TEST_PASSWORD,
        });
        return signIn(server.url, email);
      };
      ae1 = await add('Ana Exec', 'ae1@outpost.test');
      ae2 = await add('Alex Exec', 'ae2@outpost.test');
      const ana = await createDeals(ae1, 7, 'Ana deal');
      await createDeals(ae2, 5, 'Alex deal');
      // Two of Ana's deals go to Alex: Ana's pulls send them as removals, Alex's as his records.
      await reassign(ana[0]!, { ownerId: ae2.user.id });
      await reassign(ana[1]!, { ownerId: ae2.user.id });
    });
    afterAll(async () => {
      await server?.close();
    });

    it('tells each user exactly how many documents their pulls from 0 will send, removals included', async () => {
      for (const who of [manager, ae1, ae2]) {
        const pulled = await pullEverythingAs(server.url, who.accessToken, 'deals', 0, 3);
        const count = await countAs(who, 'deals');
        expect(count.documents, who.user.name).toBe(pulled.documents.length);
        expect(count.serverSeq, who.user.name).toBe(pulled.checkpoint);
      }
      // The manager sees all 12 deals; Ana her 5 and the 2 removals; Alex his 5 and the 2 he got.
      expect((await countAs(manager, 'deals')).documents).toBe(12);
      expect((await countAs(ae1, 'deals')).documents).toBe(7);
      expect((await countAs(ae2, 'deals')).documents).toBe(7);
    });

    it('counts none of the records an account executive may not read', async () => {
      await createDeals(ae2, 4, 'More for Alex');
      // Alex's four new deals change nothing for Ana.
      expect((await countAs(ae1, 'deals')).documents).toBe(7);
      expect((await countAs(ae2, 'deals')).documents).toBe(11);
      const anaPulled = await pullEverythingAs(server.url, ae1.accessToken, 'deals');
      expect(anaPulled.documents.filter((d) => !d._deleted).every((d) => d.ownerId === ae1.user.id)).toBe(true);
    });

    it('counts from a checkpoint what the pulls from that checkpoint will send', async () => {
      const first = await pullEverythingAs(server.url, manager.accessToken, 'deals', 0, 1000);
      const midway = first.documents.length > 4 ? await pullMidway(manager, 4) : 0;
      const rest = await pullEverythingAs(server.url, manager.accessToken, 'deals', midway, 1000);
      expect((await countAs(manager, 'deals', midway)).documents).toBe(rest.documents.length);
      expect((await countAs(manager, 'deals', first.checkpoint)).documents).toBe(0);
      // A checkpoint beyond the server's seq restarts the pull from 0, and so the count.
      expect((await countAs(manager, 'deals', first.checkpoint + 1000)).documents).toBe(first.documents.length);
    });

    it('answers only a signed-in user', async () => {
      const answer = await httpCall(`${server.url}/sync/deals/count`);
      expect(answer.status).toBe(401);
    });

    /** The checkpoint after the first `n` documents of a pull from 0. */
    async function pullMidway(who: SessionGrant, n: number) {
      const page = await httpCall<{ checkpoint: { seq: number } }>(
        `${server.url}/sync/deals/pull?checkpoint=0&limit=${n}`,
        {
          headers: { Authorization: `Bearer ${who.accessToken}` },
        },
      );
      return page.body.checkpoint.seq;
    }
  });
}
