import type { CollectionDocs } from './collections';
import { personName, searchKey } from './derived-fields';
import { phoneDigits, searchTextOf } from './search-text';

/**
 * The rules of the command palette's search (docs/adr/0027-palette-search.md): what of each record
 * it finds, how a query is read, when a query word matches a record's word (accents and case
 * ignored, as a prefix, with one typo), how matches rank and where they are highlighted. Pure:
 * the index in renderer/search/ applies them to every record on the device.
 */

/** The collections the palette searches, in the order their groups are shown. */
export const PALETTE_COLLECTIONS = ['contacts', 'companies', 'leads', 'deals', 'activities'] as const;
export type PaletteCollection = (typeof PALETTE_COLLECTIONS)[number];

/** What the palette shows of a record and finds it by. */
export interface PaletteText {
  /** What the result line shows (a person's name, a company's name, a deal's title…). */
  label: string;
  /** A second line: an email, a domain, a lead's company; '' for none. */
  detail: string;
  /** Everything the record is found by, searchKey-normalized (its label and detail among it). */
  words: string;
  /** The digits of each phone number, space-separated. */
  phones: string;
}

type PaletteSource<C extends PaletteCollection> = (doc: CollectionDocs[C]) => PaletteText;

/**
 * Each searchable collection, declared once: a collection joins the palette by adding its entry
 * here (and its name to PALETTE_COLLECTIONS). The four list collections find a record by what
 * their list search finds it by (`searchTextOf`); activities by their subject.
 */
export const PALETTE_SOURCES: { readonly [C in PaletteCollection]: PaletteSource<C> } = {
  contacts: (c) => ({ label: personName(c), detail: c.email, ...ownText('contacts', c) }),
  companies: (c) => ({ label: c.name, detail: c.domain, ...ownText('companies', c) }),
  leads: (l) => ({ label: personName(l), detail: l.companyName || l.email, ...ownText('leads', l) }),
  deals: (d) => ({ label: d.title, detail: '', ...ownText('deals', d) }),
  activities: (a) => ({ label: a.subject, detail: '', words: searchKey(a.subject), phones: '' }),
};

function ownText<C extends 'contacts' | 'companies' | 'leads' | 'deals'>(collection: C, doc: CollectionDocs[C]) {
  const { words, phones } = searchTextOf(collection, doc);
  return { words, phones };
}

export function paletteTextOf<C extends PaletteCollection>(collection: C, doc: CollectionDocs[C]): PaletteText {
  return (PALETTE_SOURCES[collection] as PaletteSource<C>)(doc);
}

/* ------------------------------------------------------------------------------------- words */

const WORD_CHAR = /[\p{L}\p{N}]/u;
const NON_WORD = /[^\p{L}\p{N}]+/u;
/** A domain or an email's domain: labels of letters, digits and hyphens joined by dots. */
const DOMAIN = /^[\p{L}\p{N}-]{2,}(\.[\p{L}\p{N}-]+)+$/u;
/**
 * Domain labels nobody searches by and nearly every email has: finding every ".com" address for
 * "com" would bury the companies whose names start with it.
 */
export const GENERIC_LABELS = new Set([
  'www',
  'com',
  'net',
  'org',
  'edu',
  'gov',
  'gob',
  'int',
  'info',
  'biz',
  'io',
  'co',
]);

/**
 * The words a record is indexed by, from its normalized text: every run of letters and digits,
 * except a domain's generic labels and country code ("acme" and "trading" from
 * "ana@acme-trading.com.mx", not "com" and "mx"). Repeated words appear once.
 */
export function wordsOf(words: string): string[] {
  const out = new Set<string>();
  for (const chunk of words.split(' ')) {
    const at = chunk.lastIndexOf('@');
    const domain = at >= 0 ? chunk.slice(at + 1) : chunk.includes('.') && DOMAIN.test(chunk) ? chunk : null;
    if (at > 0) addParts(out, chunk.slice(0, at));
    if (domain === null) {
      addParts(out, chunk);
      continue;
    }
    const labels = domain.split('.');
    for (let i = 0; i < labels.length; i++) {
      const label = labels[i]!;
      const countryCode = i === labels.length - 1 && i > 0 && label.length === 2;
      if (!countryCode && !GENERIC_LABELS.has(label)) addParts(out, label);
    }
  }
  return [...out];
}

function addParts(out: Set<string>, text: string) {
  if (isPlainWord(text)) out.add(text);
  else for (const part of text.split(NON_WORD)) if (part) out.add(part);
}

/** Lower-case ASCII letters and digits only (most words): no need to split it. */
function isPlainWord(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57))) return false;
  }
  return text.length > 0;
}

/* ------------------------------------------------------------------------------------- query */

/** One word of a query as typed ("jose", "gmail.com", "o'brien"), and its runs of letters and digits. */
export interface PaletteQueryWord {
  /** Normalized, without the punctuation around it. */
  text: string;
  /** Its runs of letters and digits: each must match a word of the record. */
  parts: string[];
}

/**
 * A query term: one word, or a run of number-like words ("+1 (555) 014-2"). A term with `digits`
 * (3 or more) also matches a record whose phone number contains them; otherwise every word of it
 * must match.
 */
export interface PaletteTerm {
  words: PaletteQueryWord[];
  digits: string | null;
}

export interface PaletteQuery {
  /** What was typed, normalized. */
  text: string;
  /** Every term must match (AND). */
  terms: PaletteTerm[];
}

/** The fewest digits that search phone numbers: fewer match nearly every number. */
export const MIN_PHONE_DIGITS = 3;
/** The shortest query word that may match with a typo: shorter ones would match too much. */
export const MIN_TYPO_LENGTH = 4;

const NUMBER_LIKE = /^[+(]*\d[\d()+\-./]*$/;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** Read what a person typed; a blank query, or one of punctuation only, has no terms. */
export function parsePaletteQuery(input: string): PaletteQuery {
  const text = searchKey(input.replace(/[,;]/g, ' '));
  const terms: PaletteTerm[] = [];
  let run: { typed: string; word: PaletteQueryWord }[] = [];
  const endRun = () => {
    if (!run.length) return;
    const digits = run.map((w) => phoneDigits(w.typed)).join('');
    terms.push({ words: run.map((w) => w.word), digits: digits.length >= MIN_PHONE_DIGITS ? digits : null });
    run = [];
  };
  for (const typed of text.split(' ')) {
    const bare = typed.replace(EDGE_PUNCTUATION, '');
    if (!bare) continue;
    const word = { text: bare, parts: bare.split(NON_WORD).filter(Boolean) };
    if (NUMBER_LIKE.test(typed)) {
      run.push({ typed, word });
      continue;
    }
    endRun();
    terms.push({ words: [word], digits: null });
  }
  endRun();
  return { text, terms };
}

/* ---------------------------------------------------------------------------------- matching */

/** How a query word's part matched a record's word, best first. */
export const MATCH = { NONE: 0, TYPO: 1, PREFIX: 2, EXACT: 3 } as const;
export type MatchLevel = (typeof MATCH)[keyof typeof MATCH];

/**
 * How `part` (of a query) matches `word` (of a record): the whole word, its start (the word being
 * typed), or either with one typo — one letter replaced, added, left out or two swapped — when
 * the part has MIN_TYPO_LENGTH characters or more. Returns the level and how many characters of
 * `word` matched (for highlighting), packed by `packMatch`; 0 when it does not match.
 */
export function matchWord(part: string, word: string): number {
  if (word.startsWith(part)) return packMatch(word.length === part.length ? MATCH.EXACT : MATCH.PREFIX, part.length);
  if (part.length < MIN_TYPO_LENGTH) return 0;
  const length = typoPrefixLength(part, word);
  return length < 0 ? 0 : packMatch(MATCH.TYPO, length);
}

/** A level and a matched length in one number, so that the index keeps one number per word. */
export function packMatch(level: MatchLevel, length: number): number {
  return (level << 16) | length;
}
export const levelOf = (packed: number): MatchLevel => (packed >>> 16) as MatchLevel;
export const matchedLengthOf = (packed: number): number => packed & 0xffff;

/**
 * Where `q` matches the start of `w` with exactly one edit (Damerau: replace, insert, delete, swap
 * two neighbours), the length of `w` matched; -1 when one edit is not enough. `q` is not already
 * a prefix of `w` (the caller checked).
 */
export function typoPrefixLength(q: string, w: string): number {
  let i = 0;
  while (i < q.length && i < w.length && q.charCodeAt(i) === w.charCodeAt(i)) i++;
  // q[i] is the first character that differs (q is not a prefix of w).
  if (i === w.length) {
    // w is shorter: the only edit left is one extra character at the end of q.
    return q.length === w.length + 1 ? w.length : -1;
  }
  // Replaced: q[i+1..] must start w[i+1..].
  if (startsAt(w, i + 1, q, i + 1)) return q.length;
  // Swapped: q[i], q[i+1] are w[i+1], w[i].
  if (
    i + 1 < q.length &&
    i + 1 < w.length &&
    q.charCodeAt(i) === w.charCodeAt(i + 1) &&
    q.charCodeAt(i + 1) === w.charCodeAt(i) &&
    startsAt(w, i + 2, q, i + 2)
  ) {
    return q.length;
  }
  // A character left out of q: q[i..] starts w[i+1..].
  if (startsAt(w, i + 1, q, i)) return q.length + 1;
  // An extra character in q: q[i+1..] starts w[i..] (and is not empty: "anaX" is not a typo of "ana…" at its end only).
  if (i + 1 < q.length && startsAt(w, i, q, i + 1)) return q.length - 1;
  return -1;
}

/** Does `q` from `qi` to its end occur in `w` at `wi`? */
function startsAt(w: string, wi: number, q: string, qi: number): boolean {
  if (w.length - wi < q.length - qi) return false;
  for (; qi < q.length; qi++, wi++) if (q.charCodeAt(qi) !== w.charCodeAt(wi)) return false;
  return true;
}

/**
 * A match's worth in a ranking: any exact word above any prefix above any typo; among prefixes,
 * the word with fewer characters left to type first ("ana" → "Ana" before "Anabel").
 */
export function matchScore(packed: number, wordLength: number): number {
  const level = levelOf(packed);
  if (level === MATCH.NONE) return 0;
  return level * 16 - Math.min(15, Math.max(0, wordLength - matchedLengthOf(packed)));
}

/** What a phone match is worth, per word of the query it took: as a prefix of a word. */
export const PHONE_SCORE = MATCH.PREFIX * 16 - 1;

/** A term's digits in one of the record's phone numbers: its worth, or 0. */
export function phoneScore(digits: string, phones: string, words: number): number {
  return phones.includes(digits) ? PHONE_SCORE * words : 0;
}

/**
 * A query word with punctuation inside ("gmail.com", "ana.ruiz@") matches where it begins a word of
 * the record's text, not merely where each of its parts matches some word.
 */
export function startsAWord(text: string, needle: string): boolean {
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (at === 0 || !WORD_CHAR.test(text[at - 1]!)) return true;
  }
  return false;
}

/* ------------------------------------------------------------------------------ highlighting */

/** A range of a displayed text, [start, end) in UTF-16 units of the text as shown. */
export type TextRange = readonly [start: number, end: number];

/**
 * Where the query matched in a displayed text (a result's label or detail): the matched start of
 * each word of the text that a query word's part matches (the whole word for a typo), in order,
 * overlapping ranges merged. Accents and case are folded character by character so that the
 * ranges fall on the text as shown ("nunez" → "Núñez" [0, 5]).
 */
export function highlightRanges(shown: string, query: PaletteQuery): TextRange[] {
  const { folded, origin } = foldWithOrigins(shown);
  const ranges: [number, number][] = [];
  const words: { start: number; text: string }[] = [];
  for (const match of folded.matchAll(/[\p{L}\p{N}]+/gu)) words.push({ start: match.index, text: match[0] });
  for (const term of query.terms) {
    for (const word of term.words) {
      if (word.parts.length > 1) {
        for (let at = folded.indexOf(word.text); at !== -1; at = folded.indexOf(word.text, at + 1)) {
          if (at === 0 || !WORD_CHAR.test(folded[at - 1]!)) ranges.push([at, at + word.text.length]);
        }
      }
      for (const part of word.parts) {
        for (const w of words) {
          const packed = matchWord(part, w.text);
          if (packed) ranges.push([w.start, w.start + Math.min(w.text.length, matchedLengthOf(packed))]);
        }
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged.map(([start, end]) => [origin[start]!, origin[end]!] as const);
}

/**
 * `text` folded as searchKey folds it (no accents, lower case), with, for each folded position
 * (and one past the end), the position in `text` it came from.
 */
function foldWithOrigins(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length;) {
    const code = text.codePointAt(i)!;
    const char = String.fromCodePoint(code);
    const out = char
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    for (let k = 0; k < out.length; k++) origin.push(i);
    folded += out;
    i += char.length;
  }
  origin.push(text.length);
  return { folded, origin };
}
