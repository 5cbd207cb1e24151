import { useEffect, useReducer, useState, useSyncExternalStore } from 'react';
import type { OutpostDatabase } from '../db/database';
import type { RecentRecord } from '@domain/recent-records';
import type { PaletteGroup, PaletteHit } from '../search/palette-index';
import type { PaletteSearch, PaletteSearchState } from '../search/palette-search';
import { recentRecords$ } from '../search/recent-records';

/** Hits per group: the index stops reading once a group is full, so the list never grows past a few dozen rows. */
export const PALETTE_GROUP_LIMIT = 6;

/** How often "Indexing N records…" counts again while the index is built. */
const PROGRESS_MS = 250;

export interface PaletteRecords {
  status: PaletteSearchState;
  /** Records indexed so far. */
  indexed: number;
  /** The query the groups answer (typing runs ahead of it until the search settles). */
  answered: string | null;
  /** Groups found for a query. */
  groups: PaletteGroup[];
  /** Before anything is typed: the records opened last, newest first. */
  recent: PaletteHit[];
  /** The search failed: its message. */
  error: string | null;
}

interface Answer {
  query: string;
  groups: PaletteGroup[];
  recent: PaletteHit[];
}

/**
 * The records the palette shows for `query`: the search's groups, or the recently opened records
 * for a blank query; searched again whenever the index changes (a sync, a record edited here).
 * The previous answer stays on screen until the next one is ready, so typing does not flicker.
 */
export function usePaletteRecords(
  search: PaletteSearch,
  db: OutpostDatabase,
  query: string,
  limit = PALETTE_GROUP_LIMIT,
) {
  const version = useSyncExternalStore(search.subscribe, () => search.version);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, recount] = useReducer((n: number) => n + 1, 0);
  const status = search.status;

  // Opened before the shell's idle-time prepare: start now, and show the progress from the start.
  useEffect(() => {
    if (search.status !== 'idle') return;
    search.prepare().catch(() => undefined);
    recount();
  }, [search]);

  useEffect(() => {
    if (status !== 'building') return;
    const timer = setInterval(recount, PROGRESS_MS);
    return () => clearInterval(timer);
  }, [status]);

  // Followed rather than read once: the record just opened may still be on its way to storage.
  const [recentList, setRecentList] = useState<RecentRecord[] | null>(null);
  useEffect(() => {
    const subscription = recentRecords$(db).subscribe({
      next: setRecentList,
      error: (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    });
    return () => subscription.unsubscribe();
  }, [db]);

  useEffect(() => {
    const blank = !query.trim();
    if (blank && recentList === null) return;
    let current = true;
    const next: Promise<Answer> = blank
      ? Promise.all((recentList ?? []).map((r) => search.describe(r.collection, r.id))).then((hits) => ({
          query,
          groups: [],
          recent: hits.filter((hit): hit is PaletteHit => hit !== null),
        }))
      : search.search(query, { limit }).then((results) => ({ query, groups: results.groups, recent: [] }));
    next.then(
      (found) => {
        if (!current) return;
        setAnswer(found);
        setError(null);
      },
      (failure: unknown) => {
        if (current) setError(failure instanceof Error ? failure.message : String(failure));
      },
    );
    return () => {
      current = false;
    };
  }, [search, query, limit, version, recentList]);

  return {
    status,
    indexed: search.indexed,
    answered: answer?.query ?? null,
    groups: answer?.groups ?? [],
    recent: answer?.recent ?? [],
    error,
  } satisfies PaletteRecords;
}
