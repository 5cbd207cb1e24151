import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionGrant } from '../../domain/auth-protocol';
import type { CollectionName } from '../../domain/collections';
import { HybridClock } from '../../domain/hlc';
import { uuidv7 } from '../../domain/ids';
import { createRecord } from '../../domain/record-edits';
import type { SyncDocument } from '../../domain/sync-protocol';
import type { SyncStatus } from '../../renderer/db/sync/sync-engine';
import { contactBody } from '../support/record-bodies';
import {
  TEST_PASSWORD,
  addUser,
  createSignedInDevice,
  pushAcceptedAs,
  setupOwner,
  signIn,
  startTeamServer,
  type TeamServer,
} from '../support/team-auth';
import { SQLITE_TARGET } from './server-targets';

/**
 * A device's first sync as its header shows it: "Preparing…" from the start, then the documents
 * received of those the server counted for this user, per collection, never moving backwards —
 * against a real server on loopback with a real SQLite store and the app's own sync engine.
 */
describe('the progress of a first sync', () => {
  let server: TeamServer;
  let manager: SessionGrant;
  let ana: SessionGrant;
  const clock = new HybridClock('progress');
  const ANA_CONTACTS = 2_300;
  const OTHER_CONTACTS = 1_700;

  const seedContacts = async (ownerId: string, count: number) => {
    const docs = Array.from(
      { length: count },
      (_, i) =>
        ({
          ...createRecord(
            'contacts',
            uuidv7(),
            contactBody({ firstName: `Contact ${i}`, ownerId, teamId: manager.user.teamId }),
            { userId: manager.user.id, hlc: clock.now(), now: new Date().toISOString() },
          ),
          _deleted: false,
        }) as SyncDocument<'contacts'>,
    );
    for (let i = 0; i < docs.length; i += 500) {
      await pushAcceptedAs(
        server.url,
        manager.accessToken,
        'contacts',
        docs.slice(i, i + 500).map((doc) => ({ newDocumentState: doc, assumedMasterState: null })),
      );
    }
  };

  beforeAll(async () => {
    server = await startTeamServer({ dbUrl: await SQLITE_TARGET.newDbUrl() });
    manager = await setupOwner(server.url, {
      name: 'Marta Manager',
      email: 'manager@outpost.test',
      password: TEST_PASSWORD,
      teamName: 'Team A',
    });
    await addUser(server.url, manager.accessToken, {
      name: 'Ana Exec',
      email: 'ana@outpost.test',
      role: 'ACCOUNT_EXECUTIVE',
      teamId: manager.user.teamId,
      password: TEST_PASSWORD,
    });
    ana = await signIn(server.url, 'ana@outpost.test');
    // Interleaved, so that the records Ana may read are spread over the server's sequence.
    for (let round = 0; round < 4; round++) {
      await seedContacts(ana.user.id, ANA_CONTACTS / 4 + (round === 0 ? ANA_CONTACTS % 4 : 0));
      await seedContacts(manager.user.id, OTHER_CONTACTS / 4 + (round === 0 ? OTHER_CONTACTS % 4 : 0));
    }
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('says Preparing at once, then counts what this user receives per collection, and never goes backwards', async () => {
    const collections: CollectionName[] = ['contacts', 'users'];
    const device = await createSignedInDevice({ serverUrl: server.url, grant: ana, collections, name: 'ana-laptop' });
    const seen: SyncStatus[] = [];
    const subscription = device.engine.status$.subscribe((s) => seen.push(s));
    try {
      await device.engine.awaitInSync();
      for (const c of collections) await device.engine.caughtUp(c);
    } finally {
      subscription.unsubscribe();
      await device.close();
    }

    const progress = seen.flatMap((s) => (s.progress ? [s.progress] : []));
    expect(seen[0]?.progress?.phase, 'the first status the app shows').toBe('preparing');
    const fractions = progress.map((p) => p.fraction);
    for (let i = 1; i < fractions.length; i++) {
      expect(fractions[i], `progress went from ${fractions[i - 1]} to ${fractions[i]}`).toBeGreaterThanOrEqual(
        fractions[i - 1]!,
      );
    }
    const contacts = progress.flatMap((p) => p.collections.filter((c) => c.collection === 'contacts'));
    // Ana's contacts only: the others' 1,700 are neither received nor counted.
    expect(new Set(contacts.flatMap((c) => (c.total === null ? [] : [c.total])))).toEqual(new Set([ANA_CONTACTS]));
    const receivedSoFar = contacts.filter((c) => !c.done && c.received > 0 && c.received < ANA_CONTACTS);
    expect(receivedSoFar.length, 'counts in between were shown').toBeGreaterThan(0);
    expect(contacts.at(-1)).toMatchObject({ received: ANA_CONTACTS, total: ANA_CONTACTS });
    expect(seen.at(-1)?.progress, 'nothing is shown once the sync has everything').toBeNull();
  }, 60_000);
});
