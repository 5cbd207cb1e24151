import { useState } from 'react';

/**
 * The arrangement of a list to show: `source`, or — while `source` has not answered its first read —
 * the one shown before it. A keystroke of a search, a filter or a sort then swaps one screenful of
 * rows for another when the new rows arrive, instead of replacing every row by a placeholder and
 * then every placeholder by a row: two rounds of mounting each row's cells, where one round of
 * updating them is enough.
 */
export function useHeldWhileReading<S extends { readonly answered: boolean }>(source: S): S {
  const [shown, setShown] = useState(source);
  if (source.answered && shown !== source) setShown(source);
  return source.answered ? source : shown;
}
