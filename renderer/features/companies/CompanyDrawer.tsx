import { useTranslation } from 'react-i18next';
import type { Company } from '@domain/schemas/company';
import { personName } from '@domain/derived-fields';
import { useLikelyDuplicates } from '../../db/use-likely-duplicates';
import { useRelatedRecords } from '../../db/use-related-records';
import { useRecord } from '../../db/use-rx';
import { useWorkspace } from '../../db/workspace-context';
import { useUi } from '../../shell/ui-store';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { RecordEditor, type EditorSpec } from '../../ui/RecordEditor';
import { DuplicateWarning } from '../../ui/DuplicateWarning';
import { RelatedList } from '../../ui/RelatedList';
import { MergeAction } from '../merge';
import {
  companyToForm,
  EMPTY_COMPANY,
  formToCompany,
  SIZE_OPTIONS,
  validateCompany,
  type CompanyFormValues,
} from './company-form';

export function CompanyDrawer({ id }: { id: string | 'new' }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const record = useRecord('companies', id === 'new' ? null : id);
  if (record === undefined) return null;

  const spec: EditorSpec<'companies', CompanyFormValues> = {
    collection: 'companies',
    describe: (c) => c.name,
    newTitle: t('companies.new'),
    validate: (v) => validateCompany(v, t),
    toRecord: (v, r) => formToCompany(v, r ?? undefined),
    newRecordDefaults: () => ({ ownerId: ws.user.id, teamId: ws.user.teamId }),
  };
  return (
    <RecordEditor
      key={id}
      spec={spec}
      record={record}
      initial={record ? companyToForm(record) : EMPTY_COMPANY}
      draftKey={`companies:${id}`}
      headerActions={record && <MergeAction collection="companies" record={record} />}
      fields={(v, update, errors) => (
        <>
          <TextField
            label={t('companies.fields.name')}
            value={v.name}
            onChange={(name) => update({ name })}
            error={errors.name}
            required
            wide
          />
          <TextField
            label={t('companies.fields.domain')}
            value={v.domain}
            onChange={(domain) => update({ domain })}
            error={errors.domain}
            placeholder="acme.com"
          />
          <TextField
            label={t('companies.fields.industry')}
            value={v.industry}
            onChange={(industry) => update({ industry })}
          />
          <SelectField
            label={t('companies.fields.size')}
            value={v.size}
            onChange={(size) => update({ size: size as CompanyFormValues['size'] })}
            options={SIZE_OPTIONS.map((s) => ({ value: s, label: s || t('common.unknown') }))}
          />
          <TextField
            label={t('companies.fields.phone')}
            type="tel"
            value={v.phone}
            onChange={(phone) => update({ phone })}
            error={errors.phone}
          />
          <TextField
            label={t('companies.fields.website')}
            value={v.website}
            onChange={(website) => update({ website })}
          />
          <TextField label={t('common.city')} value={v.city} onChange={(city) => update({ city })} />
          <TextField
            label={t('common.country')}
            value={v.country}
            onChange={(country) => update({ country })}
            placeholder="US"
          />
          <TextField
            label={t('common.tags')}
            value={v.tags}
            onChange={(tags) => update({ tags })}
            hint={t('common.tagsHint')}
            wide
          />
          <TextAreaField label={t('common.notes')} value={v.notes} onChange={(notes) => update({ notes })} wide />
          {!record && <CompanyDuplicates values={v} />}
        </>
      )}
    >
      {record && <CompanyRelated company={record} />}
    </RecordEditor>
  );
}

/** While a new company is typed: the stored companies it may duplicate (same web domain, name or phone). */
function CompanyDuplicates({ values }: { values: CompanyFormValues }) {
  const openDrawer = useUi((s) => s.openDrawer);
  const matches = useLikelyDuplicates('companies', formToCompany(values) as Company);
  return (
    <DuplicateWarning matches={matches} onOpen={(m) => openDrawer({ collection: m.collection, id: m.record.id })} />
  );
}

function CompanyRelated({ company }: { company: Company }) {
  const { t, i18n } = useTranslation();
  const openDrawer = useUi((s) => s.openDrawer);
  const contacts = useRelatedRecords({ collection: 'contacts', field: 'companyId' }, company.id);
  const deals = useRelatedRecords({ collection: 'deals', field: 'companyId' }, company.id);
  const activities = useRelatedRecords({ collection: 'activities', field: 'companyId' }, company.id);
  return (
    <>
      <RelatedList
        title={t('companies.contacts')}
        empty={t('companies.noContacts')}
        items={contacts.docs}
        capped={contacts.capped}
        render={(c) => (
          <>
            <span>{personName(c)}</span>
            <span className="muted">{c.title}</span>
          </>
        )}
        onOpen={(c) => openDrawer({ collection: 'contacts', id: c.id })}
      />
      <div className="status-actions" style={{ marginTop: 8 }}>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => openDrawer({ collection: 'contacts', id: 'new', prefill: { companyId: company.id } })}
        >
          {t('contacts.new')}
        </button>
      </div>
      <RelatedList
        title={t('companies.deals')}
        empty={t('companies.noDeals')}
        items={deals.docs}
        capped={deals.capped}
        render={(d) => (
          <>
            <span>{d.title}</span>
            <span className={`badge badge-${d.status}`}>{t(`deals.status.${d.status}`)}</span>
          </>
        )}
        onOpen={(d) => openDrawer({ collection: 'deals', id: d.id })}
      />
      <RelatedList
        title={t('merge.related.activities')}
        empty={t('merge.related.noCompanyActivities')}
        items={activities.docs}
        capped={activities.capped}
        render={(a) => (
          <>
            <span>{a.subject}</span>
            <span className="muted">{new Date(a.dueAt).toLocaleDateString(i18n.language)}</span>
          </>
        )}
        // An activity has no drawer of its own: it opens where it belongs, its deal, contact or lead.
        onOpen={(a) => {
          if (a.dealId) openDrawer({ collection: 'deals', id: a.dealId });
          else if (a.contactId) openDrawer({ collection: 'contacts', id: a.contactId });
          else if (a.leadId) openDrawer({ collection: 'leads', id: a.leadId });
        }}
      />
    </>
  );
}
