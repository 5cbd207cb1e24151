import { useEffect } from 'react';
import { usePreferences } from '../db/device-preferences';
import { useCommands } from './command-store';

/**
 * Puts the user's own key bindings, kept with this device's preferences (Settings → Keyboard), in
 * force for the dispatcher, the cheat sheet and the key hints, and again whenever they change.
 */
export function useSavedKeyBindings(): void {
  const [prefs] = usePreferences();
  useEffect(() => useCommands.getState().setOverrides(prefs.keyBindings), [prefs.keyBindings]);
}
