import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkDealFields } from '@domain/deal-lifecycle';
import { personName } from '@domain/derived-fields';
import type { DomainError, DomainErrorCode } from '@domain/errors';
import {
  companyMatchKey,
  decideCompany,
  defaultCloseDate,
  defaultDealTitle,
  defaultDealValue,
  type CompanyDecision,
} from '@domain/lead-conversion';
import { formatMoney, money, moneyToInput, parseMoneyInput, type Money } from '@domain/money';
import { activeStages, findStage, firstStage } from '@domain/pipeline-rules';
import type { Company } from '@domain/schemas/company';
import type { Contact } from '@domain/schemas/contact';
import type { Lead } from '@domain/schemas/lead';
import type { Pipeline } from '@domain/schemas/pipeline';
import { localIsoDate } from '@domain/time';
import { useActor } from '../../auth/use-permissions';
import { useRecord, useRxQuery } from '../../db/use-rx';
import { usePipelines } from '../../db/use-settings';
import { useWorkspace } from '../../db/workspace-context';
import { describeDomainError } from '../../i18n/domain-errors';
import { useUi } from '../../shell/ui-store';
import { SelectField, TextField } from '../../ui/fields';
import { ModalDialog } from '../../ui/ModalDialog';
import { convertLead, newConversionIds } from './convert-lead';

/**
 * "Convert" on a qualified lead: the deal's title, pipeline, first stage, value, expected close
 * date and company, proposed by the domain's rules (lead-conversion.ts) and checked by the same
 * rules the server applies before anything is written. Enter converts, Escape cancels; a refusal
 * keeps everything typed.
 */
export function ConvertLeadDialog({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const { pipelines, loading } = usePipelines();
  const contact = useRecord('contacts', lead.contactId || null);
  const nameKey = lead.contactId ? '' : companyMatchKey(lead.companyName);
  // The index holds the candidates: companies whose normalized name is the lead's.
  const { docs: companies, loading: companiesLoading } = useRxQuery(
    'companies',
    nameKey ? { selector: { nameKey, deletedAt: null }, limit: 20 } : null,
  );
  const contactCompany = useRecord('companies', contact?.companyId || null);
  if (loading || contact === undefined || companiesLoading || contactCompany === undefined) return null;
  if (!pipelines.length) return null;
  return (
    <ConvertLeadForm
      lead={lead}
      pipelines={pipelines}
      existingContact={contact}
      contactCompany={contactCompany}
      companies={companies}
      onClose={onClose}
    />
  );
}

type FieldKey = 'title' | 'stageId' | 'amount' | 'expectedCloseDate';

/** Which field a refusal is about, so its message stands next to it. */
const FIELD_OF: Partial<Record<DomainErrorCode, FieldKey>> = {
  'deal.titleRequired': 'title',
  'deal.titleTooLong': 'title',
  'deal.negativeValue': 'amount',
  'deal.invalidCloseDate': 'expectedCloseDate',
  'record.dateOutOfRange': 'expectedCloseDate',
  'deal.unknownStage': 'stageId',
  'deal.retiredStage': 'stageId',
};

interface FormValues {
  title: string;
  pipelineId: string;
  stageId: string;
  amount: string;
  /** Once typed in, the value no longer follows the pipeline's currency. */
  amountTouched: boolean;
  expectedCloseDate: string;
  noCompany: boolean;
}

function ConvertLeadForm({
  lead,
  pipelines,
  existingContact,
  contactCompany,
  companies,
  onClose,
}: {
  lead: Lead;
  pipelines: Pipeline[];
  existingContact: Contact | null;
  contactCompany: Company | null;
  companies: Company[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const ws = useWorkspace();
  const actor = useActor();
  const openDrawer = useUi((s) => s.openDrawer);
  const showToast = useUi((s) => s.showToast);
  const locale = i18n.language;
  const pipelineOf = (id: string) => pipelines.find((p) => p.id === id);
  const amountFor = (currency: string) => {
    const { value } = defaultDealValue(lead, currency);
    return value ? moneyToInput(value) : '';
  };

  const suggested = decideCompany(lead, existingContact, companies);
  const linked =
    suggested.kind === 'link'
      ? (companies.find((c) => c.id === suggested.companyId) ??
        (contactCompany?.id === suggested.companyId ? contactCompany : null))
      : null;
  const [proposed] = useState(() => defaultDealTitle(lead, t('leads.convertDialog.standIn'), linked));
  const [ids] = useState(newConversionIds);
  const [values, setValues] = useState<FormValues>(() => {
    const pipeline = pipelines.find((p) => p.isDefault) ?? pipelines[0]!;
    return {
      title: proposed.title,
      pipelineId: pipeline.id,
      stageId: firstStage(pipeline)?.id ?? '',
      amount: amountFor(pipeline.currency),
      amountTouched: false,
      expectedCloseDate: defaultCloseDate(localIsoDate(new Date())),
      noCompany: false,
    };
  });
  const [errors, setErrors] = useState<Partial<Record<FieldKey, string>>>({});
  const [banner, setBanner] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);

  // The first field has the focus; a stand-in for what they want is selected, to be typed over.
  useEffect(() => {
    const input = titleRef.current;
    if (!input) return;
    input.focus();
    const end = input.value.length;
    input.setSelectionRange(proposed.standIn?.start ?? end, proposed.standIn?.end ?? end);
  }, [proposed]);

  const pipeline = pipelineOf(values.pipelineId)!;
  const currency = pipeline.currency;
  const { estimateInOtherCurrency } = defaultDealValue(lead, currency);
  // The user's one say over the proposal: no company, for a person buying for themselves.
  const company: CompanyDecision = values.noCompany ? { kind: 'none' } : suggested;
  const update = (patch: Partial<FormValues>) => setValues((v) => ({ ...v, ...patch }));

  const choosePipeline = (pipelineId: string) => {
    const next = pipelineOf(pipelineId);
    if (!next) return;
    setValues((v) => ({
      ...v,
      pipelineId,
      stageId: firstStage(next)?.id ?? '',
      amount: v.amountTouched ? v.amount : amountFor(next.currency),
    }));
  };

  const submit = async () => {
    if (saving) return;
    const found: Partial<Record<FieldKey, string>> = {};
    let value: Money | null = null;
    if (!values.amount.trim()) {
      if (estimateInOtherCurrency) {
        found.amount = t('leads.convertDialog.valueNeeded', {
          currency,
          estimate: formatMoney(estimateInOtherCurrency, locale),
        });
      } else value = money(0, currency);
    } else {
      value = parseMoneyInput(values.amount, currency, locale);
      if (!value) found.amount = t('validation.money', { example: locale === 'es' ? '1.250,00' : '1,250.00' });
    }
    if (!values.expectedCloseDate) {
      found.expectedCloseDate = t('validation.required', { field: t('leads.convertDialog.closeDate') });
    }
    // The deal's own rules, as the server will check them: what is wrong is said all at once.
    const fieldProblems = checkDealFields(
      { title: values.title, value: value ?? money(0, currency), expectedCloseDate: values.expectedCloseDate },
      null,
      new Date().getTime(),
    );
    const refusals = place(fieldProblems, found);
    setErrors(found);
    setBanner(refusals);
    if (Object.keys(found).length || refusals.length || !value) return;

    setSaving(true);
    try {
      const result = await convertLead(ws, actor, lead, {
        pipeline,
        stageId: values.stageId,
        title: values.title,
        value,
        expectedCloseDate: values.expectedCloseDate,
        existingContact,
        company,
        ids,
      });
      if (!result.ok) {
        const refused: Partial<Record<FieldKey, string>> = {};
        setBanner(place(result.errors, refused));
        setErrors(refused);
        return;
      }
      const deal = result.value;
      onClose();
      openDrawer({ collection: 'deals', id: deal.id });
      showToast(t('leads.converted', { title: deal.title, stage: findStage(pipeline, deal.stageId)?.name ?? '' }));
    } catch (error) {
      setBanner([t('errors.unexpected', { message: error instanceof Error ? error.message : String(error) })]);
    } finally {
      setSaving(false);
    }
  };

  /** Puts each refusal on its field; returns those that belong to none. */
  function place(problems: readonly DomainError[], into: Partial<Record<FieldKey, string>>): string[] {
    const rest: string[] = [];
    for (const problem of problems) {
      const field = FIELD_OF[problem.code];
      const message = describeDomainError(t, problem);
      if (field) into[field] ??= message;
      else rest.push(message);
    }
    return rest;
  }

  const who = personName(lead) || lead.companyName || lead.email;
  return (
    <ModalDialog
      title={t('leads.convertDialog.title', { name: who })}
      onCancel={onClose}
      onSubmit={() => void submit()}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={saving}>
            {saving ? t('leads.convertDialog.converting') : t('leads.convertDialog.submit')}
          </button>
        </>
      }
    >
      <div className="form">
        {banner.length > 0 && (
          <div className="form-banner" role="alert">
            {banner.map((b) => (
              <div key={b}>{b}</div>
            ))}
          </div>
        )}
        <TextField
          label={t('leads.convertDialog.dealTitle')}
          value={values.title}
          onChange={(title) => update({ title })}
          error={errors.title}
          inputRef={titleRef}
          required
          wide
        />
        <SelectField
          label={t('leads.convertDialog.pipeline')}
          value={values.pipelineId}
          onChange={choosePipeline}
          options={pipelines.map((p) => ({ value: p.id, label: p.name }))}
        />
        <SelectField
          label={t('leads.convertDialog.stage')}
          value={values.stageId}
          onChange={(stageId) => update({ stageId })}
          error={errors.stageId}
          options={activeStages(pipeline).map((s) => ({ value: s.id, label: s.name }))}
        />
        <TextField
          label={t('leads.convertDialog.value', { currency })}
          value={values.amount}
          onChange={(amount) => update({ amount, amountTouched: true })}
          error={errors.amount}
          hint={
            estimateInOtherCurrency
              ? t('leads.convertDialog.otherCurrency', {
                  estimate: formatMoney(estimateInOtherCurrency, locale),
                  currency,
                })
              : undefined
          }
        />
        <TextField
          label={t('leads.convertDialog.closeDate')}
          type="date"
          value={values.expectedCloseDate}
          onChange={(expectedCloseDate) => update({ expectedCloseDate })}
          error={errors.expectedCloseDate}
          required
        />
        <CompanyChoice
          lead={lead}
          existingContact={existingContact}
          contactCompany={contactCompany}
          suggested={suggested}
          linked={linked}
          noCompany={values.noCompany}
          onChange={(noCompany) => update({ noCompany })}
        />
      </div>
    </ModalDialog>
  );
}

/** Says where the deal and the new contact are filed, and offers "no company" where it is a choice. */
function CompanyChoice({
  lead,
  existingContact,
  contactCompany,
  suggested,
  linked,
  noCompany,
  onChange,
}: {
  lead: Lead;
  existingContact: Contact | null;
  contactCompany: Company | null;
  suggested: CompanyDecision;
  linked: Company | null;
  noCompany: boolean;
  onChange: (noCompany: boolean) => void;
}) {
  const { t } = useTranslation();
  if (lead.contactId) {
    const contact = existingContact ? personName(existingContact) || existingContact.email : '';
    return (
      <p className="field-wide muted">
        {!existingContact
          ? t('leads.convertDialog.contactUnknown')
          : contactCompany
            ? t('leads.convertDialog.contactCompany', { contact, company: contactCompany.name })
            : t('leads.convertDialog.contactNoCompany', { contact })}
      </p>
    );
  }
  if (suggested.kind === 'none') return null;
  const proposal =
    suggested.kind === 'link'
      ? t('leads.convertDialog.linkCompany', { name: linked?.name ?? lead.companyName })
      : t('leads.convertDialog.createCompany', { name: suggested.name });
  return (
    <SelectField
      label={t('leads.convertDialog.company')}
      value={noCompany ? 'none' : 'proposed'}
      onChange={(choice) => onChange(choice === 'none')}
      options={[
        { value: 'proposed', label: proposal },
        { value: 'none', label: t('leads.convertDialog.noCompany') },
      ]}
      wide
    />
  );
}
