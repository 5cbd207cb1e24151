import { GO_MENU_COMMANDS, registryCommandOf, type MenuKeyMap } from '@domain/desktop-bridge';

/**
 * What the desktop's "Go" menu shows: for each of its commands, the first binding in force of the
 * same command in the registry (`bindings`: command id → its bindings as chords).
 */
export function menuKeysOf(bindings: ReadonlyMap<string, readonly (readonly string[])[]>): MenuKeyMap {
  const keys: MenuKeyMap = {};
  for (const command of GO_MENU_COMMANDS) {
    const first = bindings.get(registryCommandOf(command))?.[0];
    if (first) keys[command] = first.join(' ');
  }
  return keys;
}
