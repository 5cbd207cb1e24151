import { searchKey } from '../derived-fields';
import { containsCondition } from './contains-filter';
import type { Actor } from '../permissions';
import { MONEY_COMPARISONS, readMoneyFilter } from './money-filter';
import { fieldPath, viewField, type ViewField } from './view-fields';
import { VIEW_TOKENS, type ViewFilter, type ViewSection, type ViewSort, type ViewState } from './view-state';

/** Who reads the view: `@me` and `@myTeam` are resolved against them. */
export type ViewReader = Pick<Actor, 'id' | 'teamId' | 'teamMemberIds'>;

export type MangoCondition = Record<string, unknown>;
export type MangoSelector = Record<string, unknown>;
export type MangoSort = Record<string, 'asc' | 'desc'>[];

export interface ViewQuery {
  /** Always holds `deletedAt: null`: records in the bin are not listed. */
  selector: MangoSelector;
  /**
   * The order: the view's first indexed sort, then the primary key in the same direction (ties in
   * a stable order, so a page read with skip/limit meets its neighbours exactly).
   */
  sort: MangoSort;
  /** The view's filters that name no field of the section or hold an unreadable value: skipped. */
  ignored: ViewFilter[];
}

/** The order a section lists in when the view names no sortable field. */
export const DEFAULT_SORT_PATH: Record<ViewSection, string> = {
  contacts: 'nameKey',
  leads: 'nameKey',
  companies: 'nameKey',
  deals: 'titleKey',
  pipeline: 'titleKey',
  activities: 'dueAt',
};

const DAY_MS = 86_400_000;

interface Clock {
  today: string;
  startOfMonth: string;
  endOfMonth: string;
}

function clockOf(now: Date): Clock {
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  return {
    today: iso(now.getTime()),
    startOfMonth: iso(Date.UTC(year, month, 1)),
    endOfMonth: iso(Date.UTC(year, month + 1, 1) - DAY_MS),
  };
}

/** A literal or token value, resolved against the reader and the clock (dates as `YYYY-MM-DD`). */
function resolveToken(value: unknown, reader: ViewReader, clock: Clock): unknown {
  switch (value) {
    case VIEW_TOKENS.me:
      return reader.id;
    case VIEW_TOKENS.myTeam:
      return TEAM;
    case VIEW_TOKENS.today:
      return clock.today;
    case VIEW_TOKENS.startOfMonth:
      return clock.startOfMonth;
    case VIEW_TOKENS.endOfMonth:
      return clock.endOfMonth;
    default:
      return value;
  }
}

/** `@myTeam` before it is known what field it is for: the team's id, or its members as owners. */
const TEAM = Symbol('myTeam');

class Unreadable extends Error {}

function parseValue(filter: ViewFilter): unknown {
  if (filter.op === 'empty' || filter.op === 'notEmpty') return null;
  try {
    return JSON.parse(filter.value);
  } catch {
    throw new Unreadable();
  }
}

/** A day (`YYYY-MM-DD`) or instant, as the bound the field compares with. */
function bound(f: ViewField, value: unknown, edge: 'start' | 'end'): string | number {
  if (f.kind === 'number' || f.kind === 'money') {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Unreadable();
    return value;
  }
  if (typeof value !== 'string' || value === '') throw new Unreadable();
  if (f.kind === 'dateTime' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return edge === 'start' ? `${value}T00:00:00.000Z` : `${value}T23:59:59.999Z`;
  }
  return value;
}

function scalar(f: ViewField, value: unknown, reader: ViewReader): unknown {
  if (value === TEAM) {
    if (f.kind === 'team') return reader.teamId;
    throw new Unreadable();
  }
  if (f.kind === 'text') {
    if (typeof value !== 'string') throw new Unreadable();
    return f.normalized ? searchKey(value) : value;
  }
  if (f.kind === 'number' || f.kind === 'money') {
    if (typeof value !== 'number') throw new Unreadable();
    return value;
  }
  if (typeof value !== 'string') throw new Unreadable();
  return value;
}

/** The property "blank" is tested on: a money filter reads the amount, but none is a null object. */
function blankPath(f: ViewField): string {
  const path = fieldPath(f);
  return f.kind === 'money' ? path.replace(/\.amount$/, '') : path;
}

function blankCondition(f: ViewField, blank: boolean): [string, MangoCondition | unknown] {
  if (f.kind === 'tags') return [fieldPath(f), blank ? { $size: 0 } : { $not: { $size: 0 } }];
  const none = f.blank === null ? null : '';
  return [blankPath(f), blank ? { $eq: none } : { $ne: none }];
}

/** One filter as `[property, condition]` for the selector. */
function conditionOf(
  f: ViewField,
  filter: ViewFilter,
  reader: ViewReader,
  clock: Clock,
): [string, MangoCondition | unknown] {
  const raw = parseValue(filter);
  const value = Array.isArray(raw) ? raw.map((v) => resolveToken(v, reader, clock)) : resolveToken(raw, reader, clock);
  const path = fieldPath(f);
  if (!f.ops.includes(filter.op)) throw new Unreadable();
  switch (filter.op) {
    case 'empty':
      return blankCondition(f, true);
    case 'notEmpty':
      return blankCondition(f, false);
    case 'contains': {
      const text = scalar(f, value, reader) as string;
      return [path, containsCondition(text)];
    }
    case 'eq':
    case 'neq': {
      if (f.kind === 'boolean') {
        if (typeof value !== 'boolean') throw new Unreadable();
        return blankCondition(f, (value === !!f.trueWhenBlank) === (filter.op === 'eq'));
      }
      if (value === TEAM && f.kind === 'owner') {
        return [path, { [filter.op === 'eq' ? '$in' : '$nin']: [...reader.teamMemberIds] }];
      }
      if (f.kind === 'date' || f.kind === 'dateTime') {
        if (filter.op === 'neq') throw new Unreadable();
        return [path, { $gte: bound(f, value, 'start'), $lte: bound(f, value, 'end') }];
      }
      return [path, { [filter.op === 'eq' ? '$eq' : '$ne']: scalar(f, value, reader) }];
    }
    case 'in': {
      if (!Array.isArray(value)) throw new Unreadable();
      const values = value.flatMap((v) =>
        v === TEAM && f.kind === 'owner' ? [...reader.teamMemberIds] : [scalar(f, v, reader)],
      );
      return [path, { $in: [...new Set(values)] }];
    }
    case 'gte':
      return [path, { $gte: bound(f, value, 'start') }];
    case 'lte':
      return [path, { $lte: bound(f, value, 'end') }];
    case 'between': {
      if (!Array.isArray(value) || value.length !== 2) throw new Unreadable();
      return [path, { $gte: bound(f, value[0], 'start'), $lte: bound(f, value[1], 'end') }];
    }
  }
}

/** The property holding a money field's currency, beside its amount. */
function currencyPath(f: ViewField): string {
  return fieldPath(f).replace(/\.amount$/, '.currency');
}

/**
 * One filter as the `[property, condition]` pairs it adds to the selector: a money comparison in
 * one currency (money-filter.ts) is two, its amounts and its currency. A bare number on a money
 * field, as views saved before currencies were named hold, still compares amounts alone.
 */
function conditionsOf(
  f: ViewField,
  filter: ViewFilter,
  reader: ViewReader,
  clock: Clock,
): [string, MangoCondition | unknown][] {
  if (f.kind === 'money' && MONEY_COMPARISONS.includes(filter.op)) {
    const raw = parseValue(filter);
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
      const money = readMoneyFilter(filter.op, raw);
      if (!money || !f.ops.includes(filter.op)) throw new Unreadable();
      const [from, to] = money.amounts;
      const range =
        filter.op === 'between'
          ? { $gte: from, $lte: to }
          : { [filter.op === 'eq' ? '$eq' : filter.op === 'gte' ? '$gte' : '$lte']: from };
      return [
        [fieldPath(f), range],
        [currencyPath(f), { $eq: money.currency }],
      ];
    }
  }
  return [conditionOf(f, filter, reader, clock)];
}

/** The view's order as an index can serve it: its first sortable field, else the section's default. */
export function viewSort(section: ViewSection, sort: readonly ViewSort[]): MangoSort {
  const first = sort.map((s) => ({ f: viewField(section, s.field), dir: s.direction })).find((s) => s.f?.sortPath);
  const path = first?.f?.sortPath ?? DEFAULT_SORT_PATH[section];
  const dir = first?.dir ?? 'asc';
  return [{ [path]: dir }, { id: dir }];
}

/**
 * The RxDB query of a section's list arranged by `state`, for `reader` at `now`. Pure: the same
 * state gives the same query, so a shared view ("My open leads", "Closing this month") is
 * resolved for each reader and day when it is read, never stored resolved.
 */
export function viewQuery(
  section: ViewSection,
  state: Pick<ViewState, 'filters' | 'sort'>,
  reader: ViewReader,
  now: Date,
): ViewQuery {
  const clock = clockOf(now);
  const selector: MangoSelector = {};
  const and: MangoSelector[] = [];
  const ignored: ViewFilter[] = [];
  for (const filter of state.filters) {
    const f = viewField(section, filter.field);
    if (!f) {
      ignored.push(filter);
      continue;
    }
    let entries: [string, unknown][];
    try {
      entries = conditionsOf(f, filter, reader, clock);
    } catch (error) {
      if (!(error instanceof Unreadable)) throw error;
      ignored.push(filter);
      continue;
    }
    for (const [path, condition] of entries) {
      const existing = selector[path] as MangoCondition | undefined;
      const clash = existing !== undefined && Object.keys(condition as MangoCondition).some((op) => op in existing);
      // Two filters on one property merge into one condition (an index range still serves it); two of
      // the same operator (two "contains") are both required through $and.
      if (clash) and.push({ [path]: condition });
      else selector[path] = { ...existing, ...(condition as MangoCondition) };
    }
  }
  selector.deletedAt = null;
  if (and.length > 0) selector.$and = and;
  return { selector, sort: viewSort(section, state.sort), ignored };
}
