/**
 * The address of a sync server, as a person types it on the sign-in screen or configures it
 * (OUTPOST_SYNC_URL): one rule for the renderer, which explains a refusal, and the desktop's main
 * process, which enforces it. A device sends passwords, tokens and every record to its server, so
 * a server on another machine must be reached over https; plain http is for this machine only
 * (the embedded server, a developer's), where nothing crosses a network.
 */

/** Hostnames that name this machine, as the URL parser writes them. */
export const LOOPBACK_HOSTNAMES: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

export type SyncServerAddress =
  | { ok: true; /** Normalised, without a trailing slash. */ url: string; origin: string }
  /** invalid: not a plain http(s) address; insecure: http:// to another machine. */
  | { ok: false; problem: 'invalid' | 'insecure' };

export function isLoopbackHostname(hostname: string): boolean {
  return LOOPBACK_HOSTNAMES.includes(hostname.toLowerCase());
}

/**
 * An http(s) URL without credentials, query or fragment; `http:` only to a loopback host
 * (127.0.0.1, localhost, [::1]).
 */
export function checkSyncServerAddress(input: string): SyncServerAddress {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  const plain =
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    url.hash === '';
  if (!plain) return { ok: false, problem: 'invalid' };
  if (url.protocol === 'http:' && !isLoopbackHostname(url.hostname)) return { ok: false, problem: 'insecure' };
  return { ok: true, url: url.href.replace(/\/+$/, ''), origin: url.origin };
}
