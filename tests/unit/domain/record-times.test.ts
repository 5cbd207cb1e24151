import { describe, expect, it } from 'vitest';
import { MAX_CLOCK_DRIFT_MS } from '@domain/hlc';
import { checkStampedTime, checkTypedDate, typedDateRange } from '@domain/record-times';
import { checkRecordTimes } from '@domain/write-rules';
import { toIso } from '@domain/time';
import { BASE_MS, makeActivity, makeDeal, makeLead, sampleRecords } from './fixtures';

/** The server's clock a little after the fixtures' records were made. */
const NOW = BASE_MS + 2 * 60 * 60_000;
const YEAR_9999 = '9999-12-31T00:00:00.000Z';

describe('typed dates (expected close, due date)', () => {
  it('range from 1970-01-01 to the same day 50 years ahead', () => {
    expect(typedDateRange(Date.parse('2026-03-02T15:00:00Z'))).toEqual({ min: '1970-01-01', max: '2076-03-02' });
  });

  it('refuse the year 9999 and days before 1970, naming the range', () => {
    expect(checkTypedDate('dueAt', YEAR_9999, NOW)).toEqual(
      expect.objectContaining({
        code: 'record.dateOutOfRange',
        params: { field: 'dueAt', min: '1970-01-01', max: '2076-03-02' },
      }),
    );
    expect(checkTypedDate('expectedCloseDate', '1969-12-31', NOW)?.code).toBe('record.dateOutOfRange');
    expect(checkTypedDate('expectedCloseDate', '2076-03-02', NOW)).toBeNull();
    expect(checkTypedDate('dueAt', '1970-01-01T00:00:00.000Z', NOW)).toBeNull();
  });
});

describe('stamped times (created, closed, qualified…)', () => {
  it('are refused when later than now by more than the clock skew the server allows, or before 1970', () => {
    expect(checkStampedTime('createdAt', toIso(NOW + MAX_CLOCK_DRIFT_MS), NOW)).toBeNull();
    expect(checkStampedTime('createdAt', toIso(NOW + MAX_CLOCK_DRIFT_MS + 1000), NOW)).toEqual(
      expect.objectContaining({ code: 'record.timeOutOfRange', params: { field: 'createdAt' } }),
    );
    expect(checkStampedTime('closedAt', YEAR_9999, NOW)?.code).toBe('record.timeOutOfRange');
    expect(checkStampedTime('createdAt', '1969-12-31T23:59:59.999Z', NOW)?.code).toBe('record.timeOutOfRange');
  });
});

describe('checkRecordTimes', () => {
  it('accepts every record the app makes', () => {
    for (const [collection, record] of Object.entries(sampleRecords()))
      expect(checkRecordTimes(collection as never, null, record as never, NOW)).toEqual([]);
  });

  it('refuses a record created, updated or deleted in the year 9999', () => {
    for (const field of ['createdAt', 'updatedAt', 'deletedAt'] as const) {
      const deal = { ...makeDeal(), [field]: YEAR_9999 };
      expect(checkRecordTimes('deals', null, deal, NOW)).toEqual([
        expect.objectContaining({ code: 'record.timeOutOfRange', params: { field } }),
      ]);
    }
  });

  it('refuses the times each collection stamps, and a due date nobody could have typed', () => {
    const fields = (collection: string, errors: readonly { params?: Record<string, unknown> }[]) =>
      errors.map((e) => `${collection}.${String(e.params?.field)}`);
    expect(
      fields(
        'deals',
        checkRecordTimes('deals', null, { ...makeDeal(), stageEnteredAt: YEAR_9999, closedAt: YEAR_9999 }, NOW),
      ),
    ).toEqual(['deals.stageEnteredAt', 'deals.closedAt']);
    expect(
      fields(
        'leads',
        checkRecordTimes('leads', null, { ...makeLead(), qualifiedAt: YEAR_9999, convertedAt: YEAR_9999 }, NOW),
      ),
    ).toEqual(['leads.qualifiedAt', 'leads.convertedAt']);
    const activity = { ...makeActivity(), dueAt: YEAR_9999, completedAt: YEAR_9999 };
    expect(checkRecordTimes('activities', null, activity, NOW).map((e) => [e.code, e.params?.field])).toEqual([
      ['record.timeOutOfRange', 'completedAt'],
      ['record.dateOutOfRange', 'dueAt'],
    ]);
  });

  it('takes a due date years ahead: people plan', () => {
    const activity = { ...makeActivity(), dueAt: '2070-01-15T09:00:00.000Z', completedAt: null };
    expect(checkRecordTimes('activities', null, activity, NOW)).toEqual([]);
  });

  it('judges only the times an edit changes, so a record stored before the rule stays editable', () => {
    const stored = { ...makeDeal(), createdAt: YEAR_9999, stageEnteredAt: YEAR_9999 };
    expect(checkRecordTimes('deals', stored, { ...stored, notes: 'called back' }, NOW)).toEqual([]);
    expect(
      checkRecordTimes('deals', stored, { ...stored, deletedAt: YEAR_9999 }, NOW).map((e) => e.params?.field),
    ).toEqual(['deletedAt']);
  });
});
