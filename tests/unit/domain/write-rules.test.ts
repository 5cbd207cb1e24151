import { describe, expect, it } from 'vitest';
import { editRecord } from '@domain/record-edits';
import { checkRecordWrite, type WriteLookups } from '@domain/write-rules';
import {
  BASE_MS,
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
const lookups: WriteLookups = {
  pipeline: (id) => (id === pipeline.id ? pipeline : undefined),
  // A day after the fixtures' records were made, judged for someone who cannot make pipelines.
  nowMs: BASE_MS + 86_400_000,
  pipelineMayBePending: false,
};

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
      'lead.notConverted',
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

  it('refuses forged field clocks before any other rule, on a new record and on an edit', () => {
    const deal = makeDeal();
    const forged = { ...deal, title: '', clocks: { title: '999999999999999-00000-evil' } };
    expect(checkRecordWrite('deals', null, forged, lookups).map((e) => e.code)).toEqual(['record.invalidFieldClock']);
    const contact = makeContact();
    const edited = editRecord('contacts', contact, { title: 'CFO' }, ctxAt(9))!;
    expect(
      checkRecordWrite('contacts', contact, { ...edited, clocks: { ...edited.clocks, nope: edited.hlc } }, lookups),
    ).toEqual([expect.objectContaining({ code: 'record.clockOfUnknownField', params: { field: 'nope' } })]);
  });

  it('refuses times out of range in every collection', () => {
    const year9999 = '9999-12-31T00:00:00.000Z';
    for (const [collection, record] of Object.entries(sampleRecords())) {
      const errors = checkRecordWrite(collection as never, null, { ...record, createdAt: year9999 } as never, lookups);
      expect(
        errors.map((e) => e.code),
        collection,
      ).toEqual(['record.timeOutOfRange']);
    }
  });

  it('refuses a deal on a pipeline that does not exist unless its writer may have made it offline', () => {
    const deal = makeDeal({ pipelineId: testId(0xbad) });
    expect(checkRecordWrite('deals', null, deal, lookups).map((e) => e.code)).toEqual(['deal.unknownPipeline']);
    expect(checkRecordWrite('deals', null, deal, { ...lookups, pipelineMayBePending: true })).toEqual([]);
  });

  it('delegates pipelines to the pipeline rules', () => {
    const broken = { ...pipeline, stages: pipeline.stages.map((s) => ({ ...s, retired: true })) };
    expect(checkRecordWrite('pipelines', pipeline, broken, lookups).map((e) => e.code)).toEqual(['pipeline.noStages']);
  });
});
