import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionGrant } from '../../domain/auth-protocol';
import { HybridClock } from '../../domain/hlc';
import { editRecord } from '../../domain/record-edits';
import type { UserProfile } from '../../domain/schemas/user-profile';
import type { PushRow, SyncDocument } from '../../domain/sync-protocol';
import {
  addUser,
  pullEverythingAs,
  pushAs,
  setupOwner,
  signIn,
  startTeamServer,
  TEST_PASSWORD,
  type TeamServer,
} from '../support/team-auth';
import { SERVER_TARGETS } from './server-targets';

/**
 * A user's key bindings ride on their profile, which the whole team pulls: the server lets only
 * that user change them, and only to keys a keyboard can type, within bounds. A refused row
 * leaves the stored profile exactly as it was.
 */
for (const target of SERVER_TARGETS) {
  describe(`key bindings on the profile — ${target.name}`, () => {
    let server: TeamServer;
    let manager: SessionGrant;
    let rep: SessionGrant;
    const clock = new HybridClock('keys');

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
    afterAll(async () => {
      await server?.close();
    });

    /** The rep's profile as `who` pulls it now. */
    const profileAs = async (who: SessionGrant): Promise<SyncDocument<'users'>> => {
      const pulled = await pullEverythingAs(server.url, who.accessToken, 'users');
      const profile = pulled.documents.filter((d) => d.id === rep.user.id).pop();
      if (!profile) throw new Error('the rep’s profile was not pulled');
      return profile;
    };
    const storedProfile = async () => (await server.store.getRecords('users', [rep.user.id])).get(rep.user.id);

    /** `profile` with `patch`, stamped as an edit by `who`, as their device would push it. */
    const edited = (profile: SyncDocument<'users'>, patch: Partial<UserProfile>, who: SessionGrant): PushRow => {
      clock.receive(profile.hlc);
      const { _deleted, ...doc } = profile;
      void _deleted;
      const next = editRecord('users', doc as UserProfile, patch, {
        userId: who.user.id,
        hlc: clock.now(),
        now: new Date().toISOString(),
      });
      if (!next) throw new Error('the edit changes nothing');
      return { newDocumentState: { ...next, _deleted: false }, assumedMasterState: profile };
    };

    it('stores the bindings a user sets on their own profile, and their other devices pull them', async () => {
      const keyBindings = [
        { command: 'go.leads', keys: ['g p'] },
        { command: 'palette.open', keys: ['Mod+Shift+p'] },
      ];
      const answer = await pushAs(server.url, rep.accessToken, 'users', [
        edited(await profileAs(rep), { keyBindings }, rep),
      ]);
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body.rejected).toEqual([]);
      const otherDevice = await signIn(server.url, 'rep@outpost.test');
      expect((await profileAs(otherDevice)).keyBindings).toEqual(keyBindings);
    });

    it('refuses a sales manager changing a user’s key bindings, and stores nothing of it', async () => {
      const before = await storedProfile();
      const answer = await pushAs(server.url, manager.accessToken, 'users', [
        edited(await profileAs(manager), { keyBindings: [{ command: 'go.leads', keys: ['x'] }] }, manager),
      ]);
      expect(answer.status, answer.text).toBe(200);
      expect(answer.body.rejected.map((r) => r.code)).toEqual(['permission.denied']);
      expect(await storedProfile()).toEqual(before);
    });

    it('still lets the sales manager rename the user, leaving their key bindings as they are', async () => {
      const answer = await pushAs(server.url, manager.accessToken, 'users', [
        edited(await profileAs(manager), { name: 'Rafael Rep' }, manager),
      ]);
      expect(answer.body.rejected).toEqual([]);
      expect((await storedProfile())?.body).toMatchObject({
        name: 'Rafael Rep',
        keyBindings: [
          { command: 'go.leads', keys: ['g p'] },
          { command: 'palette.open', keys: ['Mod+Shift+p'] },
        ],
      });
    });

    it('refuses bindings that are not keys, too many, too long or of an odd shape, and stores nothing', async () => {
      const hostile: { keyBindings: unknown; code: string }[] = [
        { keyBindings: [{ command: 'go.leads', keys: ['Hyper+k'] }], code: 'user.invalidKeyBinding' },
        { keyBindings: [{ command: 'go.leads', keys: ['g g g g'] }], code: 'user.invalidKeyBinding' },
        {
          keyBindings: [
            { command: 'go.leads', keys: ['g l'] },
            { command: 'go.leads', keys: ['g e'] },
          ],
          code: 'user.invalidKeyBinding',
        },
        { keyBindings: [{ command: 'go.leads', keys: ['k'.repeat(61)] }], code: 'schema.invalid' },
        { keyBindings: [{ command: 'go.leads', keys: ['a', 'b', 'c', 'd'] }], code: 'schema.invalid' },
        {
          keyBindings: Array.from({ length: 101 }, (_, i) => ({ command: `c${i}`, keys: ['k'] })),
          code: 'schema.invalid',
        },
        { keyBindings: [{ command: '../../etc', keys: ['k'] }], code: 'schema.invalid' },
        { keyBindings: [{ command: 'go.leads', keys: 'g l' }], code: 'schema.invalid' },
        { keyBindings: { 'go.leads': ['g l'] }, code: 'schema.invalid' },
        { keyBindings: [{ command: 'go.leads', keys: ['g l'], extra: true }], code: 'schema.invalid' },
      ];
      for (const { keyBindings, code } of hostile) {
        const before = await storedProfile();
        const answer = await pushAs(server.url, rep.accessToken, 'users', [
          edited(await profileAs(rep), { keyBindings } as Partial<UserProfile>, rep),
        ]);
        expect(answer.status, answer.text).toBe(200);
        expect(
          answer.body.rejected.map((r) => r.code),
          JSON.stringify(keyBindings).slice(0, 80),
        ).toEqual([code]);
        expect(await storedProfile()).toEqual(before);
      }
    });
  });
}
