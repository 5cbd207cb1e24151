import { COMPANY_SIZES, type Company } from '@domain/schemas/company';
import { formatTags, isValidDomain, isValidPhone, normalizeDomain, parseTags } from '@domain/field-rules';
import type { TFunction } from 'i18next';
import type { FieldErrors } from '../../ui/form-helpers';

export interface CompanyFormValues {
  name: string;
  domain: string;
  industry: string;
  size: Company['size'];
  phone: string;
  website: string;
  city: string;
  country: string;
  tags: string;
  notes: string;
}

export const EMPTY_COMPANY: CompanyFormValues = {
  name: '',
  domain: '',
  industry: '',
  size: '',
  phone: '',
  website: '',
  city: '',
  country: '',
  tags: '',
  notes: '',
};

export const SIZE_OPTIONS = ['', ...COMPANY_SIZES] as const;

export function companyToForm(c: Company): CompanyFormValues {
  return {
    name: c.name,
    domain: c.domain,
    industry: c.industry,
    size: c.size,
    phone: c.phone,
    website: c.website,
    city: c.address.city ?? '',
    country: c.address.country ?? '',
    tags: formatTags(c.tags),
    notes: c.notes,
  };
}

export function validateCompany(v: CompanyFormValues, t: TFunction): FieldErrors<keyof CompanyFormValues> {
  return {
    name: v.name.trim() ? undefined : t('validation.required', { field: t('companies.fields.name') }),
    domain: isValidDomain(normalizeDomain(v.domain)) ? undefined : t('validation.domain'),
    phone: isValidPhone(v.phone) ? undefined : t('validation.phone'),
  };
}

export function formToCompany(v: CompanyFormValues, base?: Company) {
  return {
    name: v.name.trim(),
    domain: normalizeDomain(v.domain),
    industry: v.industry.trim(),
    size: v.size,
    phone: v.phone.trim(),
    website: v.website.trim(),
    address: { ...(base?.address ?? {}), city: v.city.trim(), country: v.country.trim().toUpperCase().slice(0, 2) },
    tags: parseTags(v.tags),
    notes: v.notes,
  };
}
