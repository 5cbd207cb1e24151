import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../renderer/db/sync/sync-engine';
import { desktopSyncStatus } from '../../../renderer/shell/desktop-sync-status';

const status = (fields: Partial<SyncStatus>): SyncStatus => ({
  state: 'online',
  pending: 0,
  lastSyncedAt: '2026-03-01T10:00:00.000Z',
  progress: null,
  lastError: null,
  ...fields,
});

describe('the sync status the tray shows', () => {
  it('is Synced only when online with nothing waiting and nothing being pulled', () => {
    expect(desktopSyncStatus(status({}), 'active')).toBe('synced');
    expect(desktopSyncStatus(status({ pending: 2 }), 'active')).toBe('syncing');
    expect(
      desktopSyncStatus(
        status({
          progress: {
            phase: 'pulling',
            fraction: 0.4,
            collections: [{ collection: 'contacts', received: 40, total: 100, done: false }],
            secondsLeft: 12,
          },
        }),
        'active',
      ),
    ).toBe('syncing');
    expect(desktopSyncStatus(status({ state: 'connecting' }), 'active')).toBe('syncing');
  });

  it('says Offline when offline or while the session cannot be renewed, and Sync problem on an error', () => {
    expect(desktopSyncStatus(status({ state: 'offline', pending: 3 }), 'active')).toBe('offline');
    expect(desktopSyncStatus(status({}), 'retrying')).toBe('offline');
    expect(desktopSyncStatus(status({ state: 'error', lastError: 'HTTP 500' }), 'active')).toBe('sync-problem');
  });

  it('never says Synced once the server has ended the session', () => {
    expect(desktopSyncStatus(status({}), 'ended')).toBe('sign-in-needed');
    expect(desktopSyncStatus(status({ state: 'offline' }), 'ended')).toBe('sign-in-needed');
  });

  it('says Local only without a sync server', () => {
    expect(desktopSyncStatus(null, 'active')).toBe('local-only');
  });
});
