import { screen } from '@testing-library/react';
import type { RxStorage, RxStorageInstance } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COLLECTION_NAMES } from '@domain/collections';
import { uuidv7 } from '@domain/ids';
import { SessionProvider, type SessionContextValue } from '../../../renderer/auth/session-context';
import { openDatabase, type OutpostDatabase } from '../../../renderer/db/database';
import { openDeviceClock } from '../../../renderer/db/device-clock';
import { openSyncJournal } from '../../../renderer/db/sync/sync-journal';
import { WorkspaceProvider } from '../../../renderer/db/workspace-context';
import { DemoDataCard } from '../../../renderer/features/settings/DemoDataCard';
import { getRxStorageOverMessagePort } from '../../support/remote-storage';
import { renderWithI18n } from '../support/render-with-i18n';
import { setupUser } from '../support/setup-user';

let db: OutpostDatabase | undefined;
afterEach(async () => {
  vi.unstubAllGlobals();
  await db?.close();
  db = undefined;
});

/** The card on the device's own server (single-user), over a store that is full after `writes` writes. */
async function showCard(writes: number) {
  vi.stubGlobal('fetch', async () => Response.json({ mode: 'single-user', needsSetup: false }));
  db = await openDatabase({
    name: `demo-card-${uuidv7()}`,
    storage: getRxStorageOverMessagePort(storageThatFillsUpAfter(writes)),
    multiInstance: false,
    collections: COLLECTION_NAMES,
  });
  const [clock, journal] = await Promise.all([openDeviceClock(db), openSyncJournal(db)]);
  const user = {
    id: uuidv7(),
    name: 'Ana Ruiz',
    email: 'ana@example.com',
    role: 'SALES_MANAGER' as const,
    teamId: uuidv7(),
  };
  const session = { keeper: { serverUrl: 'http://127.0.0.1:5183' } } as unknown as SessionContextValue;
  await renderWithI18n(
    <SessionProvider value={session}>
      <WorkspaceProvider workspace={{ db, clock, journal, user }}>
        <DemoDataCard />
      </WorkspaceProvider>
    </SessionProvider>,
  );
}

describe('Settings → Demo data', () => {
  it('on a device out of room, says so and what to do, and keeps what was written', async () => {
    await showCard(4);
    const user = setupUser();
    await screen.findByRole('radio', { name: /^Large — 100,000 contacts/ });
    await user.click(screen.getByRole('button', { name: 'Load demo data' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This device has run out of room for Outpost’s data. Free some disk space or choose a smaller set, then load again: the records written so far are kept.',
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('button', { name: 'Load demo data' })).toBeEnabled();
    const kept = await Promise.all(COLLECTION_NAMES.map((c) => db![c].count().exec()));
    expect(kept.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});

/** Memory storage whose writes after the first `n` fail as IndexedDB's do on a full disk. */
function storageThatFillsUpAfter(n: number): RxStorage<unknown, unknown> {
  const memory = getRxStorageMemory();
  let writes = 0;
  return {
    ...memory,
    async createStorageInstance(params) {
      const instance = (await memory.createStorageInstance(params as never)) as RxStorageInstance<
        unknown,
        unknown,
        unknown
      >;
      const bulkWrite = instance.bulkWrite.bind(instance);
      instance.bulkWrite = (rows, context) => {
        if (params.collectionName.startsWith('_') || ++writes <= n) return bulkWrite(rows, context);
        return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
      };
      return instance;
    },
  } as RxStorage<unknown, unknown>;
}
