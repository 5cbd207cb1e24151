import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BulkCollection } from '@domain/bulk-edits';
import { defaultSettings } from '@domain/default-records';
import type { Role } from '@domain/schemas/user-profile';
import { CommandHost } from '../../../renderer/commands/CommandHost';
import { readBulkRecords } from '../../../renderer/db/bulk-writes';
import { insertRecord } from '../../../renderer/db/record-writes';
import { WorkspaceProvider } from '../../../renderer/db/workspace-context';
import { BulkActionBar } from '../../../renderer/features/bulk';
import { COMMANDS } from '../../../renderer/shell/commands-list';
import { Toasts } from '../../../renderer/shell/Toasts';
import { leadBody } from '../../support/record-bodies';
import { openTestWorkspace } from '../support/open-test-workspace';
import { renderWithI18n } from '../support/render-with-i18n';
import { setupUser } from '../support/setup-user';

type TestWorkspace = Awaited<ReturnType<typeof openTestWorkspace>>;
let workspace: TestWorkspace | undefined;
afterEach(async () => {
  await workspace?.close();
  workspace = undefined;
});

const COLLEAGUE = '01900000-0000-7000-8000-0000000000c1';

async function showBar(role: Role, collection: BulkCollection, seed: (ws: TestWorkspace) => Promise<string[]>) {
  workspace = await openTestWorkspace(['leads', 'deals', 'pipelines', 'stage_changes', 'users', 'settings']);
  workspace.user = { ...workspace.user, role };
  const ws = workspace;
  const { id, name, email, teamId } = ws.user;
  await insertRecord(ws, 'users', { name, email, role, teamId, active: true, locale: 'en', avatarHue: 200 }, id);
  await insertRecord(
    ws,
    'users',
    {
      name: 'Carla Colleague',
      email: 'carla@example.com',
      role: 'SDR',
      teamId,
      active: true,
      locale: 'en',
      avatarHue: 120,
    },
    COLLEAGUE,
  );
  for (const { id: settingId, ...setting } of defaultSettings()) await insertRecord(ws, 'settings', setting, settingId);
  const ids = await seed(ws);
  const { unmount } = await renderWithI18n(
    <WorkspaceProvider workspace={ws}>
      <CommandHost commands={COMMANDS} />
      <BulkActionBar collection={collection} selectedIds={ids} />
      <Toasts />
    </WorkspaceProvider>,
  );
  return {
    unmount,
    user: setupUser(),
    ws,
    ids,
    bar: await screen.findByRole('toolbar', { name: 'Actions on the selected records' }),
  };
}

const owners = async (ws: TestWorkspace, ids: string[]) =>
  (await readBulkRecords(ws, 'leads', ids)).map((l) => l.ownerId);

describe('the bulk action bar', () => {
  it('assigns the selected leads, says how many were skipped and why, and one Undo puts them all back', async () => {
    const { user, ws, ids, bar } = await showBar('SDR', 'leads', async (ws) => [
      (await insertRecord(ws, 'leads', leadBody({ firstName: 'Lead 1', ownerId: '', teamId: ws.user.teamId }))).id,
      (await insertRecord(ws, 'leads', leadBody({ firstName: 'Lead 2', ownerId: '', teamId: ws.user.teamId }))).id,
      (await insertRecord(ws, 'leads', leadBody({ firstName: 'Lead 3', ownerId: COLLEAGUE, teamId: ws.user.teamId })))
        .id,
    ]);
    expect(within(bar).getByText('3 selected')).toBeInTheDocument();
    await user.click(within(bar).getByRole('button', { name: 'Assign to…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Assign the selected records' });
    const owner = within(dialog).getByRole('combobox', { name: 'New owner' });
    await waitFor(() => expect(within(owner).getByRole('option', { name: 'Ana Ruiz' })).toBeInTheDocument());
    await user.selectOptions(owner, 'Ana Ruiz');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));

    expect(await screen.findByText('2 updated. 1 skipped: you may not edit them.')).toBeInTheDocument();
    expect(await owners(ws, ids)).toEqual([ws.user.id, ws.user.id, COLLEAGUE]);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('2 records put back.')).toBeInTheDocument();
    expect(await owners(ws, ids)).toEqual(['', '', COLLEAGUE]);
  });

  it('disqualifies only with a reason, and skips the leads already disqualified', async () => {
    const { user, ws, ids, bar } = await showBar('SALES_MANAGER', 'leads', async (ws) => [
      (
        await insertRecord(
          ws,
          'leads',
          leadBody({ firstName: 'Lead 1', ownerId: ws.user.id, teamId: ws.user.teamId, status: 'CONTACTED' }),
        )
      ).id,
      (
        await insertRecord(
          ws,
          'leads',
          leadBody({ firstName: 'Lead 2', ownerId: ws.user.id, teamId: ws.user.teamId, status: 'DISQUALIFIED' }),
        )
      ).id,
    ]);
    await user.click(within(bar).getByRole('button', { name: 'Change status…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change the status of the selected records' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'New status' }), 'Disqualified');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Say why.');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Reason' }), 'Not a fit');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));

    expect(await screen.findByText('1 updated. 1 skipped: nothing to change.')).toBeInTheDocument();
    const [changed] = await readBulkRecords(ws, 'leads', ids);
    expect(changed).toMatchObject({ status: 'DISQUALIFIED', disqualifyReason: 'not-a-fit' });
  });

  it('asks before deleting, and Ctrl+Z brings the deleted records back', async () => {
    const { user, ws, ids, bar } = await showBar('SALES_MANAGER', 'leads', async (ws) => [
      (await insertRecord(ws, 'leads', leadBody({ firstName: 'Lead 1', ownerId: ws.user.id, teamId: ws.user.teamId })))
        .id,
      (await insertRecord(ws, 'leads', leadBody({ firstName: 'Lead 2', ownerId: ws.user.id, teamId: ws.user.teamId })))
        .id,
    ]);
    await user.click(within(bar).getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete 2 records?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('2 updated.')).toBeInTheDocument();
    expect((await readBulkRecords(ws, 'leads', ids)).every((l) => l.deletedAt !== null)).toBe(true);

    (document.activeElement as HTMLElement | null)?.blur();
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(await screen.findByText('2 records put back.')).toBeInTheDocument();
    expect((await readBulkRecords(ws, 'leads', ids)).map((l) => l.deletedAt)).toEqual([null, null]);
  });

  it('asks before changing more than 100 records, and changes nothing when told no', async () => {
    const { user, ws, ids, bar } = await showBar('SALES_MANAGER', 'leads', async (ws) => {
      const made: string[] = [];
      for (let n = 0; n < 101; n++)
        made.push(
          (
            await insertRecord(
              ws,
              'leads',
              leadBody({ firstName: `Lead ${n}`, ownerId: ws.user.id, teamId: ws.user.teamId }),
            )
          ).id,
        );
      return made;
    });
    await user.click(within(bar).getByRole('button', { name: 'Add tag' }));
    const tagDialog = await screen.findByRole('dialog', { name: 'Add a tag to the selected records' });
    await user.type(within(tagDialog).getByRole('textbox', { name: 'Tag' }), 'expo');
    await user.click(within(tagDialog).getByRole('button', { name: 'Apply' }));
    const confirm = await screen.findByRole('dialog', { name: 'Change 101 records at once?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect((await readBulkRecords(ws, 'leads', ids)).some((l) => l.tags.length > 0)).toBe(false);
  });

  it('offers only the changes the role may make: an account executive cannot reassign deals, an SDR changes none', async () => {
    const { bar, unmount } = await showBar('ACCOUNT_EXECUTIVE', 'deals', async () => []);
    expect(within(bar).queryByRole('button', { name: 'Assign to…' })).not.toBeInTheDocument();
    expect(within(bar).getByRole('button', { name: 'Change stage…' })).toBeInTheDocument();
    expect(within(bar).getByRole('button', { name: 'Change status…' })).toBeInTheDocument();
    expect(within(bar).getByRole('button', { name: 'Delete' })).toBeInTheDocument();
    unmount();
    await workspace?.close();
    workspace = undefined;

    const { bar: repBar } = await showBar('SDR', 'deals', async () => []);
    expect(within(repBar).queryAllByRole('button')).toEqual([]);
  });
});
