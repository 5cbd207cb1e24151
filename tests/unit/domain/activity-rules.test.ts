import { describe, expect, it } from 'vitest';
import { activityDonePatch, checkActivityFields } from '@domain/activity-rules';
import { dealFieldFixedByStatus } from '@domain/deal-lifecycle';
import { editRecord } from '@domain/record-edits';
import { checkRecordWrite, type WriteLookups } from '@domain/write-rules';
import { BASE_MS, ctxAt, makeActivity, makeDeal } from './fixtures';

const lookups: WriteLookups = { pipeline: () => undefined, nowMs: BASE_MS + 86_400_000, pipelineMayBePending: false };

describe('an activity’s own fields', () => {
  it('refuses a subject of spaces or over 300 characters, and judges only a changed subject', () => {
    const call = makeActivity({ subject: 'Call Ana' });
    expect(checkActivityFields({ subject: '   ' }, call).map((e) => e.code)).toEqual(['activity.subjectRequired']);
    expect(checkActivityFields({ subject: 'x'.repeat(301) }, call).map((e) => e.code)).toEqual([
      'activity.subjectTooLong',
    ]);
    expect(checkActivityFields({ subject: 'Call Ana back' }, call)).toEqual([]);
    // Stored before the rule: its other fields can still be edited.
    expect(checkActivityFields({ subject: ' ' }, { subject: ' ' })).toEqual([]);
  });

  it('is refused by the write check the server runs, as the table refuses it', () => {
    const call = makeActivity({ subject: 'Call Ana' });
    const blank = editRecord('activities', call, { subject: '  ' }, ctxAt(9))!;
    expect(checkRecordWrite('activities', call, blank, lookups).map((e) => e.code)).toEqual([
      'activity.subjectRequired',
    ]);
  });

  it('stamps when an activity is marked done, clears it when not, and keeps the time of one already done', () => {
    const at = '2026-03-03T10:00:00.000Z';
    expect(activityDonePatch({ completedAt: null }, true, at)).toEqual({ completedAt: at });
    expect(activityDonePatch({ completedAt: '2026-03-01T09:00:00.000Z' }, false, at)).toEqual({ completedAt: null });
    expect(activityDonePatch({ completedAt: '2026-03-01T09:00:00.000Z' }, true, at)).toBeNull();
    expect(activityDonePatch({ completedAt: null }, false, at)).toBeNull();
  });
});

describe('a deal’s fields its status decides', () => {
  it('fixes a won or lost deal’s probability, pipeline and stage until it is reopened, and nothing of an open one', () => {
    for (const status of ['WON', 'LOST'] as const) {
      const closed = makeDeal({ status });
      expect(dealFieldFixedByStatus(closed, 'probability')).toBe(true);
      expect(dealFieldFixedByStatus(closed, 'stageId')).toBe(true);
      expect(dealFieldFixedByStatus(closed, 'pipelineId')).toBe(true);
      expect(dealFieldFixedByStatus(closed, 'title')).toBe(false);
      expect(dealFieldFixedByStatus(closed, 'value')).toBe(false);
    }
    expect(dealFieldFixedByStatus(makeDeal({ status: 'OPEN' }), 'probability')).toBe(false);
  });
});
