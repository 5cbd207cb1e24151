import { act, screen, within } from '@testing-library/react';
import { setupUser } from '../support/setup-user';
import { describe, expect, it } from 'vitest';
import { CheatSheet } from '../../../renderer/commands/CheatSheet';
import { COMMAND_SCOPES } from '../../../renderer/commands/command';
import { useCommands } from '../../../renderer/commands/command-store';
import { commandTitle } from '../../../renderer/commands/command-title';
import { CommandHost } from '../../../renderer/commands/CommandHost';
import { en } from '../../../renderer/i18n/en';
import { COMMANDS } from '../../../renderer/shell/commands-list';
import { renderWithI18n } from '../support/render-with-i18n';

async function showApp() {
  const view = await renderWithI18n(
    <>
      <button type="button">Filter</button>
      <CommandHost commands={COMMANDS} />
      <CheatSheet />
    </>,
  );
  return { ...view, user: setupUser() };
}

describe('the cheat sheet', () => {
  it('the cheat sheet lists every command with its current binding, grouped by scope', async () => {
    const { user, i18n } = await showApp();
    act(() => useCommands.getState().setOverrides({ 'go.deals': ['g e'] }));

    await user.keyboard('?');
    const sheet = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });

    for (const scope of COMMAND_SCOPES) {
      const inScope = COMMANDS.filter((c) => c.scope === scope);
      const caption = en.commands.scopes[scope];
      if (inScope.length === 0) {
        expect(within(sheet).queryByRole('table', { name: caption })).not.toBeInTheDocument();
        continue;
      }
      const table = within(sheet).getByRole('table', { name: caption });
      const titles = within(table)
        .getAllByRole('rowheader')
        .map((th) => th.textContent);
      expect(titles, scope).toEqual(inScope.map((c) => commandTitle(i18n.t, c)));
    }

    // A command reached by name only (the palette) says so; every other row shows its keys.
    const unbound = COMMANDS.filter((c) => c.keys.length === 0 && !(c.id in useCommands.getState().overrides));
    expect(within(sheet).queryAllByText('No key')).toHaveLength(unbound.length);

    /** A command's row, by its header: a role query by row name reads every row's text, slowly in jsdom. */
    const row = (table: HTMLElement, title: string) =>
      within(table).getByRole('rowheader', { name: title }).closest('tr');
    const everywhere = within(sheet).getByRole('table', { name: 'Everywhere' });
    // The user's own binding, in place of the default.
    expect(row(everywhere, 'Go to Deals')).toHaveAccessibleName('Go to Deals G then E');
    expect(row(everywhere, 'Go to Leads')).toHaveAccessibleName('Go to Leads G then L');
    expect(row(everywhere, 'Open the command palette')).toHaveAccessibleName('Open the command palette Ctrl+K');
    expect(row(everywhere, 'Go to Settings')).toHaveAccessibleName('Go to Settings G then S, or Ctrl+,');
    expect(row(everywhere, 'Go to Call center')).toHaveAccessibleName('Go to Call center No key');
    const board = within(sheet).getByRole('table', { name: 'Board' });
    expect(row(board, 'Mark the deal as won')).toHaveAccessibleName('Mark the deal as won W');
    const drawer = within(sheet).getByRole('table', { name: 'Open record' });
    expect(row(drawer, 'Close the record')).toHaveAccessibleName('Close the record Esc');
  });

  it('Escape closes the cheat sheet and returns focus to the element that had it before', async () => {
    const { user } = await showApp();
    const filter = screen.getByRole('button', { name: 'Filter' });
    filter.focus();

    await user.keyboard('?');
    const sheet = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(sheet).getByRole('button', { name: 'Close' })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(sheet).not.toBeInTheDocument();
    expect(useCommands.getState().cheatSheetOpen).toBe(false);
    expect(filter).toHaveFocus();
  });

  it('its Close button closes it and returns focus the same way', async () => {
    const { user } = await showApp();
    const filter = screen.getByRole('button', { name: 'Filter' });
    filter.focus();

    await user.keyboard('?');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument();
    expect(filter).toHaveFocus();
  });
});
