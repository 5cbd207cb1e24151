import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from '../commands/command';
import { useCommands } from '../commands/command-store';
import { commandTitle } from '../commands/command-title';
import { commandApplies, commandContext } from '../commands/run-command';
import { matchCommands, type CommandMatch } from './command-matches';

/**
 * The commands the palette offers for `query`: every command of the registry whose `when` holds
 * for the screen beneath the palette (`target`: what had focus before it opened), found by its
 * title in the user's language, and the commands made from the user's data (their saved views). Two commands with one title (the board's and the open deal's
 * "Mark the deal as won") show once: the first in the registry's order. Worked out at each render
 * (a few dozen commands): `when` reads surfaces, which say nothing when they change.
 */
export function usePaletteCommands(
  query: string,
  target: Element | null,
): { matches: CommandMatch[]; all: readonly Command[] } {
  const { t } = useTranslation();
  const registry = useCommands((s) => s.commands);
  const dataCommands = useCommands((s) => s.dataCommands);
  const all = useMemo(() => [...registry, ...Object.values(dataCommands).flat()], [registry, dataCommands]);
  const ctx = commandContext(target);
  const seen = new Set<string>();
  const entries = all.flatMap((command) => {
    if (command.id === 'palette.open' || !commandApplies(command, ctx)) return [];
    const title = commandTitle(t, command);
    if (seen.has(title)) return [];
    seen.add(title);
    return [{ id: command.id, title }];
  });
  return { matches: matchCommands(entries, query), all };
}
