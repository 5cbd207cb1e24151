import { isValidDomain, isValidEmail, isValidPhone, normalizeDomain, parseTags } from '../field-rules';
import { parseMoneyInput, type Money } from '../money';
import type { IsoDate } from '../time';

/** How the file writes dates: chosen by the person, never guessed (03/04 is two different days). */
export type DateOrder = 'ISO' | 'DMY' | 'MDY';

/** What the file's cells mean beyond their text: chosen once for the whole import. */
export interface ValueOptions {
  dateOrder: DateOrder;
  /** Currency of amounts that do not name one ("1.200,50" in a EUR workspace). */
  currency: string;
  /** Decides a lone separator in amounts ("1,500": 1500 in en, 1.5 in es). */
  locale: string;
}

/** Why a cell was refused; the wizard translates the code. */
export type ValueProblem =
  | 'invalidEmail'
  | 'invalidPhone'
  | 'invalidDomain'
  | 'invalidMoney'
  | 'invalidCurrency'
  | 'invalidDate'
  | 'invalidNumber';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: ValueProblem };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const no = (problem: ValueProblem): Parsed<never> => ({ ok: false, problem });

export function parseEmailCell(cell: string): Parsed<string> {
  const value = cell.trim().toLowerCase();
  return isValidEmail(value) ? ok(value) : no('invalidEmail');
}

export function parsePhoneCell(cell: string): Parsed<string> {
  const value = cell.trim();
  return isValidPhone(value) ? ok(value) : no('invalidPhone');
}

/** A website or a bare domain ("https://www.acme.com/en" → "acme.com"). */
export function parseDomainCell(cell: string): Parsed<string> {
  const value = normalizeDomain(cell);
  return isValidDomain(value) ? ok(value) : no('invalidDomain');
}

export function parseTagsCell(cell: string): Parsed<string[]> {
  // Other CRMs separate tags with ";" as often as with ",".
  return ok(parseTags(cell.replace(/;/g, ',')));
}

const CURRENCY_CODE = /\b([A-Z]{3})\b/;
const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { '€': 'EUR', '£': 'GBP', '¥': 'JPY' };

/**
 * "1.234,50 EUR", "€99", "USD 12" → minor units in the currency the cell names, else the import's.
 * "$" names no currency by itself (USD, MXN, COP, ARS, CLP, CAD all write it), so it takes the default.
 */
export function parseMoneyCell(cell: string, options: ValueOptions): Parsed<Money | null> {
  const text = cell.trim();
  if (!text) return ok(null);
  const code = CURRENCY_CODE.exec(text.toUpperCase())?.[1];
  const symbol = Object.keys(CURRENCY_SYMBOLS).find((s) => text.includes(s));
  const currency = code ?? (symbol ? CURRENCY_SYMBOLS[symbol]! : options.currency);
  if (/[a-z]/i.test(text.replace(/\b[A-Za-z]{3}\b/, ''))) return no('invalidMoney');
  let money: Money | null = null;
  try {
    money = parseMoneyInput(text, currency, options.locale);
  } catch {
    return no('invalidMoney');
  }
  return money && Number.isSafeInteger(money.amount) ? ok(money) : no('invalidMoney');
}

/** An ISO 4217 code ("eur", " USD ") or a symbol that names one currency ("€"); empty for none. */
export function parseCurrencyCell(cell: string): Parsed<string | null> {
  const text = cell.trim();
  if (!text) return ok(null);
  const code = CURRENCY_SYMBOLS[text] ?? text.toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? ok(code) : no('invalidCurrency');
}

/** A calendar date in the chosen order; "2026-03-04", "04/03/2026", "4.3.2026", "4-3-2026". */
export function parseDateCell(cell: string, order: DateOrder): Parsed<IsoDate> {
  const text = cell.trim();
  if (!text) return ok('');
  const parts = text.split(/[-/.]/).map((p) => p.trim());
  if (parts.length !== 3 || parts.some((p) => !/^\d+$/.test(p))) return no('invalidDate');
  const [a, b, c] = parts.map(Number) as [number, number, number];
  const [year, month, day] = order === 'ISO' ? [a, b, c] : order === 'DMY' ? [c, b, a] : [c, a, b];
  const yearDigits = (order === 'ISO' ? parts[0] : parts[2])!.length;
  if (yearDigits !== 4) return no('invalidDate');
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return no('invalidDate');
  }
  return ok(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

/** A whole number such as a probability: "40", "40%". */
export function parseIntegerCell(cell: string): Parsed<number | null> {
  const text = cell.trim().replace(/%$/, '').trim();
  if (!text) return ok(null);
  return /^-?\d+$/.test(text) ? ok(Number(text)) : no('invalidNumber');
}
