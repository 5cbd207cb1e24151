import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Contact as ContactIcon, SearchX } from 'lucide-react';
import { personName } from '@domain/derived-fields';
import type { Contact } from '@domain/schemas/contact';
import { updateRecord } from '../../db/record-writes';
import { useLinkedRecords } from '../../db/use-rx';
import { useWorkspace } from '../../db/workspace-context';
import { DEFAULT_VIEWS } from '@domain/record-views/default-views';
import { useArrivalFocus } from '../../shell/use-arrival-focus';
import { useUi } from '../../shell/ui-store';
import { EmptyState } from '../../ui/EmptyState';
import { LinkedCompany } from '../../ui/LinkedCompany';
import { ListToolbar } from '../../ui/ListToolbar';
import type { RecordColumn } from '../../ui/record-table/record-column';
import { RecordTable } from '../../ui/record-table/RecordTable';
import { tableFields } from '../../ui/record-table/table-field';
import { useRecordTable } from '../../ui/record-table/use-record-table';
import { contactToForm, validateContact, type ContactFormValues } from './contact-form';
import { NO_SELECTION } from '../../ui/record-table/record-selection';
import { BulkActionBar } from '../bulk';
import { SavedViewsMenu } from '../views';

type TextField = 'email' | 'phone' | 'mobile' | 'title';

export function ContactsPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const arrivalFocus = useArrivalFocus('contacts');
  const [search, setSearch] = useState('');
  const { view, setView, selection, setSelection, rows } = useRecordTable(
    'contacts',
    DEFAULT_VIEWS.contacts[0].state,
    search,
  );
  const companies = useLinkedRecords(
    'companies',
    rows.loaded.map((c) => c.companyId),
  );
  const drawer = useUi((s) => s.drawer);
  const openDrawer = useUi((s) => s.openDrawer);
  const create = () => openDrawer({ collection: 'contacts', id: 'new' });
  const fields = useMemo(() => tableFields(t, 'contacts'), [t]);

  const columns = useMemo<RecordColumn<Contact>[]>(() => {
    // The drawer's own rules: the same message for the same mistake.
    const editText = (field: TextField, type: 'text' | 'email' | 'tel'): RecordColumn<Contact>['edit'] => ({
      type,
      value: (c) => c[field],
      save: async (c, value) => {
        const form: ContactFormValues = { ...contactToForm(c), [field]: value };
        const error = validateContact(form, t)[field];
        if (error) throw new Error(error);
        await updateRecord(ws, 'contacts', c.id, { [field]: value.trim() });
      },
    });
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
            <LinkedCompany company={companies.get(c.companyId)} />
          ) : (
            <span className="muted">{t('common.none')}</span>
          ),
      },
      { field: 'source', cell: (c) => c.source },
      { field: 'tags', cell: (c) => c.tags.join(', ') },
      { field: 'createdAt', cell: (c) => c.createdAt.slice(0, 10) },
      { field: 'updatedAt', cell: (c) => c.updatedAt.slice(0, 10) },
    ];
  }, [t, ws, companies]);

  return (
    <>
      <ListToolbar
        searchLabel={t('contacts.searchLabel')}
        search={search}
        onSearch={setSearch}
        status={rows.search}
        newLabel={t('contacts.new')}
        onNew={create}
      />
      <RecordTable
        section="contacts"
        toolbarStart={<SavedViewsMenu section="contacts" view={view} onViewChange={setView} />}
        bulkBar={
          <BulkActionBar
            collection="contacts"
            selectedIds={[...selection]}
            onClearSelection={() => setSelection(NO_SELECTION)}
          />
        }
        label={t('contacts.tableLabel')}
        fields={fields}
        columns={columns}
        rows={rows}
        view={view}
        onViewChange={setView}
        selection={selection}
        onSelectionChange={setSelection}
        openId={drawer?.collection === 'contacts' ? drawer.id : null}
        onOpen={(c) => openDrawer({ collection: 'contacts', id: c.id })}
        rowName={(c) => personName(c)}
        takeArrivalFocus={arrivalFocus}
        empty={
          search ? (
            <EmptyState icon={SearchX} title={t('common.noResults', { query: search })} hint="" />
          ) : (
            <EmptyState
              icon={ContactIcon}
              title={t('contacts.empty')}
              hint={t('contacts.emptyHint')}
              action={
                <button type="button" className="btn btn-primary" onClick={create}>
                  {t('contacts.new')}
                </button>
              }
            />
          )
        }
      />
    </>
  );
}
