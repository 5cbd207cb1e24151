import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Handshake } from 'lucide-react';
import { formatMoney } from '@domain/money';
import { findStage } from '@domain/pipeline-rules';
import type { Deal } from '@domain/schemas/deal';
import { DEFAULT_VIEWS } from '@domain/record-views/default-views';
import { useCollectionArriving } from '../../db/sync/use-collection-arrival';
import { useLinkedRecordStore } from '../../db/linked-record-store';
import { usePipelines } from '../../db/use-settings';
import { useArrivalFocus } from '../../shell/use-arrival-focus';
import { useUi } from '../../shell/ui-store';
import { LinkedCompany } from '../../ui/LinkedCompany';
import type { RecordColumn } from '../../ui/record-table/record-column';
import { tableFields } from '../../ui/record-table/table-field';
import { useRecordTable } from '../../ui/record-table/use-record-table';
import { RecordListPage } from '../record-list';
import { useDealInlineEdits } from './deal-inline-edits';

export function DealsPage() {
  const { t, i18n } = useTranslation();
  const arrivalFocus = useArrivalFocus('deals');
  const [search, setSearch] = useState('');
  const table = useRecordTable('deals', DEFAULT_VIEWS.deals[0].state, search);
  const { rows } = table;
  const { pipelines } = usePipelines();
  const companyIds = useMemo(() => rows.loaded.map((d) => d.companyId), [rows.loaded]);
  const companies = useLinkedRecordStore('companies', companyIds);
  const companiesArriving = useCollectionArriving('companies');
  const edit = useDealInlineEdits();
  const openDrawer = useUi((s) => s.openDrawer);
  const create = () => openDrawer({ collection: 'deals', id: 'new' });
  const fields = useMemo(
    () => tableFields(t, 'deals', { status: (v) => t(`deals.status.${v as Deal['status']}`) }),
    [t],
  );
  const columns = useMemo<RecordColumn<Deal>[]>(() => {
    // A company not on this device yet may still be on its way (a long sync): not "not available".
    const companyUnavailable = companiesArriving ? t('syncProgress.linkedArriving') : t('links.companyUnavailable');
    const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
    return [
      { field: 'title', cell: (d) => d.title, primary: true, edit: edit('title') },
      {
        field: 'stage',
        cell: (d) => {
          const pipeline = pipelines.find((p) => p.id === d.pipelineId);
          return (pipeline && findStage(pipeline, d.stageId)?.name) ?? '';
        },
      },
      { field: 'value', cell: (d) => formatMoney(d.value, i18n.language), edit: edit('value') },
      {
        field: 'status',
        cell: (d) => <span className={`badge badge-${d.status}`}>{t(`deals.status.${d.status}`)}</span>,
      },
      {
        field: 'company',
        cell: (d) => <LinkedCompany companies={companies} id={d.companyId} unavailable={companyUnavailable} />,
      },
      {
        field: 'expectedCloseDate',
        cell: (d) => (d.expectedCloseDate ? dateFormat.format(new Date(`${d.expectedCloseDate}T00:00:00Z`)) : ''),
        edit: edit('expectedCloseDate'),
      },
      {
        field: 'probability',
        cell: (d) => (d.probability === null ? '' : `${d.probability}%`),
        edit: edit('probability'),
      },
      { field: 'tags', cell: (d) => d.tags.join(', ') },
      { field: 'createdAt', cell: (d) => d.createdAt.slice(0, 10) },
      { field: 'updatedAt', cell: (d) => d.updatedAt.slice(0, 10) },
    ];
  }, [t, i18n.language, pipelines, companies, edit, companiesArriving]);
  return (
    <RecordListPage
      section="deals"
      table={table}
      tableLabel={t('deals.tableLabel')}
      fields={fields}
      columns={columns}
      rowName={(d) => d.title}
      takeArrivalFocus={arrivalFocus}
      search={{
        label: t('deals.searchLabel'),
        value: search,
        onChange: setSearch,
        newLabel: t('deals.new'),
        onNew: create,
      }}
      empty={{ icon: Handshake, title: t('deals.empty'), hint: t('deals.emptyHint') }}
    />
  );
}
