import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { searchKey } from '@domain/derived-fields';
import { searchIndexFor } from '../../../renderer/db/search-index-for';
import { WorkspaceProvider } from '../../../renderer/db/workspace-context';
import { makeContact, testId } from '../../unit/domain/fixtures';
import { recordTableWorkspaces } from '../support/record-table-support';
import { ContactsTable } from '../support/ContactsTable';
import { renderWithI18n } from '../support/render-with-i18n';
import { setupUser } from '../support/setup-user';

const openWorkspace = recordTableWorkspaces();

const people = [
  ['Ana Belén', 'Núñez'],
  ['Mariana', 'Ruiz'],
  ['Bruno', 'Ruiz'],
  ['Juana', 'Pérez'],
  ['Luz', 'Marañón'],
] as const;

const rowNames = () =>
  within(screen.getByRole('grid', { name: 'Contacts' }))
    .getAllByRole('checkbox', { name: /^Select (?!all)/ })
    .map((box) => box.getAttribute('aria-label'));

describe('a "Name contains" filter on a list whose search index is ready', () => {
  it('shows the matching contacts in name order and their number at once, without the storage counting them', async () => {
    const workspace = await openWorkspace(['contacts', 'companies', 'users']);
    await workspace.db.contacts.bulkInsert(
      people.map(([firstName, lastName], i) =>
        makeContact({
          id: testId(0xc300 + i),
          firstName,
          lastName,
          nameKey: searchKey(`${lastName} ${firstName}`),
          companyId: '',
        }),
      ),
    );
    const index = searchIndexFor(workspace.db, 'contacts');
    index.prepare();
    await waitFor(() => expect(index.status).toBe('ready'), { timeout: 5000 });
    // A storage count that never answers: the footer could only say "Counting…" from it.
    vi.spyOn(workspace.db.contacts.storageInstance, 'count').mockImplementation(() => new Promise<never>(() => {}));
    await renderWithI18n(
      <WorkspaceProvider workspace={workspace}>
        <ContactsTable />
      </WorkspaceProvider>,
    );
    await screen.findByText('Bruno Ruiz', {}, { timeout: 5000 });
    const user = setupUser();
    await user.click(screen.getByRole('button', { name: 'Add filter' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Field' }), 'Name');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Condition' }), 'contains');
    await user.type(screen.getByRole('textbox', { name: 'Value' }), 'ANA{Enter}');
    await waitFor(() =>
      expect(rowNames()).toEqual(['Select Ana Belén Núñez', 'Select Juana Pérez', 'Select Mariana Ruiz']),
    );
    expect(screen.getByText('3 contacts')).toBeInTheDocument();
  });
});
