import { describe, expect, it } from 'vitest';
import { COLLECTION_SCHEMAS } from '@domain/collections';
import { VIEW_FIELDS } from '@domain/record-views/view-fields';
import { VIEW_SECTIONS } from '@domain/schemas/saved-view';

const COLLECTION_OF = {
  contacts: 'contacts',
  leads: 'leads',
  companies: 'companies',
  deals: 'deals',
  pipeline: 'deals',
  activities: 'activities',
} as const;

describe('the view field catalogue', () => {
  it.each(VIEW_SECTIONS)(
    'offers a sort in %s only where an IndexedDB index starts with the sorted field',
    (section) => {
      const indexes = COLLECTION_SCHEMAS[COLLECTION_OF[section]].indexes.map((i) => (typeof i === 'string' ? i : i[0]));
      for (const f of VIEW_FIELDS[section]) if (f.sortPath) expect(indexes).toContain(f.sortPath);
    },
  );

  it.each(VIEW_SECTIONS)('names in %s only properties the records have', (section) => {
    const properties = COLLECTION_SCHEMAS[COLLECTION_OF[section]].properties;
    for (const f of VIEW_FIELDS[section]) {
      const top = (f.path ?? f.id).split('.')[0]!;
      expect(Object.keys(properties)).toContain(top);
    }
  });

  it('lists each enum’s values, as the schema allows them', () => {
    const status = VIEW_FIELDS.leads.find((f) => f.id === 'status')!;
    expect(status.values).toEqual(COLLECTION_SCHEMAS.leads.properties.status?.enum);
  });
});
