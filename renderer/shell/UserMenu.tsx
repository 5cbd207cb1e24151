import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context';
import { useSync } from '../db/sync/sync-context';
import { useRecord } from '../db/use-rx';
import { useWorkspace } from '../db/workspace-context';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useCommands } from '../commands/command-store';
import { useCommandSurface } from '../commands/surfaces';
import { useKeyHint } from '../commands/use-key-hints';
import type { AccountSurface } from './preference-commands';
import type { PopupSurface } from './shell-commands';
import { useUi } from './ui-store';

/**
 * Who is signed in (name and role), their profile, and sign-out. Signing out with changes that
 * have not reached the server asks first: they stay on this device for the user's next sign-in.
 */
export function UserMenu() {
  const { t } = useTranslation();
  const { user } = useWorkspace();
  // The replicated profile has the latest name (e.g. just changed in Settings → Profile).
  const profile = useRecord('users', user.id);
  const name = profile?.name || user.name;
  const { signOut } = useSession();
  const { status, engine } = useSync();
  const openSettings = useUi((s) => s.openSettings);
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const role = t(`roles.${user.role}`);
  const pending = status?.pending ?? 0;

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);
  // Escape closes the open menu: the shell's popup.close command.
  useCommandSurface<PopupSurface>('popup', open ? { close: () => setOpen(false) } : null);
  const shortcutsHint = useKeyHint('help.shortcuts');

  const doSignOut = async () => {
    setConfirming(false);
    setSigningOut(true);
    try {
      await signOut();
    } catch (error) {
      console.error('Sign-out failed:', error);
      setSigningOut(false);
    }
  };

  // "Sign out" from the palette asks, as this menu does, when changes have not reached the server.
  useCommandSurface<AccountSurface>('account', {
    signOut: () => (pending > 0 ? setConfirming(true) : void doSignOut()),
  });

  // The waiting changes reached the server while the question was open: nothing is left to warn
  // about, so carry on with what the user asked for.
  useEffect(() => {
    if (!confirming || !engine) return;
    const subscription = engine.status$.subscribe((next) => {
      if (next.pending === 0) void doSignOut();
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- doSignOut is recreated every render
  }, [confirming, engine]);

  return (
    <div className="user-menu" ref={root}>
      <button
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {/* Named by what it shows (name, then role), so speech control finds it by the name on screen. */}
        <span className="user-avatar" aria-hidden="true">
          {initials(name)}
        </span>
        <span className="user-menu-text">
          <span className="user-menu-name">{name}</span>
          <span className="user-menu-role">{role}</span>
        </span>
        <span className="visually-hidden">{t('userMenu.buttonHint')}</span>
      </button>
      {open && (
        <div className="user-menu-panel card" id={panelId} role="group" aria-label={t('userMenu.title')}>
          <p className="user-menu-email">{user.email}</p>
          <button
            type="button"
            className="user-menu-item"
            onClick={() => {
              setOpen(false);
              openSettings('profile');
            }}
          >
            {t('userMenu.profile')}
          </button>
          <button
            type="button"
            className="user-menu-item"
            aria-keyshortcuts={shortcutsHint.aria}
            onClick={() => {
              setOpen(false);
              useCommands.getState().setCheatSheetOpen(true);
            }}
          >
            {t('userMenu.shortcuts')}
            {shortcutsHint.text && (
              <kbd className="key-hint" aria-hidden="true">
                {shortcutsHint.text}
              </kbd>
            )}
          </button>
          <button
            type="button"
            className="user-menu-item"
            disabled={signingOut}
            onClick={() => (pending > 0 ? setConfirming(true) : void doSignOut())}
          >
            {signingOut ? t('userMenu.signingOut') : t('userMenu.signOut')}
          </button>
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('userMenu.unsyncedTitle')}
          body={t('userMenu.unsyncedBody', { count: pending })}
          confirmLabel={t('userMenu.signOutAnyway')}
          danger
          onConfirm={() => void doSignOut()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
}
