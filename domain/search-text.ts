import type { CollectionDocs } from './collections';
import { searchKey } from './derived-fields';

/** The collections with a list that a person searches by typing. */
export type SearchableCollection = 'companies' | 'contacts' | 'leads' | 'deals';

/**
 * What of a record a search looks at, normalized once when the record is indexed so that a query
 * only compares strings. Kept to three strings: an index holds one of these per record, and a
 * device can hold 100k records of a collection.
 */
export interface SearchText {
  /** The record's names, its company name or domain and its email, normalized and space-separated. */
  words: string;
  /** The digits of each phone number, space-separated (so a match never spans two numbers). */
  phones: string;
  /** The linked company, whose name matches as if it were the record's own, or ''. */
  companyId: string;
}

/** Digits only: "+1 (555) 014-2" and "555 0142" are both the number 15550142 / 5550142. */
export function phoneDigits(text: string): string {
  return text.replace(/\D+/g, '');
}

const joinWords = (...parts: string[]) => searchKey(parts.filter(Boolean).join(' '));
const joinPhones = (...phones: string[]) => phones.map(phoneDigits).filter(Boolean).join(' ');

/**
 * The searchable text of a record — its name or title, email, phone and company — and nothing else:
 * notes, tags and addresses would make nearly every query match something.
 */
export function searchTextOf<C extends SearchableCollection>(collection: C, doc: CollectionDocs[C]): SearchText {
  switch (collection) {
    case 'companies': {
      const c = doc as CollectionDocs['companies'];
      return { words: joinWords(c.name, c.domain), phones: joinPhones(c.phone), companyId: '' };
    }
    case 'contacts': {
      const c = doc as CollectionDocs['contacts'];
      return {
        words: joinWords(c.firstName, c.lastName, c.email),
        phones: joinPhones(c.phone, c.mobile),
        companyId: c.companyId,
      };
    }
    case 'leads': {
      const l = doc as CollectionDocs['leads'];
      return {
        words: joinWords(l.firstName, l.lastName, l.companyName, l.email),
        phones: joinPhones(l.phone),
        companyId: '',
      };
    }
    case 'deals': {
      const d = doc as CollectionDocs['deals'];
      return { words: joinWords(d.title), phones: '', companyId: d.companyId };
    }
    default:
      throw new RangeError(`${String(collection)} is not searchable`);
  }
}

/** The text a company lends to the records linked to it: its name only. */
export function companySearchName(company: Pick<CollectionDocs['companies'], 'name'>): string {
  return searchKey(company.name);
}

/** One word of a query, as typed and without the punctuation around it ("davolio," → "davolio"). */
interface QueryWord {
  typed: string;
  bare: string;
}

/**
 * A query part: a word, or a run of number-like words ("+1 (555) 014-2", "555 0142") that matches
 * a phone by its digits, or else word by word like any other words.
 */
type QueryTerm = { kind: 'word'; word: QueryWord } | { kind: 'number'; words: QueryWord[]; digits: string };

export interface SearchQuery {
  /** What was typed, normalized: a query typed on from it finds a subset of what it found. */
  text: string;
  /** Every term must match (AND), each in any field of the record. */
  terms: readonly QueryTerm[];
}

const NUMBER_LIKE = /^[+(]*\d[\d()+\-./]*$/;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** Parse what a person typed; a query with no letters or digits has no terms and matches nothing. */
export function parseSearchQuery(input: string): SearchQuery {
  const terms: QueryTerm[] = [];
  let run: QueryWord[] = [];
  const endRun = () => {
    if (run.length) terms.push({ kind: 'number', words: run, digits: run.map((w) => phoneDigits(w.typed)).join('') });
    run = [];
  };
  // Commas and semicolons separate words too: "Davolio, Nancy" is two words.
  const text = searchKey(input.replace(/[,;]/g, ' '));
  for (const typed of text.split(' ')) {
    const bare = typed.replace(EDGE_PUNCTUATION, '');
    if (!bare) continue;
    const word = { typed, bare };
    if (NUMBER_LIKE.test(typed)) {
      run.push(word);
      continue;
    }
    endRun();
    terms.push({ kind: 'word', word });
  }
  endRun();
  return { text, terms };
}

/**
 * True when `next` was typed on from `previous` (more characters or words after it), so every
 * record `next` matches, `previous` matched too: a search can look only among the last results.
 */
export function narrows(previous: SearchQuery, next: SearchQuery): boolean {
  return isSearching(previous) && next.text.startsWith(previous.text) && !splitsNumberRun(previous, next);
}

/**
 * True when typing on turned the last word of a run of numbers into a word ("5 1" → "5 1@"): the
 * run's first numbers then match a phone on their own, which the whole run did not, so the longer
 * query can find a record the shorter one did not.
 */
function splitsNumberRun(previous: SearchQuery, next: SearchQuery): boolean {
  const at = previous.terms.length - 1;
  const last = previous.terms[at]!;
  if (last.kind !== 'number' || last.words.length < 2) return false;
  const grown = next.terms[at];
  return grown?.kind !== 'number' || grown.words.length < last.words.length;
}

/** True when the query has something to look for (not blank, not only punctuation). */
export function isSearching(query: SearchQuery): boolean {
  return query.terms.length > 0;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Is the character at `at` a letter or digit? (ASCII without a regex: this runs per record.) */
function isWordCharAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) return true;
  return code > 127 && LETTER_OR_DIGIT.test(text[at]!);
}

/** `needle` occurs in `text` at the start of a word — after a space, "@", ".", "-", "(" and so on. */
function startsAWord(text: string, needle: string): boolean {
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (at === 0 || !isWordCharAt(text, at - 1)) return true;
  }
  return false;
}

function wordMatches(word: QueryWord, words: string, companyName: string): boolean {
  const { typed, bare } = word;
  if (startsAWord(words, typed) || (bare !== typed && startsAWord(words, bare))) return true;
  return companyName !== '' && (startsAWord(companyName, typed) || (bare !== typed && startsAWord(companyName, bare)));
}

/**
 * Does a record match? Every query term must match some field: a word matches where it begins a
 * word of the record's text or of its company's name ("nan" → "Nancy Davolio", "northwind.example"
 * → "nancy@northwind.example"), a number matches where its digits occur in a phone number.
 * `companyName` is the linked company's `companySearchName`, when the record has one.
 */
export function matchesSearch(query: SearchQuery, record: Omit<SearchText, 'companyId'>, companyName = ''): boolean {
  return matchesSearchText(query, record.words, record.phones, companyName);
}

/** `matchesSearch` on a record's fields as they are stored in an index, without an object per record. */
export function matchesSearchText(query: SearchQuery, words: string, phones: string, companyName: string): boolean {
  for (const term of query.terms) {
    if (term.kind === 'word') {
      if (!wordMatches(term.word, words, companyName)) return false;
    } else if (!phones.includes(term.digits)) {
      for (const word of term.words) if (!wordMatches(word, words, companyName)) return false;
    }
  }
  return true;
}

/** The bit `wordInitials` gives a word that begins with a digit, and one that begins with anything else. */
const DIGIT_INITIAL = 1 << 26;
const OTHER_INITIAL = 1 << 27;

function initialBit(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code >= 97 && code <= 122) return 1 << (code - 97);
  if (code >= 48 && code <= 57) return DIGIT_INITIAL;
  return OTHER_INITIAL;
}

/**
 * What the words of `text` begin with, as bits: one per letter a–z, one for any digit, one for
 * anything else — every character where `matchesSearchText` lets a word match (the first, and each
 * one after a character that is not a letter or digit). Kept per record by a search index, so that
 * a query's first keystroke (one letter, matching up to half of 100k records) tests a number
 * instead of searching each record's text.
 */
export function wordInitials(text: string): number {
  let bits = 0;
  for (let at = 0; at < text.length; at++) {
    if (at === 0 || !isWordCharAt(text, at - 1)) bits |= initialBit(text, at);
  }
  return bits;
}

/** Where a word's first two characters fall among 32 bits (a hash: different pairs may share one). */
function pairBit(text: string, at: number): number {
  return 1 << (Math.imul((text.charCodeAt(at) << 16) | text.charCodeAt(at + 1), 0x9e3779b1) >>> 27);
}

/**
 * The first two characters of the words of `text`, hashed to bits: wherever `wordInitials` counts
 * a start, the pair from there. A query's second keystroke tests the records its first matched — a
 * third of 100k contacts for a common letter —, most of which this rules out without their text.
 */
export function wordPairs(text: string): number {
  let bits = 0;
  for (let at = 0; at + 1 < text.length; at++) {
    if (at === 0 || !isWordCharAt(text, at - 1)) bits |= pairBit(text, at);
  }
  return bits;
}

/** What a record's initials (its own words' and its company name's, or-ed) must hold for a query. */
export interface QueryInitials {
  /** One bit per word term: each must be among the record's initials. Number terms ask nothing. */
  required: readonly number[];
  /** One bit per word term of two characters or more: each must be among the record's `wordPairs`. */
  pairs: readonly number[];
  /**
   * True when holding every required bit is the whole match: each term is one letter a–z. Else a
   * record holding them may still not match, and `matchesSearchText` decides.
   */
  exact: boolean;
}

/**
 * The initials a record needs to match `query`: a word term matches at the start of a word, where
 * its first letter or digit (`bare`, whatever punctuation was typed before it) begins a word too.
 */
export function queryInitials(query: SearchQuery): QueryInitials {
  const required: number[] = [];
  const pairs: number[] = [];
  let exact = query.terms.length > 0;
  for (const term of query.terms) {
    if (term.kind !== 'word') {
      exact = false;
      continue;
    }
    const bit = initialBit(term.word.bare, 0);
    required.push(bit);
    if (term.word.bare.length > 1) pairs.push(pairBit(term.word.bare, 0));
    if (term.word.typed.length !== 1 || bit === DIGIT_INITIAL || bit === OTHER_INITIAL) exact = false;
  }
  return { required, pairs, exact };
}

/**
 * Does a record with these initials and pairs (`wordInitials` and `wordPairs` of its words, or-ed
 * with its company name's) pass? False means it cannot match; true, that it may.
 */
export function holdsInitials(initials: number, pairs: number, query: QueryInitials): boolean {
  for (const bit of query.required) if ((initials & bit) === 0) return false;
  for (const bit of query.pairs) if ((pairs & bit) === 0) return false;
  return true;
}
