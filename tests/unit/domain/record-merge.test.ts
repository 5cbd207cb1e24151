import { describe, expect, it } from 'vitest';
import type { Actor } from '@domain/permissions';
import {
  canMerge,
  defaultMergeChoices,
  differingMergeFields,
  MERGE_REFERENCES,
  mergedBody,
} from '@domain/record-merge';
import { makeCompany, makeContact, TEAM, testId, USER_A, USER_B } from './fixtures';

const survivor = makeContact({
  id: testId(0x501),
  email: 'ana@acme.com',
  phone: '',
  title: '',
  tags: ['vip'],
  notes: 'Met at the fair.',
});
const duplicate = makeContact({
  id: testId(0x502),
  email: 'ana.perez@acme.com',
  phone: '+34 912 345 678',
  title: 'Buyer',
  tags: ['VIP', 'renewal'],
  notes: 'Prefers calls after 4pm.',
  ownerId: USER_B,
  teamId: testId(0x7f),
});

describe('merging two contacts', () => {
  it('keeps the survivor’s values by default and fills its empty fields from the other record', () => {
    const choices = defaultMergeChoices('contacts', survivor, duplicate);
    expect(choices.email).toBe('survivor');
    expect(choices.phone).toBe('merged');
    expect(choices.title).toBe('merged');
    expect(choices.ownerId).toBe('survivor');
  });

  it('offers a choice only where the two records differ', () => {
    expect(differingMergeFields('contacts', survivor, duplicate)).toEqual(['email', 'phone', 'title', 'ownerId']);
  });

  it('takes each chosen value, and the owner’s team with the owner', () => {
    const body = mergedBody('contacts', survivor, duplicate, { email: 'merged', ownerId: 'merged' });
    expect(body.email).toBe('ana.perez@acme.com');
    expect(body.ownerId).toBe(USER_B);
    expect(body.teamId).toBe(testId(0x7f));
    expect(body).not.toHaveProperty('phone');
  });

  it('loses no tag and no note: tags of both once each, both notes one after the other', () => {
    const body = mergedBody('contacts', survivor, duplicate, {});
    expect(body.tags).toEqual(['vip', 'renewal']);
    expect(body.notes).toBe('Met at the fair.\n\nPrefers calls after 4pm.');
  });

  it('does not repeat a note the survivor already holds', () => {
    const same = { ...duplicate, notes: 'Met at the fair.' };
    expect(mergedBody('contacts', survivor, same, {}).notes).toBe('Met at the fair.');
  });

  it('re-points the leads, deals and activities of the merged contact', () => {
    expect(MERGE_REFERENCES.contacts.map((r) => `${r.collection}.${r.field}`)).toEqual([
      'leads.contactId',
      'deals.contactId',
      'activities.contactId',
    ]);
  });
});

describe('merging two companies', () => {
  it('re-points contacts, deals and activities, and keeps the web domain the survivor lacks', () => {
    const a = makeCompany({ id: testId(0x601), domain: '' });
    const b = makeCompany({ id: testId(0x602), domain: 'acme.com' });
    expect(mergedBody('companies', a, b, defaultMergeChoices('companies', a, b)).domain).toBe('acme.com');
    expect(MERGE_REFERENCES.companies.map((r) => r.collection)).toEqual(['contacts', 'deals', 'activities']);
  });
});

describe('who may merge', () => {
  const actor = (role: Actor['role'], id = USER_A): Actor => ({
    id,
    role,
    teamId: TEAM,
    teamMemberIds: [USER_A, USER_B],
  });
  const mine = makeContact({ id: testId(0x701), ownerId: USER_A });
  const alsoMine = makeContact({ id: testId(0x702), ownerId: USER_A });
  const theirs = makeContact({ id: testId(0x703), ownerId: USER_B });

  it('lets an account executive merge two of their own contacts', () => {
    expect(canMerge(actor('ACCOUNT_EXECUTIVE'), 'contacts', mine, alsoMine)).toBe(true);
  });

  it('refuses an account executive a merge involving a colleague’s contact, either way round', () => {
    expect(canMerge(actor('ACCOUNT_EXECUTIVE'), 'contacts', mine, theirs)).toBe(false);
    expect(canMerge(actor('ACCOUNT_EXECUTIVE'), 'contacts', theirs, mine)).toBe(false);
  });

  it('lets a supervisor merge their team’s contacts, and refuses an SDR, who may not delete', () => {
    expect(canMerge(actor('SUPERVISOR'), 'contacts', mine, theirs)).toBe(true);
    expect(canMerge(actor('SDR'), 'contacts', mine, alsoMine)).toBe(false);
  });

  it('never merges a record into itself', () => {
    expect(canMerge(actor('SALES_MANAGER'), 'contacts', mine, mine)).toBe(false);
  });
});
