import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DomainErrorCode } from '@domain/errors';
import { describeDomainError } from '../../i18n/domain-errors';
import { getBridge } from '../../platform/bridge';
import { useUi } from '../../shell/ui-store';
import { usePreferences } from '../device-preferences';
import { useWorkspace } from '../workspace-context';
import { startSync, type SyncEngine, type SyncStatus } from './sync-engine';
import { createSyncHttp } from './sync-http';

interface SyncContextValue {
  engine: SyncEngine | null;
  status: SyncStatus | null;
  serverUrl: string | null;
}

const SyncContext = createContext<SyncContextValue>({ engine: null, status: null, serverUrl: null });

/**
 * Runs the sync engine while the app is open: against the server chosen in Settings, else the one
 * the desktop shell embeds (or, in a browser, the server that served the app). Going offline
 * pauses it; coming back resumes and pulls at once.
 */
export function SyncProvider({ children }: { children: ReactNode }) {
  const ws = useWorkspace();
  const [prefs] = usePreferences();
  const [defaultUrl, setDefaultUrl] = useState<string | null | undefined>(undefined);
  const [value, setValue] = useState<SyncContextValue>({ engine: null, status: null, serverUrl: null });

  useEffect(() => {
    let cancelled = false;
    void getBridge()
      .syncServerUrl()
      .then((url) => !cancelled && setDefaultUrl(url))
      .catch(() => !cancelled && setDefaultUrl(null));
    return () => {
      cancelled = true;
    };
  }, []);

  const serverUrl = !prefs.syncEnabled ? null : prefs.syncServerUrl || defaultUrl || null;

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
      http: createSyncHttp({ baseUrl: serverUrl }),
      clock: ws.clock,
      journal: ws.journal,
    });
    const subscription = engine.status$.subscribe((status) => setValue({ engine, status, serverUrl }));
    const offline = () => void engine.pause();
    const online = () => void engine.resume();
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      subscription.unsubscribe();
      void engine.stop();
      setValue({ engine: null, status: null, serverUrl: null });
    };
  }, [ws, serverUrl]);

  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
}

export function useSync(): SyncContextValue {
  return useContext(SyncContext);
}
