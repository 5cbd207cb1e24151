import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchX, UserPlus } from 'lucide-react';
import { personName } from '@domain/derived-fields';
import { useRecordList } from '../../db/use-record-list';
import { settingLabel, useSettingItems } from '../../db/use-settings';
import { useArrivalFocus } from '../../shell/use-arrival-focus';
import { useUi } from '../../shell/ui-store';
import { EmptyState } from '../../ui/EmptyState';
import { ListToolbar } from '../../ui/ListToolbar';
import { SimpleRecordTable } from '../../ui/SimpleRecordTable';

export function LeadsPage() {
  const { t } = useTranslation();
  const arrivalFocus = useArrivalFocus('leads');
  const [search, setSearch] = useState('');
  const { rows, loading, canShowMore, showMore, search: found } = useRecordList('leads', search);
  const sources = useSettingItems('lead-sources');
  const drawer = useUi((s) => s.drawer);
  const openDrawer = useUi((s) => s.openDrawer);
  const create = () => openDrawer({ collection: 'leads', id: 'new' });
  return (
    <>
      <ListToolbar
        searchLabel={t('leads.searchLabel')}
        search={search}
        onSearch={setSearch}
        status={found}
        newLabel={t('leads.new')}
        onNew={create}
      />
      {!loading && rows.length === 0 ? (
        search ? (
          <EmptyState icon={SearchX} title={t('common.noResults', { query: search })} hint="" />
        ) : (
          <EmptyState
            icon={UserPlus}
            title={t('leads.empty')}
            hint={t('leads.emptyHint')}
            action={
              <button type="button" className="btn btn-primary" onClick={create}>
                {t('leads.new')}
              </button>
            }
          />
        )
      ) : (
        <SimpleRecordTable
          takeArrivalFocus={arrivalFocus}
          label={t('leads.tableLabel')}
          rows={rows}
          selectedId={drawer?.collection === 'leads' ? drawer.id : null}
          onOpen={(l) => openDrawer({ collection: 'leads', id: l.id })}
          canShowMore={canShowMore}
          onShowMore={showMore}
          moreLabel={t('common.loadMoreLabel', { section: t('leads.title') })}
          columns={[
            { key: 'name', header: t('leads.fields.name'), cell: (l) => personName(l) || l.companyName, primary: true },
            { key: 'company', header: t('leads.fields.companyName'), cell: (l) => l.companyName },
            {
              key: 'status',
              header: t('leads.fields.status'),
              cell: (l) => <span className={`badge badge-${l.status}`}>{t(`leads.status.${l.status}`)}</span>,
            },
            {
              key: 'source',
              header: t('leads.fields.source'),
              cell: (l) =>
                settingLabel(
                  t,
                  'lead-sources',
                  sources.find((s) => s.key === l.source),
                  l.source,
                ),
            },
            { key: 'email', header: t('leads.fields.email'), cell: (l) => l.email },
          ]}
        />
      )}
    </>
  );
}
