import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandHost } from '../../../renderer/commands/CommandHost';
import { WorkspaceProvider } from '../../../renderer/db/workspace-context';
import { DrawerHost } from '../../../renderer/shell/DrawerHost';
import { SHELL_COMMANDS } from '../../../renderer/shell/shell-commands';
import { useUi } from '../../../renderer/shell/ui-store';
import { openTestWorkspace } from '../support/open-test-workspace';
import { renderWithI18n } from '../support/render-with-i18n';
import { setupUser } from '../support/setup-user';

let workspace: Awaited<ReturnType<typeof openTestWorkspace>> | undefined;
afterEach(async () => {
  await workspace?.close();
  workspace = undefined;
});

/** A page with a button that opens a new company in the shell's drawer, and another that does nothing. */
async function showPage() {
  workspace = await openTestWorkspace(['companies', 'users']);
  await renderWithI18n(
    <WorkspaceProvider workspace={workspace}>
      <CommandHost commands={SHELL_COMMANDS} />
      <button type="button" onClick={() => useUi.getState().openDrawer({ collection: 'companies', id: 'new' })}>
        Add company
      </button>
      <button type="button">Export</button>
      <DrawerHost />
    </WorkspaceProvider>,
  );
  const user = setupUser();
  const opener = screen.getByRole('button', { name: 'Add company' });
  await user.click(opener);
  const drawer = await screen.findByRole('dialog', { name: 'New company' });
  return { user, opener, drawer };
}

describe('the drawer and focus', () => {
  it('Escape closing the drawer returns focus to the element that had it before', async () => {
    const { user, opener, drawer } = await showPage();
    // The drawer takes focus on its first field.
    await waitFor(() => expect(within(drawer).getByRole('textbox', { name: 'Company name' })).toHaveFocus());

    await user.keyboard('{Escape}');
    expect(drawer).not.toBeInTheDocument();
    await waitFor(() => expect(opener).toHaveFocus());
  });

  it('its Close button returns focus the same way', async () => {
    const { user, opener, drawer } = await showPage();

    await user.click(within(drawer).getByRole('button', { name: 'Close' }));
    expect(drawer).not.toBeInTheDocument();
    await waitFor(() => expect(opener).toHaveFocus());
  });

  it('closing the drawer leaves focus where the user moved it', async () => {
    const { user, opener, drawer } = await showPage();
    const exportButton = screen.getByRole('button', { name: 'Export' });
    await user.click(exportButton);

    act(() => useUi.getState().navigate('leads'));
    expect(drawer).not.toBeInTheDocument();
    // Give a focus return the frame it would wait for.
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(exportButton).toHaveFocus();
    expect(opener).not.toHaveFocus();
  });
});
