/**
 * The renderer's one origin. Local data (IndexedDB, RxDB) is keyed to it, so it never changes.
 * Chromium registers `app` as a standard scheme; Node's URL parser does not know that and reports
 * `origin === 'null'` for it, so origins are computed here rather than read from `URL.origin`.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'outpost';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * The origin of a URL as Chromium would compare it, or null for anything that should never be
 * trusted: unparsable input, opaque origins (data:, javascript:, file:) and URLs that carry
 * credentials (`app://user@outpost`), which are spoofing tricks rather than real navigations.
 */
export function originOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  if (url.protocol === `${APP_SCHEME}:` && url.hostname !== '') {
    const port = url.port === '' ? '' : `:${url.port}`;
    return `${APP_SCHEME}://${url.hostname.toLowerCase()}${port}`;
  }
  return null;
}

/** True only when `url` parses to exactly `origin` (never a prefix test: `app://outpost.evil`). */
export function isSameOrigin(url: unknown, origin: string): boolean {
  return originOf(url) === origin;
}
