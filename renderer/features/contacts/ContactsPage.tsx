import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Contact as ContactIcon } from 'lucide-react';
import { personName } from '@domain/derived-fields';
import type { Contact } from '@domain/schemas/contact';
import { DEFAULT_VIEWS } from '@domain/record-views/default-views';
import { useCan } from '../../auth/use-permissions';
import { updateRecord } from '../../db/record-writes';
import { useLinkedRecordStore } from '../../db/linked-record-store';
import { useCollectionArriving } from '../../db/sync/use-collection-arrival';
import { useWorkspace } from '../../db/workspace-context';
import { useArrivalFocus } from '../../shell/use-arrival-focus';
import { useUi } from '../../shell/ui-store';
import { LinkedCompany } from '../../ui/LinkedCompany';
import type { RecordColumn } from '../../ui/record-table/record-column';
import { tableFields } from '../../ui/record-table/table-field';
import { useRecordTable } from '../../ui/record-table/use-record-table';
import { contactToForm, validateContact, type ContactFormValues } from './contact-form';
import { RecordListPage } from '../record-list';

type TextField = 'email' | 'phone' | 'mobile' | 'title';

export function ContactsPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const can = useCan();
  const arrivalFocus = useArrivalFocus('contacts');
  const [search, setSearch] = useState('');
  const table = useRecordTable('contacts', DEFAULT_VIEWS.contacts[0].state, search);
  const { rows } = table;
  const companyIds = useMemo(() => rows.loaded.map((c) => c.companyId), [rows.loaded]);
  const companies = useLinkedRecordStore('companies', companyIds);
  const companiesArriving = useCollectionArriving('companies');
  const openDrawer = useUi((s) => s.openDrawer);
  const create = () => openDrawer({ collection: 'contacts', id: 'new' });
  const fields = useMemo(() => tableFields(t, 'contacts'), [t]);

  const columns = useMemo<RecordColumn<Contact>[]>(() => {
    // The drawer's own rules: the same message for the same mistake. A contact the reader may not
    // change (domain/permissions) offers no edit, as the server would refuse it.
    const editText = (field: TextField, type: 'text' | 'email' | 'tel'): RecordColumn<Contact>['edit'] => ({
      type,
      value: (c) => c[field],
      allowed: (c) => can('update', 'contacts', c),
      save: async (c, value) => {
        const form: ContactFormValues = { ...contactToForm(c), [field]: value };
        const error = validateContact(form, t)[field];
        if (error) throw new Error(error);
        await updateRecord(ws, 'contacts', c.id, { [field]: value.trim() });
      },
    });
    // Translated once for the column, not in every row's cell.
    const none = t('common.none');
    // A company not on this device yet may still be on its way (a long sync): not "not available".
    const companyUnavailable = companiesArriving ? t('syncProgress.linkedArriving') : t('links.companyUnavailable');
    return [
      { field: 'name', cell: (c) => personName(c), primary: true },
      { field: 'email', cell: (c) => c.email, edit: editText('email', 'email') },
      { field: 'phone', cell: (c) => c.phone || c.mobile, edit: editText('phone', 'tel') },
      { field: 'mobile', cell: (c) => c.mobile, edit: editText('mobile', 'tel') },
      { field: 'title', cell: (c) => c.title, edit: editText('title', 'text') },
      {
        field: 'company',
        cell: (c) =>
          c.companyId ? (
            <LinkedCompany companies={companies} id={c.companyId} unavailable={companyUnavailable} />
          ) : (
            <span className="muted">{none}</span>
          ),
      },
      { field: 'source', cell: (c) => c.source },
      { field: 'tags', cell: (c) => c.tags.join(', ') },
      { field: 'createdAt', cell: (c) => c.createdAt.slice(0, 10) },
      { field: 'updatedAt', cell: (c) => c.updatedAt.slice(0, 10) },
    ];
  }, [t, ws, can, companies, companiesArriving]);

  return (
    <RecordListPage
      section="contacts"
      table={table}
      tableLabel={t('contacts.tableLabel')}
      fields={fields}
      columns={columns}
      rowName={(c) => personName(c)}
      takeArrivalFocus={arrivalFocus}
      search={{
        label: t('contacts.searchLabel'),
        value: search,
        onChange: setSearch,
        newLabel: t('contacts.new'),
        onNew: create,
      }}
      empty={{ icon: ContactIcon, title: t('contacts.empty'), hint: t('contacts.emptyHint') }}
    />
  );
}
