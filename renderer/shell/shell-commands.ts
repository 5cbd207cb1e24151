import type { CollectionName } from '@domain/collections';
import type { Command } from '../commands/command';
import { useCommands } from '../commands/command-store';
import type { CanCreate } from './can-create';
import { allSections, sectionOf } from './registry';
import { useUi } from './ui-store';

/** Undo offered by whatever screen keeps an undo history (the board). */
export type UndoSurface = () => void;

/** A non-modal popup (the account menu) that Escape closes. */
export interface PopupSurface {
  close(): void;
}

function creatable(section: string, can: CanCreate | undefined): CollectionName | null {
  const collection = sectionOf(section)?.recordCollection;
  return collection && can?.('create', collection) ? collection : null;
}

/** `g` then a section's letter goes there, from anywhere; a section without a letter by name (the palette). */
const goCommands: Command[] = allSections().map((s) => ({
  id: `go.${s.route}`,
  title: 'commands.goTo',
  titleArgs: { section: s.label },
  scope: 'global',
  keys: [...(s.goKey ? [`g ${s.goKey}`] : []), ...(s.goChord ? [s.goChord] : [])],
  // Chosen from the keyboard: the section takes focus on arrival (the board its first card).
  run: () => useUi.getState().navigate(s.route, { focus: true }),
}));

/** The shell's own commands, available everywhere. */
export const SHELL_COMMANDS: readonly Command[] = [
  {
    id: 'palette.open',
    title: 'commands.paletteOpen',
    scope: 'global',
    keys: ['Mod+k'],
    allowInText: true,
    run: () => useCommands.getState().setPaletteOpen(true),
  },
  {
    id: 'help.shortcuts',
    title: 'commands.showShortcuts',
    scope: 'global',
    keys: ['?'],
    run: () => useCommands.getState().setCheatSheetOpen(true),
  },
  {
    id: 'record.create',
    title: 'commands.createRecord',
    scope: 'global',
    keys: ['c'],
    when: (ctx) => creatable(ctx.section, ctx.surface<CanCreate>('can')) !== null,
    run: (ctx) => {
      const collection = creatable(ctx.section, ctx.surface<CanCreate>('can'));
      if (collection) useUi.getState().openDrawer({ collection, id: 'new' });
    },
  },
  {
    id: 'edit.undo',
    title: 'commands.undo',
    scope: 'global',
    keys: ['Mod+z'],
    when: (ctx) => ctx.surface<UndoSurface>('undo') !== undefined,
    run: (ctx) => ctx.surface<UndoSurface>('undo')?.(),
  },
  {
    id: 'drawer.close',
    title: 'commands.closeDrawer',
    scope: 'drawer',
    keys: ['Escape'],
    when: () => useUi.getState().drawer !== null,
    run: () => useUi.getState().closeDrawer(),
  },
  {
    id: 'popup.close',
    title: 'commands.closePopup',
    scope: 'dialog',
    keys: ['Escape'],
    when: (ctx) => ctx.surface<PopupSurface>('popup') !== undefined,
    run: (ctx) => ctx.surface<PopupSurface>('popup')?.close(),
  },
  ...goCommands,
];
