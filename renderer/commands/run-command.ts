import { useUi } from '../shell/ui-store';
import type { Command, CommandContext } from './command';
import { useCommands } from './command-store';
import { surface } from './surfaces';

/** The context commands see: the section, what has focus, the mounted surfaces. */
export function commandContext(target: Element | null): CommandContext {
  return { section: useUi.getState().section, target, surface };
}

export function commandApplies(command: Command, ctx: CommandContext): boolean {
  return !command.when || command.when(ctx);
}

/**
 * Runs a command by id if it applies now (a menu item, the palette, the desktop's menu and
 * hotkeys): whatever has focus is its target, unless `target` names another (the palette runs
 * commands on the element that had focus before it opened). Returns whether it ran.
 */
export function runCommand(
  id: string,
  commands: readonly Command[] = useCommands.getState().commands,
  target: Element | null = typeof document === 'undefined' ? null : document.activeElement,
): boolean {
  const command = commands.find((c) => c.id === id);
  if (!command) return false;
  const ctx = commandContext(target);
  if (!commandApplies(command, ctx)) return false;
  command.run(ctx);
  return true;
}
