/**
 * Money is an integer amount of the currency's minor unit (cents for USD, yen for JPY) with an
 * ISO 4217 code. Floats never hold money: 0.1 + 0.2 is not a price.
 */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

export const SUPPORTED_CURRENCIES = ['USD', 'EUR', 'GBP', 'MXN', 'COP', 'ARS', 'CLP', 'BRL', 'CAD', 'JPY'] as const;
export type Currency = (typeof SUPPORTED_CURRENCIES)[number];

const minorDigitsCache = new Map<string, number>();

/** How many decimals the currency's minor unit has (2 for USD, 0 for JPY and CLP). */
export function minorUnitDigits(currency: string): number {
  let digits = minorDigitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    minorDigitsCache.set(currency, digits);
  }
  return digits;
}

export function isCurrencyCode(value: unknown): value is string {
  if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value)) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: value });
    return true;
  } catch {
    return false;
  }
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`money amount must be an integer of minor units: ${amount}`);
  if (!isCurrencyCode(currency)) throw new RangeError(`unknown currency: ${currency}`);
  return { amount, currency };
}

export function zero(currency: string): Money {
  return money(0, currency);
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new RangeError(`cannot add ${a.currency} to ${b.currency}`);
  return money(a.amount + b.amount, a.currency);
}

/**
 * Multiply by a ratio (a probability, a quantity, a discount) rounding half away from zero. The
 * ratio counts as the decimal it prints as (0.7), not its binary approximation (0.69999…), so
 * 45 × 0.7 = 31.5 rounds to 32 as a person expects, not to 31.
 */
export function scaleMoney(value: Money, ratio: number): Money {
  const [numerator, denominator] = decimalFraction(ratio);
  const product = BigInt(value.amount) * numerator;
  const magnitude = product < 0n ? -product : product;
  let rounded = magnitude / denominator;
  if ((magnitude % denominator) * 2n >= denominator) rounded += 1n;
  return money(Number(product < 0n ? -rounded : rounded), value.currency);
}

/** A finite number as an exact fraction over a power of ten, as it prints: 1.5e-7 → 15 / 10^8. */
function decimalFraction(x: number): [bigint, bigint] {
  if (!Number.isFinite(x)) throw new RangeError(`cannot scale money by ${x}`);
  const [mantissa = '0', exponent = '0'] = String(x).split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const scale = Number(exponent) - fraction.length;
  const digits = BigInt(whole + fraction);
  return scale >= 0 ? [digits * 10n ** BigInt(scale), 1n] : [digits, 10n ** BigInt(-scale)];
}

/** Sum amounts per currency: totals of mixed currencies are never added together silently. */
export function sumByCurrency(values: Iterable<Money>): Money[] {
  const totals = new Map<string, number>();
  for (const v of values) totals.set(v.currency, (totals.get(v.currency) ?? 0) + v.amount);
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => money(amount, currency));
}

export function formatMoney(value: Money, locale: string, options: { compact?: boolean } = {}): string {
  const digits = minorUnitDigits(value.currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: value.currency,
    ...(options.compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
  }).format(value.amount / 10 ** digits);
}

/**
 * Read what a person typed ("1,234.50", "1.234,50", "$ 99") into minor units. When both
 * separators appear the last one is the decimal mark; a lone separator follows the locale,
 * except that one followed by exactly three digits in a currency with fewer decimals is grouping.
 * Returns null when the text is not an amount, so the form can say so instead of guessing.
 */
export function parseMoneyInput(text: string, currency: string, locale: string): Money | null {
  const localeDecimal =
    new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  // A minus anywhere before the digits counts: "-$12.50" and "$-12.50" are both negative.
  const negative = /^[^\d]*-/.test(text) || /^\s*\(.*\)\s*$/.test(text);
  const cleaned = text.replace(/[^\d.,]/g, '');
  if (!/\d/.test(cleaned)) return null;
  const digits = minorUnitDigits(currency);
  const lastDot = cleaned.lastIndexOf('.');
  const lastComma = cleaned.lastIndexOf(',');
  let decimalMark: string | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimalMark = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const occurrences = cleaned.split(mark).length - 1;
    const after = cleaned.length - cleaned.lastIndexOf(mark) - 1;
    if (occurrences === 1 && !(after === 3 && digits < 3 && mark !== localeDecimal)) decimalMark = mark;
  }
  let whole = cleaned;
  let fraction = '';
  if (decimalMark) {
    const at = cleaned.lastIndexOf(decimalMark);
    whole = cleaned.slice(0, at);
    fraction = cleaned.slice(at + 1);
  }
  whole = whole.replace(/[.,]/g, '');
  if (/[.,]/.test(fraction) || fraction.length > digits) return null;
  const amount = Number(whole || '0') * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(amount)) return null;
  return money(negative ? -amount : amount, currency);
}

/** The amount as the plain decimal an input field shows ("1234.50"), without grouping. */
export function moneyToInput(value: Money): string {
  const digits = minorUnitDigits(value.currency);
  if (digits === 0) return String(value.amount);
  const sign = value.amount < 0 ? '-' : '';
  const abs = Math.abs(value.amount);
  return `${sign}${Math.floor(abs / 10 ** digits)}.${String(abs % 10 ** digits).padStart(digits, '0')}`;
}
