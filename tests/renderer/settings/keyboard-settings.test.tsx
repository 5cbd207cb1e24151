import { screen, within } from '@testing-library/react';
import { setupUser } from '../support/setup-user';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandHost } from '../../../renderer/commands/CommandHost';
import { useSavedKeyBindings } from '../../../renderer/commands/use-saved-key-bindings';
import { overridesOf } from '@domain/key-bindings';
import { insertRecord } from '../../../renderer/db/record-writes';
import { WorkspaceProvider } from '../../../renderer/db/workspace-context';
import { KeyboardSettings } from '../../../renderer/features/settings/KeyboardSettings';
import { COMMANDS } from '../../../renderer/shell/commands-list';
import { useUi } from '../../../renderer/shell/ui-store';
import { openTestWorkspace } from '../support/open-test-workspace';
import { renderWithI18n } from '../support/render-with-i18n';

type TestWorkspace = Awaited<ReturnType<typeof openTestWorkspace>>;
let workspace: TestWorkspace | undefined;
afterEach(async () => {
  await workspace?.close();
  workspace = undefined;
});

/** What AppShell does with saved bindings, beside the settings card and the app's commands. */
function SavedKeyBindings() {
  useSavedKeyBindings();
  return null;
}

/** The bindings kept on the user's profile, where they follow the user to other devices. */
async function savedBindings(ws: TestWorkspace) {
  const profile = await ws.db.users.findOne(ws.user.id).exec();
  return overridesOf(profile?.keyBindings);
}

async function showKeyboardSettings() {
  workspace = await openTestWorkspace(['users']);
  const { id, name, email, role, teamId } = workspace.user;
  await insertRecord(workspace, 'users', { name, email, role, teamId, active: true, locale: 'en', avatarHue: 200 }, id);
  await renderWithI18n(
    <WorkspaceProvider workspace={workspace}>
      <SavedKeyBindings />
      <CommandHost commands={COMMANDS} />
      <KeyboardSettings />
    </WorkspaceProvider>,
  );
  const user = setupUser();
  const everywhere = screen.getByRole('table', { name: 'Everywhere' });
  // Its row, by the row's header: a role query by row name reads every row's text, slowly in jsdom.
  const goDeals = () => within(everywhere).getByRole('rowheader', { name: 'Go to Deals' }).closest('tr')!;
  /** Types `keys` away from the settings' buttons, as a command would be typed anywhere in the app. */
  const typeCommand = async (keys: string) => {
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard(keys);
  };
  const section = () => useUi.getState().section;
  return { user, goDeals, typeCommand, section, ws: workspace };
}

describe('Settings → Keyboard', () => {
  it('a remapped key runs the command and the old key no longer does', async () => {
    const { user, goDeals, typeCommand, section, ws } = await showKeyboardSettings();
    expect(within(goDeals()).getByText('G then D')).toBeInTheDocument();

    await user.click(within(goDeals()).getByRole('button', { name: 'Change keys for Go to Deals' }));
    expect(within(goDeals()).getByRole('button', { name: 'Recording keys for Go to Deals' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await user.keyboard('ge');
    expect(await within(goDeals()).findByText('G then E')).toBeInTheDocument();
    // Recording took the keys: they ran nothing.
    expect(section()).toBe('');
    expect(await savedBindings(ws)).toEqual({ 'go.deals': ['g e'] });

    await typeCommand('gd');
    expect(section()).toBe('');
    await typeCommand('ge');
    expect(section()).toBe('deals');
  });

  it('a binding already used in the same scope is shown as a conflict and refused', async () => {
    const { user, goDeals, typeCommand, section, ws } = await showKeyboardSettings();

    await user.click(within(goDeals()).getByRole('button', { name: 'Change keys for Go to Deals' }));
    await user.keyboard('gp');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'G then P is already used by “Go to Pipeline” (Everywhere). Choose other keys.',
    );
    expect(within(goDeals()).getByText('G then D')).toBeInTheDocument();
    expect(await savedBindings(ws)).toEqual({});

    await typeCommand('gp');
    expect(section()).toBe('pipeline');
    await typeCommand('gd');
    expect(section()).toBe('deals');
  });

  it('reset restores the default', async () => {
    const { user, goDeals, typeCommand, section, ws } = await showKeyboardSettings();
    const reset = () => within(goDeals()).getByRole('button', { name: 'Reset Go to Deals to its default keys' });
    expect(reset()).toBeDisabled();

    await user.click(within(goDeals()).getByRole('button', { name: 'Change keys for Go to Deals' }));
    await user.keyboard('ge');
    await within(goDeals()).findByText('G then E');
    expect(reset()).toBeEnabled();

    await user.click(reset());
    expect(await within(goDeals()).findByText('G then D')).toBeInTheDocument();
    expect(reset()).toBeDisabled();
    expect(await savedBindings(ws)).toEqual({});
    await typeCommand('ge');
    expect(section()).toBe('');
    await typeCommand('gd');
    expect(section()).toBe('deals');
  });

  it('Escape while recording cancels: the keys stay and nothing else hears it', async () => {
    const { user, goDeals, ws } = await showKeyboardSettings();
    useUi.getState().openDrawer({ collection: 'deals', id: 'new' });

    await user.click(within(goDeals()).getByRole('button', { name: 'Change keys for Go to Deals' }));
    await user.keyboard('{Escape}');
    expect(within(goDeals()).getByRole('button', { name: 'Change keys for Go to Deals' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(within(goDeals()).getByText('G then D')).toBeInTheDocument();
    expect(useUi.getState().drawer).not.toBeNull();
    expect(await savedBindings(ws)).toEqual({});
  });
});
