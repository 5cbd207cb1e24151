import type { TFunction } from 'i18next';
import { formatTags, parseTags } from '@domain/field-rules';
import { moneyToInput, parseMoneyInput } from '@domain/money';
import type { Deal } from '@domain/schemas/deal';
import type { FieldErrors } from '../../ui/form-helpers';

export interface DealFormValues {
  title: string;
  pipelineId: string;
  stageId: string;
  amount: string;
  currency: string;
  probability: string;
  expectedCloseDate: string;
  contactId: string;
  companyId: string;
  /** The deal's owner (user id); changing it is a reassignment. */
  ownerId: string;
  tags: string;
  notes: string;
}

export function dealToForm(d: Deal): DealFormValues {
  return {
    title: d.title,
    pipelineId: d.pipelineId,
    stageId: d.stageId,
    amount: moneyToInput(d.value),
    currency: d.value.currency,
    probability: d.probability === null ? '' : String(d.probability),
    expectedCloseDate: d.expectedCloseDate,
    contactId: d.contactId,
    companyId: d.companyId,
    ownerId: d.ownerId,
    tags: formatTags(d.tags),
    notes: d.notes,
  };
}

export function validateDeal(v: DealFormValues, t: TFunction, locale: string): FieldErrors<keyof DealFormValues> {
  const probability = v.probability.trim();
  return {
    title: v.title.trim() ? undefined : t('validation.required', { field: t('deals.fields.title') }),
    amount: parseMoneyInput(v.amount || '0', v.currency, locale)
      ? undefined
      : t('validation.money', { example: locale === 'es' ? '1.250,00' : '1,250.00' }),
    probability:
      !probability || (/^\d{1,3}$/.test(probability) && Number(probability) <= 100)
        ? undefined
        : t('validation.probability'),
    stageId: v.stageId ? undefined : t('validation.required', { field: t('deals.fields.stage') }),
  };
}

/** The deal fields the form stands for; moving to another stage restarts the stage's clock. */
export function formToDeal(v: DealFormValues, locale: string, record: Deal | null, now: string): Partial<Deal> {
  const stageMoved = record !== null && record.stageId !== v.stageId;
  return {
    title: v.title.trim(),
    pipelineId: v.pipelineId,
    stageId: v.stageId,
    ...(stageMoved ? { stageEnteredAt: now } : {}),
    value: parseMoneyInput(v.amount || '0', v.currency, locale) ?? { amount: 0, currency: v.currency },
    probability: v.probability.trim() === '' ? null : Number(v.probability),
    expectedCloseDate: v.expectedCloseDate,
    contactId: v.contactId,
    companyId: v.companyId,
    ...(v.ownerId ? { ownerId: v.ownerId } : {}),
    tags: parseTags(v.tags),
    notes: v.notes,
  };
}
