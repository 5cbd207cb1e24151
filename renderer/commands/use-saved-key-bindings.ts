import { useEffect } from 'react';
import { useKeyBindings, useMoveDeviceKeyBindings } from '../db/key-bindings';
import { useCommands } from './command-store';

/**
 * Puts the user's own key bindings (Settings → Keyboard), kept on their profile so they follow
 * them to other devices, in force for the dispatcher, the cheat sheet and the key hints, and again
 * whenever they change. Bindings an older version kept on this device move to the profile once.
 */
export function useSavedKeyBindings(): void {
  useMoveDeviceKeyBindings();
  const { overrides } = useKeyBindings();
  useEffect(() => useCommands.getState().setOverrides(overrides), [overrides]);
}
