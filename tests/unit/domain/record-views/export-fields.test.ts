import { describe, expect, it } from 'vitest';
import { exportFieldsOf } from '../../../../domain/record-views/export-fields';
import { VIEW_FIELDS } from '../../../../domain/record-views/view-fields';
import { COLLECTION_SCHEMAS } from '../../../../domain/collections';

describe('the fields a table column exports', () => {
  it('exports a person as first and last name, and a company or deal by its own name', () => {
    expect(exportFieldsOf('contacts', 'name')).toEqual(['firstName', 'lastName']);
    expect(exportFieldsOf('leads', 'name')).toEqual(['firstName', 'lastName']);
    expect(exportFieldsOf('companies', 'name')).toEqual(['name']);
    expect(exportFieldsOf('deals', 'title')).toEqual(['title']);
  });

  it('exports money as the whole amount with its currency, and links as the record they name', () => {
    expect(exportFieldsOf('deals', 'value')).toEqual(['value']);
    expect(exportFieldsOf('contacts', 'company')).toEqual(['companyId']);
    expect(exportFieldsOf('contacts', 'owner')).toEqual(['ownerId']);
  });

  it('exports nothing for a filter that is not a column ("has no company")', () => {
    expect(exportFieldsOf('contacts', 'noCompany')).toEqual([]);
    expect(exportFieldsOf('contacts', 'unknown')).toEqual([]);
  });

  it('names only properties the record has, for every column of every list', () => {
    const sections = ['leads', 'contacts', 'companies', 'deals', 'activities'] as const;
    for (const section of sections) {
      const properties = COLLECTION_SCHEMAS[section].properties as Record<string, unknown>;
      for (const field of VIEW_FIELDS[section].filter((f) => f.column)) {
        for (const exported of exportFieldsOf(section, field.id))
          expect(properties, `${section}.${field.id}`).toHaveProperty(exported);
      }
    }
  });
});
