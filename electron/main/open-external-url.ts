import { isSafeExternalUrl } from '@domain/external-links';

/** Opens a URL with the operating system (Electron's `shell.openExternal`). */
export type OpenWithSystem = (url: string) => Promise<void>;

/**
 * Whether a value may leave the app, and in which normalised form. On top of the shared rule
 * (http, https, mailto, tel, sip only; no credentials; no UNC paths) the shell refuses control
 * characters and surrounding whitespace outright instead of letting the URL parser strip them,
 * so that what was checked is exactly what the operating system receives.
 */
export function externalUrlToOpen(value: unknown): string | null {
  if (!isSafeExternalUrl(value)) return null;
  if (value !== value.trim() || /[\p{Cc}\\]/u.test(value)) return null;
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.pathname === '') return null;
  return url.href;
}

/** The single exit for links: refused values are reported as false, never thrown. */
export async function openExternalUrl(value: unknown, open: OpenWithSystem): Promise<boolean> {
  const url = externalUrlToOpen(value);
  if (url === null) return false;
  try {
    await open(url);
    return true;
  } catch {
    return false;
  }
}
