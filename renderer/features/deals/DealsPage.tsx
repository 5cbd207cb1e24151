import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Handshake, SearchX } from 'lucide-react';
import { formatMoney } from '@domain/money';
import { findStage } from '@domain/pipeline-rules';
import { useRecordList } from '../../db/use-record-list';
import { useLinkedRecords } from '../../db/use-rx';
import { usePipelines } from '../../db/use-settings';
import { useArrivalFocus } from '../../shell/use-arrival-focus';
import { useUi } from '../../shell/ui-store';
import { EmptyState } from '../../ui/EmptyState';
import { LinkedCompany } from '../../ui/LinkedCompany';
import { ListToolbar } from '../../ui/ListToolbar';
import { SimpleRecordTable, type TableSort } from '../../ui/SimpleRecordTable';

/** The record field each sortable column orders the list by. */
const SORT_FIELDS: Record<string, string> = {
  title: 'titleKey',
  value: 'value.amount',
  close: 'expectedCloseDate',
  status: 'status',
};

export function DealsPage() {
  const { t, i18n } = useTranslation();
  const arrivalFocus = useArrivalFocus('deals');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<TableSort>({ key: 'title', dir: 'asc' });
  const {
    rows,
    loading,
    canShowMore,
    showMore,
    search: found,
  } = useRecordList('deals', search, { field: SORT_FIELDS[sort.key] ?? 'titleKey', dir: sort.dir });
  const { pipelines } = usePipelines();
  const companies = useLinkedRecords(
    'companies',
    rows.map((d) => d.companyId),
  );
  const drawer = useUi((s) => s.drawer);
  const openDrawer = useUi((s) => s.openDrawer);
  const create = () => openDrawer({ collection: 'deals', id: 'new' });
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <>
      <ListToolbar
        searchLabel={t('deals.searchLabel')}
        search={search}
        onSearch={setSearch}
        status={found}
        newLabel={t('deals.new')}
        onNew={create}
      />
      {!loading && rows.length === 0 ? (
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
      ) : (
        <SimpleRecordTable
          takeArrivalFocus={arrivalFocus}
          label={t('deals.tableLabel')}
          rows={rows}
          selectedId={drawer?.collection === 'deals' ? drawer.id : null}
          onOpen={(d) => openDrawer({ collection: 'deals', id: d.id })}
          canShowMore={canShowMore}
          onShowMore={showMore}
          moreLabel={t('common.loadMoreLabel', { section: t('deals.title') })}
          sort={sort}
          onSort={(key) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }))}
          columns={[
            { key: 'title', header: t('deals.fields.title'), cell: (d) => d.title, primary: true, sortable: true },
            {
              key: 'stage',
              header: t('deals.fields.stage'),
              cell: (d) => {
                const pipeline = pipelines.find((p) => p.id === d.pipelineId);
                return (pipeline && findStage(pipeline, d.stageId)?.name) ?? '';
              },
            },
            {
              key: 'value',
              header: t('deals.fields.value'),
              cell: (d) => formatMoney(d.value, i18n.language),
              sortable: true,
            },
            {
              key: 'status',
              header: t('deals.fields.status'),
              cell: (d) => <span className={`badge badge-${d.status}`}>{t(`deals.status.${d.status}`)}</span>,
              sortable: true,
            },
            {
              key: 'company',
              header: t('deals.fields.company'),
              cell: (d) => <LinkedCompany company={companies.get(d.companyId)} />,
            },
            {
              key: 'close',
              header: t('deals.fields.expectedCloseDate'),
              cell: (d) => (d.expectedCloseDate ? dateFormat.format(new Date(`${d.expectedCloseDate}T00:00:00Z`)) : ''),
              sortable: true,
            },
          ]}
        />
      )}
    </>
  );
}
