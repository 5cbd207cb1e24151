/**
 * The renderer's Content-Security-Policy, sent as a header by the desktop app's app:// handler and
 * by the sync server when it serves the app to a browser: one text, defined once.
 * No 'unsafe-inline' and no 'unsafe-eval': Vite emits external scripts and stylesheets, and React
 * sets inline styles through the CSSOM, which style-src does not govern. `worker-src 'self'`: the
 * local database's storage runs in a module worker loaded from the app's own files (ADR 0012);
 * stated rather than left to the fallback on script-src, and no blob: or data: workers.
 */

/** The embedded sync server listens on a loopback port chosen at start-up. */
export const LOOPBACK_SYNC_SOURCE = 'http://127.0.0.1:*';

const SOURCE_PATTERN = /^https?:\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:(\d{1,5}|\*))?$/i;

/** Whether `source` is a plain http(s) origin that is safe to splice into the header. */
export function isConnectSource(source: string): boolean {
  return SOURCE_PATTERN.test(source);
}

export function buildContentSecurityPolicy(extraConnectSources: readonly string[] = []): string {
  const connect = ["'self'", LOOPBACK_SYNC_SOURCE];
  for (const source of extraConnectSources) {
    if (isConnectSource(source) && !connect.includes(source)) connect.push(source);
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
