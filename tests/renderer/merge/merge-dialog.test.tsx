import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { uuidv7 } from '@domain/ids';
import type { Contact } from '@domain/schemas/contact';
import { readRecord } from '../../../renderer/db/record-reads';
import { insertRecord } from '../../../renderer/db/record-writes';
import { WorkspaceProvider } from '../../../renderer/db/workspace-context';
import { MergeAction } from '../../../renderer/features/merge/MergeAction';
import { MergeDialog } from '../../../renderer/features/merge/MergeDialog';
import { useUi } from '../../../renderer/shell/ui-store';
import { contactBody, dealBody } from '../../support/record-bodies';
import { openTestWorkspace } from '../support/open-test-workspace';
import { renderWithI18n } from '../support/render-with-i18n';
import { setupUser } from '../support/setup-user';

type TestWorkspace = Awaited<ReturnType<typeof openTestWorkspace>>;
let workspace: TestWorkspace | undefined;
afterEach(async () => {
  await workspace?.close();
  workspace = undefined;
});

async function showMergeDialog(overrides: Partial<Parameters<typeof contactBody>[0]> = {}) {
  workspace = await openTestWorkspace(['contacts', 'companies', 'users', 'leads', 'deals', 'activities']);
  const ws = workspace;
  const mine = { ownerId: ws.user.id, teamId: ws.user.teamId };
  const keep = await insertRecord(ws, 'contacts', contactBody({ ...mine, email: 'lucia@andes.example', phone: '' }));
  const twin = await insertRecord(
    ws,
    'contacts',
    contactBody({ ...mine, email: 'lucia.f@andes.example', phone: '+57 601 555 0199', ...overrides }),
  );
  const deal = await insertRecord(ws, 'deals', dealBody({ ...mine, contactId: twin.id }));
  const onClose = vi.fn();
  await renderWithI18n(
    <WorkspaceProvider workspace={ws}>
      <MergeDialog collection="contacts" survivor={keep} onClose={onClose} />
    </WorkspaceProvider>,
  );
  const user = setupUser();
  const dialog = screen.getByRole('dialog', { name: 'Merge Lucía Fernández with another record' });
  const pick = async (email: string) => {
    await user.click(within(dialog).getByRole('combobox', { name: 'Contact to merge into this one' }));
    await user.click(await within(dialog).findByRole('option', { name: `Lucía Fernández · ${email}` }));
  };
  return { ws, keep, twin, deal, onClose, user, dialog, pick };
}

describe('the merge dialog', () => {
  it('shows the differing fields side by side, with the survivor’s values chosen unless they are empty', async () => {
    const { dialog, pick } = await showMergeDialog();
    await pick('lucia.f@andes.example');

    const keepEmail = await within(dialog).findByRole('radio', { name: 'Email lucia@andes.example' });
    expect(keepEmail).toBeChecked();
    expect(within(dialog).getByRole('radio', { name: 'Email lucia.f@andes.example' })).not.toBeChecked();
    // The survivor has no phone: the other record's is proposed.
    expect(within(dialog).getByRole('radio', { name: 'Phone +57 601 555 0199' })).toBeChecked();
    expect(within(dialog).getByRole('radio', { name: 'Phone (empty)' })).not.toBeChecked();
    // Fields the two records share are not offered.
    expect(within(dialog).queryByRole('row', { name: /Job title/ })).toBeNull();
    expect(within(dialog).getByText('1 linked record moves to this one.')).toBeInTheDocument();
  });

  it('merges with the chosen values, re-points the related deal, and one Undo takes it all back', async () => {
    const { ws, keep, twin, deal, onClose, user, dialog, pick } = await showMergeDialog();
    await pick('lucia.f@andes.example');
    await user.click(await within(dialog).findByRole('radio', { name: 'Email lucia.f@andes.example' }));
    await user.click(within(dialog).getByRole('button', { name: 'Merge' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const survivor = (await readRecord(ws, 'contacts', keep.id)) as Contact;
    expect(survivor).toMatchObject({ email: 'lucia.f@andes.example', phone: '+57 601 555 0199' });
    expect((await readRecord(ws, 'contacts', twin.id))?.deletedAt).not.toBeNull();
    expect((await readRecord(ws, 'deals', deal.id))?.contactId).toBe(keep.id);

    const toast = useUi.getState().toasts.at(-1)!;
    expect(toast.message).toBe('Merged Lucía Fernández into Lucía Fernández');
    toast.action!.run();
    await waitFor(async () => expect((await readRecord(ws, 'contacts', keep.id))?.email).toBe('lucia@andes.example'));
    expect((await readRecord(ws, 'contacts', keep.id))?.phone).toBe('');
    expect((await readRecord(ws, 'contacts', twin.id))?.deletedAt).toBeNull();
    expect((await readRecord(ws, 'deals', deal.id))?.contactId).toBe(twin.id);
  });

  it('refuses to merge a record with itself and writes nothing', async () => {
    const { ws, keep, dialog, pick, onClose } = await showMergeDialog();
    await pick('lucia@andes.example');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('a record cannot be merged with itself');
    expect(within(dialog).getByRole('button', { name: 'Merge' })).toBeDisabled();
    expect(onClose).not.toHaveBeenCalled();
    expect((await readRecord(ws, 'contacts', keep.id))?.deletedAt).toBeNull();
  });
});

describe('who sees “Merge with…”', () => {
  it('shows it on a rep’s own contact and hides it on a contact the rep may not delete', async () => {
    workspace = await openTestWorkspace(['contacts', 'companies', 'users', 'leads', 'deals', 'activities']);
    workspace.user = { ...workspace.user, role: 'ACCOUNT_EXECUTIVE' };
    const ws = workspace;
    const own = await insertRecord(ws, 'contacts', contactBody({ ownerId: ws.user.id, teamId: ws.user.teamId }));
    const theirs = await insertRecord(
      ws,
      'contacts',
      contactBody({ email: 'other@andes.example', ownerId: uuidv7(), teamId: uuidv7() }),
    );
    await renderWithI18n(
      <WorkspaceProvider workspace={ws}>
        <section aria-label="own">
          <MergeAction collection="contacts" record={own} />
        </section>
        <section aria-label="theirs">
          <MergeAction collection="contacts" record={theirs} />
        </section>
      </WorkspaceProvider>,
    );
    expect(
      within(screen.getByRole('region', { name: 'own' })).getByRole('button', { name: 'Merge with…' }),
    ).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'theirs' })).queryByRole('button')).toBeNull();
  });
});
