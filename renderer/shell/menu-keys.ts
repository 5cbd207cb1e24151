import { GO_MENU_COMMANDS, registryCommandOf, type MenuKeyMap } from '@domain/desktop-bridge';

/** One chord held with Cmd/Ctrl or Alt: the only kind of binding a menu accelerator can hold. */
const isAccelerator = (chords: readonly string[]) => chords.length === 1 && /^(Mod|Ctrl|Alt|Meta)\+/.test(chords[0]!);

/**
 * What the desktop's "Go" menu shows: for each of its commands, the first binding in force of the
 * same command in the registry that an accelerator can hold, else its first binding (shown in the
 * label: `G then P`). `bindings`: command id → its bindings as chords.
 */
export function menuKeysOf(bindings: ReadonlyMap<string, readonly (readonly string[])[]>): MenuKeyMap {
  const keys: MenuKeyMap = {};
  for (const command of GO_MENU_COMMANDS) {
    const all = bindings.get(registryCommandOf(command)) ?? [];
    const shown = all.find(isAccelerator) ?? all[0];
    if (shown) keys[command] = shown.join(' ');
  }
  return keys;
}
