import { useEffect } from 'react';
import { ensureDefaultRecords } from '../../db/session';
import { useSync } from '../../db/sync/sync-context';
import { useWorkspace } from '../../db/workspace-context';

const WAIT_FOR_SERVER_MS = 15_000;

/**
 * The server creates the default pipeline and lists at setup; a Sales Manager's device that has
 * not received them (sync off, or the server unreachable for a while) creates them itself, with
 * the same fixed ids, so they merge with the server's copies later.
 */
export function DefaultRecordsFallback() {
  const ws = useWorkspace();
  const { engine } = useSync();
  useEffect(() => {
    if (ws.user.role !== 'SALES_MANAGER') return;
    let cancelled = false;
    const waited = engine
      ? Promise.race([engine.awaitInSync(), new Promise((resolve) => setTimeout(resolve, WAIT_FOR_SERVER_MS))])
      : Promise.resolve();
    void waited
      .catch(() => undefined)
      .then(() => (cancelled ? undefined : ensureDefaultRecords(ws)))
      .catch((error: unknown) => console.warn('Default records not created:', error));
    return () => {
      cancelled = true;
    };
  }, [ws, engine]);
  return null;
}
