import { useCallback, useContext, useEffect, useRef, useState, type ComponentType } from 'react';
import { I18nContext } from 'react-i18next';
import { readCachedSession, writeCachedSession, type CachedSession } from '../../auth/cached-session';
import { createSessionKeeper, type SessionKeeper } from '../../auth/session-keeper';
import { closeUserStore, openUserStore, type OpenedStore } from '../../db/open-user-workspace';
import { pullDefaultRecords, userDatabaseName } from '../../db/session';
import { StorageWorkerError } from '../../db/storage/worker-storage';
import { whenSyncStopped } from '../../db/sync/sync-context';
import { applyTheme } from '../../shell/theme';
import { loadDemoData } from '../onboarding';
import { SignInFlow } from './SignInFlow';
import { StorageProblem } from './StorageProblem';
import type { OnSignedIn, SignedInProps } from './sign-in-types';

type GateState =
  | { kind: 'starting' }
  | { kind: 'signedOut' }
  | { kind: 'signedIn'; store: OpenedStore; keeper: SessionKeeper }
  /** The local database's storage worker did not start: nothing can open (ADR 0012). */
  | { kind: 'storageFailed' };

/**
 * Who is using this device. A cached session opens the app at once against that user's own
 * database — no network needed, so a device that signed in before works offline — and the
 * tokens are refreshed in the background. Without one, the sign-in flow asks the server. Once
 * someone is signed in it shows `app`.
 */
export function AuthGate({ app: App }: { app: ComponentType<SignedInProps> }) {
  // The i18next instance itself, not useTranslation's per-language wrapper: a new wrapper at every
  // language change would make `enter` new, re-run the start-up effect and sign in a second time
  // from the kept session — two keepers refreshing one refresh token ended the session.
  const { i18n } = useContext(I18nContext);
  const [state, setState] = useState<GateState>({ kind: 'starting' });
  const openStore = useRef<OpenedStore | null>(null);
  const closing = useRef<Promise<void>>(Promise.resolve());

  const enter = useCallback(
    async (session: CachedSession, loadDemo: ((done: number, total: number) => void) | null = null) => {
      await closing.current;
      const user = session.grant.user;
      // A retry after a failed demo load signs the same user in again: keep their open database.
      const reuse = openStore.current?.db.name === userDatabaseName(user.id) ? openStore.current : null;
      if (openStore.current && !reuse) await closeUserStore(openStore.current);
      let store: OpenedStore;
      try {
        store = reuse ?? (await openUserStore(user));
      } catch (error) {
        if (!(error instanceof StorageWorkerError)) throw error;
        console.error('The local database could not be opened:', error);
        setState({ kind: 'storageFailed' });
        return;
      }
      openStore.current = store;
      applyTheme(store.prefs.theme);
      if (i18n.language !== store.prefs.locale) await i18n.changeLanguage(store.prefs.locale);
      // One keeper per session: the demo load's pull and the app sign with the same one (two
      // keepers refreshing one refresh token end the session).
      const keeper = createSessionKeeper({ session, save: writeCachedSession, reload: readCachedSession });
      if (loadDemo) {
        const ws = { db: store.db, clock: store.clock, journal: store.journal, user };
        try {
          // The demo builds on the default records: the server's, pulled first, never a copy of
          // this device's own racing them (docs/adr/0040-default-records-come-from-the-server.md).
          await pullDefaultRecords(ws, store.prefs.syncEnabled ? { url: session.serverUrl, auth: keeper } : null);
          await loadDemoData(ws, loadDemo);
        } catch (error) {
          keeper.dispose();
          throw error;
        }
      }
      setState({ kind: 'signedIn', store, keeper });
    },
    [i18n],
  );

  useEffect(() => {
    let cancelled = false;
    void readCachedSession()
      .then((session) => {
        if (cancelled) return;
        if (session) return enter(session);
        setState({ kind: 'signedOut' });
      })
      .catch((error: unknown) => {
        console.error('The saved session could not be opened:', error);
        if (!cancelled) setState({ kind: 'signedOut' });
      });
    return () => {
      cancelled = true;
    };
  }, [enter]);

  // Signed out: once the app (and its sync engine) has unmounted, close the user's database so the
  // next user opens theirs (RxDB allows only so many open collections per page).
  useEffect(() => {
    if (state.kind !== 'signedOut' || !openStore.current) return;
    const store = openStore.current;
    openStore.current = null;
    closing.current = whenSyncStopped(store.db)
      .then(() => closeUserStore(store))
      .catch((error: unknown) => console.warn('The local database did not close cleanly:', error));
  }, [state]);

  const onSignedIn = useCallback<OnSignedIn>(
    async (session, loadDemo) => {
      await writeCachedSession(session);
      await enter(session, loadDemo);
    },
    [enter],
  );

  const keeper = state.kind === 'signedIn' ? state.keeper : null;
  const store = state.kind === 'signedIn' ? state.store : null;
  const onSignOut = useCallback(async () => {
    if (!keeper || !store) return;
    await store.journal.flush();
    await keeper.signOut();
    setState({ kind: 'signedOut' });
  }, [keeper, store]);
  const onSignInAgain = useCallback(async () => {
    if (!keeper || !store) return;
    keeper.dispose();
    await store.journal.flush();
    await writeCachedSession(null);
    setState({ kind: 'signedOut' });
  }, [keeper, store]);

  if (state.kind === 'starting') return null;
  if (state.kind === 'storageFailed') return <StorageProblem />;
  if (state.kind === 'signedOut') return <SignInFlow onSignedIn={onSignedIn} />;
  return <App store={state.store} keeper={state.keeper} onSignOut={onSignOut} onSignInAgain={onSignInAgain} />;
}
