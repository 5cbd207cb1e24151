import { getChangedDocumentsSince, type RxChangeEvent, type RxCollection } from 'rxdb';
import { PALETTE_COLLECTIONS, type PaletteCollection } from '@domain/palette-search';
import { ChangeSlices } from '../db/change-slices';
import { changesOf } from '../db/collection-changes';
import type { OutpostDatabase } from '../db/database';
import {
  PaletteIndex,
  type PaletteDoc,
  type PaletteHit,
  type PaletteResults,
  type PaletteSearchOptions,
} from './palette-index';

/** Records read from storage per page while the index is built; the UI gets the thread between pages. */
export const PALETTE_PAGE_SIZE = 1000;

/** Records indexed in one task while building. */
const INDEX_SLICE = 250;

export type PaletteSearchState = 'idle' | 'building' | 'ready' | 'failed';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The command palette's search over one database (docs/adr/0027-palette-search.md): a
 * PaletteIndex of every collection of PALETTE_COLLECTIONS the database has, built from storage a
 * page at a time on first use, then kept current from each collection's change events — local
 * writes, other windows and sync batches alike; a record deleted, or removed because its user no
 * longer sees it, leaves the results.
 *
 * The API is asynchronous although the index runs on the page's thread today (every search
 * measured under 10 ms over the large demo workspace): moving it into a worker would not change
 * a caller.
 */
export class PaletteSearch {
  private readonly index = new PaletteIndex();
  private readonly collections: { name: PaletteCollection; collection: RxCollection }[];
  private state: PaletteSearchState = 'idle';
  private ready: Promise<void> | null = null;
  /** Changes to apply: while building, after the pages; once ready, a slice per task. */
  private readonly pending = new ChangeSlices<{ name: PaletteCollection; event: RxChangeEvent<unknown> }>(
    (slice) => this.apply(slice),
    () => {
      if (this.state === 'ready') this.notify();
    },
  );
  private readonly listeners = new Set<() => void>();
  private stopWatching: (() => void)[] = [];
  private changes = 0;

  constructor(db: OutpostDatabase) {
    const present = db.collections as unknown as Partial<Record<string, RxCollection>>;
    this.collections = PALETTE_COLLECTIONS.flatMap((name) => {
      const collection = present[name];
      return collection ? [{ name, collection }] : [];
    });
    db.onClose.push(() => this.stop());
  }

  get status(): PaletteSearchState {
    return this.state;
  }

  /** Records indexed so far: while building, how far it has come. */
  get indexed(): number {
    return this.index.size;
  }

  /** What the palette shows of a record (recently opened), once the index is ready; null if it is gone. */
  async describe(collection: PaletteCollection, id: string): Promise<PaletteHit | null> {
    await this.prepare();
    return this.index.describe(collection, id);
  }

  /** Grows whenever results may have changed (a record changed, or the index became ready). */
  get version(): number {
    return this.changes;
  }

  /** `listener` hears every change of `version` (a stable function, for useSyncExternalStore). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Start building (once; again after a failure). Resolves when the index is ready. */
  prepare(): Promise<void> {
    if (!this.ready || this.state === 'failed') this.ready = this.build();
    return this.ready;
  }

  /** The best matches of each collection for what was typed, once the index is ready. */
  async search(input: string, options?: PaletteSearchOptions): Promise<PaletteResults> {
    await this.prepare();
    return this.index.search(input, options);
  }

  private async build(): Promise<void> {
    this.state = 'building';
    this.stop();
    for (const { name } of this.collections) this.index.clear(name);
    this.pending.clear();
    // Listen before reading: a change made while the pages are read is applied after them.
    this.stopWatching = this.collections.map(({ name, collection }) => {
      const subscription = changesOf(collection).subscribe((event) => this.receive(name, event));
      return () => subscription.unsubscribe();
    });
    try {
      for (const { name, collection } of this.collections) {
        for await (const page of pagesOf(collection)) {
          // A page is indexed a slice at a time, a task between slices: a whole page could block the thread
          // for a long task on a slow machine (docs/adr/0027-palette-search.md).
          for (let start = 0; start < page.length; start += INDEX_SLICE) {
            if (start > 0) await nextTask();
            for (const doc of page.slice(start, start + INDEX_SLICE)) this.index.put(name, doc);
          }
        }
      }
      // Changes made while the pages were read, in slices like any later ones.
      await this.pending.drain();
      this.state = 'ready';
      this.notify();
      // One that arrived after the last slice and before now waited for the build: apply it.
      if (this.pending.length) this.applyPending();
    } catch (error) {
      this.state = 'failed';
      this.stop();
      this.notify();
      throw error;
    }
  }

  private receive(name: PaletteCollection, event: RxChangeEvent<unknown>) {
    this.pending.push({ name, event });
    // While building, changes wait for the pages; after that, a burst (a sync batch) is applied a slice
    // per task, and listeners hear once it is all applied.
    if (this.state !== 'ready' || this.pending.busy) return;
    this.applyPending();
  }

  private applyPending() {
    this.pending.drain().catch((error: unknown) => console.error('The palette could not apply a change', error));
  }

  private apply(events: { name: PaletteCollection; event: RxChangeEvent<unknown> }[]) {
    for (const { name, event } of events) {
      const doc = event.documentData as unknown as PaletteDoc | undefined;
      if (event.operation === 'DELETE' || !doc || doc._deleted) this.index.remove(name, event.documentId);
      else this.index.put(name, doc);
    }
  }

  private stop() {
    for (const stop of this.stopWatching) stop();
    this.stopWatching = [];
  }

  private notify() {
    this.changes++;
    for (const listener of [...this.listeners]) listener();
  }
}

/**
 * Every record of a collection on the device (the binned too, not the removed), a page of
 * PALETTE_PAGE_SIZE at a time by last write (RxDB's changes index, which every collection has),
 * with a task between pages for the UI.
 */
async function* pagesOf(collection: RxCollection): AsyncGenerator<PaletteDoc[]> {
  let checkpoint: unknown = undefined;
  for (;;) {
    const { documents, checkpoint: next } = await getChangedDocumentsSince(
      collection.storageInstance,
      PALETTE_PAGE_SIZE,
      checkpoint as never,
    );
    yield (documents as unknown as PaletteDoc[]).filter((doc) => !doc._deleted);
    if (documents.length < PALETTE_PAGE_SIZE) return;
    checkpoint = next;
    await nextTask();
  }
}

const searches = new WeakMap<OutpostDatabase, PaletteSearch>();

/** The palette's search of this database, made (not built) on first call and shared. */
export function paletteSearchFor(db: OutpostDatabase): PaletteSearch {
  let search = searches.get(db);
  if (!search) searches.set(db, (search = new PaletteSearch(db)));
  return search;
}
