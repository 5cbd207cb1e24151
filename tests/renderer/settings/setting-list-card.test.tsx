import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings, SETTING_IDS } from '@domain/default-records';
import { readRecord } from '../../../renderer/db/record-reads';
import { insertRecord } from '../../../renderer/db/record-writes';
import { WorkspaceProvider } from '../../../renderer/db/workspace-context';
import { SettingListCard } from '../../../renderer/features/settings/SettingListCard';
import { useUi } from '../../../renderer/shell/ui-store';
import { openTestWorkspace } from '../support/open-test-workspace';
import { renderWithI18n } from '../support/render-with-i18n';
import { setupUser } from '../support/setup-user';

type TestWorkspace = Awaited<ReturnType<typeof openTestWorkspace>>;
let workspace: TestWorkspace | undefined;
afterEach(async () => {
  await workspace?.close();
  workspace = undefined;
});

async function showReasons(role: 'SALES_MANAGER' | 'ACCOUNT_EXECUTIVE' = 'SALES_MANAGER') {
  workspace = await openTestWorkspace(['settings', 'users']);
  workspace.user = { ...workspace.user, role };
  const { id, ...body } = defaultSettings().find((s) => s.kind === 'disqualify-reasons')!;
  await insertRecord(workspace, 'settings', body, id);
  const ws = workspace;
  await renderWithI18n(
    <WorkspaceProvider workspace={ws}>
      <SettingListCard kind="disqualify-reasons" />
    </WorkspaceProvider>,
  );
  const stored = async () =>
    ((await readRecord(ws, 'settings', SETTING_IDS['disqualify-reasons']))?.items ?? [])
      .filter((i) => !i.retired)
      .map((i) => i.label);
  return { user: setupUser(), stored };
}

describe('Settings → disqualification reasons', () => {
  it('adds, renames and reorders reasons, and what the list shows is what is stored', async () => {
    const { user, stored } = await showReasons();
    const card = await screen.findByRole('region', { name: 'Disqualification reasons' });
    await user.type(within(card).getByLabelText('New disqualification reason'), 'No budget this year');
    await user.click(within(card).getByRole('button', { name: 'Add reason' }));
    await waitFor(async () => expect(await stored()).toContain('No budget this year'));

    const name = await within(card).findByRole('textbox', { name: 'Name of Spam' });
    await user.clear(name);
    await user.type(name, 'Junk');
    await user.click(within(card).getByRole('button', { name: 'Rename Spam' }));
    await within(card).findByRole('textbox', { name: 'Name of Junk' });

    await user.click(within(card).getByRole('button', { name: 'Move Junk up' }));
    await waitFor(async () =>
      expect(await stored()).toEqual(['Not a fit', 'Could not reach', 'Junk', 'Duplicate', 'No budget this year']),
    );
  });

  it('refuses a second reason of the same name and says why', async () => {
    const { user, stored } = await showReasons();
    const card = await screen.findByRole('region', { name: 'Disqualification reasons' });
    await user.type(within(card).getByLabelText('New disqualification reason'), 'spam');
    await user.click(within(card).getByRole('button', { name: 'Add reason' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent('The list already has an item of that name.');
    expect(await stored()).toHaveLength(4);
  });

  it('removes a reason with Undo that puts it back in its place', async () => {
    const { user, stored } = await showReasons();
    const card = await screen.findByRole('region', { name: 'Disqualification reasons' });
    await user.click(await within(card).findByRole('button', { name: 'Remove Could not reach' }));
    await waitFor(async () => expect(await stored()).toEqual(['Not a fit', 'Duplicate', 'Spam']));
    const toast = useUi.getState().toasts.at(-1)!;
    expect(toast.message).toBe('Removed Could not reach');
    toast.action!.run();
    await waitFor(async () => expect(await stored()).toEqual(['Not a fit', 'Could not reach', 'Duplicate', 'Spam']));
  });

  it('is not shown to a user who may not change settings', async () => {
    await showReasons('ACCOUNT_EXECUTIVE');
    // Long enough for the list to load and show, as it does for a Sales Manager in the tests above.
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByRole('region', { name: 'Disqualification reasons' })).toBeNull();
  });
});
