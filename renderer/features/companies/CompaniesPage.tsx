import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Building2 } from 'lucide-react';
import type { Company } from '@domain/schemas/company';
import { DEFAULT_VIEWS } from '@domain/record-views/default-views';
import { useCan } from '../../auth/use-permissions';
import { updateRecord } from '../../db/record-writes';
import { useWorkspace } from '../../db/workspace-context';
import { useArrivalFocus } from '../../shell/use-arrival-focus';
import { useUi } from '../../shell/ui-store';
import type { RecordColumn } from '../../ui/record-table/record-column';
import { tableFields } from '../../ui/record-table/table-field';
import { useRecordTable } from '../../ui/record-table/use-record-table';
import { companyToForm, SIZE_OPTIONS, validateCompany, type CompanyFormValues } from './company-form';
import { RecordListPage } from '../record-list';

type EditableField = 'industry' | 'phone' | 'website' | 'size';

export function CompaniesPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const can = useCan();
  const arrivalFocus = useArrivalFocus('companies');
  const [search, setSearch] = useState('');
  const table = useRecordTable('companies', DEFAULT_VIEWS.companies[0].state, search);
  const openDrawer = useUi((s) => s.openDrawer);
  const create = () => openDrawer({ collection: 'companies', id: 'new' });
  const fields = useMemo(() => tableFields(t, 'companies'), [t]);
  const columns = useMemo<RecordColumn<Company>[]>(() => {
    // The drawer's own rules: the same message for the same mistake. A company the reader may not
    // change (domain/permissions) offers no edit, as the server would refuse it.
    const edit = (
      field: EditableField,
      type: 'text' | 'tel',
      options?: { value: string; label: string }[],
    ): RecordColumn<Company>['edit'] => ({
      type,
      options,
      value: (c) => c[field],
      allowed: (c) => can('update', 'companies', c),
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
  }, [t, ws, can]);
  return (
    <RecordListPage
      section="companies"
      table={table}
      tableLabel={t('companies.tableLabel')}
      fields={fields}
      columns={columns}
      rowName={(c) => c.name}
      takeArrivalFocus={arrivalFocus}
      search={{
        label: t('companies.searchLabel'),
        value: search,
        onChange: setSearch,
        newLabel: t('companies.new'),
        onNew: create,
      }}
      empty={{ icon: Building2, title: t('companies.empty'), hint: t('companies.emptyHint') }}
    />
  );
}
