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
 * one column at most (the first that names it), so a file with "Email" and "Email - Other" maps the
 * first; the person changes the rest by hand.
 */
export function suggestMapping(headers: readonly string[], collection: ImportableCollection): ColumnMapping {
  const byAlias = new Map<string, string>();
  for (const field of IMPORTABLE_FIELDS[collection]) {
    for (const alias of [field.key, ...field.aliases]) {
      const key = headerKey(alias);
      if (!byAlias.has(key)) byAlias.set(key, field.key);
    }
  }
  const used = new Set<string>();
  return headers.map((header) => {
    const field = byAlias.get(headerKey(header));
    if (!field || used.has(field)) return null;
    used.add(field);
    return field;
  });
}
