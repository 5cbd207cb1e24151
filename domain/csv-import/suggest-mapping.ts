import { searchKey } from '../derived-fields';
import { IMPORTABLE_FIELDS, type ImportableCollection } from './importable-fields';

/** For each column of the file (by position), the field it fills, or null to leave it out. */
export type ColumnMapping = (string | null)[];

/** "E-mail Address:" → "e mail address": headers compared without case, accents or punctuation. */
export function headerKey(header: string): string {
  return searchKey(header)
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/**
 * The field each header most likely means, by exact alias after headerKey(). Each field is used by
 * one column at most: the one named by the field's earlier alias, the first such column on a tie.
 * So a file with "Email" and "Email - Other" maps "Email", and our own export's "Owner" (a name)
 * and "Owner email" maps the email, which the import finds the user by; the person changes the
 * rest by hand.
 */
export function suggestMapping(headers: readonly string[], collection: ImportableCollection): ColumnMapping {
  const byAlias = new Map<string, { field: string; rank: number }>();
  for (const field of IMPORTABLE_FIELDS[collection]) {
    [...field.aliases, field.key].forEach((alias, rank) => {
      const key = headerKey(alias);
      if (!byAlias.has(key)) byAlias.set(key, { field: field.key, rank });
    });
  }
  const named = headers.map((header) => byAlias.get(headerKey(header)));
  const best = new Map<string, number>();
  named.forEach((match, column) => {
    if (!match) return;
    const current = best.get(match.field);
    if (current === undefined || match.rank < named[current]!.rank) best.set(match.field, column);
  });
  return named.map((match, column) => (match && best.get(match.field) === column ? match.field : null));
}
