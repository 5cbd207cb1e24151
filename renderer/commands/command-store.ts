import { create } from 'zustand';
import type { KeyOverrides } from './bindings';
import type { Command } from './command';

interface CommandState {
  /** Every command of the app (shell/commands-list.ts), put here by the CommandHost. */
  commands: readonly Command[];
  /** The user's own key bindings (Settings → Keyboard), loaded from where they are kept. */
  overrides: KeyOverrides;
  setOverrides(overrides: KeyOverrides): void;
  /** The command palette was asked for (Mod+K, the desktop hotkey): its UI reads this. */
  paletteOpen: boolean;
  setPaletteOpen(open: boolean): void;
  /** The keyboard cheat sheet (`?`). */
  cheatSheetOpen: boolean;
  setCheatSheetOpen(open: boolean): void;
}

export const useCommands = create<CommandState>((set) => ({
  commands: [],
  overrides: {},
  setOverrides(overrides) {
    set({ overrides });
  },
  paletteOpen: false,
  setPaletteOpen(open) {
    set({ paletteOpen: open });
  },
  cheatSheetOpen: false,
  setCheatSheetOpen(open) {
    set({ cheatSheetOpen: open });
  },
}));
