import Papa from 'papaparse';
import { COLLECTION_SCHEMAS, type CollectionName } from './collections';
import { minorUnitDigits, type Money } from './money';

/**
 * A record property the export writes. A reference (an id) is written as the record it points at:
 * by name for a person to read, or `by: 'email'`, the key an import finds that contact or user by
 * (domain/csv-import), so that the file can be imported again.
 */
export interface ExportField {
  field: string;
  by?: 'email';
}

/** A column of the export: the record field it shows and its header, already translated. */
export interface ExportColumn extends ExportField {
  header: string;
}

/** Names for the ids a record holds, so the file says "Acme" where the record says a UUID. */
export interface ExportLookups {
  companyName(id: string): string | undefined;
  contactName(id: string): string | undefined;
  contactEmail(id: string): string | undefined;
  /** A user's name, for owner, created-by and updated-by columns. */
  userName(id: string): string | undefined;
  userEmail(id: string): string | undefined;
  pipelineName(id: string): string | undefined;
  /** A stage by its id, in whichever pipeline holds it. */
  stageName(id: string): string | undefined;
}

export interface CsvExportInput {
  collection: CollectionName;
  columns: readonly ExportColumn[];
  records: Iterable<Readonly<Record<string, unknown>>>;
  lookups: ExportLookups;
  /** Header of the currency column that follows each money column, translated ("Currency"). */
  currencyHeader: string;
  /**
   * `;` for spreadsheets in locales whose decimal mark is a comma (Excel in Spain reads a `,` file
   * as one column); amounts are then written with a decimal comma too.
   */
  separator?: ',' | ';';
}

const BOM = '\ufeff';
const FORMULA_START = /^[=+\-@\t\r]/;
const LOOKUP_OF: Readonly<Record<string, keyof ExportLookups>> = {
  companyId: 'companyName',
  contactId: 'contactName',
  ownerId: 'userName',
  createdBy: 'userName',
  updatedBy: 'userName',
  pipelineId: 'pipelineName',
  stageId: 'stageName',
};
const EMAIL_LOOKUP_OF: Readonly<Record<string, keyof ExportLookups>> = {
  contactId: 'contactEmail',
  ownerId: 'userEmail',
  createdBy: 'userEmail',
  updatedBy: 'userEmail',
};

/**
 * Text from a record or a name, safe to open in a spreadsheet: a cell that starts with = + - @ tab
 * or carriage return would run as a formula, so it gets a leading apostrophe (OWASP, "CSV
 * Injection"). Numbers this module writes itself are not text and stay as they are.
 */
export function escapeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A cell as it was before escapeFormula(): the apostrophe before = + - @ tab or carriage return
 * dropped, so an exported phone ("'+57 601…") or name imports as the record held it. Only that
 * prefix is removed; the value is stored as text and escaped again on its next export.
 */
export function unescapeFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

function isMoneyField(collection: CollectionName, field: string): boolean {
  const property = (COLLECTION_SCHEMAS[collection].properties as Record<string, { properties?: object } | undefined>)[
    field
  ];
  const parts = property?.properties as Record<string, unknown> | undefined;
  return Boolean(parts && 'amount' in parts && 'currency' in parts);
}

/** Minor units as a plain decimal: 123450 EUR → "1234.50" (or "1234,50"), no grouping. */
function decimal(value: Money, mark: '.' | ','): string {
  const digits = minorUnitDigits(value.currency);
  const abs = Math.abs(value.amount);
  const whole = Math.floor(abs / 10 ** digits);
  const fraction = digits ? `${mark}${String(abs % 10 ** digits).padStart(digits, '0')}` : '';
  return `${value.amount < 0 ? '-' : ''}${whole}${fraction}`;
}

function textOf(value: unknown, column: ExportField, lookups: ExportLookups): string {
  if (value === null || value === undefined) return '';
  const lookup = (column.by === 'email' ? EMAIL_LOOKUP_OF : LOOKUP_OF)[column.field];
  if (lookup) return value ? escapeFormula(lookups[lookup](String(value)) ?? '') : '';
  if (Array.isArray(value)) return escapeFormula(value.map(String).join(', '));
  if (typeof value === 'object') {
    // An address: its non-empty parts in reading order.
    return escapeFormula(Object.values(value).filter(Boolean).map(String).join(', '));
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Dates and times are stored as ISO text (YYYY-MM-DD, UTC date-times) and written as stored.
  return escapeFormula(String(value));
}

/**
 * A view's columns and records as CSV for a spreadsheet: UTF-8 with a BOM (so Excel reads accents),
 * CRLF line ends, each money column as a decimal followed by its currency column, references as
 * the names (or emails) of what they point at, and every text cell safe from formula injection.
 */
export function recordsToCsv(input: CsvExportInput): string {
  const separator = input.separator ?? ',';
  const mark = separator === ';' ? ',' : '.';
  const moneyColumns = input.columns.filter((c) => isMoneyField(input.collection, c.field));
  const currencyHeader = (column: ExportColumn) =>
    moneyColumns.length > 1 ? `${column.header} (${input.currencyHeader})` : input.currencyHeader;
  const headers = input.columns.flatMap((column) =>
    moneyColumns.includes(column)
      ? [escapeFormula(column.header), escapeFormula(currencyHeader(column))]
      : [escapeFormula(column.header)],
  );
  const rows: string[][] = [];
  for (const record of input.records) {
    rows.push(
      input.columns.flatMap((column) => {
        const value = record[column.field];
        if (!moneyColumns.includes(column)) return [textOf(value, column, input.lookups)];
        const amount = value as Money | null | undefined;
        return amount ? [decimal(amount, mark), amount.currency] : ['', ''];
      }),
    );
  }
  return BOM + Papa.unparse({ fields: headers, data: rows }, { delimiter: separator, newline: '\r\n' });
}
