import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserPlus } from 'lucide-react';
import { personName } from '@domain/derived-fields';
import { formatMoney } from '@domain/money';
import type { Lead } from '@domain/schemas/lead';
import { DEFAULT_VIEWS } from '@domain/record-views/default-views';
import { useCan } from '../../auth/use-permissions';
import { updateRecord } from '../../db/record-writes';
import { settingLabel, useSettingItems } from '../../db/use-settings';
import { useWorkspace } from '../../db/workspace-context';
import { useArrivalFocus } from '../../shell/use-arrival-focus';
import { useUi } from '../../shell/ui-store';
import type { RecordColumn } from '../../ui/record-table/record-column';
import { tableFields } from '../../ui/record-table/table-field';
import { useRecordTable } from '../../ui/record-table/use-record-table';
import { leadToForm, validateLead, type LeadFormValues } from './lead-form';
import { RecordListPage } from '../record-list';

type TextField = 'email' | 'phone' | 'companyName' | 'title' | 'interest';
// Only text fields are edited in the table: the currency of the form's estimate is not read.
const DEFAULT_CURRENCY = 'USD';

export function LeadsPage() {
  const { t, i18n } = useTranslation();
  const ws = useWorkspace();
  const can = useCan();
  const arrivalFocus = useArrivalFocus('leads');
  const [search, setSearch] = useState('');
  const table = useRecordTable('leads', DEFAULT_VIEWS.leads[0].state, search);
  const sources = useSettingItems('lead-sources');
  const openDrawer = useUi((s) => s.openDrawer);
  const create = () => openDrawer({ collection: 'leads', id: 'new' });
  const fields = useMemo(
    () => tableFields(t, 'leads', { status: (v) => t(`leads.status.${v as Lead['status']}`) }),
    [t],
  );
  const columns = useMemo<RecordColumn<Lead>[]>(() => {
    // The drawer's own rules: the same message for the same mistake. A lead the reader may not
    // change (domain/permissions) offers no edit, as the server would refuse it.
    const editText = (field: TextField, type: 'text' | 'email' | 'tel'): RecordColumn<Lead>['edit'] => ({
      type,
      value: (l) => l[field],
      allowed: (l) => can('update', 'leads', l),
      save: async (l, value) => {
        const form: LeadFormValues = { ...leadToForm(l, DEFAULT_CURRENCY), [field]: value };
        const error = validateLead(form, t, i18n.language)[field];
        if (error) throw new Error(error);
        await updateRecord(ws, 'leads', l.id, { [field]: value.trim() });
      },
    });
    return [
      { field: 'name', cell: (l) => personName(l) || l.companyName, primary: true },
      { field: 'companyName', cell: (l) => l.companyName, edit: editText('companyName', 'text') },
      {
        field: 'status',
        cell: (l) => <span className={`badge badge-${l.status}`}>{t(`leads.status.${l.status}`)}</span>,
      },
      {
        field: 'source',
        cell: (l) =>
          settingLabel(
            t,
            'lead-sources',
            sources.find((s) => s.key === l.source),
            l.source,
          ),
      },
      { field: 'email', cell: (l) => l.email, edit: editText('email', 'email') },
      { field: 'phone', cell: (l) => l.phone, edit: editText('phone', 'tel') },
      { field: 'title', cell: (l) => l.title, edit: editText('title', 'text') },
      { field: 'interest', cell: (l) => l.interest, edit: editText('interest', 'text') },
      {
        field: 'estimatedValue',
        cell: (l) => (l.estimatedValue ? formatMoney(l.estimatedValue, i18n.language) : ''),
      },
      { field: 'tags', cell: (l) => l.tags.join(', ') },
      { field: 'createdAt', cell: (l) => l.createdAt.slice(0, 10) },
      { field: 'updatedAt', cell: (l) => l.updatedAt.slice(0, 10) },
    ];
  }, [t, i18n.language, ws, can, sources]);
  return (
    <RecordListPage
      section="leads"
      table={table}
      tableLabel={t('leads.tableLabel')}
      fields={fields}
      columns={columns}
      rowName={(l) => personName(l) || l.companyName}
      takeArrivalFocus={arrivalFocus}
      search={{
        label: t('leads.searchLabel'),
        value: search,
        onChange: setSearch,
        newLabel: t('leads.new'),
        onNew: create,
      }}
      empty={{ icon: UserPlus, title: t('leads.empty'), hint: t('leads.emptyHint') }}
    />
  );
}
