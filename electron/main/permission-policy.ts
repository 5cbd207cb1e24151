import type { Session } from 'electron';
import { originOf } from './app-origin';

/**
 * Electron grants every permission when no handler is set. Outpost needs only notifications, and
 * only for its own page; everything else (camera, geolocation, clipboard-read, HID, serial, USB,
 * openExternal from the page...) is refused without a prompt.
 */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  trustedOrigin: string,
): boolean {
  return permission === 'notifications' && originOf(requestingUrl) === trustedOrigin;
}

export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

export function applyPermissionPolicy(session: PermissionSession, trustedOrigin: string): void {
  session.setPermissionRequestHandler((_webContents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, trustedOrigin));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, trustedOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}
