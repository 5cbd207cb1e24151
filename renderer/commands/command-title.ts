import type { TFunction } from 'i18next';
import type { Command } from './command';

/** A command's name in the user's language. */
export function commandTitle(t: TFunction, command: Pick<Command, 'title' | 'titleArgs' | 'titleValues'>): string {
  const args = {
    ...Object.fromEntries(Object.entries(command.titleArgs ?? {}).map(([name, key]) => [name, t(key)])),
    ...command.titleValues,
  };
  // The title is a checked MessageKey; only the placeholder values are open-ended here.
  const translate = t as unknown as (key: string, values: Record<string, string>) => string;
  return translate(command.title, args);
}
