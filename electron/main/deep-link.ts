import { isLinkableCollection, type RecordLink } from '@domain/desktop-bridge';
import { isUuid } from '@domain/ids';

/** The scheme Outpost registers with the system (electron-builder.yml `protocols` says the same). */
export const DEEP_LINK_SCHEME = 'outpost';

/** Far longer than any real link (about 60 characters); anything longer is refused unread. */
export const MAX_DEEP_LINK_LENGTH = 256;

/**
 * `outpost://<collection>/<id>` and nothing else: no user, port, query, fragment, percent
 * escapes, dot segments or extra path. The string is matched as a whole rather than read through
 * `new URL`, which would resolve `deals/../contacts/…` into another link than the one shown to
 * the user. The scheme is compared without case (RFC 3986 says schemes are case-insensitive); the
 * id may come in upper case and is opened in the canonical lower case the app stores. Windows may
 * add one trailing slash to a link it hands over, so one is allowed.
 */
const LINK = /^outpost:\/\/([a-z]+)\/([0-9A-Fa-f-]{36})\/?$/i;

/** The record a deep link names, or null when it is not exactly a link Outpost opens. */
export function parseDeepLink(raw: unknown): RecordLink | null {
  if (typeof raw !== 'string' || raw.length > MAX_DEEP_LINK_LENGTH) return null;
  const match = LINK.exec(raw);
  if (!match) return null;
  const collection = match[1]!;
  const id = match[2]!.toLowerCase();
  return isLinkableCollection(collection) && isUuid(id) ? { collection, id } : null;
}

/**
 * The link among a launch's command-line arguments (Windows and Linux pass it as one). Chromium
 * may add switches around it; only an argument that starts with the scheme counts, the first one.
 */
export function deepLinkArgument(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.slice(0, DEEP_LINK_SCHEME.length + 1).toLowerCase() === `${DEEP_LINK_SCHEME}:`) ?? null;
}

/**
 * A refused link as it may appear in the log: at most 80 characters of it, quoted so that control
 * characters and line breaks are escaped (a crafted link cannot forge log lines), and its length.
 */
export function describeRefusedLink(raw: unknown): string {
  if (typeof raw !== 'string') return `a ${typeof raw}, not a link`;
  const shown = JSON.stringify(raw.slice(0, 80));
  return raw.length > 80 ? `${shown}… (${raw.length} characters)` : shown;
}
