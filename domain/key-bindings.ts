import { domainError, type DomainError } from './errors';
import { parseBinding } from './keys';
import { KEY_BINDING_LIMITS, type UserProfile } from './schemas/user-profile';

/** A profile's key bindings as stored: one entry per remapped command. */
export type ProfileKeyBindings = NonNullable<UserProfile['keyBindings']>;

/** Command id → its bindings as written (`g e`, `Mod+Shift+k`), replacing the command's defaults. */
export type KeyOverrides = Readonly<Record<string, readonly string[]>>;

/** The stored list as the map the command registry reads. */
export function overridesOf(bindings: ProfileKeyBindings | undefined): KeyOverrides {
  const overrides: Record<string, readonly string[]> = {};
  for (const { command, keys } of bindings ?? []) overrides[command] = keys;
  return overrides;
}

/** The map as the stored list, in a stable order so that equal maps store equal values. */
export function profileKeyBindingsOf(overrides: KeyOverrides): ProfileKeyBindings {
  return Object.keys(overrides)
    .sort()
    .map((command) => ({ command, keys: [...overrides[command]!] }));
}

/**
 * Whether every binding of a profile is one a keyboard can type: each parses as chords
 * (domain/keys.ts) — on either platform, since a profile follows its user from a Mac to a PC — with
 * at most KEY_BINDING_LIMITS.chords of them, and each command appears once. The schema has already
 * bounded the sizes.
 */
export function checkKeyBindings(bindings: ProfileKeyBindings): DomainError[] {
  const errors: DomainError[] = [];
  const seen = new Set<string>();
  for (const { command, keys } of bindings) {
    if (seen.has(command)) {
      errors.push(
        domainError('user.invalidKeyBinding', `the command ${command} is bound twice`, {
          field: 'keyBindings',
          command,
        }),
      );
    }
    seen.add(command);
    for (const spec of keys) {
      const chords = parseBinding(spec, 'other');
      if (!chords || !parseBinding(spec, 'mac') || chords.length > KEY_BINDING_LIMITS.chords) {
        errors.push(
          domainError('user.invalidKeyBinding', `${JSON.stringify(spec)} of ${command} is not a key binding`, {
            field: 'keyBindings',
            command,
          }),
        );
      }
    }
  }
  return errors;
}
