import { describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN } from '../../../electron/main/app-origin';
import {
  applyPermissionPolicy,
  isPermissionAllowed,
  type PermissionSession,
} from '../../../electron/main/permission-policy';

describe('permission policy', () => {
  it('allows only notifications, only for the app origin', () => {
    expect(isPermissionAllowed('notifications', 'app://outpost/', APP_ORIGIN)).toBe(true);
    expect(isPermissionAllowed('notifications', 'app://outpost', APP_ORIGIN)).toBe(true);
    expect(isPermissionAllowed('notifications', 'app://outpost.evil/', APP_ORIGIN)).toBe(false);
    expect(isPermissionAllowed('notifications', 'https://evil.example/', APP_ORIGIN)).toBe(false);
    expect(isPermissionAllowed('notifications', undefined, APP_ORIGIN)).toBe(false);
    for (const permission of [
      'media',
      'geolocation',
      'clipboard-read',
      'openExternal',
      'hid',
      'serial',
      'usb',
      'fullscreen',
    ]) {
      expect(isPermissionAllowed(permission, 'app://outpost/', APP_ORIGIN)).toBe(false);
    }
  });

  it('installs request, check and device handlers that deny by default', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    applyPermissionPolicy(session as unknown as PermissionSession, APP_ORIGIN);

    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0];
    const answer = (permission: string, requestingUrl: string) => {
      const callback = vi.fn();
      request({}, permission, callback, { requestingUrl, isMainFrame: true });
      return callback.mock.calls[0]?.[0];
    };
    expect(answer('media', 'app://outpost/')).toBe(false);
    expect(answer('notifications', 'https://evil.example/')).toBe(false);
    expect(answer('notifications', 'app://outpost/index.html')).toBe(true);

    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0];
    expect(check(null, 'geolocation', 'app://outpost', {})).toBe(false);
    expect(check(null, 'notifications', 'app://outpost', {})).toBe(true);

    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0];
    expect(device({ deviceType: 'usb', origin: 'app://outpost' })).toBe(false);
  });
});
