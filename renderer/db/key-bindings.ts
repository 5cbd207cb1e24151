import { useEffect, useMemo, useRef } from 'react';
import { overridesOf, profileKeyBindingsOf, type KeyOverrides } from '@domain/key-bindings';
import { savePreferences, usePreferences } from './device-preferences';
import { updateRecord } from './record-writes';
import { useRecord } from './use-rx';
import { useWorkspace } from './workspace-context';

export interface KeyBindings {
  /** The user's own bindings in force: command id → bindings replacing its defaults. */
  overrides: KeyOverrides;
  save(overrides: KeyOverrides): Promise<void>;
}

/**
 * The user's own key bindings (Settings → Keyboard), kept on their profile so that they follow
 * the user to every device (docs/adr/0029-key-bindings-on-the-profile.md). Until this device holds
 * the profile (not pulled yet, or sync never turned on) they are kept with the device's
 * preferences, as they were before profiles carried them.
 */
export function useKeyBindings(): KeyBindings {
  const ws = useWorkspace();
  const profile = useRecord('users', ws.user.id);
  const [prefs, savePrefs] = usePreferences();
  const onProfile = profile?.keyBindings;
  // A profile without bindings of its own leaves the device's in force until they move there.
  const overrides = useMemo(
    () => (onProfile ? overridesOf(onProfile) : prefs.keyBindings),
    [onProfile, prefs.keyBindings],
  );
  return {
    overrides,
    async save(next) {
      if (profile) await updateRecord(ws, 'users', ws.user.id, { keyBindings: profileKeyBindingsOf(next) });
      else await savePrefs({ keyBindings: next });
    },
  };
}

/**
 * Moves the bindings this device kept in its preferences onto the profile, once, when the profile
 * is here: unless the profile already has bindings of its own (set on another device, which win),
 * in which case the device's are dropped. Either way the device's copy is cleared, so it never
 * speaks again. Called by the shell alone, so one move runs at a time.
 */
export function useMoveDeviceKeyBindings(): void {
  const ws = useWorkspace();
  const profile = useRecord('users', ws.user.id);
  const [prefs] = usePreferences();
  const moving = useRef(false);
  const kept = prefs.keyBindings;
  const hasProfile = !!profile;
  const profileHasOwn = profile?.keyBindings !== undefined;
  useEffect(() => {
    if (!hasProfile || moving.current || Object.keys(kept).length === 0) return;
    moving.current = true;
    void (async () => {
      try {
        if (!profileHasOwn) await updateRecord(ws, 'users', ws.user.id, { keyBindings: profileKeyBindingsOf(kept) });
        await savePreferences(ws.db, { keyBindings: {} });
      } finally {
        moving.current = false;
      }
    })();
  }, [ws, hasProfile, profileHasOwn, kept]);
}
