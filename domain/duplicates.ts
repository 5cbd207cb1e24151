import type { CollectionDocs } from './collections';
import { searchKey } from './derived-fields';
import { normalizeDomain } from './field-rules';
import { phoneDigits } from './search-text';

/** The collections a person creates or imports that can duplicate one another. */
export type DuplicateCollection = 'contacts' | 'companies' | 'leads';

/**
 * Why two records look like the same one, strongest first: an email or a web domain names one
 * person or one organization; a phone number is shared by a switchboard; a name is only a hint.
 */
export const DUPLICATE_REASONS = ['email', 'domain', 'phone', 'name'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** One fact two records may share: `reason` and its normalized value. */
export interface DuplicateKey {
  reason: DuplicateReason;
  value: string;
}

/** Fewer digits than this identify no one ("112", an extension). */
export const MIN_PHONE_KEY_DIGITS = 7;
/**
 * A phone number is compared on its last nine digits, so "+34 912 345 678", "0034912345678" and
 * "912 345 678" are the same number while the country and trunk prefixes people type differ.
 */
export const PHONE_KEY_DIGITS = 9;

/** "+1 (555) 014-2231" → "550142231"; null when too short to mean one line. */
export function phoneKey(phone: string): string | null {
  const digits = phoneDigits(phone);
  return digits.length < MIN_PHONE_KEY_DIGITS ? null : digits.slice(-PHONE_KEY_DIGITS);
}

/** "  Ana.Perez@Example.COM " → "ana.perez@example.com"; null when empty. */
export function emailKey(email: string): string | null {
  const key = email.trim().toLowerCase();
  return key.includes('@') ? key : null;
}

/** Legal forms that say nothing about which company it is ("Acme Inc." is "Acme"). */
const LEGAL_FORMS = new Set([
  'inc', 'incorporated', 'llc', 'llp', 'lp', 'ltd', 'limited', 'corp', 'corporation', 'co', 'company',
  'plc', 'gmbh', 'ag', 'kg', 'bv', 'nv', 'pty', 'spa', 'srl', 'sl', 'slu', 'sa', 'sas', 'sau', 'ltda',
  'cv', 'sapi', 'sc',
]); // prettier-ignore

/**
 * A company name reduced to what identifies it: accents, case, punctuation and legal forms gone,
 * so "Núñez & Hijos, S.A. de C.V." and "nunez y hijos" compare equal. Runs of single letters are
 * joined first ("S. A." → "sa"); the name never reduces to nothing.
 */
export function companyNameKey(name: string): string | null {
  const raw = searchKey(name)
    .replace(/&/g, ' y ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (!raw) return null;
  // "s a de c v" → "sa de cv": initials typed with dots or spaces are one word.
  const words = raw.replace(/\b[a-z](?: [a-z]\b)+/g, (run) => run.replace(/ /g, '')).split(' ');
  // "and" / "y" / "de" only glue words; they are not dropped in the middle ("Casa de Campo").
  const kept = words.map((w) => (w === 'and' ? 'y' : w));
  while (kept.length > 1 && (LEGAL_FORMS.has(kept[kept.length - 1]!) || isTrailingGlue(kept))) kept.pop();
  if (kept.length > 1 && kept[0] === 'the') kept.shift();
  return kept.join(' ');
}

/** "… S.A. de C.V.": once "cv" is dropped, the "de" before it means nothing either. */
function isTrailingGlue(words: string[]): boolean {
  const last = words[words.length - 1];
  return (last === 'de' || last === 'y') && words.length > 2;
}

/** "Ana", "Pérez", company → "ana perez@<companyId>": the same person at the same company. */
function personAtCompanyKey(first: string, last: string, companyId: string): string | null {
  const name = searchKey(`${first} ${last}`);
  return name && companyId ? `${name}@${companyId}` : null;
}

function keys(...pairs: [DuplicateReason, string | null][]): DuplicateKey[] {
  const seen = new Set<string>();
  const out: DuplicateKey[] = [];
  for (const [reason, value] of pairs) {
    if (!value || seen.has(`${reason}:${value}`)) continue;
    seen.add(`${reason}:${value}`);
    out.push({ reason, value });
  }
  return out;
}

/**
 * The facts by which a record of `collection` may duplicate another. A lead and a contact share
 * email and phone keys, so a lead typed in for an existing contact is found too.
 */
export function duplicateKeysOf<C extends DuplicateCollection>(collection: C, doc: CollectionDocs[C]): DuplicateKey[] {
  switch (collection) {
    case 'contacts': {
      const c = doc as CollectionDocs['contacts'];
      return keys(
        ['email', emailKey(c.email)],
        ['phone', phoneKey(c.phone)],
        ['phone', phoneKey(c.mobile)],
        ['name', personAtCompanyKey(c.firstName, c.lastName, c.companyId)],
      );
    }
    case 'companies': {
      const c = doc as CollectionDocs['companies'];
      return keys(
        ['domain', c.domain ? normalizeDomain(c.domain) : null],
        ['name', companyNameKey(c.name)],
        ['phone', phoneKey(c.phone)],
      );
    }
    case 'leads': {
      const l = doc as CollectionDocs['leads'];
      return keys(['email', emailKey(l.email)], ['phone', phoneKey(l.phone)]);
    }
    default:
      throw new RangeError(`${String(collection)} has no duplicate keys`);
  }
}

/** A record that looks like the one being created or imported, and why. */
export interface DuplicateMatch {
  id: string;
  reasons: DuplicateReason[];
}

const strength = (reasons: readonly DuplicateReason[]) => Math.min(...reasons.map((r) => DUPLICATE_REASONS.indexOf(r)));

/**
 * Records by the facts they could be duplicated on, for one collection: kept current record by
 * record (an import adds each row it creates, so a file that lists the same person twice is caught
 * on its second row). Memory is a few short strings per record.
 */
export class DuplicateIndex {
  private readonly byKey = new Map<string, Set<string>>();
  private readonly keysById = new Map<string, string[]>();

  get size(): number {
    return this.keysById.size;
  }

  /** Index (or re-index) record `id` under `found`. */
  put(id: string, found: readonly DuplicateKey[]): void {
    this.remove(id);
    const flat = found.map((k) => `${k.reason}:${k.value}`);
    this.keysById.set(id, flat);
    for (const key of flat) {
      let ids = this.byKey.get(key);
      if (!ids) this.byKey.set(key, (ids = new Set()));
      ids.add(id);
    }
  }

  remove(id: string): void {
    for (const key of this.keysById.get(id) ?? []) {
      const ids = this.byKey.get(key);
      ids?.delete(id);
      if (ids?.size === 0) this.byKey.delete(key);
    }
    this.keysById.delete(id);
  }

  /** Records sharing any of `found`, strongest reason first; `exceptId` (the record itself) left out. */
  find(found: readonly DuplicateKey[], exceptId?: string): DuplicateMatch[] {
    const reasonsById = new Map<string, DuplicateReason[]>();
    for (const { reason, value } of found) {
      for (const id of this.byKey.get(`${reason}:${value}`) ?? []) {
        if (id === exceptId) continue;
        const reasons = reasonsById.get(id) ?? [];
        if (!reasons.includes(reason)) reasons.push(reason);
        reasonsById.set(id, reasons);
      }
    }
    return [...reasonsById]
      .map(([id, reasons]) => ({
        id,
        reasons: reasons.sort((a, b) => DUPLICATE_REASONS.indexOf(a) - DUPLICATE_REASONS.indexOf(b)),
      }))
      .sort((a, b) => strength(a.reasons) - strength(b.reasons) || b.reasons.length - a.reasons.length);
  }
}
