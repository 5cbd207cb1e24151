import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { WorkspaceProvider } from '../../../renderer/db/workspace-context';
import { makeContact, testId } from '../../unit/domain/fixtures';
import { recordTableWorkspaces } from '../support/record-table-support';
import { ContactsTable } from '../support/ContactsTable';
import { renderWithI18n } from '../support/render-with-i18n';
import { setupUser } from '../support/setup-user';

const openWorkspace = recordTableWorkspaces();

const rowNames = () =>
  within(screen.getByRole('grid', { name: 'Contacts' }))
    .queryAllByRole('checkbox', { name: /^Select (?!all)/ })
    .map((box) => box.getAttribute('aria-label'));

describe('a record table given a new arrangement', () => {
  it('keeps the rows it showed, marked busy, until the new order is read, then shows it', async () => {
    const workspace = await openWorkspace(['contacts', 'companies', 'users']);
    await workspace.db.contacts.bulkInsert(
      ['Ana', 'Bruno', 'Carla'].map((firstName, i) =>
        makeContact({ id: testId(0xc400 + i), firstName, lastName: 'Ruiz', companyId: '' }),
      ),
    );
    await renderWithI18n(
      <WorkspaceProvider workspace={workspace}>
        <ContactsTable />
      </WorkspaceProvider>,
    );
    await screen.findByText('Ana Ruiz', {}, { timeout: 5000 });
    const grid = screen.getByRole('grid', { name: 'Contacts' });
    expect(grid).toHaveAttribute('aria-busy', 'false');
    // The descending read waits until released.
    const storage = workspace.db.contacts.storageInstance;
    const query = storage.query.bind(storage);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    vi.spyOn(storage, 'query').mockImplementation(async (prepared) => {
      await held;
      return query(prepared);
    });
    await setupUser().click(screen.getByRole('button', { name: 'Sort by Name' }));
    await waitFor(() => expect(grid).toHaveAttribute('aria-busy', 'true'));
    expect(rowNames()).toEqual(['Select Ana Ruiz', 'Select Bruno Ruiz', 'Select Carla Ruiz']);
    release();
    await waitFor(() => expect(rowNames()).toEqual(['Select Carla Ruiz', 'Select Bruno Ruiz', 'Select Ana Ruiz']));
    expect(grid).toHaveAttribute('aria-busy', 'false');
  });
});
