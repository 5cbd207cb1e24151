import { describe, expect, it } from 'vitest';
import { personName, searchKey } from '@domain/derived-fields';
import { withDerivedFields } from '@domain/record-edits';
import { makeCompany, makeContact, makeDeal, makeLead, sampleRecords } from './fixtures';

describe('searchKey', () => {
  it('lower-cases, strips accents and collapses spaces', () => {
    expect(searchKey('  Núñez   Peña ')).toBe('nunez pena');
    expect(searchKey('ÁLVARO Güemes')).toBe('alvaro guemes');
    expect(searchKey('François Çelik')).toBe('francois celik');
    expect(searchKey('São\tPaulo')).toBe('sao paulo');
  });
});

describe('personName', () => {
  it('joins first and last names, skipping empty parts', () => {
    expect(personName({ firstName: 'Ana', lastName: 'Ruiz' })).toBe('Ana Ruiz');
    expect(personName({ firstName: '', lastName: 'Ruiz' })).toBe('Ruiz');
    expect(personName({ firstName: 'Ana', lastName: '' })).toBe('Ana');
  });
});

describe('withDerivedFields', () => {
  it('keys companies by name', () => {
    expect(withDerivedFields('companies', makeCompany({ name: 'Café Ñandú' })).nameKey).toBe('cafe nandu');
  });

  it('keys people by last name, then first name', () => {
    expect(withDerivedFields('contacts', makeContact({ firstName: 'José', lastName: 'Álvarez' })).nameKey).toBe(
      'alvarez jose',
    );
    expect(withDerivedFields('leads', makeLead({ firstName: 'Jordan', lastName: 'Miller' })).nameKey).toBe(
      'miller jordan',
    );
  });

  it('keys deals by title', () => {
    expect(withDerivedFields('deals', makeDeal({ title: 'Expansión Q3' })).titleKey).toBe('expansion q3');
  });

  it('keeps keys within their schema maxLength', () => {
    expect(withDerivedFields('companies', makeCompany({ name: 'x'.repeat(300) })).nameKey).toHaveLength(200);
    expect(
      withDerivedFields('contacts', makeContact({ firstName: 'a'.repeat(100), lastName: 'b'.repeat(100) })).nameKey,
    ).toHaveLength(201);
    expect(withDerivedFields('deals', makeDeal({ title: 'y'.repeat(300) })).titleKey).toHaveLength(200);
  });

  it('leaves records without derived fields untouched', () => {
    const records = sampleRecords();
    expect(withDerivedFields('activities', records.activities)).toBe(records.activities);
    expect(withDerivedFields('pipelines', records.pipelines)).toBe(records.pipelines);
  });
});
