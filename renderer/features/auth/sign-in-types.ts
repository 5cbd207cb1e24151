import type { CachedSession } from '../../auth/cached-session';

/**
 * Called with a fresh session: opens the user's workspace (and loads demo data when a progress
 * callback is given) and resolves once the app is ready to show; rejects when loading failed.
 */
export type OnSignedIn = (
  session: CachedSession,
  loadDemo: ((done: number, total: number) => void) | null,
) => Promise<void>;
