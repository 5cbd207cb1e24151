import type { TFunction } from 'i18next';
import { formatTags, isValidEmail, isValidPhone, parseTags } from '@domain/field-rules';
import { moneyToInput, parseMoneyInput } from '@domain/money';
import type { Lead } from '@domain/schemas/lead';
import type { FieldErrors } from '../../ui/form-helpers';

export interface LeadFormValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  companyName: string;
  title: string;
  interest: string;
  contactId: string;
  source: string;
  estimatedAmount: string;
  currency: string;
  tags: string;
  notes: string;
}

export function emptyLead(currency: string): LeadFormValues {
  return {
    firstName: '',
    lastName: '',
    email: '',
    phone: '',
    companyName: '',
    title: '',
    interest: '',
    contactId: '',
    source: '',
    estimatedAmount: '',
    currency,
    tags: '',
    notes: '',
  };
}

export function leadToForm(l: Lead, defaultCurrency: string): LeadFormValues {
  return {
    firstName: l.firstName,
    lastName: l.lastName,
    email: l.email,
    phone: l.phone,
    companyName: l.companyName,
    title: l.title,
    // A lead pulled from a server that still holds it as written before the field existed.
    interest: l.interest ?? '',
    contactId: l.contactId,
    source: l.source,
    estimatedAmount: l.estimatedValue ? moneyToInput(l.estimatedValue) : '',
    currency: l.estimatedValue?.currency ?? defaultCurrency,
    tags: formatTags(l.tags),
    notes: l.notes,
  };
}

export function validateLead(v: LeadFormValues, t: TFunction, locale: string): FieldErrors<keyof LeadFormValues> {
  return {
    lastName: v.firstName.trim() || v.lastName.trim() || v.companyName.trim() ? undefined : t('validation.nameOrLast'),
    email: isValidEmail(v.email.trim()) ? undefined : t('validation.email'),
    phone: isValidPhone(v.phone) ? undefined : t('validation.phone'),
    estimatedAmount:
      !v.estimatedAmount.trim() || parseMoneyInput(v.estimatedAmount, v.currency, locale)
        ? undefined
        : t('validation.money', { example: locale === 'es' ? '1.250,00' : '1,250.00' }),
  };
}

export function formToLead(v: LeadFormValues, locale: string) {
  return {
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    email: v.email.trim().toLowerCase(),
    phone: v.phone.trim(),
    companyName: v.companyName.trim(),
    title: v.title.trim(),
    interest: v.interest.trim(),
    contactId: v.contactId,
    source: v.source,
    estimatedValue: v.estimatedAmount.trim() ? parseMoneyInput(v.estimatedAmount, v.currency, locale) : null,
    tags: parseTags(v.tags),
    notes: v.notes,
  };
}
