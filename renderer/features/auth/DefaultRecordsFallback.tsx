import { useEffect } from 'react';
import { usePreferences } from '../../db/device-preferences';
import { DEFAULT_RECORD_COLLECTIONS, ensureDefaultRecords } from '../../db/session';
import { useSync } from '../../db/sync/sync-context';
import { useWorkspace } from '../../db/workspace-context';

/**
 * The server creates the default pipeline and lists at setup (with the team's name). A Sales
 * Manager's device creates them itself only where that cannot race the server's copies: when it
 * does not sync at all, or once its pulls of pipelines and settings have reached the server's head,
 * are stored, and found them missing (docs/adr/0040-default-records-come-from-the-server.md).
 * Creating them earlier made a second copy with the same fixed ids whose merge could win over the
 * server's (a team named at setup came back as "Sales team"), and showed "changes waiting" on a
 * device where nobody typed anything.
 */
export function DefaultRecordsFallback() {
  const ws = useWorkspace();
  const { engine } = useSync();
  const [prefs] = usePreferences();
  const syncs = prefs.syncEnabled;
  useEffect(() => {
    if (ws.user.role !== 'SALES_MANAGER') return;
    if (syncs && !engine) return; // sync is starting: wait for the engine
    let cancelled = false;
    const pulled = engine
      ? Promise.all(DEFAULT_RECORD_COLLECTIONS.map((collection) => engine.caughtUp(collection)))
      : Promise.resolve();
    void pulled
      .then(() => (cancelled ? undefined : ensureDefaultRecords(ws)))
      .catch((error: unknown) => console.warn('Default records not created:', error));
    return () => {
      cancelled = true;
    };
  }, [ws, engine, syncs]);
  return null;
}
