import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '@domain/collections';
import { PERMISSIONS, authorizeWrite, can, readFilterOf, type Actor } from '@domain/permissions';
import { ROLES } from '@domain/schemas/user-profile';
import { createRecord } from '@domain/record-edits';
import { savedViewBody } from '@domain/record-views/saved-view-rules';
import { ctxAt, makeDeal, makeLead, testId } from './fixtures';

const TEAM = testId(0x7e);
const OTHER_TEAM = testId(0x7f);
const actor = (role: Actor['role'], id = testId(0xa1)): Actor => ({ id, role, teamId: TEAM, teamMemberIds: [id] });
const someoneElse = testId(0xb2);
const makeView = (userId: string) =>
  createRecord(
    'saved_views',
    testId(0x71e),
    savedViewBody(
      { filters: [], sort: [], columns: [], density: 'compact' },
      { userId, section: 'leads', name: 'Mine', position: 0 },
    ),
    ctxAt(1, userId),
  );

describe('the permission table', () => {
  it('covers every role and every collection', () => {
    for (const role of ROLES) expect(Object.keys(PERMISSIONS[role]).sort()).toEqual([...COLLECTION_NAMES].sort());
  });

  it('lets an SDR see their own and unassigned leads but not a colleague’s', () => {
    const sdr = actor('SDR');
    expect(can(sdr, 'read', 'leads', makeLead({ ownerId: sdr.id }))).toBe(true);
    expect(can(sdr, 'read', 'leads', makeLead({ ownerId: '' }))).toBe(true);
    expect(can(sdr, 'read', 'leads', makeLead({ ownerId: someoneElse }))).toBe(false);
  });

  it('shows a rep the saved views shared with their team, never a teammate’s private one', () => {
    const sdr: Actor = { ...actor('SDR'), teamMemberIds: [testId(0xa1), someoneElse] };
    const view = (userId: string, sharedWithTeamId: string) => ({ userId, sharedWithTeamId });
    expect(can(sdr, 'read', 'saved_views', view(someoneElse, TEAM))).toBe(true);
    expect(can(sdr, 'read', 'saved_views', view(someoneElse, ''))).toBe(false);
    expect(can(sdr, 'read', 'saved_views', view(someoneElse, OTHER_TEAM))).toBe(false);
    expect(readFilterOf(sdr, 'saved_views')).toEqual({
      kind: 'some',
      ownerIds: [sdr.id],
      teamIds: [TEAM],
      unowned: false,
    });
  });

  it('lets only the roles that lead a team share a saved view with it', () => {
    for (const [role, may] of [
      ['SDR', false],
      ['ACCOUNT_EXECUTIVE', false],
      ['SUPERVISOR', true],
      ['SALES_MANAGER', true],
    ] as const) {
      const who = actor(role);
      const view = makeView(who.id);
      expect(authorizeWrite(who, 'saved_views', view, { ...view, sharedWithTeamId: TEAM }).length === 0, role).toBe(
        may,
      );
      expect(authorizeWrite(who, 'saved_views', null, { ...view, sharedWithTeamId: TEAM }).length === 0, role).toBe(
        may,
      );
    }
  });

  it('keeps an account executive to their own deals', () => {
    const ae = actor('ACCOUNT_EXECUTIVE');
    expect(can(ae, 'read', 'deals', makeDeal({ ownerId: ae.id }))).toBe(true);
    expect(can(ae, 'read', 'deals', makeDeal({ ownerId: someoneElse, teamId: TEAM }))).toBe(false);
  });

  it('gives a supervisor the team, and a sales manager everything', () => {
    expect(can(actor('SUPERVISOR'), 'update', 'deals', makeDeal({ ownerId: someoneElse, teamId: TEAM }))).toBe(true);
    expect(can(actor('SUPERVISOR'), 'update', 'deals', makeDeal({ ownerId: someoneElse, teamId: OTHER_TEAM }))).toBe(
      false,
    );
    expect(can(actor('SALES_MANAGER'), 'update', 'deals', makeDeal({ ownerId: someoneElse, teamId: OTHER_TEAM }))).toBe(
      true,
    );
  });
});

describe('authorizeWrite', () => {
  it('refuses an SDR closing a deal', () => {
    const sdr = actor('SDR');
    const deal = makeDeal({ ownerId: sdr.id, teamId: TEAM });
    const errors = authorizeWrite(sdr, 'deals', deal, { ...deal, status: 'WON', closedAt: deal.createdAt });
    expect(errors.map((e) => e.code)).toContain('permission.denied');
  });

  it('refuses an account executive handing a deal to someone else, and allows a supervisor', () => {
    const ae = actor('ACCOUNT_EXECUTIVE');
    const deal = makeDeal({ ownerId: ae.id, teamId: TEAM });
    expect(authorizeWrite(ae, 'deals', deal, { ...deal, ownerId: someoneElse }).map((e) => e.code)).toEqual([
      'permission.denied',
    ]);
    expect(authorizeWrite(actor('SUPERVISOR', testId(0x5e)), 'deals', deal, { ...deal, ownerId: someoneElse })).toEqual(
      [],
    );
  });

  it('refuses creating a record for another user outside the creator’s reach', () => {
    const ae = actor('ACCOUNT_EXECUTIVE');
    expect(authorizeWrite(ae, 'deals', null, makeDeal({ ownerId: someoneElse })).map((e) => e.code)).toEqual([
      'permission.denied',
    ]);
  });

  it('lets users change their own name but not their role', () => {
    const sdr = actor('SDR');
    const profile = {
      id: sdr.id,
      name: 'Sam',
      email: 'sam@example.com',
      role: 'SDR' as const,
      teamId: TEAM,
      active: true,
      locale: 'en' as const,
      avatarHue: 10,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      createdBy: '',
      updatedBy: '',
      hlc: '000001767225600000-00000-a',
      clocks: {},
      deletedAt: null,
    };
    expect(authorizeWrite(sdr, 'users', profile, { ...profile, name: 'Samantha' })).toEqual([]);
    expect(authorizeWrite(sdr, 'users', profile, { ...profile, role: 'SALES_MANAGER' }).map((e) => e.code)).toEqual([
      'permission.denied',
    ]);
  });
});

describe('authorizeWrite keeps records within reach and a manager in place', () => {
  it('refuses a supervisor handing a team deal to another team, and allows a teammate', () => {
    const supervisor: Actor = {
      id: testId(0x5e),
      role: 'SUPERVISOR',
      teamId: TEAM,
      teamMemberIds: [testId(0x5e), someoneElse],
    };
    const deal = makeDeal({ ownerId: supervisor.id, teamId: TEAM });
    expect(authorizeWrite(supervisor, 'deals', deal, { ...deal, ownerId: someoneElse })).toEqual([]);
    expect(
      authorizeWrite(supervisor, 'deals', deal, { ...deal, ownerId: testId(0xc3), teamId: OTHER_TEAM }).map(
        (e) => e.code,
      ),
    ).toEqual(['permission.denied']);
  });

  it('lets an SDR claim an unassigned lead but not hand it to a colleague', () => {
    const sdr = actor('SDR');
    const lead = makeLead({ ownerId: '', teamId: TEAM });
    expect(authorizeWrite(sdr, 'leads', lead, { ...lead, ownerId: sdr.id })).toEqual([]);
    expect(authorizeWrite(sdr, 'leads', lead, { ...lead, ownerId: someoneElse }).map((e) => e.code)).toEqual([
      'permission.denied',
    ]);
  });
});
