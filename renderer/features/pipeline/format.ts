import { minorUnitDigits, type Money } from '@domain/money';

const moneyFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Formatting with cached Intl formatters: a board formats thousands of amounts, and building an
 * Intl.NumberFormat costs far more than using one.
 */
export function formatAmount(value: Money, locale: string, compact = false): string {
  const key = `${locale}|${value.currency}|${compact ? 'c' : ''}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: value.currency,
      ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
    });
    moneyFormats.set(key, format);
  }
  return format.format(value.amount / 10 ** minorUnitDigits(value.currency));
}

/** Several currencies are listed side by side, never added together. */
export function formatAmounts(values: readonly Money[], locale: string, currency: string, compact = false): string {
  if (values.length === 0) return formatAmount({ amount: 0, currency }, locale, compact);
  return values.map((v) => formatAmount(v, locale, compact)).join(' + ');
}

/** A calendar date (YYYY-MM-DD), shown in the user's language without shifting by time zone. */
export function formatDay(date: string, locale: string): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}
