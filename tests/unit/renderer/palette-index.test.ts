import { describe, expect, it } from 'vitest';
import type { PaletteCollection } from '../../../domain/palette-search';
import { PaletteIndex, type PaletteDoc, type PaletteResults } from '../../../renderer/search/palette-index';
import { makeActivity, makeCompany, makeContact, makeDeal, makeLead, testId } from '../domain/fixtures';

/** The palette's in-memory index on its own: what one query finds across record types, and in what order. */

const doc = (record: object) => record as unknown as PaletteDoc;

function person(n: number, firstName: string, lastName: string, extra: Record<string, unknown> = {}) {
  return makeContact({ id: testId(0x10000 + n), firstName, lastName, email: '', phone: '', mobile: '', ...extra });
}

function indexOf(records: [PaletteCollection, object][]) {
  const index = new PaletteIndex();
  for (const [collection, record] of records) index.put(collection, doc(record));
  return index;
}

/** The labels found, by collection. */
function labels(results: PaletteResults): Record<string, string[]> {
  return Object.fromEntries(results.groups.map((g) => [g.collection, g.hits.map((h) => h.label)]));
}

const nunez = person(1, 'María José', 'Núñez', { email: 'mj.nunez@contoso.com', phone: '+52 55 1234 5678' });
const contoso = makeCompany({ id: testId(0xc1), name: 'Contoso Pharmaceuticals', domain: 'www.contoso.com' });

describe('the palette index', () => {
  it('finds every type of record with one query, grouped by type in the palette order', () => {
    const index = indexOf([
      ['companies', makeCompany({ id: testId(0xc2), name: 'Solar Works', domain: 'solarworks.example' })],
      ['contacts', person(2, 'Sol', 'Rivera')],
      ['leads', makeLead({ id: testId(0x1e1), firstName: 'Solange', lastName: 'Ortiz', companyName: '' })],
      ['deals', makeDeal({ id: testId(0xd1), title: 'Solar Energy pilot' })],
      ['activities', makeActivity({ id: testId(0xa1), subject: 'Solar proposal review' })],
    ]);
    const results = index.search('sol');
    expect(results.groups.map((g) => g.collection)).toEqual(['contacts', 'companies', 'leads', 'deals', 'activities']);
    expect(labels(results)).toEqual({
      contacts: ['Sol Rivera'],
      companies: ['Solar Works'],
      leads: ['Solange Ortiz'],
      deals: ['Solar Energy pilot'],
      activities: ['Solar proposal review'],
    });
  });

  it('finds a name typed without its accents, in any case', () => {
    const index = indexOf([['contacts', nunez]]);
    expect(labels(index.search('nunez'))).toEqual({ contacts: ['María José Núñez'] });
    expect(labels(index.search('JOSE'))).toEqual({ contacts: ['María José Núñez'] });
    expect(index.search('nunez').groups[0]!.hits[0]!.labelRanges).toEqual([[11, 16]]);
  });

  it('finds a name with one typo in a word of four letters or more, but not with two', () => {
    const index = indexOf([['contacts', person(3, 'Ximena', 'Rivera')]]);
    expect(labels(index.search('ximena rivrea'))).toEqual({ contacts: ['Ximena Rivera'] });
    expect(labels(index.search('ximana'))).toEqual({ contacts: ['Ximena Rivera'] });
    expect(labels(index.search('rvrea'))).toEqual({});
  });

  it('finds a person by an email fragment and a company by a word of its domain', () => {
    const index = indexOf([
      ['contacts', nunez],
      ['companies', contoso],
    ]);
    expect(labels(index.search('mj.nunez@'))).toEqual({ contacts: ['María José Núñez'] });
    expect(labels(index.search('contoso'))).toEqual({
      contacts: ['María José Núñez'],
      companies: ['Contoso Pharmaceuticals'],
    });
    expect(labels(index.search('contoso.com'))).toEqual({
      contacts: ['María José Núñez'],
      companies: ['Contoso Pharmaceuticals'],
    });
    const hit = index.search('mj.nunez@con').groups[0]!.hits[0]!;
    expect(hit.detail).toBe('mj.nunez@contoso.com');
    expect(hit.detailRanges).toEqual([[0, 12]]);
  });

  it('finds a record by any three or more digits of a phone, however they are typed', () => {
    const index = indexOf([['contacts', nunez]]);
    for (const typed of ['1234', '234 56', '(55) 1234-5678', '+52 55 1234 5678', '678']) {
      expect(labels(index.search(typed))).toEqual({ contacts: ['María José Núñez'] });
    }
    expect(labels(index.search('4321'))).toEqual({});
  });

  it('ranks exact and prefix matches above typo matches', () => {
    const index = indexOf([
      ['contacts', person(4, 'Carla', 'Rivero')],
      ['contacts', person(5, 'Ana', 'Rivera')],
      ['contacts', person(6, 'Luis', 'Riveraz')],
    ]);
    const hits = index.search('rivera').groups[0]!.hits;
    expect(hits.map((h) => h.label)).toEqual(['Ana Rivera', 'Luis Riveraz', 'Carla Rivero']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(hits[1]!.score).toBeGreaterThan(hits[2]!.score);
  });

  it('returns at most the limit per group, best first, and says when there are more', () => {
    const index = indexOf(
      Array.from(
        { length: 30 },
        (_, i) => ['contacts', person(100 + i, 'Anabella', `Surname${i}`)] as [PaletteCollection, object],
      ),
    );
    index.put('contacts', doc(person(200, 'Ana', 'Zeta')));
    index.put('contacts', doc(person(201, 'Anabel', 'Zeta')));
    const group = index.search('ana', { limit: 3 }).groups[0]!;
    expect(group.hits.map((h) => h.label)).toEqual(['Ana Zeta', 'Anabel Zeta', expect.stringMatching(/^Anabella /)]);
    expect(group.more).toBe(true);
    expect(index.search('anabel zeta', { limit: 3 }).groups[0]!.more).toBe(false);
  });

  it('requires every word of the query to match, each in any field', () => {
    const index = indexOf([['contacts', nunez]]);
    expect(labels(index.search('maria contoso 5678'))).toEqual({ contacts: ['María José Núñez'] });
    expect(labels(index.search('maria fuller'))).toEqual({});
  });

  it('finds a record by its new text once changed, and no longer by the old', () => {
    const index = indexOf([['contacts', nunez]]);
    index.put('contacts', doc({ ...nunez, lastName: 'Quispe', email: '', phone: '' }));
    expect(labels(index.search('quispe'))).toEqual({ contacts: ['María José Quispe'] });
    expect(labels(index.search('nunez'))).toEqual({});
    expect(labels(index.search('5678'))).toEqual({});
  });

  it('leaves out records in the bin and records removed from the device', () => {
    const index = indexOf([
      ['contacts', nunez],
      ['companies', contoso],
    ]);
    index.put('contacts', doc({ ...nunez, deletedAt: '2026-03-02T16:00:00.000Z' }));
    index.remove('companies', contoso.id);
    expect(labels(index.search('contoso'))).toEqual({});
    index.put('contacts', doc({ ...nunez, deletedAt: null }));
    expect(labels(index.search('contoso'))).toEqual({ contacts: ['María José Núñez'] });
  });

  it('stays correct after many records change words again and again', () => {
    const index = new PaletteIndex();
    const surnames = ['Quispe', 'Fuller', 'Davolio', 'Peacock', 'Leverling', 'Callahan', 'Dodsworth'];
    const people = Array.from({ length: 200 }, (_, i) => person(i, 'Ana', surnames[i % 7]!));
    for (let round = 0; round < 5; round++) {
      for (const [i, p] of people.entries()) {
        const lastName = round % 2 ? 'Mora' : surnames[i % 7]!;
        index.put('contacts', doc({ ...p, lastName, phone: `555 01${round}${i % 10}` }));
      }
    }
    // Round 4 (even): every name is as at first again, and each phone ends in 4<i % 10>.
    expect(index.search('mora', { limit: 500 }).groups).toEqual([]);
    expect(index.search('davolio', { limit: 500 }).groups[0]!.hits).toHaveLength(
      people.filter((_, i) => i % 7 === 2).length,
    );
    expect(index.search('555 0147', { limit: 500 }).groups[0]!.hits).toHaveLength(20);
    expect(index.search('555 0137', { limit: 500 }).groups).toEqual([]);
  });
});
