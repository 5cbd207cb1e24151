import { searchKey } from '@domain/derived-fields';
import type { Random } from './random';
import {
  FIRST_NAMES,
  JOB_TITLES,
  LAST_NAMES,
  STREETS,
  TAGS,
  type Country,
  type Gender,
  type Language,
  type Place,
} from './vocabulary';

export interface Person {
  firstName: string;
  lastName: string;
  gender: Gender;
  lang: Language;
}

export function person(r: Random, lang: Language): Person {
  const [firstName, gender] = r.pick(FIRST_NAMES[lang]);
  const surname = r.pick(LAST_NAMES[lang]);
  // Many Spanish speakers carry both surnames.
  const lastName = lang === 'es' && r.chance(0.3) ? `${surname} ${r.pick(LAST_NAMES.es)}` : surname;
  return { firstName, lastName, gender, lang };
}

export const otherLanguage = (lang: Language): Language => (lang === 'en' ? 'es' : 'en');
const digits = (r: Random, n: number) => Array.from({ length: n }, () => r.int(0, 9)).join('');

export function landline(country: Country, place: Place, r: Random): string {
  switch (country) {
    case 'US':
    case 'CA':
      return `+1 (${place.area}) 555-01${digits(r, 2)}`;
    case 'MX':
      return place.area.length === 2
        ? `+52 ${place.area} ${digits(r, 4)} ${digits(r, 4)}`
        : `+52 ${place.area} ${digits(r, 3)} ${digits(r, 4)}`;
    case 'ES':
      return `+34 ${place.area}${digits(r, 1)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`;
    case 'CO':
      return `+57 ${place.area} ${digits(r, 3)} ${digits(r, 4)}`;
    case 'CL':
      return `+56 ${place.area} ${digits(r, 4)} ${digits(r, 4)}`;
    case 'AR':
      return `+54 ${place.area} ${digits(r, 4)}-${digits(r, 4)}`;
    case 'PE':
      return `+51 ${place.area} ${digits(r, 3)} ${digits(r, 4)}`;
  }
}

export function mobile(country: Country, r: Random): string {
  switch (country) {
    case 'US':
    case 'CA':
      return `+1 (${r.pick(['512', '720', '773', '425', '857', '786'])}) 555-01${digits(r, 2)}`;
    case 'MX':
      return `+52 ${r.pick(['55', '33', '81'])} ${digits(r, 4)} ${digits(r, 4)}`;
    case 'ES':
      return `+34 6${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`;
    case 'CO':
      return `+57 3${digits(r, 2)} ${digits(r, 3)} ${digits(r, 4)}`;
    case 'CL':
      return `+56 9 ${digits(r, 4)} ${digits(r, 4)}`;
    case 'AR':
      return `+54 9 11 ${digits(r, 4)}-${digits(r, 4)}`;
    case 'PE':
      return `+51 9${digits(r, 2)} ${digits(r, 3)} ${digits(r, 3)}`;
  }
}

export const postalCode = (pattern: string, r: Random) =>
  pattern.replace(/[#A]/g, (c) => (c === '#' ? String(r.int(0, 9)) : 'ABCEGHJKLMNPRSTVXY'[r.int(0, 17)]!));

export function street(lang: Language, r: Random): string {
  const name = r.pick(STREETS[lang]);
  return lang === 'en' ? `${r.int(100, 9899)} ${name}` : `${name} ${r.int(1, 2999)}`;
}

export const titleFor = (p: Person, r: Random) => {
  const [masculine, feminine] = r.pick(JOB_TITLES[p.lang]);
  return p.gender === 'f' ? feminine : masculine;
};

export const currencyFor = (country: Country, r: Random) =>
  country === 'ES' ? 'EUR' : country === 'MX' && r.chance(0.5) ? 'MXN' : 'USD';
/** A US-dollar amount in cents as the same price in `currency`, rounded to whole units. */
export const fromUsdCents = (cents: number, currency: string) =>
  currency === 'MXN'
    ? Math.round((cents * 17) / 100) * 100
    : currency === 'EUR'
      ? Math.round((cents * 0.92) / 100) * 100
      : cents;

export const tagsFrom = (r: Random, chance: number) => {
  if (!r.chance(chance)) return [];
  const first = r.pick(TAGS)[0];
  const second = r.chance(0.3) ? r.pick(TAGS)[0] : first;
  return first === second ? [first] : [first, second];
};

export function emailLocalPart(p: Person, r: Random): string {
  const first = slug(p.firstName);
  const last = slug(p.lastName.split(' ')[0]!);
  return r.weighted([
    [`${first}.${last}`, 5],
    [`${first[0]}${last}`, 3],
    [first, 1],
  ] as const);
}

/** Lower-case ASCII letters and digits only, for email local parts and domains ("Núñez" → "nunez"). */
export function slug(text: string): string {
  return searchKey(text).replace(/[^a-z0-9]/g, '');
}
