/**
 * The launch key in a plain browser (docs/security.md, "The launch key"). `npm start` prints the
 * app's address with the key in its fragment (`http://127.0.0.1:5183/#k=…`): a fragment never
 * reaches a server, a log or a Referer. At start the app moves it from the address bar into
 * sessionStorage, which keeps it through reloads of this tab and forgets it with the tab.
 */
const STORAGE_ITEM = 'outpost.launchKey';
const FRAGMENT = /^#k=([A-Za-z0-9_-]{16,256})$/;

/** Before anything reads the address: keep `#k=…` for this tab and take it out of the address bar. */
export function adoptLaunchKeyFromAddress(): void {
  const match = FRAGMENT.exec(location.hash);
  if (!match) return;
  try {
    sessionStorage.setItem(STORAGE_ITEM, match[1]!);
  } catch {
    // Storage refused (a locked-down profile): the key is still taken out of the address bar.
  }
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}

/** The key this tab was opened with, if any. */
export function launchKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_ITEM);
  } catch {
    return null;
  }
}
