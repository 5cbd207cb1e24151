import { useTranslation } from 'react-i18next';
import { personName } from '@domain/derived-fields';
import type { Company } from '@domain/schemas/company';
import type { Contact } from '@domain/schemas/contact';
import { useLikelyDuplicates } from '../../db/use-likely-duplicates';
import { useRelatedRecords } from '../../db/use-related-records';
import { useRecord } from '../../db/use-rx';
import { useWorkspace } from '../../db/workspace-context';
import { useUi } from '../../shell/ui-store';
import { TextAreaField, TextField } from '../../ui/fields';
import { RecordEditor, type EditorSpec } from '../../ui/RecordEditor';
import { DuplicateWarning } from '../../ui/DuplicateWarning';
import { RecordPicker } from '../../ui/RecordPicker';
import { RelatedList } from '../../ui/RelatedList';
import { MergeAction } from '../merge';
import { LeadSourceField } from '../leads';
import { contactToForm, EMPTY_CONTACT, formToContact, validateContact, type ContactFormValues } from './contact-form';

export function ContactDrawer({ id, prefill }: { id: string | 'new'; prefill?: Record<string, string> | undefined }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const record = useRecord('contacts', id === 'new' ? null : id);
  if (record === undefined) return null;

  const spec: EditorSpec<'contacts', ContactFormValues> = {
    collection: 'contacts',
    describe: (c) => personName(c) || c.email || t('contacts.one'),
    newTitle: t('contacts.new'),
    validate: (v) => validateContact(v, t),
    toRecord: (v, r) => formToContact(v, r ?? undefined),
    newRecordDefaults: () => ({ ownerId: ws.user.id, teamId: ws.user.teamId }),
  };
  const initial = record ? contactToForm(record) : { ...EMPTY_CONTACT, companyId: prefill?.companyId ?? '' };
  return (
    <RecordEditor
      key={id}
      spec={spec}
      record={record}
      initial={initial}
      draftKey={`contacts:${id}`}
      headerActions={record && <MergeAction collection="contacts" record={record} />}
      fields={(v, update, errors) => (
        <>
          <TextField
            label={t('contacts.fields.firstName')}
            value={v.firstName}
            onChange={(firstName) => update({ firstName })}
          />
          <TextField
            label={t('contacts.fields.lastName')}
            value={v.lastName}
            onChange={(lastName) => update({ lastName })}
            error={errors.lastName}
          />
          <TextField
            label={t('contacts.fields.email')}
            type="email"
            value={v.email}
            onChange={(email) => update({ email })}
            error={errors.email}
          />
          <TextField
            label={t('contacts.fields.phone')}
            type="tel"
            value={v.phone}
            onChange={(phone) => update({ phone })}
            error={errors.phone}
          />
          <TextField
            label={t('contacts.fields.mobile')}
            type="tel"
            value={v.mobile}
            onChange={(mobile) => update({ mobile })}
            error={errors.mobile}
          />
          <TextField label={t('contacts.fields.title')} value={v.title} onChange={(title) => update({ title })} />
          <div className="field-wide">
            <RecordPicker<Company>
              collection="companies"
              label={t('contacts.fields.company')}
              value={v.companyId}
              onChange={(companyId) => update({ companyId })}
              describe={(c) => c.name}
              emptyLabel={t('contacts.noCompany')}
            />
          </div>
          <TextField label={t('common.city')} value={v.city} onChange={(city) => update({ city })} />
          <TextField label={t('common.country')} value={v.country} onChange={(country) => update({ country })} />
          <LeadSourceField
            label={t('contacts.fields.source')}
            value={v.source}
            onChange={(source) => update({ source })}
          />
          <TextField
            label={t('common.tags')}
            value={v.tags}
            onChange={(tags) => update({ tags })}
            hint={t('common.tagsHint')}
          />
          <TextAreaField label={t('common.notes')} value={v.notes} onChange={(notes) => update({ notes })} wide />
          {!record && <ContactDuplicates values={v} />}
        </>
      )}
    >
      {record && <ContactRelated contact={record} />}
    </RecordEditor>
  );
}

/** While a new contact is typed: the stored contacts it may duplicate (same email, phone, or name at its company). */
function ContactDuplicates({ values }: { values: ContactFormValues }) {
  const openDrawer = useUi((s) => s.openDrawer);
  const matches = useLikelyDuplicates('contacts', formToContact(values) as Contact);
  return (
    <DuplicateWarning matches={matches} onOpen={(m) => openDrawer({ collection: m.collection, id: m.record.id })} />
  );
}

function ContactRelated({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const openDrawer = useUi((s) => s.openDrawer);
  const leads = useRelatedRecords({ collection: 'leads', field: 'contactId' }, contact.id);
  const deals = useRelatedRecords({ collection: 'deals', field: 'contactId' }, contact.id);
  return (
    <>
      <RelatedList
        title={t('contacts.leads')}
        empty={t('contacts.noLeads')}
        items={leads.docs}
        capped={leads.capped}
        render={(l) => (
          <>
            <span>{personName(l) || l.companyName}</span>
            <span className={`badge badge-${l.status}`}>{t(`leads.status.${l.status}`)}</span>
          </>
        )}
        onOpen={(l) => openDrawer({ collection: 'leads', id: l.id })}
      />
      <div className="status-actions" style={{ marginTop: 8 }}>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => openDrawer({ collection: 'leads', id: 'new', prefill: { contactId: contact.id } })}
        >
          {t('leads.new')}
        </button>
      </div>
      <RelatedList
        title={t('contacts.deals')}
        empty={t('contacts.noDeals')}
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
    </>
  );
}
