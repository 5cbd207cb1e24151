import { describe, expect, it } from 'vitest';
import {
  highlightRanges,
  levelOf,
  MATCH,
  matchScore,
  matchWord,
  paletteTextOf,
  parsePaletteQuery,
  wordsOf,
} from '@domain/palette-search';
import { makeActivity, makeCompany, makeContact, makeDeal, makeLead } from './fixtures';

const level = (part: string, word: string) => levelOf(matchWord(part, word));
const score = (part: string, word: string) => matchScore(matchWord(part, word), word.length);

describe('how a query word matches a word of a record', () => {
  it('matches the whole word, or its start while it is being typed', () => {
    expect(level('rivera', 'rivera')).toBe(MATCH.EXACT);
    expect(level('riv', 'rivera')).toBe(MATCH.PREFIX);
    expect(level('vera', 'rivera')).toBe(MATCH.NONE);
  });

  it('forgives one typo in a word of four letters or more: replaced, added, left out or swapped', () => {
    expect(level('rivira', 'rivera')).toBe(MATCH.TYPO); // replaced
    expect(level('riverra', 'rivera')).toBe(MATCH.TYPO); // added
    expect(level('rvera', 'rivera')).toBe(MATCH.TYPO); // left out
    expect(level('rivrea', 'rivera')).toBe(MATCH.TYPO); // swapped
    expect(level('xivera', 'rivera')).toBe(MATCH.TYPO); // the first letter replaced
    expect(level('irvera', 'rivera')).toBe(MATCH.TYPO); // the first two swapped
  });

  it('forgives a typo in the part typed so far of a longer word', () => {
    expect(level('rivr', 'rivera')).toBe(MATCH.TYPO);
    expect(level('fernn', 'fernandez')).toBe(MATCH.TYPO);
  });

  it('forgives no typo in a word shorter than four letters, and never two', () => {
    expect(level('rvi', 'rivera')).toBe(MATCH.NONE);
    expect(level('ana', 'ada')).toBe(MATCH.NONE);
    expect(level('rvrea', 'rivera')).toBe(MATCH.NONE);
    expect(level('rivxxa', 'rivera')).toBe(MATCH.NONE);
  });

  it('ranks an exact word above any prefix, and any prefix above any typo', () => {
    expect(score('ana', 'ana')).toBeGreaterThan(score('ana', 'anabel'));
    expect(score('ana', 'anabel')).toBeGreaterThan(score('anab', 'anabelle'));
    expect(score('a', 'anastasiabelinda')).toBeGreaterThan(score('rivrea', 'rivera'));
    expect(score('riv', 'rivera')).toBeGreaterThan(score('rivr', 'rivera'));
  });

  it('ranks the word with fewer letters left to type first among prefixes', () => {
    expect(score('ana', 'anabel')).toBeGreaterThan(score('ana', 'anastasia'));
  });
});

describe('parsePaletteQuery', () => {
  it('ignores accents and case, as the record side does', () => {
    const query = parsePaletteQuery('JOSÉ Núñez');
    expect(query.terms.map((t) => t.words[0]!.text)).toEqual(['jose', 'nunez']);
  });

  it('reads a run of number-like words as phone digits', () => {
    const [term] = parsePaletteQuery('+1 (555) 014-2').terms;
    expect(term!.digits).toBe('15550142');
    expect(parsePaletteQuery('55').terms[0]!.digits).toBeNull();
  });

  it('keeps an email or domain fragment as one word whose parts must all match', () => {
    const [term] = parsePaletteQuery('ana.ruiz@contoso').terms;
    expect(term!.words[0]).toEqual({ text: 'ana.ruiz@contoso', parts: ['ana', 'ruiz', 'contoso'] });
  });

  it('has nothing to look for in a blank query or one of punctuation only', () => {
    expect(parsePaletteQuery('  ').terms).toEqual([]);
    expect(parsePaletteQuery(' - , ').terms).toEqual([]);
  });
});

describe('what the palette finds a record by', () => {
  it('finds a person by names, email parts and email domain, without the generic domain labels', () => {
    const text = paletteTextOf(
      'contacts',
      makeContact({ firstName: 'María José', lastName: 'Núñez', email: 'mj.nunez@contoso-trading.com.mx' }),
    );
    expect(text.label).toBe('María José Núñez');
    expect(text.detail).toBe('mj.nunez@contoso-trading.com.mx');
    expect(wordsOf(text.words).sort()).toEqual(['contoso', 'jose', 'maria', 'mj', 'nunez', 'trading']);
  });

  it('finds a company by its name and the name in its domain, without "www" or the country code', () => {
    const text = paletteTextOf('companies', makeCompany({ name: 'Contoso Ltd.', domain: 'www.contoso.co.uk' }));
    expect(wordsOf(text.words).sort()).toEqual(['contoso', 'ltd']);
  });

  it('keeps the digits of every phone of a record, apart', () => {
    const text = paletteTextOf('contacts', makeContact({ phone: '+1 (555) 014-2', mobile: '555 0199' }));
    expect(text.phones).toBe('15550142 5550199');
  });

  it("finds a lead by its company's name, a deal by its title and an activity by its subject", () => {
    expect(wordsOf(paletteTextOf('leads', makeLead({ companyName: 'Summit Foods' })).words)).toContain('summit');
    expect(wordsOf(paletteTextOf('deals', makeDeal({ title: 'Solar Energy pilot' })).words)).toContain('energy');
    const call = paletteTextOf('activities', makeActivity({ subject: 'Llamada de seguimiento' }));
    expect(call.label).toBe('Llamada de seguimiento');
    expect(wordsOf(call.words)).toEqual(['llamada', 'de', 'seguimiento']);
  });
});

describe('highlightRanges', () => {
  const ranges = (shown: string, query: string) => highlightRanges(shown, parsePaletteQuery(query));

  it('marks the typed start of each matching word, on the text as shown with its accents', () => {
    expect(ranges('María José Núñez', 'nun')).toEqual([[11, 14]]);
    expect(ranges('María José Núñez', 'jose maria')).toEqual([
      [0, 5],
      [6, 10],
    ]);
  });

  it('marks the matched part of a word found with a typo', () => {
    expect(ranges('Ximena Rivera', 'rivrea')).toEqual([[7, 13]]);
    expect(ranges('Ximena Rivera', 'rivr')).toEqual([[7, 11]]);
  });

  it('marks an email fragment where it begins', () => {
    expect(ranges('ana.ruiz@contoso.com', 'ruiz@cont')).toEqual([[4, 13]]);
  });

  it('marks nothing where nothing matched', () => {
    expect(ranges('Northwind Traders', 'zeta')).toEqual([]);
  });
});
