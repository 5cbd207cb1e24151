import { unescapeFormula } from '../csv-export';
import { companyNameKey, emailKey } from '../duplicates';
import { searchKey } from '../derived-fields';
import { normalizeDomain } from '../field-rules';
import type { ImportableCollection } from './importable-fields';
import type { ColumnMapping } from './suggest-mapping';

const DOMAIN_LIKE = /^[a-z0-9.-]+\.[a-z]{2,}$/;

/**
 * What a file's rows can match in the workspace, so an import reads those records and no others:
 * every key is the normalized form the planner compares (emailKey, normalizeDomain, companyNameKey,
 * a deal title's key), and `emailsAsTyped` keeps an address's own spelling as well, for a record
 * stored with capitals that the file repeats.
 */
export interface ImportKeys {
  /** Addresses of the records of the imported collection a row may repeat (contacts, leads). */
  ownEmails: string[];
  /** Web domains of the companies a row of a company import may repeat. */
  ownDomains: string[];
  /** Addresses the file's "contact" cells name (deals). */
  contactEmails: string[];
  emailsAsTyped: string[];
  /** The file's company cells, as a domain (when a cell is one) and as a name key. */
  companyDomains: string[];
  companyNameKeys: string[];
  /** Deal titles, by the key the deal duplicate check compares. */
  dealTitleKeys: string[];
}

/** The keys of every cell mapped to `field`, each once, read as rowToRecord reads them. */
function cellsOf(rows: readonly (readonly string[])[], mapping: ColumnMapping, field: string): string[] {
  const columns = mapping.flatMap((key, column) => (key === field ? [column] : []));
  const cells = new Set<string>();
  for (const row of rows)
    for (const column of columns) if (row[column]?.trim()) cells.add(unescapeFormula(row[column]!));
  return [...cells];
}

function keysOf(cells: readonly string[], key: (cell: string) => string | null): string[] {
  const keys = new Set<string>();
  for (const cell of cells) {
    const value = key(cell);
    if (value) keys.add(value);
  }
  return [...keys];
}

/** The keys the rows of a file for `collection`, mapped by `mapping`, can match records on. */
export function importKeys(
  collection: ImportableCollection,
  mapping: ColumnMapping,
  rows: readonly (readonly string[])[],
): ImportKeys {
  const ownEmailCells = collection === 'contacts' || collection === 'leads' ? cellsOf(rows, mapping, 'email') : [];
  const contactCells = collection === 'deals' ? cellsOf(rows, mapping, 'contact') : [];
  const companyCells = collection === 'contacts' || collection === 'deals' ? cellsOf(rows, mapping, 'company') : [];
  return {
    ownEmails: keysOf(ownEmailCells, emailKey),
    ownDomains:
      collection === 'companies'
        ? keysOf(cellsOf(rows, mapping, 'domain'), (cell) => normalizeDomain(normalizeDomain(cell)) || null)
        : [],
    contactEmails: keysOf(contactCells, emailKey),
    emailsAsTyped: keysOf([...ownEmailCells, ...contactCells], (cell) => cell.trim() || null),
    companyDomains: keysOf(companyCells, (cell) => {
      const domain = normalizeDomain(cell);
      return DOMAIN_LIKE.test(domain) ? domain : null;
    }),
    companyNameKeys: keysOf(companyCells, companyNameKey),
    dealTitleKeys:
      collection === 'deals' ? keysOf(cellsOf(rows, mapping, 'title'), (cell) => searchKey(cell) || null) : [],
  };
}
