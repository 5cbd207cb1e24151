import { useTranslation } from 'react-i18next';
import { personName } from '@domain/derived-fields';
import { DEFAULT_VIEWS } from '@domain/record-views/default-views';
import type { Contact } from '@domain/schemas/contact';
import type { RecordColumn } from '../../../renderer/ui/record-table/record-column';
import { RecordTable } from '../../../renderer/ui/record-table/RecordTable';
import { tableFields } from '../../../renderer/ui/record-table/table-field';
import { useRecordTable } from '../../../renderer/ui/record-table/use-record-table';

const NAME_ONLY: RecordColumn<Contact>[] = [{ field: 'name', cell: (c) => personName(c), primary: true }];

/**
 * The contacts' record table over the workspace's storage, in the default view, as the Contacts
 * section shows it (its own rows, view and selection), with the columns a test needs (the name
 * alone unless said).
 */
export function ContactsTable({ columns = NAME_ONLY }: { columns?: RecordColumn<Contact>[] }) {
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
