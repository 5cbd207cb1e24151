import { describe, expect, it } from 'vitest';
import { matchCommands } from '../../../renderer/palette/command-matches';

const COMMANDS = [
  { id: 'go.pipeline', title: 'Go to Pipeline' },
  { id: 'go.deals', title: 'Go to Deals' },
  { id: 'create.deals', title: 'New deal' },
  { id: 'deal.won', title: 'Mark the deal as won' },
  { id: 'theme.dark', title: 'Theme: Dark' },
  { id: 'language.es', title: 'Idioma: Español' },
  { id: 'create.companies', title: 'Nueva empresa' },
];

const ids = (input: string) => matchCommands(COMMANDS, input).map((m) => m.id);

describe('commands in the palette', () => {
  it('lists every command in the registry’s order while nothing is typed', () => {
    expect(ids('')).toEqual(COMMANDS.map((c) => c.id));
    expect(ids('   ')).toEqual(COMMANDS.map((c) => c.id));
  });

  it('finds a command by the start of any word of its title, every word typed matching', () => {
    expect(ids('go de')).toEqual(['go.deals']);
    expect(ids('pipe')).toEqual(['go.pipeline']);
    expect(ids('go theme')).toEqual([]);
  });

  it('ignores accents and case, and forgives one typo in a word of four letters or more', () => {
    expect(ids('espanol')).toEqual(['language.es']);
    expect(ids('ESPAÑ')).toEqual(['language.es']);
    expect(ids('go dels')).toEqual(['go.deals']);
    expect(ids('tehme')).toEqual(['theme.dark']);
    // Three letters are too few for a typo: "dael" would be, "dae" is not.
    expect(ids('dae')).toEqual([]);
  });

  it('puts an exact word before a word being typed, and both before a typo', () => {
    expect(ids('deal')).toEqual(['create.deals', 'deal.won', 'go.deals']);
    // "Dark" is one letter from "Mark": found too, after the exact word.
    expect(ids('dark')).toEqual(['theme.dark', 'deal.won']);
    expect(ids('deals')).toEqual(['go.deals', 'create.deals', 'deal.won']);
  });

  it('marks where the query matched in the title as shown', () => {
    const [match] = matchCommands(COMMANDS, 'espan');
    expect(match?.ranges).toEqual([[8, 13]]);
    expect(match?.title.slice(8, 13)).toBe('Españ');
  });
});
