import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchKey } from '@domain/derived-fields';
import {
  companySearchName,
  holdsInitials,
  isSearching,
  matchesSearch,
  narrows,
  parseSearchQuery,
  phoneDigits,
  queryInitials,
  searchTextOf,
  wordInitials,
  wordPairs,
} from '@domain/search-text';
import { makeCompany, makeContact, makeDeal, makeLead } from './fixtures';

const nancy = makeContact({
  firstName: 'Nancy',
  lastName: 'Davolio',
  email: 'nancy@northwind.example',
  phone: '+1 (555) 014-2',
  mobile: '',
  companyId: makeCompany().id,
});
const traders = makeCompany({ name: 'Northwind Traders', domain: 'northwind.example', phone: '+1 (206) 555-0100' });
const pilot = makeDeal({ title: 'Solar Energy pilot' });

/** Does `query` find `record`, with `company` as its linked company? */
function finds(query: string, record: Parameters<typeof matchesSearch>[1], company?: { name: string }): boolean {
  return matchesSearch(parseSearchQuery(query), record, company ? companySearchName(company) : '');
}

const contactText = searchTextOf('contacts', nancy);

describe('what a list search finds', () => {
  it('finds a person by the start of any word of the name', () => {
    expect(finds('nan', contactText)).toBe(true);
    expect(finds('Nancy', contactText)).toBe(true);
    expect(finds('davo', contactText)).toBe(true);
  });

  it('finds a deal by the start of any word of its title', () => {
    const text = searchTextOf('deals', pilot);
    expect(finds('ener', text)).toBe(true);
    expect(finds('Energy', text)).toBe(true);
    expect(finds('Pilot', text)).toBe(true);
    expect(finds('solar', text)).toBe(true);
  });

  it('finds a company by any word of its name, and by its domain', () => {
    const text = searchTextOf('companies', traders);
    expect(finds('Traders', text)).toBe(true);
    expect(finds('north', text)).toBe(true);
    expect(finds('northwind.example', text)).toBe(true);
  });

  it('finds a full name typed in either order, with or without a comma', () => {
    expect(finds('nancy davolio', contactText)).toBe(true);
    expect(finds('davolio nancy', contactText)).toBe(true);
    expect(finds('Davolio, Nancy', contactText)).toBe(true);
  });

  it('finds a person by any part of the email', () => {
    expect(finds('nancy@', contactText)).toBe(true);
    expect(finds('northwind.example', contactText)).toBe(true);
    expect(finds('nancy@northwind.example', contactText)).toBe(true);
    expect(finds('example', contactText)).toBe(true);
  });

  it('finds a phone by its digits, however they are grouped or punctuated', () => {
    expect(finds('555 0142', contactText)).toBe(true);
    expect(finds('5550142', contactText)).toBe(true);
    expect(finds('(555) 014-2', contactText)).toBe(true);
    expect(finds('+1 555 0142', contactText)).toBe(true);
    expect(finds('0142', contactText)).toBe(true);
  });

  it("finds a contact or a deal by its linked company's name", () => {
    expect(finds('traders', contactText, traders)).toBe(true);
    expect(finds('nancy traders', contactText, traders)).toBe(true);
    expect(finds('Northwind Traders', searchTextOf('deals', pilot), traders)).toBe(true);
  });

  it('finds a lead by the company name the lead gave', () => {
    const text = searchTextOf('leads', makeLead({ companyName: 'Summit Foods' }));
    expect(finds('foods', text)).toBe(true);
    expect(finds('jordan summit', text)).toBe(true);
  });

  it('ignores accents and case on both sides', () => {
    const text = searchTextOf('contacts', makeContact({ firstName: 'María José', lastName: 'Núñez' }));
    expect(finds('nunez', text)).toBe(true);
    expect(finds('NÚÑEZ', text)).toBe(true);
    expect(finds('maria jose', text)).toBe(true);
    expect(finds('MARÍA', text)).toBe(true);
  });

  it('requires every word of the query to match (AND), each in any field', () => {
    expect(finds('nancy northwind', contactText)).toBe(true);
    expect(finds('nancy 0142', contactText)).toBe(true);
    expect(finds('nancy fuller', contactText)).toBe(false);
    expect(finds('nancy 9999', contactText)).toBe(false);
    expect(finds('nancy traders', contactText)).toBe(false);
  });

  it('finds nothing for text the record does not contain', () => {
    expect(finds('andrew', contactText)).toBe(false);
    expect(finds('ancy', contactText)).toBe(false);
    expect(finds('5559999', contactText)).toBe(false);
    expect(finds('pilot', searchTextOf('deals', makeDeal({ title: 'Annual subscription' })))).toBe(false);
  });

  it('looks only at names, email, phone and company, not at notes or job titles', () => {
    const text = searchTextOf('contacts', makeContact({ title: 'Directora de Compras', notes: 'Prefers WhatsApp.' }));
    expect(finds('directora', text)).toBe(false);
    expect(finds('whatsapp', text)).toBe(false);
  });

  it('does not join two phone numbers into one', () => {
    const text = searchTextOf('contacts', makeContact({ phone: '555 0100', mobile: '777 0200' }));
    expect(finds('0100777', text)).toBe(false);
    expect(finds('7770200', text)).toBe(true);
  });

  it('reads a number as words too, for numbers in names and titles', () => {
    const text = searchTextOf('deals', makeDeal({ title: 'Renewal 2026' }));
    expect(finds('renewal 2026', text)).toBe(true);
    expect(finds('2027', text)).toBe(false);
  });
});

describe('parseSearchQuery', () => {
  it('has nothing to look for in a blank query or one of punctuation only', () => {
    expect(isSearching(parseSearchQuery(''))).toBe(false);
    expect(isSearching(parseSearchQuery('   '))).toBe(false);
    expect(isSearching(parseSearchQuery(' & - , '))).toBe(false);
    expect(isSearching(parseSearchQuery('a'))).toBe(true);
  });
});

describe('narrows', () => {
  it('says a query typed on from another finds only records the other found', () => {
    const text = (max: number) =>
      fc.string({ unit: fc.constantFrom(...'anbñeé N5501(2)-+.@,; '.split('')), maxLength: max });
    fc.assert(
      fc.property(text(30), text(12), text(8), text(8), text(6), (words, phones, company, typed, more) => {
        const previous = parseSearchQuery(typed);
        const next = parseSearchQuery(typed + more);
        if (!narrows(previous, next)) return;
        const record = { words: searchKey(words), phones: phoneDigits(phones) };
        if (matchesSearch(next, record, searchKey(company))) {
          expect(matchesSearch(previous, record, searchKey(company))).toBe(true);
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it("decides a query of single letters from the initials of a record's words, and never rules out a match by them or by its words' first pairs", () => {
    const text = (max: number) =>
      fc.string({ unit: fc.constantFrom(...Array.from('anbñeéz N5501(2)-+.@,;𝐀')), maxLength: max });
    fc.assert(
      fc.property(text(30), text(12), text(8), text(6), (words, phones, company, typed) => {
        const query = parseSearchQuery(typed);
        const record = { words: searchKey(words), phones: phoneDigits(phones) };
        const companyName = searchKey(company);
        const needs = queryInitials(query);
        const initials = wordInitials(record.words) | wordInitials(companyName);
        const held = holdsInitials(initials, wordPairs(record.words) | wordPairs(companyName), needs);
        const matches = matchesSearch(query, record, companyName);
        if (matches) expect(held).toBe(true);
        if (needs.exact) expect(matches).toBe(held);
      }),
      { numRuns: 20_000 },
    );
    expect(queryInitials(parseSearchQuery('a n')).exact).toBe(true);
    expect(queryInitials(parseSearchQuery('an')).exact).toBe(false);
  });

  it('does not narrow a query that changed rather than grew, or one with nothing to look for', () => {
    expect(narrows(parseSearchQuery('nan'), parseSearchQuery('nancy'))).toBe(true);
    expect(narrows(parseSearchQuery('nancy'), parseSearchQuery('nancy davolio'))).toBe(true);
    expect(narrows(parseSearchQuery('nancy'), parseSearchQuery('nan'))).toBe(false);
    expect(narrows(parseSearchQuery('nancy'), parseSearchQuery('andrew'))).toBe(false);
    expect(narrows(parseSearchQuery(''), parseSearchQuery('nancy'))).toBe(false);
  });

  it('does not narrow when typing on splits a run of numbers: "5 1" finds less than "5 1@" can', () => {
    const record = { words: searchKey('1'), phones: phoneDigits('5') };
    expect(matchesSearch(parseSearchQuery('5;1'), record)).toBe(false);
    expect(matchesSearch(parseSearchQuery('5;1@'), record)).toBe(true);
    expect(narrows(parseSearchQuery('5;1'), parseSearchQuery('5;1@'))).toBe(false);
    expect(narrows(parseSearchQuery('555 01'), parseSearchQuery('555 0142'))).toBe(true);
  });
});

describe('phoneDigits', () => {
  it('keeps the digits of a number as people write it', () => {
    expect(phoneDigits('+1 (555) 014-2')).toBe('15550142');
    expect(phoneDigits('+52 55 1234 5678')).toBe('525512345678');
  });
});
