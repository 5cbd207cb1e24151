import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { personName } from '@domain/derived-fields';
import type { Contact } from '@domain/schemas/contact';
import { WorkspaceProvider } from '../../../renderer/db/workspace-context';
import type { RecordColumn } from '../../../renderer/ui/record-table/record-column';
import { makeContact, testId } from '../../unit/domain/fixtures';
import { recordTableWorkspaces } from '../support/record-table-support';
import { ContactsTable } from '../support/ContactsTable';
import { renderWithI18n } from '../support/render-with-i18n';
import { setupUser } from '../support/setup-user';

const openWorkspace = recordTableWorkspaces();

const columns: RecordColumn<Contact>[] = [
  { field: 'name', cell: (c) => personName(c), primary: true },
  { field: 'email', cell: (c) => c.email },
];

const people = [
  ['Ana', 'ana@example.com'],
  ['Bruno', 'bruno@example.com'],
  ['Carla', 'carla@example.com'],
] as const;

/** A workspace holding `names` as contacts, whose storage counts as `count` says. */
async function show(
  contacts: readonly (readonly [string, string])[],
  count: () => Promise<{ count: number; mode: 'fast' }>,
) {
  const workspace = await openWorkspace(['contacts', 'users']);
  await workspace.db.contacts.bulkInsert(
    contacts.map(([firstName, email], i) =>
      makeContact({ id: testId(0xc200 + i), firstName, lastName: 'Ruiz', email, companyId: '' }),
    ),
  );
  const counts = vi.spyOn(workspace.db.contacts.storageInstance, 'count').mockImplementation(count);
  await renderWithI18n(
    <WorkspaceProvider workspace={workspace}>
      <ContactsTable columns={columns} />
    </WorkspaceProvider>,
  );
  return { counts, user: setupUser() };
}

const never = () => new Promise<never>(() => {});
const rowNames = () =>
  within(screen.getByRole('grid', { name: 'Contacts' }))
    .getAllByRole('checkbox', { name: /^Select (?!all)/ })
    .map((box) => box.getAttribute('aria-label'));

describe('a record table whose list is still being counted', () => {
  it('shows the rows read before a count that never answers, and says the total is still being counted', async () => {
    await show(people, never);
    await screen.findByText('Ana Ruiz', {}, { timeout: 5000 });
    expect(screen.getByText('Bruno Ruiz')).toBeInTheDocument();
    expect(screen.getByText('Carla Ruiz')).toBeInTheDocument();
    expect(screen.getByText('Counting…')).toBeInTheDocument();
    expect(screen.getByRole('grid', { name: 'Contacts' })).toHaveAttribute('aria-rowcount', '-1');
  });

  it('counts the list once: a sort change reorders the rows and keeps the count', async () => {
    const { counts, user } = await show(people, () => Promise.resolve({ count: 3, mode: 'fast' }));
    await screen.findByText('3 contacts', {}, { timeout: 5000 });
    await screen.findByText('Ana Ruiz');
    expect(rowNames()).toEqual(['Select Ana Ruiz', 'Select Bruno Ruiz', 'Select Carla Ruiz']);
    await user.click(screen.getByRole('button', { name: 'Sort by Name' }));
    await waitFor(() => expect(rowNames()).toEqual(['Select Carla Ruiz', 'Select Bruno Ruiz', 'Select Ana Ruiz']));
    expect(screen.getByText('3 contacts')).toBeInTheDocument();
    expect(counts).toHaveBeenCalledTimes(1);
  });

  it('shows no empty state while the first page is read, and shows it once the page comes back empty', async () => {
    await show([], never);
    expect(screen.getByRole('grid', { name: 'Contacts' })).toBeInTheDocument();
    expect(screen.queryByText('No contacts yet')).not.toBeInTheDocument();
    await screen.findByText('No contacts yet', {}, { timeout: 5000 });
  });
});
