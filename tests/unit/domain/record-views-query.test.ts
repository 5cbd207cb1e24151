import { describe, expect, it } from 'vitest';
import { viewQuery, type ViewReader } from '@domain/record-views/view-query';
import { VIEW_TOKENS, type ViewFilter, type ViewState } from '@domain/record-views/view-state';
import type { ViewSection } from '@domain/schemas/saved-view';

const reader: ViewReader = {
  id: '0190a000-0000-7000-8000-000000000001',
  teamId: '0190a000-0000-7000-8000-0000000000aa',
  teamMemberIds: ['0190a000-0000-7000-8000-000000000001', '0190a000-0000-7000-8000-000000000002'],
};
// 15 February 2026, 23:30 UTC: still the 15th in UTC whatever the machine's zone.
const now = new Date('2026-02-15T23:30:00.000Z');

const filter = (field: string, op: ViewFilter['op'], value: unknown = null): ViewFilter => ({
  field,
  op,
  value: JSON.stringify(value),
});

function query(section: ViewSection, filters: ViewFilter[], sort: ViewState['sort'] = []) {
  return viewQuery(section, { filters, sort }, reader, now);
}

describe('viewQuery', () => {
  it('lists only records outside the bin, even with no filter', () => {
    expect(query('contacts', []).selector).toEqual({ deletedAt: null });
  });

  it('orders by the section’s indexed name, ties by id, when the view names no sortable field', () => {
    expect(query('contacts', []).sort).toEqual([{ nameKey: 'asc' }, { id: 'asc' }]);
    expect(query('contacts', [], [{ field: 'email', direction: 'desc' }]).sort).toEqual([
      { nameKey: 'asc' },
      { id: 'asc' },
    ]);
  });

  it('sorts by an indexed field in the direction the view asks', () => {
    expect(query('deals', [], [{ field: 'expectedCloseDate', direction: 'desc' }]).sort).toEqual([
      { expectedCloseDate: 'desc' },
      { id: 'desc' },
    ]);
    expect(query('activities', [], [{ field: 'dueAt', direction: 'asc' }]).sort).toEqual([
      { dueAt: 'asc' },
      { id: 'asc' },
    ]);
  });

  it('finds text containing the typed words, case-insensitively, with regex characters taken literally', () => {
    expect(query('contacts', [filter('email', 'contains', 'a.b+')]).selector.email).toEqual({
      $regex: 'a\\.b\\+',
      $options: 'i',
    });
  });

  it('matches a name on its normalized key, so accents and case do not matter', () => {
    expect(query('contacts', [filter('name', 'eq', 'Núñez  Ana')]).selector.nameKey).toEqual({ $eq: 'nunez ana' });
  });

  it('filters eq, neq and in on an enum', () => {
    expect(query('leads', [filter('status', 'eq', 'NEW')]).selector.status).toEqual({ $eq: 'NEW' });
    expect(query('leads', [filter('status', 'neq', 'NEW')]).selector.status).toEqual({ $ne: 'NEW' });
    expect(query('leads', [filter('status', 'in', ['NEW', 'CONTACTED'])]).selector.status).toEqual({
      $in: ['NEW', 'CONTACTED'],
    });
  });

  it('filters empty and notEmpty on a text, a nullable money and tags', () => {
    expect(query('contacts', [filter('title', 'empty')]).selector.title).toEqual({ $eq: '' });
    expect(query('contacts', [filter('title', 'notEmpty')]).selector.title).toEqual({ $ne: '' });
    expect(query('leads', [filter('estimatedValue', 'empty')]).selector.estimatedValue).toEqual({ $eq: null });
    expect(query('contacts', [filter('tags', 'empty')]).selector.tags).toEqual({ $size: 0 });
    expect(query('contacts', [filter('tags', 'notEmpty')]).selector.tags).toEqual({ $not: { $size: 0 } });
    expect(query('contacts', [filter('tags', 'in', ['vip'])]).selector.tags).toEqual({ $in: ['vip'] });
  });

  it('compares money on its amount in minor units, with gte, lte and between', () => {
    expect(query('deals', [filter('value', 'gte', 100_000)]).selector['value.amount']).toEqual({ $gte: 100_000 });
    expect(query('deals', [filter('value', 'lte', 5)]).selector['value.amount']).toEqual({ $lte: 5 });
    expect(query('deals', [filter('value', 'between', [1, 9])]).selector['value.amount']).toEqual({
      $gte: 1,
      $lte: 9,
    });
  });

  it('compares a money filter in its own currency only, on amounts in that currency’s minor units', () => {
    const yen = query('deals', [filter('value', 'gte', { currency: 'JPY', amount: 150_000 })]).selector;
    expect(yen['value.amount']).toEqual({ $gte: 150_000 });
    expect(yen['value.currency']).toEqual({ $eq: 'JPY' });
    const range = query('leads', [filter('estimatedValue', 'between', { currency: 'KWD', from: 1_500, to: 2_250 })]);
    expect(range.selector['estimatedValue.amount']).toEqual({ $gte: 1_500, $lte: 2_250 });
    expect(range.selector['estimatedValue.currency']).toEqual({ $eq: 'KWD' });
    expect(range.ignored).toEqual([]);
  });

  it('matches nothing for two money bounds in different currencies, and skips a currency that is no ISO code', () => {
    const mixed = query('deals', [
      filter('value', 'gte', { currency: 'USD', amount: 100 }),
      filter('value', 'lte', { currency: 'JPY', amount: 900 }),
    ]);
    expect(mixed.selector['value.amount']).toEqual({ $gte: 100, $lte: 900 });
    expect(mixed.selector['value.currency']).toEqual({ $eq: 'USD' });
    expect(mixed.selector.$and).toEqual([{ 'value.currency': { $eq: 'JPY' } }]);
    const unknown = filter('value', 'gte', { currency: 'dollars', amount: 1 });
    const fractional = filter('value', 'gte', { currency: 'USD', amount: 1.5 });
    expect(query('deals', [unknown, fractional]).ignored).toEqual([unknown, fractional]);
  });

  it('reads a day on a date-time field as the whole UTC day', () => {
    expect(query('activities', [filter('dueAt', 'eq', '2026-02-01')]).selector.dueAt).toEqual({
      $gte: '2026-02-01T00:00:00.000Z',
      $lte: '2026-02-01T23:59:59.999Z',
    });
    expect(query('activities', [filter('dueAt', 'between', ['2026-02-01', '2026-02-03'])]).selector.dueAt).toEqual({
      $gte: '2026-02-01T00:00:00.000Z',
      $lte: '2026-02-03T23:59:59.999Z',
    });
  });

  it('resolves @me to the reader, on eq and inside a list', () => {
    expect(query('leads', [filter('owner', 'eq', VIEW_TOKENS.me)]).selector.ownerId).toEqual({ $eq: reader.id });
    expect(query('leads', [filter('owner', 'in', [VIEW_TOKENS.me, ''])]).selector.ownerId).toEqual({
      $in: [reader.id, ''],
    });
  });

  it('resolves @myTeam to the reader’s team, or to its members for an owner', () => {
    expect(query('leads', [filter('team', 'eq', VIEW_TOKENS.myTeam)]).selector.teamId).toEqual({
      $eq: reader.teamId,
    });
    expect(query('leads', [filter('owner', 'eq', VIEW_TOKENS.myTeam)]).selector.ownerId).toEqual({
      $in: reader.teamMemberIds,
    });
    expect(query('leads', [filter('owner', 'neq', VIEW_TOKENS.myTeam)]).selector.ownerId).toEqual({
      $nin: reader.teamMemberIds,
    });
  });

  it('resolves @today, @startOfMonth and @endOfMonth in UTC', () => {
    expect(query('deals', [filter('expectedCloseDate', 'eq', VIEW_TOKENS.today)]).selector.expectedCloseDate).toEqual({
      $gte: '2026-02-15',
      $lte: '2026-02-15',
    });
    expect(
      query('deals', [filter('expectedCloseDate', 'between', [VIEW_TOKENS.startOfMonth, VIEW_TOKENS.endOfMonth])])
        .selector.expectedCloseDate,
    ).toEqual({ $gte: '2026-02-01', $lte: '2026-02-28' });
    expect(query('activities', [filter('dueAt', 'lte', VIEW_TOKENS.today)]).selector.dueAt).toEqual({
      $lte: '2026-02-15T23:59:59.999Z',
    });
  });

  it('asks "has no company" as a yes/no question about the company link', () => {
    expect(query('contacts', [filter('noCompany', 'eq', true)]).selector.companyId).toEqual({ $eq: '' });
    expect(query('contacts', [filter('noCompany', 'eq', false)]).selector.companyId).toEqual({ $ne: '' });
  });

  it('merges two bounds on one field into one range, and requires two contains through $and', () => {
    const range = query('deals', [filter('value', 'gte', 10), filter('value', 'lte', 20)]);
    expect(range.selector['value.amount']).toEqual({ $gte: 10, $lte: 20 });
    const both = query('contacts', [filter('email', 'contains', 'ana'), filter('email', 'contains', 'acme')]);
    expect(both.selector.email).toEqual({ $regex: 'ana', $options: 'i' });
    expect(both.selector.$and).toEqual([{ email: { $regex: 'acme', $options: 'i' } }]);
  });

  it('skips, and reports, a filter on an unknown field, with an op the field does not allow or an unreadable value', () => {
    const bad = [
      filter('shoeSize', 'eq', 42),
      filter('status', 'contains', 'NEW'),
      { field: 'email', op: 'eq', value: '{not json' } as ViewFilter,
      filter('value', 'gte', 'lots'),
    ];
    const result = query('leads', bad);
    expect(result.ignored).toEqual(bad);
    expect(result.selector).toEqual({ deletedAt: null });
  });
});
