import { describe, expect, it } from 'vitest';
import {
  BRIDGE_CHANNELS,
  BRIDGE_METHODS,
  DESKTOP_COMMANDS,
  DESKTOP_EVENT_CHANNEL,
  isDesktopEvent,
  isRecordLink,
  safeCsvFileName,
} from '@domain/desktop-bridge';

describe('desktop bridge channels', () => {
  it('declares one distinct outpost: channel per bridge method', () => {
    const channels = BRIDGE_METHODS.map((m) => BRIDGE_CHANNELS[m]);
    expect(new Set(channels).size).toBe(channels.length);
    for (const c of channels) expect(c).toMatch(/^outpost:[a-z-]+$/);
    expect([...BRIDGE_METHODS].sort()).toEqual([
      'appInfo',
      'chooseSyncServer',
      'localSessionKey',
      'notify',
      'openExternal',
      'readSession',
      'reportSyncStatus',
      'saveCsvFile',
      'setGlobalHotkeys',
      'setMenuKeys',
      'syncServerUrl',
      'writeSession',
    ]);
    expect(channels).not.toContain(DESKTOP_EVENT_CHANNEL);
  });
});

describe('the file name a page suggests for a saved CSV', () => {
  it('keeps the last path segment only, without control or reserved characters, ending in .csv', () => {
    expect(safeCsvFileName('contacts-2026-12-07.csv')).toBe('contacts-2026-12-07.csv');
    expect(safeCsvFileName('../../.ssh/authorized_keys')).toBe('authorized_keys.csv');
    expect(safeCsvFileName('C:\\Windows\\evil.bat')).toBe('evil.bat.csv');
    expect(safeCsvFileName('re\u0000port<1>?.CSV')).toBe('report1.CSV');
    expect(safeCsvFileName('...')).toBe('export.csv');
  });
});

describe('what crosses the desktop event channel', () => {
  const ID = '0193a4b2-7c3d-7e10-8f00-0123456789ab';

  it('is a record link of a linkable collection with a canonical UUID, and nothing more', () => {
    expect(isRecordLink({ collection: 'activities', id: ID })).toBe(true);
    expect(isRecordLink({ collection: 'users', id: ID })).toBe(false);
    expect(isRecordLink({ collection: 'deals', id: ID.toUpperCase() })).toBe(false);
    expect(isRecordLink({ collection: 'deals', id: ID, extra: 1 })).toBe(false);
    expect(isRecordLink(null)).toBe(false);
  });

  it('is an open-record event or a known command', () => {
    expect(isDesktopEvent({ kind: 'open-record', link: { collection: 'deals', id: ID } })).toBe(true);
    for (const command of DESKTOP_COMMANDS) expect(isDesktopEvent({ kind: 'command', command })).toBe(true);
    expect(isDesktopEvent({ kind: 'command', command: 'toggle-window' })).toBe(false);
    expect(isDesktopEvent({ kind: 'command', command: 'go:nowhere' })).toBe(false);
    expect(isDesktopEvent({ kind: 'open-record', link: { collection: 'deals', id: ID }, command: 'quick-log' })).toBe(
      false,
    );
  });
});
