import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreferences } from './db/device-preferences';
import { createLocalUser, readSession } from './db/session';
import type { Workspace } from './db/workspace';
import { WorkspaceProvider } from './db/workspace-context';
import { Onboarding, type OnboardingChoice } from './features/onboarding/Onboarding';
import { loadDemoData } from './features/onboarding/load-demo-data';
import { AppShell } from './shell/AppShell';
import { applyTheme } from './shell/theme';
import type { OutpostDatabase } from './db/database';
import type { HybridClock } from '@domain/hlc';
import type { SyncJournal } from './db/sync/sync-journal';
import { SyncProvider } from './db/sync/sync-context';

/** The app once the local database is open: first-run onboarding, then the shell. */
export function App({ db, clock, journal }: { db: OutpostDatabase; clock: HybridClock; journal: SyncJournal }) {
  const [workspace, setWorkspace] = useState<Workspace | null | undefined>(undefined);
  useEffect(() => {
    void readSession(db).then((user) => setWorkspace(user ? { db, clock, journal, user } : null));
  }, [db, clock, journal]);
  if (workspace === undefined) return null;
  if (workspace === null) return <FirstRun db={db} clock={clock} journal={journal} onReady={setWorkspace} />;
  return (
    <WorkspaceProvider workspace={workspace}>
      <ThemeAndLanguage />
      <SyncProvider>
        <AppShell />
      </SyncProvider>
    </WorkspaceProvider>
  );
}

function ThemeAndLanguage() {
  const [prefs] = usePreferences();
  const { i18n } = useTranslation();
  useEffect(() => applyTheme(prefs.theme), [prefs.theme]);
  useEffect(() => {
    if (i18n.language !== prefs.locale) void i18n.changeLanguage(prefs.locale);
  }, [i18n, prefs.locale]);
  return null;
}

function FirstRun({
  db,
  clock,
  journal,
  onReady,
}: {
  db: OutpostDatabase;
  clock: HybridClock;
  journal: SyncJournal;
  onReady: (ws: Workspace) => void;
}) {
  const { t, i18n } = useTranslation();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = async ({ name, loadDemo }: OnboardingChoice) => {
    setError(null);
    const locale = i18n.language === 'es' ? 'es' : 'en';
    const existing = await readSession(db);
    const ws: Workspace = existing
      ? { db, clock, journal, user: existing }
      : await createLocalUser(db, clock, journal, name || t('onboarding.defaultName'), locale);
    if (loadDemo) {
      setProgress({ done: 0, total: 0 });
      try {
        await loadDemoData(ws, (done, total) => setProgress({ done, total }));
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
        return;
      }
    }
    onReady(ws);
  };
  return <Onboarding onDone={(choice) => void start(choice)} progress={progress} error={error} />;
}
