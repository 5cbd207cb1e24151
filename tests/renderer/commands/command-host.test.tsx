import { act, createEvent, fireEvent, screen } from '@testing-library/react';
import { setupUser } from '../support/setup-user';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Command } from '../../../renderer/commands/command';
import { useCommands } from '../../../renderer/commands/command-store';
import { COMMAND_EVENT, CommandHost, SEQUENCE_TIMEOUT_MS } from '../../../renderer/commands/CommandHost';
import { SHELL_COMMANDS } from '../../../renderer/shell/shell-commands';
import { useUi } from '../../../renderer/shell/ui-store';
import { ModalDialog } from '../../../renderer/ui/ModalDialog';
import { RightDetailDrawer } from '../../../renderer/ui/RightDetailDrawer';
import { renderWithI18n } from '../support/render-with-i18n';

/** A command of the test's own that records each time it runs. */
function spyCommand(id: string, scope: Command['scope'], keys: string[], extra: Partial<Command> = {}) {
  const run = vi.fn();
  const command: Command = { id, title: 'commands.undo', scope, keys, run, ...extra };
  return { command, run };
}

const section = () => useUi.getState().section;

afterEach(() => {
  vi.useRealTimers();
});

describe('the command host', () => {
  it('a key typed into a text field is never taken', async () => {
    const create = spyCommand('test.create', 'global', ['c']);
    await renderWithI18n(
      <>
        <CommandHost commands={[...SHELL_COMMANDS, create.command]} />
        <label>
          Note <input type="text" />
        </label>
        <label>
          Details <textarea />
        </label>
        <div role="textbox" aria-label="Rich text" contentEditable tabIndex={0} />
      </>,
    );
    const user = setupUser();

    await user.click(screen.getByRole('textbox', { name: 'Note' }));
    await user.keyboard('gl c?');
    await user.click(screen.getByRole('textbox', { name: 'Details' }));
    await user.keyboard('gd');
    screen.getByRole('textbox', { name: 'Rich text' }).focus();
    await user.keyboard('go');

    expect(screen.getByRole('textbox', { name: 'Note' })).toHaveValue('gl c?');
    expect(screen.getByRole('textbox', { name: 'Details' })).toHaveValue('gd');
    expect(section()).toBe('');
    expect(create.run).not.toHaveBeenCalled();
    expect(useCommands.getState().cheatSheetOpen).toBe(false);

    // The same keys outside a field are commands.
    await user.click(document.body);
    await user.keyboard('c');
    expect(create.run).toHaveBeenCalledTimes(1);
    await user.keyboard('gl');
    expect(section()).toBe('leads');
  });

  it('G then L goes to Leads; G then a pause then L does not', async () => {
    await renderWithI18n(<CommandHost commands={SHELL_COMMANDS} />);
    // Plain key events stamped with the time a person pressed them: the pause is the one between
    // the presses, whatever the clock of the page says when their handlers run.
    const press = (key: string, at: number) => {
      const event = createEvent.keyDown(document.body, { key });
      Object.defineProperty(event, 'timeStamp', { value: at });
      fireEvent(document.body, event);
    };

    press('g', 1_000);
    press('l', 1_000 + SEQUENCE_TIMEOUT_MS - 100);
    expect(section()).toBe('leads');

    act(() => useUi.getState().navigate('deals'));
    press('g', 5_000);
    press('l', 5_000 + SEQUENCE_TIMEOUT_MS + 1);
    expect(section()).toBe('deals');

    // The sequence starts afresh with the next G.
    press('g', 8_000);
    press('l', 8_010);
    expect(section()).toBe('leads');
  });

  it('G then L typed in time goes to Leads even when the page runs the L late', async () => {
    await renderWithI18n(<CommandHost commands={SHELL_COMMANDS} />);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
    const press = (key: string, at: number) => {
      const event = createEvent.keyDown(document.body, { key });
      Object.defineProperty(event, 'timeStamp', { value: at });
      fireEvent(document.body, event);
    };
    act(() => useUi.getState().navigate('deals'));

    press('g', 1_000);
    // A long task: the page's clock and its timers move on before the second key is handled.
    vi.advanceTimersByTime(SEQUENCE_TIMEOUT_MS * 3);
    press('l', 1_200);
    expect(section()).toBe('leads');
  });

  it('a drawer-scope Escape wins over the global one', async () => {
    const clearSearch = spyCommand('test.clear-search', 'global', ['Escape']);
    function Page() {
      const drawer = useUi((s) => s.drawer);
      return (
        <>
          <button type="button">Row</button>
          {drawer && (
            <RightDetailDrawer title="Acme" onClose={() => useUi.getState().closeDrawer()}>
              <label>
                Name <input type="text" />
              </label>
            </RightDetailDrawer>
          )}
        </>
      );
    }
    await renderWithI18n(
      <>
        <CommandHost commands={[...SHELL_COMMANDS, clearSearch.command]} />
        <Page />
      </>,
    );
    const user = setupUser();

    act(() => useUi.getState().openDrawer({ collection: 'companies', id: 'new' }));
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(useUi.getState().drawer).toBeNull();
    expect(screen.queryByRole('dialog', { name: 'Acme' })).not.toBeInTheDocument();
    expect(clearSearch.run).not.toHaveBeenCalled();

    // With no drawer open, the same key is the global command's.
    await user.click(screen.getByRole('button', { name: 'Row' }));
    await user.keyboard('{Escape}');
    expect(clearSearch.run).toHaveBeenCalledTimes(1);
  });

  it('an open dialog lets only its own commands through', async () => {
    const create = spyCommand('test.create', 'global', ['c']);
    const next = spyCommand('test.dialog-next', 'dialog', ['n']);
    function Page() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Ask
          </button>
          {open && (
            <ModalDialog
              title="Merge records"
              onCancel={() => setOpen(false)}
              actions={
                <button type="button" onClick={() => setOpen(false)}>
                  Done
                </button>
              }
            />
          )}
        </>
      );
    }
    await renderWithI18n(
      <>
        <CommandHost commands={[...SHELL_COMMANDS, create.command, next.command]} />
        <Page />
      </>,
    );
    const user = setupUser();

    await user.click(screen.getByRole('button', { name: 'Ask' }));
    expect(screen.getByRole('dialog', { name: 'Merge records' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Done' })).toHaveFocus();
    await user.keyboard('c');
    await user.keyboard('gl');
    await user.keyboard('?');
    await user.keyboard('{Control>}k{/Control}');
    expect(create.run).not.toHaveBeenCalled();
    expect(section()).toBe('');
    expect(useCommands.getState()).toMatchObject({ cheatSheetOpen: false, paletteOpen: false });
    await user.keyboard('n');
    expect(next.run).toHaveBeenCalledTimes(1);

    // Closed, the page's commands are back and the dialog's are gone.
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await user.keyboard('cn');
    expect(create.run).toHaveBeenCalledTimes(1);
    expect(next.run).toHaveBeenCalledTimes(1);
  });

  it('Mod+K opens the palette even from a text field', async () => {
    await renderWithI18n(
      <>
        <CommandHost commands={SHELL_COMMANDS} />
        <label>
          Search <input type="search" />
        </label>
      </>,
    );
    const user = setupUser();

    await user.click(screen.getByRole('searchbox', { name: 'Search' }));
    await user.keyboard('ac');
    await user.keyboard('{Control>}k{/Control}');
    expect(useCommands.getState().paletteOpen).toBe(true);
    // The K of the chord is the palette's: it does not reach the field.
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('ac');
  });

  it('on a Mac Mod is Cmd: Cmd+K opens the palette and Ctrl+K does not', async () => {
    vi.spyOn(navigator, 'platform', 'get').mockReturnValue('MacIntel');
    await renderWithI18n(<CommandHost commands={SHELL_COMMANDS} />);
    const user = setupUser();

    await user.keyboard('{Control>}k{/Control}');
    expect(useCommands.getState().paletteOpen).toBe(false);
    await user.keyboard('{Meta>}k{/Meta}');
    expect(useCommands.getState().paletteOpen).toBe(true);
    vi.restoreAllMocks();
  });

  it('leaves a key to the widget that already used it', async () => {
    const create = spyCommand('test.create', 'global', ['c']);
    await renderWithI18n(
      <>
        <CommandHost commands={[create.command]} />
        <button type="button" onKeyDown={(e) => e.key === 'c' && e.preventDefault()}>
          Colour
        </button>
        <button type="button">Other</button>
      </>,
    );
    const user = setupUser();

    screen.getByRole('button', { name: 'Colour' }).focus();
    await user.keyboard('c');
    expect(create.run).not.toHaveBeenCalled();
    screen.getByRole('button', { name: 'Other' }).focus();
    await user.keyboard('c');
    expect(create.run).toHaveBeenCalledTimes(1);
  });

  it('runs a command the desktop shell sends by id, unless it does not apply now', async () => {
    const undo = vi.fn();
    const commands: Command[] = [
      ...SHELL_COMMANDS,
      { id: 'test.undo', title: 'commands.undo', scope: 'global', keys: [], when: () => false, run: undo },
    ];
    await renderWithI18n(<CommandHost commands={commands} />);

    act(() => {
      window.dispatchEvent(new CustomEvent(COMMAND_EVENT, { detail: 'go.pipeline' }));
    });
    expect(section()).toBe('pipeline');
    act(() => {
      window.dispatchEvent(new CustomEvent(COMMAND_EVENT, { detail: { id: 'help.shortcuts' } }));
      window.dispatchEvent(new CustomEvent(COMMAND_EVENT, { detail: 'test.undo' }));
    });
    expect(useCommands.getState().cheatSheetOpen).toBe(true);
    expect(undo).not.toHaveBeenCalled();
  });
});
