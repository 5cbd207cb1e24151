import type { Command } from '../commands/command';
import { FEATURES } from '../features';
import { LIST_COMMANDS } from '../ui/list-commands';
import { PREFERENCE_COMMANDS } from './preference-commands';
import { ASSIGN_OPEN_RECORD } from './record-commands';
import { SHELL_COMMANDS } from './shell-commands';

/**
 * Every command of the app: the shell's, the record lists', and each feature's from its manifest.
 * The dispatcher, the cheat sheet, Settings → Keyboard and the palette read this one list.
 */
export const COMMANDS: readonly Command[] = [
  ...SHELL_COMMANDS,
  ASSIGN_OPEN_RECORD,
  ...PREFERENCE_COMMANDS,
  ...LIST_COMMANDS,
  ...FEATURES.flatMap((f) => f.commands ?? []),
];
