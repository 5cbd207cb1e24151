import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, COLLECTION_SCHEMAS } from '@domain/collections';
import { MIGRATIONS, migrateRecord } from '@domain/migrations';

describe('schema migrations', () => {
  it('has a migration to every version of every collection', () => {
    for (const name of COLLECTION_NAMES) {
      for (let v = 1; v <= COLLECTION_SCHEMAS[name].version; v++)
        expect(MIGRATIONS[name][v], `${name} v${v}`).toBeTypeOf('function');
    }
  });

  it('gives leads of version 0 a qualification time when they were qualified or converted', () => {
    const base = { id: 'x', updatedAt: '2026-05-01T10:00:00.000Z', convertedAt: null };
    expect(migrateRecord('leads', { ...base, status: 'NEW' }, 0, 1)).toMatchObject({ qualifiedAt: null });
    expect(migrateRecord('leads', { ...base, status: 'QUALIFIED' }, 0, 1)).toMatchObject({
      qualifiedAt: '2026-05-01T10:00:00.000Z',
    });
    expect(
      migrateRecord('leads', { ...base, status: 'CONVERTED', convertedAt: '2026-04-01T09:00:00.000Z' }, 0, 1),
    ).toMatchObject({ qualifiedAt: '2026-04-01T09:00:00.000Z' });
  });

  it('gives leads written before version 2 an empty "what they want", keeping everything else', () => {
    const v1 = {
      id: 'x',
      status: 'QUALIFIED',
      companyName: 'Summit Foods',
      title: 'Operations Manager',
      qualifiedAt: '2026-05-01T10:00:00.000Z',
    };
    expect(migrateRecord('leads', v1, 1, 2)).toEqual({ ...v1, interest: '' });
    expect(
      migrateRecord('leads', { ...v1, qualifiedAt: undefined, updatedAt: '2026-05-02T08:00:00.000Z' }, 0, 2),
    ).toMatchObject({ interest: '', qualifiedAt: '2026-05-02T08:00:00.000Z' });
  });

  it('leaves a lead that already says what they want as it is', () => {
    const v2 = { id: 'x', interest: 'Pilot for two warehouses' };
    expect(migrateRecord('leads', v2, 1, 2)).toEqual(v2);
  });

  it('refuses to migrate across a version that has no migration', () => {
    expect(() => migrateRecord('settings', { id: 'x' }, 0, 2)).toThrow('no migration of settings to version 2');
  });
});
