import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { openDatabase } from '../../../../renderer/db/database';
import { openDeviceClock } from '../../../../renderer/db/device-clock';
import { getRxStorageWorker } from '../../../../renderer/db/storage/worker-storage';
import { openSyncJournal } from '../../../../renderer/db/sync/sync-journal';
import type { Workspace } from '../../../../renderer/db/workspace';
import { WorkspaceProvider } from '../../../../renderer/db/workspace-context';
import { ContactsPage } from '../../../../renderer/features/contacts/ContactsPage';
import { initI18n } from '../../../../renderer/i18n/i18n';
import type { BenchUser } from './protocol';
import { traceStorage, type TracedInstance } from './storage-trace';

/** The page's status line, which the driver reads between steps. */
export const status = (text: string) => {
  document.getElementById('status')!.textContent = text;
};

export const appStorage = () => getRxStorageWorker();

export async function openWorkspace(name: string, user: BenchUser): Promise<Workspace> {
  const db = await openDatabase({ name, storage: appStorage() });
  const [clock, journal] = await Promise.all([openDeviceClock(db), openSyncJournal(db)]);
  traceStorage(db.contacts.storageInstance as unknown as TracedInstance);
  return { db, clock, journal, user };
}

/** The app's Contacts section on this workspace, as the app mounts it. */
export async function render(ws: Workspace): Promise<void> {
  const i18n = await initI18n('en');
  const root = createRoot(document.getElementById('root')!);
  root.render(
    <I18nextProvider i18n={i18n}>
      <WorkspaceProvider workspace={ws}>
        <main className="content" style={{ height: 900, display: 'flex', flexDirection: 'column' }}>
          <ContactsPage />
        </main>
      </WorkspaceProvider>
    </I18nextProvider>,
  );
}
