import { useSyncExternalStore } from 'react';
import type { Company } from '@domain/schemas/company';
import type { LinkedRecordStore } from '../db/linked-record-store';

/**
 * The name of the company a record links, in a list cell, read from the list's store of linked
 * companies: when they answer, this cell is drawn again, not its row. `null` is a company this
 * device does not have (made offline on another device, not synced yet): said so (`unavailable`,
 * translated once by the page for the whole column), never an empty cell.
 */
export function LinkedCompany({
  companies,
  id,
  unavailable,
}: {
  companies: LinkedRecordStore<Company>;
  id: string;
  unavailable: string;
}) {
  const name = useSyncExternalStore(companies.subscribe, () => {
    const company = companies.get(id);
    return company === null ? null : (company?.name ?? '');
  });
  if (name === null) return <span className="muted">{unavailable}</span>;
  return <>{name}</>;
}
