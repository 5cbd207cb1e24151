import { useTranslation } from 'react-i18next';
import { personName } from '@domain/derived-fields';
import { checkLeadFields } from '@domain/lead-lifecycle';
import { SUPPORTED_CURRENCIES } from '@domain/money';
import type { Contact } from '@domain/schemas/contact';
import { useLikelyDuplicates } from '../../db/use-likely-duplicates';
import { useRecord } from '../../db/use-rx';
import { useWorkspace } from '../../db/workspace-context';
import { describeDomainErrors } from '../../i18n/domain-errors';
import { MoneyField, TextAreaField, TextField } from '../../ui/fields';
import { RecordEditor, type EditorSpec } from '../../ui/RecordEditor';
import { DuplicateWarning } from '../../ui/DuplicateWarning';
import { RecordPicker } from '../../ui/RecordPicker';
import { useUi } from '../../shell/ui-store';
import type { Lead } from '@domain/schemas/lead';
import { emptyLead, formToLead, leadToForm, validateLead, type LeadFormValues } from './lead-form';
import { LeadSourceField } from './LeadSourceField';
import { LeadStatusBar } from './LeadStatusBar';

const DEFAULT_CURRENCY = 'USD';

export function LeadDrawer({ id, prefill }: { id: string | 'new'; prefill?: Record<string, string> | undefined }) {
  const { t, i18n } = useTranslation();
  const ws = useWorkspace();
  const record = useRecord('leads', id === 'new' ? null : id);
  const prefillContact = useRecord('contacts', id === 'new' ? (prefill?.contactId ?? null) : null);
  if (record === undefined || (id === 'new' && prefill?.contactId && prefillContact === undefined)) return null;
  const locale = i18n.language;

  const spec: EditorSpec<'leads', LeadFormValues> = {
    collection: 'leads',
    describe: (l) => personName(l) || l.companyName || t('leads.one'),
    newTitle: t('leads.new'),
    validate: (v) => validateLead(v, t, locale),
    toRecord: (v) => formToLead(v, locale),
    // The lead's own rules, as the server will check them: a negative estimate is refused here first.
    checkBeforeSave: (v, r) => describeDomainErrors(t, checkLeadFields(formToLead(v, locale), r)),
    newRecordDefaults: () => ({
      ownerId: ws.user.id,
      teamId: ws.user.teamId,
      status: 'NEW',
      disqualifyReason: '',
      qualifiedAt: null,
      convertedDealId: '',
      convertedAt: null,
    }),
  };
  const initial = record
    ? leadToForm(record, DEFAULT_CURRENCY)
    : prefillContact
      ? {
          ...emptyLead(DEFAULT_CURRENCY),
          contactId: prefillContact.id,
          firstName: prefillContact.firstName,
          lastName: prefillContact.lastName,
          email: prefillContact.email,
          phone: prefillContact.phone,
        }
      : emptyLead(DEFAULT_CURRENCY);
  return (
    <RecordEditor
      key={id}
      spec={spec}
      record={record}
      initial={initial}
      draftKey={`leads:${id}`}
      intro={record ? <LeadStatusBar lead={record} /> : undefined}
      fields={(v, update, errors) => (
        <>
          <TextField
            label={t('leads.fields.firstName')}
            value={v.firstName}
            onChange={(firstName) => update({ firstName })}
          />
          <TextField
            label={t('leads.fields.lastName')}
            value={v.lastName}
            onChange={(lastName) => update({ lastName })}
            error={errors.lastName}
          />
          <TextField
            label={t('leads.fields.email')}
            type="email"
            value={v.email}
            onChange={(email) => update({ email })}
            error={errors.email}
          />
          {!record && !v.contactId && <LeadDuplicates email={v.email} />}
          <TextField
            label={t('leads.fields.phone')}
            type="tel"
            value={v.phone}
            onChange={(phone) => update({ phone })}
            error={errors.phone}
          />
          <TextField
            label={t('leads.fields.companyName')}
            value={v.companyName}
            onChange={(companyName) => update({ companyName })}
          />
          <TextField label={t('leads.fields.title')} value={v.title} onChange={(title) => update({ title })} />
          <TextField
            label={t('leads.fields.interest')}
            value={v.interest}
            onChange={(interest) => update({ interest })}
            hint={t('leads.fields.interestHint')}
            wide
          />
          <div className="field-wide">
            <RecordPicker<Contact>
              collection="contacts"
              label={t('leads.fields.contact')}
              value={v.contactId}
              onChange={(contactId) => update({ contactId })}
              describe={(c) => [personName(c), c.email].filter(Boolean).join(' · ')}
              emptyLabel={t('common.none')}
            />
          </div>
          <LeadSourceField
            label={t('leads.fields.source')}
            value={v.source}
            onChange={(source) => update({ source })}
          />
          <MoneyField
            label={t('leads.fields.estimatedValue')}
            amount={v.estimatedAmount}
            currency={v.currency}
            currencies={SUPPORTED_CURRENCIES}
            currencyLabel={t('deals.fields.currency')}
            onAmountChange={(estimatedAmount) => update({ estimatedAmount })}
            onCurrencyChange={(currency) => update({ currency })}
            error={errors.estimatedAmount}
          />
          <TextField
            label={t('common.tags')}
            value={v.tags}
            onChange={(tags) => update({ tags })}
            hint={t('common.tagsHint')}
            wide
          />
          <TextAreaField label={t('common.notes')} value={v.notes} onChange={(notes) => update({ notes })} wide />
        </>
      )}
    />
  );
}

/**
 * While a new lead is typed: the leads and contacts with its email. Only the email: a shared phone
 * (a switchboard) says little about a lead not yet qualified.
 */
function LeadDuplicates({ email }: { email: string }) {
  const openDrawer = useUi((s) => s.openDrawer);
  const matches = useLikelyDuplicates('leads', { email: email.trim(), phone: '' } as Lead);
  return (
    <DuplicateWarning matches={matches} onOpen={(m) => openDrawer({ collection: m.collection, id: m.record.id })} />
  );
}
