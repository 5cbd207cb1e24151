import { create } from 'zustand';
import type { KeyOverrides } from './bindings';
import type { Command } from './command';

interface CommandState {
  /** Every command of the app (shell/commands-list.ts), put here by the CommandHost. */
  commands: readonly Command[];
  /**
   * Commands made from the user's data (a saved view's "Open view: …"), by the source that keeps
   * them current: the palette lists them by name; they have no keys.
   */
  dataCommands: Readonly<Record<string, readonly Command[]>>;
  setDataCommands(source: string, commands: readonly Command[]): void;
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
  dataCommands: {},
  setDataCommands(source, commands) {
    set((s) => ({ dataCommands: { ...s.dataCommands, [source]: commands } }));
  },
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
