/** Times are UTC ISO-8601 strings with milliseconds; calendar dates are `YYYY-MM-DD`. */
export type IsoDateTime = string;
export type IsoDate = string;

const DAY_MS = 86_400_000;

export function toIso(ms: number): IsoDateTime {
  return new Date(ms).toISOString();
}

export function nowIso(now: () => number = Date.now): IsoDateTime {
  return toIso(now());
}

export function isIsoDateTime(value: unknown): value is IsoDateTime {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(value) &&
    !Number.isNaN(Date.parse(value)) &&
    // Date.parse rolls 2026-02-30 and 24:00 over to the next day instead of refusing them.
    toIso(Date.parse(value)).slice(0, 10) === value.slice(0, 10)
  );
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = Date.parse(value + 'T00:00:00Z');
  return !Number.isNaN(ms) && toIso(ms).slice(0, 10) === value;
}

export function toIsoDate(ms: number): IsoDate {
  return toIso(ms).slice(0, 10);
}

/** The day on the wall calendar where the device is (its time zone), which is not always UTC's. */
export function localIsoDate(date: Date): IsoDate {
  return toIsoDate(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return toIsoDate(Date.parse(date + 'T00:00:00Z') + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier), ignoring the time of day. */
export function daysBetween(from: IsoDateTime | IsoDate, to: IsoDateTime | IsoDate): number {
  const a = Date.parse(from.slice(0, 10) + 'T00:00:00Z');
  const b = Date.parse(to.slice(0, 10) + 'T00:00:00Z');
  return Math.round((b - a) / DAY_MS);
}
