import type { DesktopSyncStatus } from '@domain/desktop-bridge';
import type { SessionState } from '../auth/session-keeper';
import type { SyncStatus } from '../db/sync/sync-engine';

/**
 * The header's sync indicator in the tray's few words, decided in the same order: no sync server
 * first, then the session (never "Synced" while the server has ended it or cannot renew it), then
 * the sync state.
 */
export function desktopSyncStatus(status: SyncStatus | null, session: SessionState): DesktopSyncStatus {
  if (!status) return 'local-only';
  if (session === 'ended') return 'sign-in-needed';
  if (session === 'retrying' || status.state === 'offline') return 'offline';
  if (status.state === 'error') return 'sync-problem';
  if (status.state === 'connecting' || status.pending > 0 || status.progress !== null) return 'syncing';
  return 'synced';
}
