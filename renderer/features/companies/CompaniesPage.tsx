import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Building2, SearchX } from 'lucide-react';
import type { Company } from '@domain/schemas/company';
import { updateRecord } from '../../db/record-writes';
import { useWorkspace } from '../../db/workspace-context';
import { DEFAULT_VIEWS } from '@domain/record-views/default-views';
import { useArrivalFocus } from '../../shell/use-arrival-focus';
import { useUi } from '../../shell/ui-store';
import { EmptyState } from '../../ui/EmptyState';
import { ListToolbar } from '../../ui/ListToolbar';
import type { RecordColumn } from '../../ui/record-table/record-column';
import { RecordTable } from '../../ui/record-table/RecordTable';
import { tableFields } from '../../ui/record-table/table-field';
import { useRecordTable } from '../../ui/record-table/use-record-table';
import { companyToForm, SIZE_OPTIONS, validateCompany, type CompanyFormValues } from './company-form';
import { NO_SELECTION } from '../../ui/record-table/record-selection';
import { BulkActionBar } from '../bulk';
import { SavedViewsMenu } from '../views';

type EditableField = 'industry' | 'phone' | 'website' | 'size';

export function CompaniesPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const arrivalFocus = useArrivalFocus('companies');
  const [search, setSearch] = useState('');
  const { view, setView, selection, setSelection, rows } = useRecordTable(
    'companies',
    DEFAULT_VIEWS.companies[0].state,
    search,
  );
  const drawer = useUi((s) => s.drawer);
  const openDrawer = useUi((s) => s.openDrawer);
  const create = () => openDrawer({ collection: 'companies', id: 'new' });
  const fields = useMemo(() => tableFields(t, 'companies'), [t]);
  const columns = useMemo<RecordColumn<Company>[]>(() => {
    // The drawer's own rules: the same message for the same mistake.
    const edit = (
      field: EditableField,
      type: 'text' | 'tel',
      options?: { value: string; label: string }[],
    ): RecordColumn<Company>['edit'] => ({
      type,
      options,
      value: (c) => c[field],
      save: async (c, value) => {
        const form: CompanyFormValues = { ...companyToForm(c), [field]: value };
        const error = (validateCompany(form, t) as Partial<Record<string, string>>)[field];
        if (error) throw new Error(error);
        await updateRecord(ws, 'companies', c.id, { [field]: value.trim() });
      },
    });
    return [
      { field: 'name', cell: (c) => c.name, primary: true },
      { field: 'domain', cell: (c) => c.domain },
      { field: 'industry', cell: (c) => c.industry, edit: edit('industry', 'text') },
      {
        field: 'size',
        cell: (c) => c.size,
        edit: edit(
          'size',
          'text',
          SIZE_OPTIONS.map((s) => ({ value: s, label: s || t('common.none') })),
        ),
      },
      { field: 'phone', cell: (c) => c.phone, edit: edit('phone', 'tel') },
      { field: 'website', cell: (c) => c.website, edit: edit('website', 'text') },
      { field: 'tags', cell: (c) => c.tags.join(', ') },
      { field: 'createdAt', cell: (c) => c.createdAt.slice(0, 10) },
      { field: 'updatedAt', cell: (c) => c.updatedAt.slice(0, 10) },
    ];
  }, [t, ws]);
  return (
    <>
      <ListToolbar
        searchLabel={t('companies.searchLabel')}
        search={search}
        onSearch={setSearch}
        status={rows.search}
        newLabel={t('companies.new')}
        onNew={create}
      />
      <RecordTable
        section="companies"
        toolbarStart={<SavedViewsMenu section="companies" view={view} onViewChange={setView} />}
        bulkBar={
          <BulkActionBar
            collection="companies"
            selectedIds={[...selection]}
            onClearSelection={() => setSelection(NO_SELECTION)}
          />
        }
        label={t('companies.tableLabel')}
        fields={fields}
        columns={columns}
        rows={rows}
        view={view}
        onViewChange={setView}
        selection={selection}
        onSelectionChange={setSelection}
        openId={drawer?.collection === 'companies' ? drawer.id : null}
        onOpen={(c) => openDrawer({ collection: 'companies', id: c.id })}
        rowName={(c) => c.name}
        takeArrivalFocus={arrivalFocus}
        empty={
          search ? (
            <EmptyState icon={SearchX} title={t('common.noResults', { query: search })} hint="" />
          ) : (
            <EmptyState
              icon={Building2}
              title={t('companies.empty')}
              hint={t('companies.emptyHint')}
              action={
                <button type="button" className="btn btn-primary" onClick={create}>
                  {t('companies.new')}
                </button>
              }
            />
          )
        }
      />
    </>
  );
}
