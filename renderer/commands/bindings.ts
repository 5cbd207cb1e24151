import type { Command, CommandScope } from './command';
import type { BoundCommand } from './dispatch';
import type { KeyOverrides } from '@domain/key-bindings';
import { parseBinding, type Platform } from './keys';

export type { KeyOverrides };

/** Each command with the bindings in force: the user's, else its defaults, in normal form. */
export function bindCommands(
  commands: readonly Command[],
  overrides: KeyOverrides,
  platform: Platform,
): BoundCommand[] {
  return commands.map((command) => ({
    id: command.id,
    scope: command.scope,
    allowInText: command.allowInText,
    bindings: (overrides[command.id] ?? command.keys).flatMap((spec) => {
      const parsed = parseBinding(spec, platform);
      return parsed ? [parsed] : [];
    }),
  }));
}

/**
 * Whether two scopes can be active at once, so one key in both would be ambiguous: the same
 * scope, or global beside any other (board and list never share focus; a drawer outranks both).
 */
export function scopesOverlap(a: CommandScope, b: CommandScope): boolean {
  return a === b || a === 'global' || b === 'global';
}

/** Whether typing one binding would also type (or start) the other: equal, or one a prefix of the other. */
export function bindingsClash(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The commands `binding` would clash with if `commandId` took it. */
export function findConflicts(
  commandId: string,
  binding: readonly string[],
  commands: readonly BoundCommand[],
): BoundCommand[] {
  const self = commands.find((c) => c.id === commandId);
  if (!self) return [];
  return commands.filter(
    (other) =>
      other.id !== commandId &&
      scopesOverlap(self.scope, other.scope) &&
      other.bindings.some((b) => bindingsClash(b, binding)),
  );
}
