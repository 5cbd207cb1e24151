import type { MessageKey } from '../i18n/message-key';

/**
 * Where a command applies. The dispatcher asks the most specific active scope first:
 * dialog > drawer > board and list > global. An open modal dialog lets only its own scope through.
 */
export type CommandScope = 'global' | 'list' | 'board' | 'drawer' | 'dialog';

export const COMMAND_SCOPES: readonly CommandScope[] = ['global', 'list', 'board', 'drawer', 'dialog'];

/** What a command may look at when it decides whether it applies and when it runs. */
export interface CommandContext {
  /** The section on screen (its route segment). */
  section: string;
  /** The element with focus when the key was pressed (or the command was asked for). */
  target: Element | null;
  /** A surface a mounted component offers to commands (the board, an open deal drawer…). */
  surface<T>(name: string): T | undefined;
}

/**
 * One thing the user can do by name or key. Features contribute commands through their manifest,
 * the shell contributes the global ones; the dispatcher, the cheat sheet, Settings → Keyboard and
 * (later) the palette all read the same list.
 */
export interface Command {
  id: string;
  /** Its name in en.ts/es.ts, as the cheat sheet and the palette show it. */
  title: MessageKey;
  /** Values for the title's placeholders, themselves message keys (`Go to {{section}}`). */
  titleArgs?: Readonly<Record<string, MessageKey>>;
  /** Values for the title's placeholders shown as they are: a name the user gave (a saved view's). */
  titleValues?: Readonly<Record<string, string>>;
  scope: CommandScope;
  /**
   * Default bindings: a single key (`c`, `?`, `Enter`), a modified key (`Mod+k`: Cmd on macOS,
   * Ctrl elsewhere) or a sequence of them separated by spaces (`g l`). Empty: reachable by name only.
   */
  keys: readonly string[];
  /** A Mod combination that also works while typing in a field (Mod+k). Escape always does. */
  allowInText?: boolean;
  when?(ctx: CommandContext): boolean;
  run(ctx: CommandContext): void;
}
