import { describe, expect, it } from 'vitest';
import { checkKeyBindings, overridesOf, profileKeyBindingsOf } from '@domain/key-bindings';
import { migrateRecord } from '@domain/migrations';
import { authorizeWrite, type Actor } from '@domain/permissions';
import type { UserProfile } from '@domain/schemas/user-profile';
import { checkRecordWrite, type WriteLookups } from '@domain/write-rules';
import { BASE_MS, TEAM, testId } from './fixtures';

const actor = (role: Actor['role'], id: string): Actor => ({ id, role, teamId: TEAM, teamMemberIds: [id] });
const sdr = actor('SDR', testId(0xa1));
const manager = actor('SALES_MANAGER', testId(0xb2));
const lookups: WriteLookups = { pipeline: () => undefined, nowMs: BASE_MS, pipelineMayBePending: false };

function profileOf(user: Actor, extra: Partial<UserProfile> = {}): UserProfile {
  return {
    id: user.id,
    name: 'Sam',
    email: 'sam@example.com',
    role: user.role,
    teamId: TEAM,
    active: true,
    locale: 'en',
    avatarHue: 10,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    createdBy: '',
    updatedBy: '',
    hlc: '001767225600000-00000-a',
    clocks: {},
    deletedAt: null,
    ...extra,
  };
}

const codes = (errors: readonly { code: string }[]) => errors.map((e) => e.code);

describe('key bindings kept on the profile', () => {
  it('accepts chords and sequences a keyboard can type, on a Mac and elsewhere', () => {
    expect(
      checkKeyBindings([
        { command: 'go.leads', keys: ['g p', 'Mod+Shift+l'] },
        { command: 'palette.open', keys: ['Ctrl+Alt+k'] },
        { command: 'help.shortcuts', keys: [] },
      ]),
    ).toEqual([]);
  });

  it('refuses a binding that is not keys, too long a sequence, and a command bound twice', () => {
    for (const keys of [['Hyper+k'], ['<script>'], ['g g g g'], ['Mod+'], ['Banana']]) {
      expect(codes(checkKeyBindings([{ command: 'go.leads', keys }])), keys[0]).toEqual(['user.invalidKeyBinding']);
    }
    expect(
      codes(
        checkKeyBindings([
          { command: 'go.leads', keys: ['g l'] },
          { command: 'go.leads', keys: ['g e'] },
        ]),
      ),
    ).toEqual(['user.invalidKeyBinding']);
  });

  it('reads the stored list as the registry’s overrides and back, in a stable order', () => {
    const overrides = { 'palette.open': ['Mod+p'], 'go.leads': ['g e'] };
    const stored = profileKeyBindingsOf(overrides);
    expect(stored).toEqual([
      { command: 'go.leads', keys: ['g e'] },
      { command: 'palette.open', keys: ['Mod+p'] },
    ]);
    expect(overridesOf(stored)).toEqual(overrides);
    expect(overridesOf(undefined)).toEqual({});
  });

  it('lets a user set their own key bindings', () => {
    const before = profileOf(sdr);
    const after = { ...before, keyBindings: [{ command: 'go.leads', keys: ['g e'] }] };
    expect(authorizeWrite(sdr, 'users', before, after)).toEqual([]);
    expect(checkRecordWrite('users', before, after, lookups)).toEqual([]);
  });

  it('refuses anyone else setting a user’s key bindings, a sales manager included', () => {
    const before = profileOf(sdr);
    const after = { ...before, keyBindings: [{ command: 'go.leads', keys: ['g e'] }] };
    expect(codes(authorizeWrite(manager, 'users', before, after))).toEqual(['permission.denied']);
    expect(codes(authorizeWrite(actor('SDR', testId(0xc3)), 'users', before, after))).toEqual(['permission.denied']);
    // Nor clears them, nor creates a profile that carries some.
    expect(codes(authorizeWrite(manager, 'users', after, { ...after, keyBindings: [] }))).toEqual([
      'permission.denied',
    ]);
    expect(codes(authorizeWrite(manager, 'users', null, after))).toEqual(['permission.denied']);
  });

  it('still lets a sales manager change a user’s role, which leaves their key bindings as they are', () => {
    const before = profileOf(sdr, { keyBindings: [{ command: 'go.leads', keys: ['g e'] }] });
    expect(authorizeWrite(manager, 'users', before, { ...before, role: 'SUPERVISOR' })).toEqual([]);
    expect(authorizeWrite(manager, 'users', null, profileOf(sdr))).toEqual([]);
  });

  it('refuses a profile write whose new key bindings are not keys, and leaves stored ones unjudged', () => {
    const before = profileOf(sdr);
    const bad = { ...before, keyBindings: [{ command: 'go.leads', keys: ['Hyper+k'] }] };
    expect(codes(checkRecordWrite('users', before, bad, lookups))).toEqual(['user.invalidKeyBinding']);
    // A rule stricter than the one a profile was stored under does not freeze its other fields.
    expect(checkRecordWrite('users', bad, { ...bad, name: 'Samantha' }, lookups)).toEqual([]);
  });

  it('brings a version-1 profile to version 2 unchanged: its key bindings are optional', () => {
    const old = profileOf(sdr) as unknown as Record<string, unknown>;
    expect(migrateRecord('users', old, 1, 2)).toEqual(old);
  });
});
