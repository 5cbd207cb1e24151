import { describe, expect, it } from 'vitest';
import type { Actor } from '@domain/permissions';
import { canMergeWithRelated, planMerge, undoMergeRepoints } from '@domain/record-merge';
import { makeActivity, makeCompany, makeContact, makeDeal, makeLead, TEAM, testId, USER_A, USER_B } from './fixtures';

const survivor = makeContact({ id: testId(0x501), email: 'ana@acme.com', phone: '', ownerId: USER_A, teamId: TEAM });
const merged = makeContact({ id: testId(0x502), email: 'ana.perez@acme.com', phone: '+34 912 345 678' });

describe('planning a merge', () => {
  it('re-points every lead, deal and activity of the merged contact to the survivor, and nothing else', () => {
    const related = [
      { collection: 'deals' as const, record: makeDeal({ id: testId(0xd1), contactId: merged.id }) },
      { collection: 'leads' as const, record: makeLead({ id: testId(0x11), contactId: merged.id }) },
      { collection: 'activities' as const, record: makeActivity({ id: testId(0xa1), contactId: merged.id }) },
      { collection: 'deals' as const, record: makeDeal({ id: testId(0xd2), contactId: testId(0x999) }) },
    ];
    const plan = planMerge('contacts', survivor, merged, { phone: 'merged' }, related);
    expect(plan.repoints).toEqual([
      { collection: 'leads', id: testId(0x11), field: 'contactId', from: merged.id, to: survivor.id },
      { collection: 'deals', id: testId(0xd1), field: 'contactId', from: merged.id, to: survivor.id },
      { collection: 'activities', id: testId(0xa1), field: 'contactId', from: merged.id, to: survivor.id },
    ]);
    expect(plan.survivorPatch.phone).toBe('+34 912 345 678');
  });

  it('remembers the survivor’s values of every field it changes, so Undo can write them back', () => {
    const plan = planMerge('contacts', survivor, merged, { phone: 'merged', ownerId: 'merged' }, []);
    expect(plan.survivorBefore).toEqual({
      phone: '',
      ownerId: USER_A,
      teamId: TEAM,
      tags: survivor.tags,
      notes: survivor.notes,
    });
  });

  it('re-points the contacts of a merged company by their companyId', () => {
    const a = makeCompany({ id: testId(0x601) });
    const b = makeCompany({ id: testId(0x602) });
    const contact = makeContact({ id: testId(0x701), companyId: b.id });
    const plan = planMerge('companies', a, b, {}, [{ collection: 'contacts', record: contact }]);
    expect(plan.repoints).toEqual([
      { collection: 'contacts', id: contact.id, field: 'companyId', from: b.id, to: a.id },
    ]);
  });

  it('takes a merge back by moving each reference from the survivor to the merged record', () => {
    const related = [{ collection: 'deals' as const, record: makeDeal({ id: testId(0xd1), contactId: merged.id }) }];
    const plan = planMerge('contacts', survivor, merged, {}, related);
    expect(undoMergeRepoints(plan)).toEqual([
      { collection: 'deals', id: testId(0xd1), field: 'contactId', from: survivor.id, to: merged.id },
    ]);
  });
});

describe('who may merge with related records', () => {
  const rep: Actor = { id: USER_A, role: 'ACCOUNT_EXECUTIVE', teamId: TEAM, teamMemberIds: [USER_A] };
  const own = (id: number) => makeContact({ id: testId(id), ownerId: USER_A, teamId: TEAM });

  it('lets a rep merge two of their contacts whose related records are theirs too', () => {
    const deal = makeDeal({ id: testId(0xd1), contactId: testId(0x802), ownerId: USER_A });
    expect(canMergeWithRelated(rep, 'contacts', own(0x801), own(0x802), [{ collection: 'deals', record: deal }])).toBe(
      true,
    );
  });

  it('refuses when a related record is someone else’s: it would be left pointing at a deleted contact', () => {
    const deal = makeDeal({ id: testId(0xd1), contactId: testId(0x802), ownerId: USER_B, teamId: testId(0x7f) });
    expect(canMergeWithRelated(rep, 'contacts', own(0x801), own(0x802), [{ collection: 'deals', record: deal }])).toBe(
      false,
    );
  });
});
