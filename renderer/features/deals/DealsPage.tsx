import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Handshake, SearchX } from 'lucide-react';
import { formatMoney } from '@domain/money';
import { findStage } from '@domain/pipeline-rules';
import type { Deal } from '@domain/schemas/deal';
import { useLinkedRecords } from '../../db/use-rx';
import { usePipelines } from '../../db/use-settings';
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
import { NO_SELECTION } from '../../ui/record-table/record-selection';
import { BulkActionBar } from '../bulk';
import { SavedViewsMenu } from '../views';

export function DealsPage() {
  const { t, i18n } = useTranslation();
  const arrivalFocus = useArrivalFocus('deals');
  const [search, setSearch] = useState('');
  const { view, setView, selection, setSelection, rows } = useRecordTable(
    'deals',
    DEFAULT_VIEWS.deals[0].state,
    search,
  );
  const { pipelines } = usePipelines();
  const companies = useLinkedRecords(
    'companies',
    rows.loaded.map((d) => d.companyId),
  );
  const drawer = useUi((s) => s.drawer);
  const openDrawer = useUi((s) => s.openDrawer);
  const create = () => openDrawer({ collection: 'deals', id: 'new' });
  const fields = useMemo(
    () => tableFields(t, 'deals', { status: (v) => t(`deals.status.${v as Deal['status']}`) }),
    [t],
  );
  const columns = useMemo<RecordColumn<Deal>[]>(() => {
    const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
    return [
      { field: 'title', cell: (d) => d.title, primary: true },
      {
        field: 'stage',
        cell: (d) => {
          const pipeline = pipelines.find((p) => p.id === d.pipelineId);
          return (pipeline && findStage(pipeline, d.stageId)?.name) ?? '';
        },
      },
      { field: 'value', cell: (d) => formatMoney(d.value, i18n.language) },
      {
        field: 'status',
        cell: (d) => <span className={`badge badge-${d.status}`}>{t(`deals.status.${d.status}`)}</span>,
      },
      { field: 'company', cell: (d) => <LinkedCompany company={companies.get(d.companyId)} /> },
      {
        field: 'expectedCloseDate',
        cell: (d) => (d.expectedCloseDate ? dateFormat.format(new Date(`${d.expectedCloseDate}T00:00:00Z`)) : ''),
      },
      { field: 'probability', cell: (d) => (d.probability === null ? '' : `${d.probability}%`) },
      { field: 'tags', cell: (d) => d.tags.join(', ') },
      { field: 'createdAt', cell: (d) => d.createdAt.slice(0, 10) },
      { field: 'updatedAt', cell: (d) => d.updatedAt.slice(0, 10) },
    ];
  }, [t, i18n.language, pipelines, companies]);
  return (
    <>
      <ListToolbar
        searchLabel={t('deals.searchLabel')}
        search={search}
        onSearch={setSearch}
        status={rows.search}
        newLabel={t('deals.new')}
        onNew={create}
      />
      <RecordTable
        section="deals"
        toolbarStart={<SavedViewsMenu section="deals" view={view} onViewChange={setView} />}
        bulkBar={
          <BulkActionBar
            collection="deals"
            selectedIds={[...selection]}
            onClearSelection={() => setSelection(NO_SELECTION)}
          />
        }
        label={t('deals.tableLabel')}
        fields={fields}
        columns={columns}
        rows={rows}
        view={view}
        onViewChange={setView}
        selection={selection}
        onSelectionChange={setSelection}
        openId={drawer?.collection === 'deals' ? drawer.id : null}
        onOpen={(d) => openDrawer({ collection: 'deals', id: d.id })}
        rowName={(d) => d.title}
        takeArrivalFocus={arrivalFocus}
        empty={
          search ? (
            <EmptyState icon={SearchX} title={t('common.noResults', { query: search })} hint="" />
          ) : (
            <EmptyState
              icon={Handshake}
              title={t('deals.empty')}
              hint={t('deals.emptyHint')}
              action={
                <button type="button" className="btn btn-primary" onClick={create}>
                  {t('deals.new')}
                </button>
              }
            />
          )
        }
      />
    </>
  );
}
