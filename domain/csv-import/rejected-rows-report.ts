import { toCsv, type CsvTable } from './parse-csv';

/** A row refused by an import: its line in the file and why, field by field. */
export interface RejectedRow {
  /** The file's line number as a spreadsheet shows it (the header is line 1). */
  line: number;
  cells: readonly string[];
  errors: readonly { field: string; reason: string }[];
}

/**
 * The refused rows as CSV: the file's own columns, then "Line" and "Errors", so the person fixes
 * them in a spreadsheet and imports this file again (the two added columns map to nothing).
 * `lineHeader` and `errorsHeader` come translated from the UI. A UTF-8 BOM leads, as in an export:
 * without it Excel reads the file in the system's legacy code page and garbles every accent.
 */
export function rejectedRowsCsv(
  table: Pick<CsvTable, 'headers'>,
  rejected: readonly RejectedRow[],
  lineHeader: string,
  errorsHeader: string,
): string {
  return `\ufeff${toCsv(
    [...table.headers, lineHeader, errorsHeader],
    rejected.map((r) => [
      ...table.headers.map((_, i) => r.cells[i] ?? ''),
      String(r.line),
      r.errors.map((e) => `${e.field}: ${e.reason}`).join('; '),
    ]),
  )}`;
}
