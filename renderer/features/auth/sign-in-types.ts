import type { CachedSession } from '../../auth/cached-session';
import type { SessionKeeper } from '../../auth/session-keeper';
import type { OpenedStore } from '../../db/open-user-workspace';

/**
 * Called with a fresh session: opens the user's workspace (and loads demo data when a progress
 * callback is given) and resolves once the app is ready to show; rejects when loading failed.
 */
export type OnSignedIn = (
  session: CachedSession,
  loadDemo: ((done: number, total: number) => void) | null,
) => Promise<void>;

/**
 * What the gate hands the app once someone is signed in. The app is passed in (main.tsx) rather
 * than imported: the app shows the auth feature's pieces, so an import back would close a cycle.
 */
export interface SignedInProps {
  store: OpenedStore;
  keeper: SessionKeeper;
  onSignOut: () => Promise<void>;
  onSignInAgain: () => Promise<void>;
}
