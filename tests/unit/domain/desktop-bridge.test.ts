import { describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS, BRIDGE_METHODS } from '@domain/desktop-bridge';

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
      'syncServerUrl',
      'writeSession',
    ]);
  });
});
