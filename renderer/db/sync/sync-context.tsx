import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DomainErrorCode } from '@domain/errors';
import { describeDomainError } from '../../i18n/domain-errors';
import { useSession } from '../../auth/session-context';
import { useUi } from '../../shell/ui-store';
import { usePreferences } from '../device-preferences';
import { useWorkspace } from '../workspace-context';
import { startSync } from './sync-engine';
import { createAuthorizedStreamFetch, createSyncHttp } from './sync-http';
import { createScopeWatcher } from './scope-watcher';
import { SyncValueProvider, type SyncContextValue } from './sync-value';

export { useSync, useSyncSelection, SyncValueProvider, type SyncContextValue } from './sync-value';

/** The stop of each database's last engine, so whoever closes the database can wait for it. */
const stopping = new WeakMap<object, Promise<void>>();

/** Resolves once the sync engine of `db` (if any ran) has stopped and flushed its journal. */
export function whenSyncStopped(db: object): Promise<void> {
  return stopping.get(db) ?? Promise.resolve();
}

/**
 * Runs the sync engine while the app is open, against the server the user signed in to (tokens
 * are only good there), signing every request with the session. Going offline pauses it; coming
 * back resumes and pulls at once. When the server ends the session, sync pauses and local
 * changes wait on the device until the user signs in again.
 */
export function SyncProvider({ children }: { children: ReactNode }) {
  const ws = useWorkspace();
  const { keeper } = useSession();
  const [prefs] = usePreferences();
  const [value, setValue] = useState<SyncContextValue>({ engine: null, status: null, serverUrl: null });

  const serverUrl = !prefs.syncEnabled ? null : keeper.serverUrl;

  const { t } = useTranslation();
  const showToast = useUi((s) => s.showToast);
  const navigate = useUi((s) => s.navigate);
  useEffect(() => {
    const sub = ws.journal.rejections$.subscribe((r) =>
      showToast(
        t('settings.sync.rejectedToast', {
          reason: describeDomainError(t, {
            code: r.code as DomainErrorCode,
            message: r.message,
            ...(r.params ? { params: r.params } : {}),
          }),
        }),
        { label: t('settings.sync.review'), run: () => navigate('settings') },
      ),
    );
    return () => sub.unsubscribe();
  }, [ws, t, showToast, navigate]);

  useEffect(() => {
    if (!serverUrl) return;
    const engine = startSync({
      db: ws.db,
      http: createSyncHttp({ baseUrl: serverUrl, auth: keeper }),
      // The change stream is fetched too, so it carries the Bearer header like every request (and refreshes it).
      fetch: createAuthorizedStreamFetch(keeper),
      clock: ws.clock,
      journal: ws.journal,
      // What this user may see changed (role, team, team members): reload with a fresh pull.
      onScopeKey: createScopeWatcher(ws.db, ws.journal, () => {
        showToast(t('settings.sync.scopeChanged'));
        setTimeout(() => window.location.reload(), 1_500);
      }),
    });
    const subscription = engine.status$.subscribe((status) => setValue({ engine, status, serverUrl }));
    // Sign-in: when the server ends the session, sync pauses until the user signs in again
    // (local data and unsynced changes stay on the device).
    let sessionEnded = false;
    const offline = () => void engine.pause();
    const online = () => void (sessionEnded || engine.resume());
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    const ended = keeper.ended$.subscribe((reason) => {
      if (!reason) return;
      sessionEnded = true;
      void engine.pause();
    });
    return () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      subscription.unsubscribe();
      ended.unsubscribe();
      stopping.set(ws.db, engine.stop());
      setValue({ engine: null, status: null, serverUrl: null });
    };
    // t and showToast are stable enough: a language switch must not restart replication.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ws, serverUrl, keeper]);

  return <SyncValueProvider value={value}>{children}</SyncValueProvider>;
}
