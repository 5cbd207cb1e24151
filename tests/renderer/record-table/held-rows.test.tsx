import { giveGridsAScreenHeight } from '../support/record-table-support';
import { screen, waitFor, within } from '@testing-library/react';
import { useTranslation } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { personName } from '@domain/derived-fields';
import { DEFAULT_VIEWS } from '@domain/record-views/default-views';
import type { Contact } from '@domain/schemas/contact';
import { WorkspaceProvider } from '../../../renderer/db/workspace-context';
import type { RecordColumn } from '../../../renderer/ui/record-table/record-column';
import { RecordTable } from '../../../renderer/ui/record-table/RecordTable';
import { tableFields } from '../../../renderer/ui/record-table/table-field';
import { useRecordTable } from '../../../renderer/ui/record-table/use-record-table';
import { makeContact, testId } from '../../unit/domain/fixtures';
import { openTestWorkspace } from '../support/open-test-workspace';
import { renderWithI18n } from '../support/render-with-i18n';
import { setupUser } from '../support/setup-user';

type TestWorkspace = Awaited<ReturnType<typeof openTestWorkspace>>;
let workspace: TestWorkspace | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await workspace?.close();
  workspace = undefined;
});

giveGridsAScreenHeight();

const columns: RecordColumn<Contact>[] = [{ field: 'name', cell: (c) => personName(c), primary: true }];

function Contacts() {
  const { t } = useTranslation();
  const table = useRecordTable('contacts', DEFAULT_VIEWS.contacts[0].state, '');
  return (
    <RecordTable
      section="contacts"
      label="Contacts"
      fields={tableFields(t, 'contacts')}
      columns={columns}
      rows={table.rows}
      view={table.view}
      onViewChange={table.setView}
      selection={table.selection}
      onSelectionChange={table.setSelection}
      openId={null}
      onOpen={() => {}}
      rowName={(c) => personName(c)}
      empty={<p>No contacts yet</p>}
    />
  );
}

const rowNames = () =>
  within(screen.getByRole('grid', { name: 'Contacts' }))
    .queryAllByRole('checkbox', { name: /^Select (?!all)/ })
    .map((box) => box.getAttribute('aria-label'));

describe('a record table given a new arrangement', () => {
  it('keeps the rows it showed, marked busy, until the new order is read, then shows it', async () => {
    workspace = await openTestWorkspace(['contacts', 'companies', 'users']);
    await workspace.db.contacts.bulkInsert(
      ['Ana', 'Bruno', 'Carla'].map((firstName, i) =>
        makeContact({ id: testId(0xc400 + i), firstName, lastName: 'Ruiz', companyId: '' }),
      ),
    );
    await renderWithI18n(
      <WorkspaceProvider workspace={workspace}>
        <Contacts />
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
