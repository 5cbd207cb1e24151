import { describe, expect, it } from 'vitest';
import { exportFieldsOf } from '../../../../domain/record-views/export-fields';
import { VIEW_FIELDS } from '../../../../domain/record-views/view-fields';
import { COLLECTION_SCHEMAS } from '../../../../domain/collections';

const names = (section: Parameters<typeof exportFieldsOf>[0], field: string) =>
  exportFieldsOf(section, field).map((f) => (f.by ? `${f.field} by ${f.by}` : f.field));

describe('the fields a table column exports', () => {
  it('exports a person as first and last name, and a company or deal by its own name', () => {
    expect(names('contacts', 'name')).toEqual(['firstName', 'lastName']);
    expect(names('leads', 'name')).toEqual(['firstName', 'lastName']);
    expect(names('companies', 'name')).toEqual(['name']);
    expect(names('deals', 'title')).toEqual(['title']);
  });

  it('exports money as the whole amount with its currency, and links as the record they name', () => {
    expect(names('deals', 'value')).toEqual(['value']);
    expect(names('contacts', 'company')).toEqual(['companyId']);
  });

  it('exports a user or contact also by email, a stage with its pipeline and a status with its lost reason, which an import needs', () => {
    expect(names('contacts', 'owner')).toEqual(['ownerId', 'ownerId by email']);
    expect(names('deals', 'contact')).toEqual(['contactId', 'contactId by email']);
    expect(names('deals', 'stage')).toEqual(['pipelineId', 'stageId']);
    expect(names('deals', 'status')).toEqual(['status', 'lostReason']);
    expect(names('leads', 'status')).toEqual(['status']);
  });

  it('exports nothing for a filter that is not a column ("has no company")', () => {
    expect(names('contacts', 'noCompany')).toEqual([]);
    expect(names('contacts', 'unknown')).toEqual([]);
  });

  it('names only properties the record has, for every column of every list', () => {
    const sections = ['leads', 'contacts', 'companies', 'deals', 'activities'] as const;
    for (const section of sections) {
      const properties = COLLECTION_SCHEMAS[section].properties as Record<string, unknown>;
      for (const field of VIEW_FIELDS[section].filter((f) => f.column)) {
        for (const exported of exportFieldsOf(section, field.id))
          expect(properties, `${section}.${field.id}`).toHaveProperty(exported.field);
      }
    }
  });
});
