import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate, isIsoDateTime, nowIso, toIso, toIsoDate } from '@domain/time';

describe('isIsoDate', () => {
  it('accepts real calendar dates, leap days included', () => {
    for (const d of ['2026-01-01', '2026-12-31', '2024-02-29', '2000-02-29', '2026-04-30'])
      expect(isIsoDate(d)).toBe(true);
  });

  it('rejects dates that do not exist, such as 2026-02-30', () => {
    for (const d of ['2026-02-30', '2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00'])
      expect(isIsoDate(d)).toBe(false);
  });

  it('rejects other shapes and non-strings', () => {
    for (const d of ['2026-1-01', '26-01-01', '2026/01/01', '2026-01-01T00:00:00Z', ' 2026-01-01', '', null, 20260101])
      expect(isIsoDate(d)).toBe(false);
  });
});

describe('isIsoDateTime', () => {
  it('accepts UTC ISO times with or without milliseconds', () => {
    expect(isIsoDateTime('2026-03-02T15:04:05.123Z')).toBe(true);
    expect(isIsoDateTime('2026-03-02T15:04:05Z')).toBe(true);
    expect(isIsoDateTime(toIso(Date.UTC(2024, 1, 29, 23, 59, 59, 999)))).toBe(true);
  });

  it('rejects local times, offsets and plain dates: times are stored in UTC', () => {
    for (const t of ['2026-03-02T15:04:05', '2026-03-02T15:04:05+01:00', '2026-03-02', '2026-03-02 15:04:05Z', 1, null])
      expect(isIsoDateTime(t)).toBe(false);
  });

  it('rejects times on days that do not exist, such as 2026-02-30', () => {
    expect(isIsoDateTime('2026-02-30T10:00:00.000Z')).toBe(false);
    expect(isIsoDateTime('2026-04-31T10:00:00Z')).toBe(false);
  });

  it('rejects impossible times of day', () => {
    for (const t of ['2026-03-02T24:00:00Z', '2026-03-02T23:60:00Z', '2026-03-02T25:00:00Z'])
      expect(isIsoDateTime(t)).toBe(false);
  });
});

describe('daysBetween', () => {
  it('counts whole days between dates, negative when the second is earlier', () => {
    expect(daysBetween('2026-03-01', '2026-03-11')).toBe(10);
    expect(daysBetween('2026-03-11', '2026-03-01')).toBe(-10);
    expect(daysBetween('2026-03-01', '2026-03-01')).toBe(0);
  });

  it('ignores the time of day', () => {
    expect(daysBetween('2026-03-01T23:59:59.999Z', '2026-03-02T00:00:00.000Z')).toBe(1);
    expect(daysBetween('2026-03-01T00:00:00.000Z', '2026-03-01T23:59:59.999Z')).toBe(0);
    expect(daysBetween('2026-03-01T12:00:00Z', '2026-03-04')).toBe(3);
  });

  it('counts leap days and year ends', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
  });
});

describe('addDays', () => {
  it('moves across month and year ends in both directions', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-03-10', 0)).toBe('2026-03-10');
    expect(addDays('2026-03-10', 365)).toBe('2027-03-10');
  });

  it('is undone by daysBetween', () => {
    for (const n of [-400, -31, -1, 0, 1, 29, 59, 366])
      expect(daysBetween('2026-03-02', addDays('2026-03-02', n))).toBe(n);
  });
});

describe('toIso, toIsoDate and nowIso', () => {
  it('print UTC with milliseconds', () => {
    expect(toIso(Date.UTC(2026, 2, 2, 3, 4, 5, 6))).toBe('2026-03-02T03:04:05.006Z');
    expect(toIsoDate(Date.UTC(2026, 2, 2, 23, 59))).toBe('2026-03-02');
  });

  it('read the injected clock', () => {
    expect(nowIso(() => Date.UTC(2026, 0, 1))).toBe('2026-01-01T00:00:00.000Z');
    expect(isIsoDateTime(nowIso())).toBe(true);
  });
});
