import type { CollectionDoc } from './collection-doc';
import { LOST_EDIT_FIELDS, RECORD_FIELDS } from './common-fields';
import { EXAMPLE_TEAM_ID, EXAMPLE_USER_ID } from './example-ids';

export const usersDoc: CollectionDoc<'users'> = {
  summary:
    'What the team sees of a person who signs in: name, role, team. Credentials never leave the server: accounts are made and managed through `/admin/users`, and the server writes the profile record.',
  fields: {
    ...RECORD_FIELDS,
    ...LOST_EDIT_FIELDS,
    name: 'The person’s name as shown to the team.',
    email: 'Their sign-in email, lower-case.',
    role: 'What they may do (see Permissions).',
    teamId: 'Their team (an item key of the `teams` setting).',
    active: 'False once deactivated: they can no longer sign in or sync.',
    locale: 'The language of their app.',
    avatarHue: 'Hue 0–359 of their avatar, so the same person always has the same colour.',
    keyBindings:
      'Optional. Their own key bindings (Settings → Keyboard), which follow them to every device: per command id, the bindings replacing its defaults (`Mod+k`, or a sequence such as `g e`); empty `keys` unbinds it.',
    'keyBindings[].command': 'The id of the command, as the app names it (`go.leads`, `palette.open`).',
    'keyBindings[].keys':
      'Its bindings: chords such as `Mod+Shift+z` (`Mod` is Cmd on macOS, Ctrl elsewhere), or up to three of them separated by spaces, typed in turn.',
  },
  example: {
    id: EXAMPLE_USER_ID,
    createdAt: '2025-03-04T14:00:00.000Z',
    updatedAt: '2025-03-04T14:00:00.000Z',
    createdBy: EXAMPLE_USER_ID,
    updatedBy: EXAMPLE_USER_ID,
    hlc: '001741096800000-00000-srv3f9a1c2b7d',
    clocks: {},
    deletedAt: null,
    name: 'Ana Ruiz',
    email: 'ana.ruiz@andes-crm.example',
    role: 'SALES_MANAGER',
    teamId: EXAMPLE_TEAM_ID,
    active: true,
    locale: 'es',
    avatarHue: 212,
    keyBindings: [{ command: 'go.leads', keys: ['g p'] }],
  },
  rules: [
    'Profiles are created by the server: `POST /auth/setup` (the first Sales Manager), `POST /auth/local-session` (the single-user owner) and `POST /admin/users`. A profile pushed without those has no account, so nobody can sign in with it.',
    'Everyone may change their own `name`, `locale`, `avatarHue` and `keyBindings` by push; anything else of a profile only a Sales Manager changes, and no Sales Manager demotes, deactivates or archives themselves (`permission.denied`).',
    'Nobody but its user changes a profile’s `keyBindings`, a Sales Manager included (`permission.denied`). Each binding must be chords a keyboard can type, at most three, and each command appears once (`user.invalidKeyBinding`).',
    'Prefer `PATCH /admin/users/:id` for role, team and active: it also ends the person’s access tokens at once, which a push does not.',
  ],
};
