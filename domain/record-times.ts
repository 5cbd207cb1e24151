import { domainError, type DomainError } from './errors';
import { MAX_CLOCK_DRIFT_MS } from './hlc';
import { toIsoDate, type IsoDate, type IsoDateTime } from './time';

/** No record of this business happened before this day (the Unix epoch, where a zeroed clock lands). */
export const EARLIEST_DATE: IsoDate = '1970-01-01';
const EARLIEST_MS = Date.parse(`${EARLIEST_DATE}T00:00:00.000Z`);

/** How far ahead a date a person types may be: further than any plan, nearer than a typo's 9999. */
export const TYPED_DATE_YEARS_AHEAD = 50;

/** The days a person may type for a date (an expected close, a due date), inclusive. */
export function typedDateRange(nowMs: number): { min: IsoDate; max: IsoDate } {
  const latest = new Date(nowMs);
  latest.setUTCFullYear(latest.getUTCFullYear() + TYPED_DATE_YEARS_AHEAD);
  return { min: EARLIEST_DATE, max: toIsoDate(latest.getTime()) };
}

/**
 * A date a person typed (`YYYY-MM-DD`, or the day of a date-time) between 1970 and 50 years from
 * now; null when it is, or when it is not a date at all (shape rules say so elsewhere).
 */
export function checkTypedDate(field: string, value: IsoDate | IsoDateTime, nowMs: number): DomainError | null {
  const day = value.slice(0, 10);
  const { min, max } = typedDateRange(nowMs);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || (day >= min && day <= max)) return null;
  return domainError('record.dateOutOfRange', `${field} ${day} is not between ${min} and ${max}`, { field, min, max });
}

/**
 * A time a device stamps itself (created, closed, qualified…): from 1970 to now, give or take the
 * clock skew the server allows for `hlc`. A later one comes from a wrong device clock or a forged
 * write, and would sort before everything real in every list ordered by it.
 */
export function checkStampedTime(field: string, value: IsoDateTime, nowMs: number): DomainError | null {
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || (ms >= EARLIEST_MS && ms <= nowMs + MAX_CLOCK_DRIFT_MS)) return null;
  return domainError(
    'record.timeOutOfRange',
    ms < EARLIEST_MS
      ? `${field} ${value} is before ${EARLIEST_DATE}`
      : `${field} ${value} is in the future; fix the device's date and time`,
    { field },
  );
}
