import { useContext, useEffect, useMemo, useState } from 'react';
import { I18nContext } from 'react-i18next';
import type { SessionUser } from '@domain/auth-protocol';
import { createAdminApi } from './auth/admin-api';
import { SessionProvider, type SessionContextValue } from './auth/session-context';
import type { SessionKeeper } from './auth/session-keeper';
import { usePreferences } from './db/device-preferences';
import type { Workspace } from './db/workspace';
import { WorkspaceProvider } from './db/workspace-context';
import { SyncProvider } from './db/sync/sync-context';
import { DefaultRecordsFallback, type SignedInProps } from './features/auth';
import { AppShell } from './shell/AppShell';
import { DrawerKindsProvider } from './shell/drawer-kinds';
import { routeTable } from './shell/registry';
import { applyTheme } from './shell/theme';

/**
 * The app for one signed-in user: their own local database, their session (kept fresh in the
 * background), sync, and the shell. It opens at once from the cached session, offline or not.
 */
export function App({ store, keeper, onSignOut, onSignInAgain }: SignedInProps) {
  const user = useSessionUser(keeper);
  const workspace = useMemo<Workspace>(
    () => ({ db: store.db, clock: store.clock, journal: store.journal, user }),
    [store, user],
  );
  const session = useMemo<SessionContextValue>(
    () => ({ keeper, admin: createAdminApi(keeper), signOut: onSignOut, signInAgain: onSignInAgain }),
    [keeper, onSignOut, onSignInAgain],
  );
  useEffect(() => {
    keeper.start();
    return () => keeper.dispose();
  }, [keeper]);
  return (
    <SessionProvider value={session}>
      <WorkspaceProvider workspace={workspace}>
        <ThemeAndLanguage />
        <SyncProvider>
          <DefaultRecordsFallback />
          <DrawerKindsProvider value={routeTable().drawerCollections}>
            <AppShell />
          </DrawerKindsProvider>
        </SyncProvider>
      </WorkspaceProvider>
    </SessionProvider>
  );
}

/** The session's user, updated when a refresh brings a new name, role or team (same object otherwise). */
function useSessionUser(keeper: SessionKeeper): SessionUser {
  const [user, setUser] = useState<SessionUser>(keeper.grant.user);
  useEffect(() => {
    const subscription = keeper.grant$.subscribe((grant) =>
      setUser((current) => (JSON.stringify(current) === JSON.stringify(grant.user) ? current : grant.user)),
    );
    return () => subscription.unsubscribe();
  }, [keeper]);
  return user;
}

/**
 * The device's theme and language preferences, applied wherever they change: screens only save
 * the preference. Runs on the i18next instance, not useTranslation's per-language wrapper, so a
 * language change does not re-run these effects with a preference not saved yet.
 */
function ThemeAndLanguage() {
  const [prefs] = usePreferences();
  const { i18n } = useContext(I18nContext);
  useEffect(() => applyTheme(prefs.theme), [prefs.theme]);
  useEffect(() => {
    if (i18n.language !== prefs.locale) void i18n.changeLanguage(prefs.locale);
  }, [i18n, prefs.locale]);
  return null;
}
