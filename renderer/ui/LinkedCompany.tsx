import type { Company } from '@domain/schemas/company';

/**
 * The name of the company a record links, in a list cell. `null` is a company this device does not
 * have (made offline on another device, not synced yet): said so (`unavailable`, translated once by
 * the page for the whole column), never an empty cell. No hook: a list draws one in every row.
 */
export function LinkedCompany({ company, unavailable }: { company: Company | null | undefined; unavailable: string }) {
  if (company === null) return <span className="muted">{unavailable}</span>;
  return <>{company?.name ?? ''}</>;
}
