import { useEffect } from 'react';
import { useSync } from '../db/sync/sync-context';
import { getBridge } from '../platform/bridge';
import { desktopSyncStatus } from './desktop-sync-status';
import { useSessionState } from './SyncIndicator';

const report = (status: Parameters<ReturnType<typeof getBridge>['reportSyncStatus']>[0]): void =>
  void getBridge()
    .reportSyncStatus(status)
    .catch((error: unknown) => console.warn('The tray did not take the sync status:', error));

/** Keeps the desktop's tray showing the sync status; when the signed-in app goes, sign-in is needed. */
export function DesktopSyncReporter() {
  const { status } = useSync();
  const session = useSessionState();
  const desktopStatus = desktopSyncStatus(status, session);
  useEffect(() => report(desktopStatus), [desktopStatus]);
  useEffect(() => () => report('sign-in-needed'), []);
  return null;
}
