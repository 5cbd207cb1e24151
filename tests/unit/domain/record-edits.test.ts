import { describe, expect, it } from 'vitest';
import { createRecord, editRecord, restoreRecord, softDeleteRecord } from '@domain/record-edits';
import { TEAM, USER_A, USER_B, ctxAt, makeContact, makeDeal, testId } from './fixtures';

describe('createRecord', () => {
  it('sets the record meta fields from the edit context', () => {
    const ctx = ctxAt(10);
    const contact = makeContact({}, 10);
    expect(contact).toMatchObject({
      id: testId(0xc101),
      createdAt: ctx.now,
      updatedAt: ctx.now,
      createdBy: USER_A,
      updatedBy: USER_A,
      hlc: ctx.hlc,
      clocks: {},
      deletedAt: null,
    });
  });

  it('derives the name key from the name, ignoring any key passed in', () => {
    const contact = createRecord(
      'contacts',
      testId(1),
      {
        firstName: 'María José',
        lastName: 'Núñez',
        nameKey: 'something stale',
        email: '',
        phone: '',
        mobile: '',
        title: '',
        companyId: '',
        address: {},
        source: '',
        tags: [],
        notes: '',
        ownerId: USER_A,
        teamId: TEAM,
      },
      ctxAt(1),
    );
    expect(contact.nameKey).toBe('nunez maria jose');
  });

  it('keeps a deletedAt given in the body and never lets the body override meta fields', () => {
    const ctx = ctxAt(3);
    const body = { ...makeContact(), deletedAt: ctx.now, createdBy: USER_B, hlc: 'forged' } as never;
    const rec = createRecord('contacts', testId(2), body, ctx);
    expect(rec.deletedAt).toBe(ctx.now);
    expect(rec.createdBy).toBe(USER_A);
    expect(rec.hlc).toBe(ctx.hlc);
    expect(rec.id).toBe(testId(2));
  });
});

describe('editRecord', () => {
  it('stamps only the fields that really change with the edit clock', () => {
    const contact = makeContact();
    const ctx = ctxAt(20, USER_B, 'b');
    const edited = editRecord('contacts', contact, { title: 'CFO', email: contact.email, phone: '+1 555 0100' }, ctx)!;
    expect(edited.title).toBe('CFO');
    expect(edited.clocks).toEqual({ title: ctx.hlc, phone: ctx.hlc });
    expect(edited).toMatchObject({ hlc: ctx.hlc, updatedAt: ctx.now, updatedBy: USER_B });
    expect(edited.createdAt).toBe(contact.createdAt);
    expect(edited.createdBy).toBe(contact.createdBy);
  });

  it('keeps the clocks of earlier edits to other fields', () => {
    const first = editRecord('contacts', makeContact(), { title: 'CFO' }, ctxAt(20))!;
    const second = editRecord('contacts', first, { notes: 'Met at the fair.' }, ctxAt(30))!;
    expect(second.clocks).toEqual({ title: ctxAt(20).hlc, notes: ctxAt(30).hlc });
  });

  it('returns null when nothing changes, so re-saving a form writes nothing', () => {
    const deal = makeDeal();
    expect(editRecord('deals', deal, {}, ctxAt(9))).toBeNull();
    expect(editRecord('deals', deal, { title: deal.title, stageId: deal.stageId }, ctxAt(9))).toBeNull();
    // Same money, keys in another order: still the same value.
    expect(editRecord('deals', deal, { value: { currency: 'USD', amount: deal.value.amount } }, ctxAt(9))).toBeNull();
    expect(editRecord('deals', deal, { tags: [...deal.tags] }, ctxAt(9))).toBeNull();
    expect(editRecord('deals', deal, { notes: undefined }, ctxAt(9))).toBeNull();
  });

  it('ignores system and derived fields in a patch', () => {
    const contact = makeContact();
    const patch = {
      id: testId(999),
      createdAt: '2000-01-01T00:00:00.000Z',
      createdBy: USER_B,
      hlc: 'forged',
      clocks: { firstName: 'forged' },
      nameKey: 'forged',
      _deleted: true,
    } as never;
    expect(editRecord('contacts', contact, patch, ctxAt(9))).toBeNull();
  });

  it('recomputes derived keys from the fields they mirror', () => {
    const edited = editRecord('contacts', makeContact(), { lastName: 'Peña' }, ctxAt(9))!;
    expect(edited.nameKey).toBe('pena maria jose');
    expect(edited.clocks).toEqual({ lastName: ctxAt(9).hlc });
    const deal = editRecord('deals', makeDeal(), { title: 'Renovación 2027' }, ctxAt(9))!;
    expect(deal.titleKey).toBe('renovacion 2027');
  });

  it('does not mutate the record it is given', () => {
    const contact = makeContact();
    const snapshot = JSON.stringify(contact);
    editRecord('contacts', contact, { title: 'CFO' }, ctxAt(9));
    expect(JSON.stringify(contact)).toBe(snapshot);
  });
});

describe('softDeleteRecord and restoreRecord', () => {
  it('set and clear deletedAt as a clocked edit, so a delete merges like any field', () => {
    const ctx = ctxAt(40);
    const deleted = softDeleteRecord('contacts', makeContact(), ctx)!;
    expect(deleted.deletedAt).toBe(ctx.now);
    expect(deleted.clocks.deletedAt).toBe(ctx.hlc);
    const restored = restoreRecord('contacts', deleted, ctxAt(50))!;
    expect(restored.deletedAt).toBeNull();
    expect(restored.clocks.deletedAt).toBe(ctxAt(50).hlc);
    expect(restoreRecord('contacts', restored, ctxAt(60))).toBeNull();
  });
});
