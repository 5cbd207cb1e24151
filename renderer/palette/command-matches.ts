import { searchKey } from '@domain/derived-fields';
import {
  highlightRanges,
  matchScore,
  matchWord,
  parsePaletteQuery,
  wordsOf,
  type PaletteQuery,
  type TextRange,
} from '@domain/palette-search';

/** A command as the palette searches it: its id and its title in the user's language. */
export interface CommandEntry {
  id: string;
  title: string;
}

export interface CommandMatch extends CommandEntry {
  /** Higher is better, on the records' scale (domain/palette-search.ts matchScore). */
  score: number;
  /** Where the query matched in the title. */
  ranges: TextRange[];
}

/**
 * The commands whose title matches what was typed, best first, by the records' rules: accents
 * and case ignored, the word being typed as a prefix, one typo in a word of four letters or more,
 * every query word matching some word of the title. A blank query keeps every command, in the
 * order given (the registry's).
 */
export function matchCommands(entries: readonly CommandEntry[], input: string): CommandMatch[] {
  const query = parsePaletteQuery(input);
  if (query.terms.length === 0) return entries.map((entry) => ({ ...entry, score: 0, ranges: [] }));
  const found: CommandMatch[] = [];
  for (const entry of entries) {
    const score = titleScore(query, entry.title);
    if (score > 0) found.push({ ...entry, score, ranges: highlightRanges(entry.title, query) });
  }
  // Array.prototype.sort is stable: equal scores keep the registry's order.
  return found.sort((a, b) => b.score - a.score);
}

/** What a title scores for a query: the sum of each query part's best word; 0 if any part matches none. */
export function titleScore(query: PaletteQuery, title: string): number {
  const words = wordsOf(searchKey(title));
  let total = 0;
  for (const term of query.terms) {
    for (const word of term.words) {
      for (const part of word.parts) {
        let best = 0;
        for (const candidate of words) best = Math.max(best, matchScore(matchWord(part, candidate), candidate.length));
        if (best === 0) return 0;
        total += best;
      }
    }
  }
  return total;
}
