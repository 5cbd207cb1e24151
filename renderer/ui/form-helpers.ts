import { sameValue } from '@domain/canonical-json';

/**
 * The fields a user actually changed in a form. Saving only these matters offline: a form opened
 * before a sync must not write back the stale values of fields someone else changed meanwhile.
 */
export function changedFields<T extends object>(initial: T, current: T): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(current) as (keyof T)[]) {
    if (!sameValue(initial[key], current[key])) patch[key] = current[key];
  }
  return patch;
}

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

export function hasErrors(errors: object): boolean {
  return Object.values(errors).some(Boolean);
}
