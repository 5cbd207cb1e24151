import Papa from 'papaparse';

/** A file's header row and its data rows, as text. */
export interface CsvTable {
  headers: string[];
  /** Data rows; `rows[i]` is line `i + 2` of the file as a spreadsheet numbers it (header is 1). */
  rows: string[][];
}

/**
 * Reads CSV text as exported by spreadsheets and other CRMs: the separator detected (`,`, `;` from
 * European Excel, tab), quoted cells with separators and newlines kept whole, blank lines skipped.
 * papaparse drops a leading UTF-8 BOM itself (Excel's "CSV UTF-8" writes one).
 */
export function parseCsv(text: string): CsvTable {
  const result = Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const [headers = [], ...rows] = result.data;
  return { headers: headers.map((h) => h.trim()), rows };
}

/** Rows as CSV text, for a report to download: quoted where needed, CRLF line ends as RFC 4180 says. */
export function toCsv(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return Papa.unparse({ fields: [...headers], data: rows.map((r) => [...r]) }, { newline: '\r\n' });
}
