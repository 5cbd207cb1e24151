import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Contact as ContactIcon, SearchX } from 'lucide-react';
import { personName } from '@domain/derived-fields';
import { useRecordList } from '../../db/use-record-list';
import { useLinkedRecords } from '../../db/use-rx';
import { useArrivalFocus } from '../../shell/use-arrival-focus';
import { useUi } from '../../shell/ui-store';
import { EmptyState } from '../../ui/EmptyState';
import { LinkedCompany } from '../../ui/LinkedCompany';
import { ListToolbar } from '../../ui/ListToolbar';
import { SimpleRecordTable } from '../../ui/SimpleRecordTable';

export function ContactsPage() {
  const { t } = useTranslation();
  const arrivalFocus = useArrivalFocus('contacts');
  const [search, setSearch] = useState('');
  const { rows, loading, canShowMore, showMore, search: found } = useRecordList('contacts', search);
  const companies = useLinkedRecords(
    'companies',
    rows.map((c) => c.companyId),
  );
  const drawer = useUi((s) => s.drawer);
  const openDrawer = useUi((s) => s.openDrawer);
  const create = () => openDrawer({ collection: 'contacts', id: 'new' });
  return (
    <>
      <ListToolbar
        searchLabel={t('contacts.searchLabel')}
        search={search}
        onSearch={setSearch}
        status={found}
        newLabel={t('contacts.new')}
        onNew={create}
      />
      {!loading && rows.length === 0 ? (
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
      ) : (
        <SimpleRecordTable
          takeArrivalFocus={arrivalFocus}
          label={t('contacts.tableLabel')}
          rows={rows}
          selectedId={drawer?.collection === 'contacts' ? drawer.id : null}
          onOpen={(c) => openDrawer({ collection: 'contacts', id: c.id })}
          canShowMore={canShowMore}
          onShowMore={showMore}
          moreLabel={t('common.loadMoreLabel', { section: t('contacts.title') })}
          columns={[
            { key: 'name', header: t('contacts.fields.name'), cell: (c) => personName(c), primary: true },
            { key: 'email', header: t('contacts.fields.email'), cell: (c) => c.email },
            { key: 'phone', header: t('contacts.fields.phone'), cell: (c) => c.phone || c.mobile },
            {
              key: 'company',
              header: t('contacts.fields.company'),
              cell: (c) =>
                c.companyId ? (
                  <LinkedCompany company={companies.get(c.companyId)} />
                ) : (
                  <span className="muted">{t('common.none')}</span>
                ),
            },
            { key: 'title', header: t('contacts.fields.title'), cell: (c) => c.title },
          ]}
        />
      )}
    </>
  );
}
