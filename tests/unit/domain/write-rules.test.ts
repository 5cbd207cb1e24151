import { describe, expect, it } from 'vitest';
import { editRecord } from '@domain/record-edits';
import { checkRecordWrite, type WriteLookups } from '@domain/write-rules';
import {
  STAGE,
  USER_B,
  ctxAt,
  makeContact,
  makeDeal,
  makeLead,
  salesPipeline,
  sampleRecords,
  testId,
} from './fixtures';

const pipeline = salesPipeline();
const lookups: WriteLookups = { pipeline: (id) => (id === pipeline.id ? pipeline : undefined) };

describe('checkRecordWrite', () => {
  it('accepts a new record of every collection', () => {
    const records = sampleRecords();
    for (const [collection, record] of Object.entries(records))
      expect(checkRecordWrite(collection as keyof typeof records, null, record as never, lookups)).toEqual([]);
  });

  it('rejects editing a stage change: history is append-only', () => {
    const change = sampleRecords().stage_changes;
    const edited = editRecord('stage_changes', change, { toStageId: STAGE.demo }, ctxAt(30))!;
    expect(checkRecordWrite('stage_changes', change, edited, lookups).map((e) => e.code)).toEqual([
      'record.appendOnly',
    ]);
  });

  it('accepts a replayed stage change, even with different sync metadata', () => {
    const change = sampleRecords().stage_changes;
    const replay = { ...change, _rev: '2-abc', _meta: { lwt: 1 } } as typeof change;
    expect(checkRecordWrite('stage_changes', change, replay, lookups)).toEqual([]);
  });

  it('keeps createdAt and createdBy immutable', () => {
    const contact = makeContact();
    expect(
      checkRecordWrite('contacts', contact, { ...contact, createdAt: '2020-01-01T00:00:00.000Z' }, lookups),
    ).toEqual([expect.objectContaining({ code: 'record.immutableField', params: { field: 'createdAt' } })]);
    expect(checkRecordWrite('contacts', contact, { ...contact, createdBy: USER_B }, lookups)).toEqual([
      expect.objectContaining({ code: 'record.immutableField', params: { field: 'createdBy' } }),
    ]);
    expect(
      checkRecordWrite('contacts', contact, editRecord('contacts', contact, { title: 'CFO' }, ctxAt(9))!, lookups),
    ).toEqual([]);
  });

  it('delegates leads to the lead state machine', () => {
    const converted = makeLead({
      status: 'CONVERTED',
      qualifiedAt: '2026-03-02T15:00:00.000Z',
      convertedAt: '2026-03-02T15:00:00.000Z',
      convertedDealId: testId(0xdea1),
      contactId: testId(0xc101),
    });
    expect(checkRecordWrite('leads', converted, { ...converted, status: 'NEW' }, lookups).map((e) => e.code)).toEqual([
      'lead.transitionForbidden',
    ]);
    expect(checkRecordWrite('leads', null, { ...converted, qualifiedAt: null }, lookups).map((e) => e.code)).toEqual([
      'lead.convertNotQualified',
    ]);
  });

  it('delegates deals to the deal rules, looking their pipeline up', () => {
    const deal = makeDeal();
    expect(
      checkRecordWrite('deals', deal, { ...deal, status: 'LOST', closedAt: deal.createdAt }, lookups).map(
        (e) => e.code,
      ),
    ).toEqual(['deal.lostReasonRequired']);
    expect(checkRecordWrite('deals', null, { ...deal, stageId: 'not-a-stage' }, lookups).map((e) => e.code)).toEqual([
      'deal.unknownStage',
    ]);
  });

  it('delegates pipelines to the pipeline rules', () => {
    const broken = { ...pipeline, stages: pipeline.stages.map((s) => ({ ...s, retired: true })) };
    expect(checkRecordWrite('pipelines', pipeline, broken, lookups).map((e) => e.code)).toEqual(['pipeline.noStages']);
  });
});
