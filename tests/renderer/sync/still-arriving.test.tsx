import { giveGridsAScreenHeight } from '../support/record-table-support';
import { act, cleanup, screen, within } from '@testing-library/react';
import { Profiler, useState, type ReactNode } from 'react';
import { BehaviorSubject } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionProvider, type SessionContextValue } from '../../../renderer/auth/session-context';
import type { SyncEngine, SyncStatus } from '../../../renderer/db/sync/sync-engine';
import { SyncValueProvider } from '../../../renderer/db/sync/sync-value';
import type { SyncProgress } from '../../../renderer/db/sync/sync-progress';
import { WorkspaceProvider } from '../../../renderer/db/workspace-context';
import { ContactsPage } from '../../../renderer/features/contacts/ContactsPage';
import { PipelinePage } from '../../../renderer/features/pipeline/PipelinePage';
import { SyncSettingsCard } from '../../../renderer/features/settings/SyncSettingsCard';
import { SyncIndicator } from '../../../renderer/shell/SyncIndicator';
import type { SupportedLocale } from '../../../renderer/i18n/i18n';
import { makeCompany, makeContact, salesPipeline, testId } from '../../unit/domain/fixtures';
import { openTestWorkspace } from '../support/open-test-workspace';
import { renderWithI18n } from '../support/render-with-i18n';
import { setupUser } from '../support/setup-user';

type TestWorkspace = Awaited<ReturnType<typeof openTestWorkspace>>;
let workspace: TestWorkspace | undefined;
afterEach(async () => {
  // Unmounted first: the board's queries must not outlive the database they read.
  cleanup();
  await workspace?.close();
  workspace = undefined;
});

giveGridsAScreenHeight();

const status = (progress: SyncProgress | null): SyncStatus => ({
  state: 'online',
  pending: 0,
  lastSyncedAt: '2026-12-07T10:00:00.000Z',
  progress,
  lastError: null,
});

/** A first sync 42,000 contacts in, the companies not counted yet. */
const firstSync: SyncProgress = {
  phase: 'pulling',
  fraction: 0.42,
  collections: [
    { collection: 'contacts', received: 42_000, total: 100_000, done: false },
    { collection: 'companies', received: 1_000, total: 8_000, done: false },
    { collection: 'users', received: 12, total: 12, done: true },
  ],
  secondsLeft: 150,
};

/** A session that works, on a team server. */
const session = {
  keeper: {
    serverUrl: 'https://crm.example.com',
    state$: new BehaviorSubject('active'),
    ended$: new BehaviorSubject(null),
  },
} as unknown as SessionContextValue;

/** Lets the test change the sync status the page sees, as the engine does. */
let setStatus: (status: SyncStatus) => void = () => {};
function WithSync({ initial, engine, children }: { initial: SyncStatus; engine?: SyncEngine; children: ReactNode }) {
  const [current, set] = useState(initial);
  setStatus = set;
  return (
    <SessionProvider value={session}>
      <SyncValueProvider value={{ engine: engine ?? null, status: current, serverUrl: null }}>
        {children}
      </SyncValueProvider>
    </SessionProvider>
  );
}

/** An engine that only keeps which collections the screen wants written first. */
function wantingEngine() {
  const wanted = new Map<string, number>();
  const engine = {
    want: (collection: string) => {
      wanted.set(collection, (wanted.get(collection) ?? 0) + 1);
      return () => {
        const left = wanted.get(collection)! - 1;
        if (left) wanted.set(collection, left);
        else wanted.delete(collection);
      };
    },
  } as unknown as SyncEngine;
  return { engine, wanted: () => [...wanted.keys()].sort() };
}

/** Commits of the contacts page's tree since the last reset. */
let commits = 0;

async function showContacts(progress: SyncProgress | null, locale: SupportedLocale = 'en', engine?: SyncEngine) {
  workspace = await openTestWorkspace(['contacts', 'companies', 'users', 'saved_views']);
  await workspace.db.companies.insert(makeCompany({ id: testId(0xa1), name: 'Andes Logistics' }));
  await workspace.db.contacts.bulkInsert([
    makeContact({ id: testId(0xc1), firstName: 'Ana', lastName: 'Ruiz', companyId: testId(0xa1) }),
    // Her company has not arrived yet.
    makeContact({ id: testId(0xc2), firstName: 'Bruno', lastName: 'Díaz', companyId: testId(0xa2) }),
  ]);
  await renderWithI18n(
    <WorkspaceProvider workspace={workspace}>
      <WithSync initial={status(progress)} {...(engine ? { engine } : {})}>
        <Profiler id="contacts" onRender={() => commits++}>
          <ContactsPage />
        </Profiler>
      </WithSync>
    </WorkspaceProvider>,
    locale,
  );
  await screen.findByText('Ana Ruiz', {}, { timeout: 5000 });
  return setupUser();
}

describe('a list whose records are still arriving', () => {
  it('says how many have arrived of how many, and that a company not here yet is still syncing', async () => {
    await showContacts(firstSync);
    expect(screen.getByText('Still syncing — 42,000 of 100,000 contacts so far')).toBeInTheDocument();
    const bruno = screen.getByRole('row', { name: /Bruno Díaz/ });
    expect(await within(bruno).findByText('Still syncing…')).toBeInTheDocument();
    expect(within(bruno).queryByText('Company not available')).not.toBeInTheDocument();
  });

  it('answers a search that finds nothing with "Not everything is here yet", not "No matches"', async () => {
    const user = await showContacts(firstSync);
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), 'Zapata');
    expect(await screen.findByRole('heading', { name: 'Not everything is here yet' }, { timeout: 5000 })).toBeVisible();
    expect(await screen.findByRole('status')).toHaveTextContent('No matches yet — still syncing');
    expect(screen.queryByText(/No matches for/)).not.toBeInTheDocument();
  });

  it('says nothing of the sort once the collection has arrived: the search says "No matches"', async () => {
    const user = await showContacts(firstSync);
    act(() => setStatus(status(null)));
    expect(screen.queryByText(/Still syncing/)).not.toBeInTheDocument();
    expect(
      await within(screen.getByRole('row', { name: /Bruno Díaz/ })).findByText('Company not available'),
    ).toBeVisible();
    await user.type(screen.getByRole('searchbox', { name: 'Search contacts' }), 'Zapata');
    expect(await screen.findByText('No matches for “Zapata”.', {}, { timeout: 5000 })).toBeVisible();
  });

  it('has the sync write its contacts and their companies first while it shows them, and no longer once they are here', async () => {
    const { engine, wanted } = wantingEngine();
    await showContacts(firstSync, 'en', engine);
    expect(wanted()).toEqual(['companies', 'contacts']);
    act(() => setStatus(status(null)));
    expect(wanted()).toEqual([]);
  });

  it('lets the sync go back to its order when the list is closed', async () => {
    const { engine, wanted } = wantingEngine();
    await showContacts(firstSync, 'en', engine);
    expect(wanted()).toContain('contacts');
    cleanup();
    expect(wanted()).toEqual([]);
  });

  it('is not drawn again as other records arrive; only its count line follows its own', async () => {
    await showContacts(firstSync);
    // Settled: the rows and their companies are drawn.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const withActivities = (received: number): SyncProgress => ({
      ...firstSync,
      collections: [...firstSync.collections, { collection: 'activities', received, total: 200_000, done: false }],
    });
    commits = 0;
    for (let page = 1; page <= 5; page++) act(() => setStatus(status(withActivities(page * 1_000))));
    expect(commits).toBe(0);

    act(() =>
      setStatus(
        status({
          ...withActivities(5_000),
          collections: [
            { collection: 'contacts', received: 43_000, total: 100_000, done: false },
            ...withActivities(5_000).collections.slice(1),
          ],
        }),
      ),
    );
    expect(screen.getByText('Still syncing — 43,000 of 100,000 contacts so far')).toBeInTheDocument();
  });

  it('says it in Spanish too', async () => {
    await showContacts(firstSync, 'es');
    expect(screen.getByText('Todavía sincronizando: 42.000 de 100.000 contactos por ahora')).toBeInTheDocument();
  });
});

describe('a board whose deals are still arriving', () => {
  it('says how many deals have arrived of how many, above the columns', async () => {
    workspace = await openTestWorkspace(['deals', 'pipelines', 'users', 'companies', 'contacts', 'settings']);
    await workspace.db.pipelines.insert(salesPipeline());
    await renderWithI18n(
      <WorkspaceProvider workspace={workspace}>
        <WithSync
          initial={status({
            ...firstSync,
            collections: [{ collection: 'deals', received: 1_500, total: 6_000, done: false }],
          })}
        >
          <PipelinePage />
        </WithSync>
      </WorkspaceProvider>,
    );
    expect(
      await screen.findByText('Still syncing — 1,500 of 6,000 deals so far', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
  });
});

describe('the progress of a long sync where people look for it', () => {
  it('the header says Preparing before the counts arrive, then the collection most of the wait is for and the time left', async () => {
    await renderWithI18n(
      <WithSync initial={status({ phase: 'preparing', fraction: 0, collections: [], secondsLeft: null })}>
        <SyncIndicator />
      </WithSync>,
    );
    expect(screen.getByRole('progressbar', { name: 'Preparing…' })).not.toHaveAttribute('aria-valuenow');
    expect(screen.getByText('Preparing…')).toBeVisible();

    act(() => setStatus(status(firstSync)));
    const bar = screen.getByRole('progressbar', { name: 'Sync progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '42');
    expect(screen.getByText('Contacts 42,000 of 100,000 · about 3 minutes left')).toBeVisible();
  });

  it('Settings → Sync lists every collection with its counts', async () => {
    workspace = await openTestWorkspace([]);
    await renderWithI18n(
      <WorkspaceProvider workspace={workspace}>
        <WithSync initial={status(firstSync)}>
          <SyncSettingsCard />
        </WithSync>
      </WorkspaceProvider>,
    );
    const list = screen.getByRole('list', { name: 'Records arriving on this device' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Contacts 42,000 of 100,000', 'Companies 1,000 of 8,000', 'Users 12 — done']);
    expect(screen.getByText('Syncing… 42% · about 3 minutes left')).toBeVisible();
  });
});
