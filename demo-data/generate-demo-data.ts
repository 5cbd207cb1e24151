import type { CollectionDocs, CollectionName } from '@domain/collections';
import { createDemoWorld, type DemoCollections, type DemoDataOptions } from './demo-world';

/** One bulk write's worth of records of one collection. */
export type DemoBatch = { [C in CollectionName]: { collection: C; records: CollectionDocs[C][] } }[CollectionName];

export interface DemoBatchOptions extends DemoDataOptions {
  /** Records per batch, at most 1,000 (one IndexedDB or SQLite transaction each). */
  batchSize?: number;
  /**
   * Only the first `limit` records of each collection, still pointing into the full set (a
   * sample of the large set for tests and previews). Stage changes come from the emitted deals.
   */
  limit?: number;
}

export const MAX_DEMO_BATCH = 1000;

/**
 * The demo workspace as a stream of batches, so the large set (hundreds of thousands of records)
 * is written without ever being held at once. Shared configuration comes first, then each
 * collection in the order its references need; each deal's stage history follows its deal.
 */
export function* demoBatches(options: DemoBatchOptions): Generator<DemoBatch, void, undefined> {
  const world = createDemoWorld(options);
  const size = Math.max(1, Math.min(MAX_DEMO_BATCH, Math.floor(options.batchSize ?? MAX_DEMO_BATCH)));
  const limit = options.limit ?? Infinity;

  function* inBatches<C extends CollectionName>(
    collection: C,
    count: number,
    make: (index: number) => CollectionDocs[C],
  ): Generator<DemoBatch, void, undefined> {
    const n = Math.min(count, limit);
    for (let start = 0; start < n; start += size) {
      const records: CollectionDocs[C][] = [];
      for (let i = start; i < Math.min(n, start + size); i++) records.push(make(i));
      yield { collection, records } as DemoBatch;
    }
  }
  const listed = <C extends CollectionName>(collection: C, records: CollectionDocs[C][]) =>
    inBatches(collection, records.length, (i) => records[i]!);

  yield* listed('settings', world.settings());
  yield* listed('users', world.users());
  yield* listed('pipelines', world.pipelines());
  yield* listed('saved_views', world.savedViews());
  yield* inBatches('companies', world.counts.companies, world.company);
  yield* inBatches('contacts', world.counts.contacts, world.contact);
  yield* inBatches('leads', world.counts.leads, world.lead);

  let deals: CollectionDocs['deals'][] = [];
  let changes: CollectionDocs['stage_changes'][] = [];
  let changesLeft = limit;
  const dealCount = Math.min(world.counts.deals, limit);
  for (let j = 0; j < dealCount; j++) {
    const built = world.deal(j);
    deals.push(built.deal);
    for (const change of built.changes) if (changesLeft-- > 0) changes.push(change);
    const lastDeal = j === dealCount - 1;
    // Deals go out before any of their stage changes, for a store that checks references.
    if (deals.length === size || lastDeal || (changes.length >= size && deals.length > 0)) {
      yield { collection: 'deals', records: deals };
      deals = [];
    }
    while (changes.length >= size || (lastDeal && changes.length > 0)) {
      yield { collection: 'stage_changes', records: changes.slice(0, size) };
      changes = changes.slice(size);
    }
  }

  yield* inBatches('activities', world.counts.activities, world.activity);
}

/** Exactly how many records demoBatches yields for these options, for a progress bar. */
export function demoRecordCount(options: DemoBatchOptions): number {
  const world = createDemoWorld(options);
  const limit = options.limit ?? Infinity;
  const capped = (n: number) => Math.min(n, limit);
  const dealCount = capped(world.counts.deals);
  let stageChanges = 0;
  for (let j = 0; j < dealCount; j++) stageChanges += world.stageChangeCount(j);
  return (
    capped(world.settings().length) +
    capped(world.users().length) +
    capped(world.pipelines().length) +
    capped(world.savedViews().length) +
    capped(world.counts.companies) +
    capped(world.counts.contacts) +
    capped(world.counts.leads) +
    dealCount +
    capped(stageChanges) +
    capped(world.counts.activities)
  );
}

/** The whole demo workspace in memory: fine for the small set; stream the large one with demoBatches. */
export function generateDemoData(options: DemoBatchOptions): DemoCollections {
  const data: DemoCollections = {
    companies: [],
    contacts: [],
    leads: [],
    deals: [],
    activities: [],
    pipelines: [],
    stage_changes: [],
    saved_views: [],
    users: [],
    settings: [],
  };
  for (const batch of demoBatches(options)) (data[batch.collection] as unknown[]).push(...batch.records);
  return data;
}
