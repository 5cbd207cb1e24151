import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMoney,
  formatMoney,
  isCurrencyCode,
  minorUnitDigits,
  money,
  moneyToInput,
  parseMoneyInput,
  scaleMoney,
  sumByCurrency,
  zero,
} from '@domain/money';

/** Intl puts no-break spaces between number and symbol; compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('money', () => {
  it('holds integer minor units only', () => {
    expect(money(123_450, 'USD')).toEqual({ amount: 123_450, currency: 'USD' });
    expect(money(-5, 'EUR')).toEqual({ amount: -5, currency: 'EUR' });
    expect(() => money(12.5, 'USD')).toThrow(RangeError);
    expect(() => money(0.1 + 0.2, 'USD')).toThrow(RangeError);
    expect(() => money(Number.NaN, 'USD')).toThrow(RangeError);
    expect(() => money(Number.MAX_SAFE_INTEGER + 1, 'USD')).toThrow(RangeError);
    expect(zero('MXN')).toEqual({ amount: 0, currency: 'MXN' });
  });

  it('refuses currency codes that are not ISO 4217 shaped', () => {
    expect(() => money(1, 'usd')).toThrow(RangeError);
    expect(() => money(1, 'US')).toThrow(RangeError);
    expect(() => money(1, 'US$')).toThrow(RangeError);
    expect(isCurrencyCode('CLP')).toBe(true);
    expect(isCurrencyCode(840)).toBe(false);
  });
});

describe('minorUnitDigits', () => {
  it('knows the decimals of each currency: 2 for USD, 0 for JPY and CLP', () => {
    expect(minorUnitDigits('USD')).toBe(2);
    expect(minorUnitDigits('EUR')).toBe(2);
    expect(minorUnitDigits('MXN')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('CLP')).toBe(0);
  });
});

describe('addMoney and sumByCurrency', () => {
  it('adds amounts of one currency and refuses to add two currencies', () => {
    expect(addMoney(money(150, 'USD'), money(250, 'USD'))).toEqual(money(400, 'USD'));
    expect(() => addMoney(money(1, 'USD'), money(1, 'EUR'))).toThrow(RangeError);
  });

  it('never mixes currencies in a total', () => {
    const totals = sumByCurrency([
      money(1000, 'USD'),
      money(700, 'EUR'),
      money(250, 'USD'),
      money(50_000, 'MXN'),
      money(-100, 'EUR'),
    ]);
    expect(totals).toEqual([money(600, 'EUR'), money(50_000, 'MXN'), money(1250, 'USD')]);
    expect(sumByCurrency([])).toEqual([]);
  });

  it('keeps one total per currency whose amount is the sum of that currency alone (property)', () => {
    const currencies = ['USD', 'EUR', 'MXN', 'JPY'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ amount: fc.integer({ min: -1e9, max: 1e9 }), currency: fc.constantFrom(...currencies) })),
        (values) => {
          const totals = sumByCurrency(values);
          const expected = new Map<string, number>();
          for (const v of values) expected.set(v.currency, (expected.get(v.currency) ?? 0) + v.amount);
          return totals.length === expected.size && totals.every((t) => expected.get(t.currency) === t.amount);
        },
      ),
    );
  });
});

describe('scaleMoney', () => {
  it('rounds half away from zero', () => {
    expect(scaleMoney(money(5, 'USD'), 0.5)).toEqual(money(3, 'USD'));
    expect(scaleMoney(money(-5, 'USD'), 0.5)).toEqual(money(-3, 'USD'));
    expect(scaleMoney(money(4, 'USD'), 0.5)).toEqual(money(2, 'USD'));
    expect(scaleMoney(money(1001, 'USD'), 0.25)).toEqual(money(250, 'USD'));
    expect(scaleMoney(money(1003, 'USD'), 0.25)).toEqual(money(251, 'USD'));
  });

  it('rounds halves up even when the ratio has no exact binary form (45 × 0.7 = 31.5 → 32)', () => {
    expect(scaleMoney(money(150, 'USD'), 0.35)).toEqual(money(53, 'USD'));
    expect(scaleMoney(money(45, 'USD'), 0.7)).toEqual(money(32, 'USD'));
    expect(scaleMoney(money(-45, 'USD'), 0.7)).toEqual(money(-32, 'USD'));
  });

  it('equals exact integer arithmetic for every whole-percent ratio (property)', () => {
    // Small amounts hit exact halves often; large ones check that nothing overflows.
    const amounts = fc.oneof(fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: -1e12, max: 1e12 }));
    fc.assert(
      fc.property(amounts, fc.integer({ min: 0, max: 100 }), (amount, percent) => {
        const exact = BigInt(amount) * BigInt(percent);
        const abs = exact < 0n ? -exact : exact;
        let q = abs / 100n;
        if ((abs % 100n) * 2n >= 100n) q += 1n;
        const expected = Number(exact < 0n ? -q : q);
        return scaleMoney(money(amount, 'USD'), percent / 100).amount === expected;
      }),
    );
  });

  it('scales by quantities and keeps the currency', () => {
    expect(scaleMoney(money(1999, 'EUR'), 3)).toEqual(money(5997, 'EUR'));
    expect(scaleMoney(money(1000, 'JPY'), 0)).toEqual(money(0, 'JPY'));
    expect(scaleMoney(money(1, 'USD'), 1e-7)).toEqual(money(0, 'USD'));
    expect(scaleMoney(money(100, 'USD'), 1.5e3)).toEqual(money(150_000, 'USD'));
    expect(scaleMoney(money(100, 'USD'), 2.5e-21)).toEqual(money(0, 'USD'));
  });

  it('refuses ratios that are not finite numbers, and results beyond a safe integer', () => {
    expect(() => scaleMoney(money(100, 'USD'), Number.NaN)).toThrow(RangeError);
    expect(() => scaleMoney(money(100, 'USD'), Infinity)).toThrow(RangeError);
    expect(() => scaleMoney(money(Number.MAX_SAFE_INTEGER, 'USD'), 2)).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it('formats in English and Spanish from minor units', () => {
    expect(formatMoney(money(123_450, 'USD'), 'en')).toBe('$1,234.50');
    expect(plain(formatMoney(money(123_450, 'USD'), 'es'))).toBe('1234,50 US$');
    expect(plain(formatMoney(money(1_234_550, 'EUR'), 'es'))).toBe('12.345,50 €');
    expect(formatMoney(money(-999, 'USD'), 'en')).toBe('-$9.99');
  });

  it('formats zero-decimal currencies without dividing', () => {
    expect(formatMoney(money(1234, 'JPY'), 'en')).toBe('¥1,234');
    expect(plain(formatMoney(money(150_000, 'CLP'), 'en'))).toBe('CLP 150,000');
  });

  it('abbreviates large amounts in compact mode', () => {
    expect(formatMoney(money(1_234_500, 'USD'), 'en', { compact: true })).toBe('$12.3K');
  });
});

describe('parseMoneyInput', () => {
  const cases: [string, string, string, number | null][] = [
    ['1,234.50', 'USD', 'en', 123_450],
    ['1.234,50', 'USD', 'es', 123_450],
    ['1.234,50', 'EUR', 'en', 123_450],
    ['1,234.50', 'EUR', 'es', 123_450],
    ['1234.5', 'USD', 'en', 123_450],
    ['1234,5', 'USD', 'es', 123_450],
    ['1234.5', 'USD', 'es', 123_450],
    ['$ 99', 'USD', 'en', 9900],
    ['US$99.99', 'USD', 'en', 9999],
    ['99 €', 'EUR', 'es', 9900],
    ['0.5', 'USD', 'en', 50],
    ['.5', 'USD', 'en', 50],
    ['1,234', 'USD', 'en', 123_400],
    ['1.234', 'USD', 'es', 123_400],
    ['1,234,567', 'USD', 'en', 123_456_700],
    ['1.234.567', 'USD', 'es', 123_456_700],
    ['1,234,567.89', 'USD', 'en', 123_456_789],
    ['1,5', 'USD', 'en', 150],
    ['abc', 'USD', 'en', null],
    ['', 'USD', 'en', null],
    ['$', 'USD', 'en', null],
    ['12.345', 'USD', 'en', null],
    ['1.2.3,456', 'USD', 'es', null],
    ['99999999999999999', 'USD', 'en', null],
    ['-12.50', 'USD', 'en', -1250],
    ['- 12.50', 'USD', 'en', -1250],
    ['(12.50)', 'USD', 'en', -1250],
    ['-$12.50', 'USD', 'en', -1250],
    ['$-12.50', 'USD', 'en', -1250],
    ['-1.234,50 €', 'EUR', 'es', -123_450],
    ['1,234', 'JPY', 'en', 1234],
    ['¥1,234', 'JPY', 'en', 1234],
    ['1.234', 'JPY', 'es', 1234],
    ['1234', 'JPY', 'en', 1234],
    ['12.5', 'JPY', 'en', null],
    ['150.000', 'CLP', 'es', 150_000],
  ];

  it.each(cases)('reads %j in %s (%s) as %j', (text, currency, locale, expected) => {
    const parsed = parseMoneyInput(text, currency, locale);
    expect(parsed).toEqual(expected === null ? null : { amount: expected, currency });
  });

  it('reads back what moneyToInput writes (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e13, max: 1e13 }),
        fc.constantFrom('USD', 'EUR', 'MXN', 'JPY', 'CLP'),
        fc.constantFrom('en', 'es'),
        (amount, currency, locale) => {
          const value = money(amount, currency);
          return JSON.stringify(parseMoneyInput(moneyToInput(value), currency, locale)) === JSON.stringify(value);
        },
      ),
    );
  });

  it('reads back what formatMoney writes in the same locale (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e11, max: 1e11 }),
        fc.constantFrom('USD', 'EUR', 'MXN', 'JPY'),
        fc.constantFrom('en', 'es'),
        (amount, currency, locale) => {
          const value = money(amount, currency);
          return (
            JSON.stringify(parseMoneyInput(formatMoney(value, locale), currency, locale)) === JSON.stringify(value)
          );
        },
      ),
    );
  });
});

describe('moneyToInput', () => {
  it('writes the plain decimal an input shows, without grouping', () => {
    expect(moneyToInput(money(123_450, 'USD'))).toBe('1234.50');
    expect(moneyToInput(money(5, 'USD'))).toBe('0.05');
    expect(moneyToInput(money(-5, 'USD'))).toBe('-0.05');
    expect(moneyToInput(money(-123_456, 'EUR'))).toBe('-1234.56');
    expect(moneyToInput(money(1234, 'JPY'))).toBe('1234');
    expect(moneyToInput(money(0, 'USD'))).toBe('0.00');
  });
});
