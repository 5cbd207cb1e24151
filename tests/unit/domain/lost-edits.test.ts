import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '@domain/hlc';
import { MAX_LOST_EDITS, carriedEdits, mergeLostEdits, ownLostEdits } from '@domain/lost-edits';
import { mergeRecords } from '@domain/merge';
import { editRecord } from '@domain/record-edits';
import type { Contact } from '@domain/schemas/contact';
import { BASE_MS, USER_A, USER_B, ctxAt, makeContact } from './fixtures';

const freshClock = () => formatHlc({ wallMs: BASE_MS + 10_000_000, counter: 0, node: 'm' });
const base = () => makeContact({}, 1);
/** Device "a" (the loser, earlier) and device "b" (the winner, later) edit the same contact offline. */
const onA = (doc: Contact, patch: Partial<Contact>, step: number) =>
  editRecord('contacts', doc, patch, ctxAt(step, USER_A, 'a'))!;
const onB = (doc: Contact, patch: Partial<Contact>, step: number) =>
  editRecord('contacts', doc, patch, ctxAt(step, USER_B, 'b'))!;

describe('lost edits', () => {
  it('are written down by the merge that replaces another device’s unseen edit', () => {
    const original = base();
    const aEdit = onA(original, { notes: 'Alpha wrote this first' }, 20);
    // a reconnected first: the server holds a's edit. b merges its later edit over it.
    const bEdit = onB(original, { notes: 'Bravo wrote this later' }, 30);
    const result = mergeRecords('contacts', bEdit, aEdit, original, freshClock);
    expect(result.merged.notes).toBe('Bravo wrote this later');
    expect(result.overwritten).toEqual([]);
    expect(result.merged.lostEdits).toEqual([{ field: 'notes', clock: aEdit.clocks.notes }]);
  });

  it('are not written when the winner had seen the edit it replaced (a plain later edit)', () => {
    const aEdit = onA(base(), { notes: 'Alpha' }, 20);
    // b pulled a's edit, then edited notes again (and something else concurrently changed the title).
    const bEdit = onB(aEdit, { notes: 'Bravo, after reading Alpha' }, 30);
    const theirs = onA(aEdit, { title: 'CFO' }, 25);
    const result = mergeRecords('contacts', bEdit, theirs, aEdit, freshClock);
    expect(result.merged.notes).toBe('Bravo, after reading Alpha');
    expect(result.merged.lostEdits).toBeUndefined();
  });

  it('name an equal value replaced unseen, yet tell its author nothing while that value stands', () => {
    const original = base();
    const aEdit = onA(original, { notes: 'same words' }, 20);
    const same = mergeRecords(
      'contacts',
      onB(original, { notes: 'same words', title: 'CFO' }, 30),
      aEdit,
      original,
      freshClock,
    ).merged;
    expect(same.lostEdits).toEqual([{ field: 'notes', clock: aEdit.clocks.notes }]);
    expect(ownLostEdits('contacts', aEdit, same, 'a')).toEqual([]);
  });

  it('are not written when only the winner’s own earlier edit lost', () => {
    const original = base();
    const first = onB(original, { notes: 'Bravo, first draft' }, 20);
    const merged = mergeRecords('contacts', onB(first, { notes: 'Bravo, final' }, 30), first, original, freshClock);
    expect(merged.merged.lostEdits).toBeUndefined();
  });

  it('tell both authors of one value when a third device replaces it unseen, whichever clock it replaced', () => {
    const original = base();
    // a writes first and reaches the server; b writes the same words later, unaware of a.
    const aEdit = onA(original, { notes: 'Pilot for 20 seats' }, 20);
    const bMerged = mergeRecords(
      'contacts',
      onB(original, { notes: 'Pilot for 20 seats' }, 30),
      aEdit,
      original,
      freshClock,
    ).merged;
    // a pulls b's version: b's clock now carries a's edit, which a's device remembers.
    const carried = carriedEdits(aEdit, bMerged, 'a');
    expect(carried).toEqual([{ field: 'notes', clock: bMerged.clocks.notes }]);
    const carriedBy = (field: string) => carried.find((e) => e.field === field)?.clock;
    // c, who saw neither, writes later still: its merge names the clock it replaced, b's.
    const cEdit = editRecord('contacts', original, { notes: 'No pilot' }, ctxAt(40, USER_B, 'c'))!;
    const cMerged = mergeRecords('contacts', cEdit, bMerged, original, freshClock).merged;
    const lost = expect.objectContaining({ field: 'notes', mine: 'Pilot for 20 seats', theirs: 'No pilot' });
    expect(ownLostEdits('contacts', bMerged, cMerged, 'b')).toEqual([lost]);
    // a holding b's clock (it pulled b's version), or its own (it did not): told either way.
    expect(ownLostEdits('contacts', bMerged, cMerged, 'a', carriedBy)).toEqual([lost]);
    expect(ownLostEdits('contacts', aEdit, cMerged, 'a')).toEqual([lost]);
    // Without the memory of b's clock, a device holding it is not a's: nothing is said for it.
    expect(ownLostEdits('contacts', bMerged, cMerged, 'a')).toEqual([]);
  });

  it('are carried only for a value this device wrote and the incoming version keeps', () => {
    const original = base();
    const aEdit = onA(original, { notes: 'Alpha' }, 20);
    const bSame = onB(original, { notes: 'Alpha' }, 30);
    const bOther = onB(original, { notes: 'Bravo' }, 30);
    expect(carriedEdits(aEdit, bOther, 'a')).toEqual([]);
    // b holds its own edit; a's clock sorts before it: nothing of a's to carry on b's device.
    expect(carriedEdits(bSame, aEdit, 'b')).toEqual([]);
    // A third device holding b's version never wrote the value.
    expect(carriedEdits(bSame, onA(original, { notes: 'Alpha' }, 40), 'c')).toEqual([]);
    expect(carriedEdits(undefined, bSame, 'a')).toEqual([]);
  });

  it('tell the loser’s device what it lost when it pulls the winner’s version, once', () => {
    const original = base();
    const aEdit = onA(original, { notes: 'Alpha wrote this first' }, 20);
    const merged = mergeRecords('contacts', onB(original, { notes: 'Bravo' }, 30), aEdit, original, freshClock).merged;
    const told = ownLostEdits('contacts', aEdit, merged, 'a');
    expect(told).toEqual([
      expect.objectContaining({
        recordId: original.id,
        field: 'notes',
        mine: 'Alpha wrote this first',
        theirs: 'Bravo',
      }),
    ]);
    // b's own device, a third device, and a's device after it already took the new version: nothing.
    expect(ownLostEdits('contacts', merged, merged, 'b')).toEqual([]);
    expect(ownLostEdits('contacts', original, merged, 'c')).toEqual([]);
    expect(ownLostEdits('contacts', merged, merged, 'a')).toEqual([]);
    expect(ownLostEdits('contacts', undefined, merged, 'a')).toEqual([]);
  });

  it('merge as a set cut to the newest, the same in any order (every replica converges)', () => {
    const entry = fc.record({
      field: fc.constantFrom('notes', 'title', 'phone'),
      clock: fc.integer({ min: 0, max: 500 }).map((n) => formatHlc({ wallMs: BASE_MS + n, counter: 0, node: 'n' })),
    });
    const list = fc.array(entry, { maxLength: 30 });
    fc.assert(
      fc.property(list, list, list, (x, y, z) => {
        const one = mergeLostEdits(mergeLostEdits(x, y), z);
        const other = mergeLostEdits(z, mergeLostEdits(y, x));
        expect(one).toEqual(other);
        expect(one.length).toBeLessThanOrEqual(MAX_LOST_EDITS);
        expect(mergeLostEdits(one, one)).toEqual(one);
      }),
    );
  });
});
