import type { TFunction } from 'i18next';
import { formatTags, isValidEmail, isValidPhone, parseTags } from '@domain/field-rules';
import type { Contact } from '@domain/schemas/contact';
import type { FieldErrors } from '../../ui/form-helpers';

export interface ContactFormValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  mobile: string;
  title: string;
  companyId: string;
  city: string;
  country: string;
  source: string;
  tags: string;
  notes: string;
}

export const EMPTY_CONTACT: ContactFormValues = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  mobile: '',
  title: '',
  companyId: '',
  city: '',
  country: '',
  source: '',
  tags: '',
  notes: '',
};

export function contactToForm(c: Contact): ContactFormValues {
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email,
    phone: c.phone,
    mobile: c.mobile,
    title: c.title,
    companyId: c.companyId,
    city: c.address.city ?? '',
    country: c.address.country ?? '',
    source: c.source,
    tags: formatTags(c.tags),
    notes: c.notes,
  };
}

export function validateContact(v: ContactFormValues, t: TFunction): FieldErrors<keyof ContactFormValues> {
  return {
    lastName: v.firstName.trim() || v.lastName.trim() ? undefined : t('validation.nameOrLast'),
    email: isValidEmail(v.email.trim()) ? undefined : t('validation.email'),
    phone: isValidPhone(v.phone) ? undefined : t('validation.phone'),
    mobile: isValidPhone(v.mobile) ? undefined : t('validation.phone'),
  };
}

export function formToContact(v: ContactFormValues, base?: Contact) {
  return {
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    email: v.email.trim().toLowerCase(),
    phone: v.phone.trim(),
    mobile: v.mobile.trim(),
    title: v.title.trim(),
    companyId: v.companyId,
    address: { ...(base?.address ?? {}), city: v.city.trim(), country: v.country.trim().toUpperCase().slice(0, 2) },
    source: v.source,
    tags: parseTags(v.tags),
    notes: v.notes,
  };
}
