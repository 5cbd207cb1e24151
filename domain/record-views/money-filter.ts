import { isCurrencyCode } from '../money';
import type { FilterOp } from './view-state';

/**
 * A money filter's operand: amounts in minor units of one currency, so a range means the same in
 * yen (no decimals), dollars (two) and dinars (three). Only records in that currency match: the
 * amounts of two currencies are not comparable without a rate, which an offline device does not
 * have (docs/adr/0038-money-filters-per-currency.md). Stored as JSON in `ViewFilter.value`:
 * `{"currency":"JPY","amount":150000}` for eq, gte and lte, `{"currency":"JPY","from":1,"to":9}`
 * for between.
 */
export type MoneyFilterValue = { currency: string; amount: number } | { currency: string; from: number; to: number };

/** The operators a money filter compares amounts with. */
export const MONEY_COMPARISONS: readonly FilterOp[] = ['eq', 'gte', 'lte', 'between'];

/** The JSON a money filter stores for `op` in `currency` (amounts in its minor units). */
export function encodeMoneyFilter(op: FilterOp, currency: string, from: number, to?: number): string {
  return JSON.stringify(op === 'between' ? { currency, from, to } : { currency, amount: from });
}

/**
 * A parsed filter operand read as a money filter of `op`: its currency and its one or two amounts
 * (`[from, to]` for between), or null when it is not one (a bare number of an older view, a wrong
 * shape, an unknown currency, an amount that is not a whole number of minor units).
 */
export function readMoneyFilter(op: FilterOp, value: unknown): { currency: string; amounts: number[] } | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (!isCurrencyCode(v.currency)) return null;
  const amounts = op === 'between' ? [v.from, v.to] : [v.amount];
  if (!amounts.every((a): a is number => Number.isSafeInteger(a))) return null;
  return { currency: v.currency, amounts };
}
