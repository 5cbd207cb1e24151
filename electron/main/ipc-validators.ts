/**
 * Tiny hand-written validators for IPC arguments: a renderer is untrusted input, so every handler
 * states the exact argument list it accepts (count, types, sizes) and gets typed values back.
 */
export type Validated<A> = { ok: true; args: A } | { ok: false; reason: string };
export type ArgsValidator<A extends unknown[]> = (args: readonly unknown[]) => Validated<A>;

export const noArgs: ArgsValidator<[]> = (args) =>
  args.length === 0 ? { ok: true, args: [] } : { ok: false, reason: `expected no arguments, got ${args.length}` };

type Strings<T extends readonly number[]> = { -readonly [K in keyof T]: string };

/** Exactly `maxLengths.length` string arguments, the i-th at most `maxLengths[i]` characters long. */
export function stringArgs<const T extends readonly number[]>(...maxLengths: T): ArgsValidator<Strings<T>> {
  return (args) => {
    if (args.length !== maxLengths.length) {
      return { ok: false, reason: `expected ${maxLengths.length} argument(s), got ${args.length}` };
    }
    for (const [index, value] of args.entries()) {
      if (typeof value !== 'string') return { ok: false, reason: `argument ${index + 1} must be a string` };
      if (value.length > (maxLengths[index] ?? 0)) {
        return { ok: false, reason: `argument ${index + 1} is longer than ${maxLengths[index]} characters` };
      }
    }
    return { ok: true, args: [...args] as Strings<T> };
  };
}

/** Exactly one argument: a string of at most `maxLength` characters, or null (e.g. "forget it"). */
export function nullableStringArg(maxLength: number): ArgsValidator<[string | null]> {
  return (args) => {
    if (args.length !== 1) return { ok: false, reason: `expected 1 argument, got ${args.length}` };
    const [value] = args;
    if (value === null) return { ok: true, args: [null] };
    if (typeof value !== 'string') return { ok: false, reason: 'argument 1 must be a string or null' };
    if (value.length > maxLength) return { ok: false, reason: `argument 1 is longer than ${maxLength} characters` };
    return { ok: true, args: [value] };
  };
}

/** Exactly one argument, one of `values` (an enum such as a status). */
export function oneOfArg<T extends string>(values: readonly T[]): ArgsValidator<[T]> {
  return (args) => {
    if (args.length !== 1) return { ok: false, reason: `expected 1 argument, got ${args.length}` };
    const [value] = args;
    return typeof value === 'string' && (values as readonly string[]).includes(value)
      ? { ok: true, args: [value as T] }
      : { ok: false, reason: 'argument 1 is not one of the allowed values' };
  };
}
