import { useTranslation } from 'react-i18next';
import type { Company } from '@domain/schemas/company';

/**
 * The name of the company a record links, in a list cell. `null` is a company this device does not
 * have (made offline on another device, not synced yet): said so, never an empty cell.
 */
export function LinkedCompany({ company }: { company: Company | null | undefined }) {
  const { t } = useTranslation();
  if (company === null) return <span className="muted">{t('links.companyUnavailable')}</span>;
  return <>{company?.name ?? ''}</>;
}
