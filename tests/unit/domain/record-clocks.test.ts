import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '@domain/collections';
import { MAX_CLOCK_DRIFT_MS, formatHlc } from '@domain/hlc';
import { checkRecordClocks, isClockedField } from '@domain/record-clocks';
import { editRecord } from '@domain/record-edits';
import type { Deal } from '@domain/schemas/deal';
import { BASE_MS, ctxAt, makeDeal, sampleRecords } from './fixtures';

/** The server's clock a few minutes after the fixtures' edits. */
const NOW = BASE_MS + 10 * 60_000;
const clockAt = (ms: number, node = 'a') => formatHlc({ wallMs: ms, counter: 0, node });

/** A deal edited once (its title carries the edit's clock), as a device pushes it. */
function editedDeal(): Deal {
  return editRecord('deals', makeDeal(), { title: 'Summit Foods — renewal' }, ctxAt(60))!;
}

const codes = (deal: Deal, before: Deal | null = null) =>
  checkRecordClocks('deals', before, deal, NOW).map((e) => [e.code, e.params?.field]);

describe('checkRecordClocks', () => {
  it('accepts the clocks of every record the app makes, and of an edit', () => {
    for (const [collection, record] of Object.entries(sampleRecords()))
      expect(checkRecordClocks(collection as never, null, record as never, NOW)).toEqual([]);
    expect(codes(editedDeal())).toEqual([]);
  });

  it('refuses a field clock in the year 33658, which would win every merge of that field forever', () => {
    const deal = editedDeal();
    const forged = { ...deal, clocks: { ...deal.clocks, title: '999999999999999-00000-evil' } };
    expect(codes(forged)).toEqual([['record.invalidFieldClock', 'title']]);
  });

  it('refuses a field clock that is not a clock', () => {
    const deal = editedDeal();
    for (const garbage of ['garbage', '', '2026-03-02T15:00:00Z', '00000000000000-00000-a', `${deal.hlc} `]) {
      expect(codes({ ...deal, clocks: { ...deal.clocks, title: garbage } }), garbage).toEqual([
        ['record.invalidFieldClock', 'title'],
      ]);
    }
  });

  it('refuses a field clock later than the record’s own hlc, even by one tick', () => {
    const deal = editedDeal();
    const later = clockAt(BASE_MS + 60_000, 'b');
    expect(codes({ ...deal, clocks: { ...deal.clocks, notes: later } })).toEqual([
      ['record.invalidFieldClock', 'notes'],
    ]);
    expect(codes({ ...deal, clocks: { ...deal.clocks, notes: deal.hlc } })).toEqual([]);
  });

  it('refuses a field clock further ahead of the server than an hlc may be', () => {
    const ahead = BASE_MS + 60 * 60_000;
    const deal = { ...editedDeal(), hlc: clockAt(ahead + 1) };
    const stamped = { ...deal, clocks: { ...deal.clocks, notes: clockAt(ahead) } };
    expect(checkRecordClocks('deals', null, stamped, NOW)).toEqual([
      expect.objectContaining({ code: 'record.clockAhead', params: { field: 'notes' } }),
    ]);
    expect(checkRecordClocks('deals', null, stamped, ahead - MAX_CLOCK_DRIFT_MS)).toEqual([]);
  });

  it('refuses a clock for a field the collection does not have, or one no edit stamps', () => {
    const deal = editedDeal();
    for (const field of [
      'nope',
      'hlc',
      'clocks',
      'id',
      'createdAt',
      'updatedAt',
      'lostEdits',
      'titleKey',
      '_deleted',
    ]) {
      expect(codes({ ...deal, clocks: { ...deal.clocks, [field]: deal.hlc } }), field).toEqual([
        ['record.clockOfUnknownField', field],
      ]);
    }
    // A field of another collection is no field of this one.
    expect(codes({ ...deal, clocks: { ...deal.clocks, firstName: deal.hlc } })).toEqual([
      ['record.clockOfUnknownField', 'firstName'],
    ]);
  });

  it('accepts a clock on every field a user edits, deletedAt included', () => {
    const deal = editedDeal();
    const editable = ['title', 'value', 'stageId', 'notes', 'deletedAt', 'ownerId', 'lines'];
    const clocks = Object.fromEntries(editable.map((field) => [field, deal.hlc]));
    expect(codes({ ...deal, clocks })).toEqual([]);
  });

  it('checks the lost edits a merge wrote down: a clock, not after hlc, of an edited field', () => {
    const deal = editedDeal();
    const seen = clockAt(BASE_MS + 30_000, 'b');
    expect(codes({ ...deal, lostEdits: [{ field: 'title', clock: seen }] })).toEqual([]);
    expect(codes({ ...deal, lostEdits: [{ field: 'title', clock: '999999999999999-00000-evil' }] })).toEqual([
      ['record.invalidLostEdit', 'title'],
    ]);
    expect(codes({ ...deal, lostEdits: [{ field: 'title', clock: 'soon' }] })).toEqual([
      ['record.invalidLostEdit', 'title'],
    ]);
    expect(codes({ ...deal, lostEdits: [{ field: 'nope', clock: seen }] })).toEqual([
      ['record.invalidLostEdit', 'nope'],
    ]);
    expect(codes({ ...deal, lostEdits: [{ field: 'hlc', clock: seen }] })).toEqual([['record.invalidLostEdit', 'hlc']]);
  });

  it('names every bad entry at once', () => {
    const deal = editedDeal();
    const forged = { ...deal, clocks: { ...deal.clocks, notes: 'x', nope: deal.hlc } };
    expect(codes(forged)).toEqual([
      ['record.invalidFieldClock', 'notes'],
      ['record.clockOfUnknownField', 'nope'],
    ]);
  });

  it('lets a record stored with a bad clock before this rule be edited, and judges what the edit changes', () => {
    const stored = { ...makeDeal(), clocks: { title: '999999999999999-00000-evil', nope: 'x' } };
    const edit = editRecord('deals', stored, { notes: 'called back' }, ctxAt(60))!;
    expect(codes(edit, stored)).toEqual([]);
    // Editing the title replaces its clock: the field is free again.
    expect(codes(editRecord('deals', stored, { title: 'Renewal' }, ctxAt(61))!, stored)).toEqual([]);
    const worse = { ...edit, clocks: { ...edit.clocks, notes: '999999999999999-00000-evil' } };
    expect(codes(worse, stored)).toEqual([['record.invalidFieldClock', 'notes']]);
  });
});

describe('isClockedField', () => {
  it('is every property of every schema except system fields and derived keys', () => {
    for (const collection of COLLECTION_NAMES) {
      expect(isClockedField(collection, 'deletedAt'), collection).toBe(true);
      for (const system of ['id', 'hlc', 'clocks', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'lostEdits'])
        expect(isClockedField(collection, system), `${collection}.${system}`).toBe(false);
    }
    expect(isClockedField('leads', 'nameKey')).toBe(false);
    expect(isClockedField('leads', 'estimatedValue')).toBe(true);
    expect(isClockedField('deals', 'constructor')).toBe(false);
    expect(isClockedField('deals', '__proto__')).toBe(false);
  });
});
