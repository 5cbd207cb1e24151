import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Building2, SearchX } from 'lucide-react';
import { useRecordList } from '../../db/use-record-list';
import { useArrivalFocus } from '../../shell/use-arrival-focus';
import { useUi } from '../../shell/ui-store';
import { EmptyState } from '../../ui/EmptyState';
import { ListToolbar } from '../../ui/ListToolbar';
import { SimpleRecordTable } from '../../ui/SimpleRecordTable';

export function CompaniesPage() {
  const { t } = useTranslation();
  const arrivalFocus = useArrivalFocus('companies');
  const [search, setSearch] = useState('');
  const { rows, loading, canShowMore, showMore, search: found } = useRecordList('companies', search);
  const drawer = useUi((s) => s.drawer);
  const openDrawer = useUi((s) => s.openDrawer);
  const create = () => openDrawer({ collection: 'companies', id: 'new' });
  return (
    <>
      <ListToolbar
        searchLabel={t('companies.searchLabel')}
        search={search}
        onSearch={setSearch}
        status={found}
        newLabel={t('companies.new')}
        onNew={create}
      />
      {!loading && rows.length === 0 ? (
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
      ) : (
        <SimpleRecordTable
          takeArrivalFocus={arrivalFocus}
          label={t('companies.tableLabel')}
          rows={rows}
          selectedId={drawer?.collection === 'companies' ? drawer.id : null}
          onOpen={(c) => openDrawer({ collection: 'companies', id: c.id })}
          canShowMore={canShowMore}
          onShowMore={showMore}
          moreLabel={t('common.loadMoreLabel', { section: t('companies.title') })}
          columns={[
            { key: 'name', header: t('companies.fields.name'), cell: (c) => c.name, primary: true },
            { key: 'domain', header: t('companies.fields.domain'), cell: (c) => c.domain },
            { key: 'industry', header: t('companies.fields.industry'), cell: (c) => c.industry },
            { key: 'city', header: t('common.city'), cell: (c) => c.address.city ?? '' },
            { key: 'phone', header: t('companies.fields.phone'), cell: (c) => c.phone },
          ]}
        />
      )}
    </>
  );
}
