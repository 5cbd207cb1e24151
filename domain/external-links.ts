const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:', 'sip:']);

/**
 * Links leave the app only for the web, mail and phone: never file:, javascript:, data:, UNC
 * paths, or web links that smuggle credentials. Shared by the desktop shell and the browser bridge.
 */
export function isSafeExternalUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2048 || /^\s*[\\/]{2}/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return false;
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    return url.hostname !== '' && url.username === '' && url.password === '';
  }
  return true;
}
