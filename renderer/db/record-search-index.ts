import type { RxChangeEvent, RxCollection } from 'rxdb';
import type { CollectionDocs } from '@domain/collections';
import {
  holdsInitials,
  matchesSearchText,
  narrows,
  queryInitials,
  wordInitials,
  wordPairs,
  type SearchableCollection,
  type SearchQuery,
} from '@domain/search-text';
import { ChangeSlices } from './change-slices';
import { changesOf } from './collection-changes';
import { LIST_SORT_KEY, searchRowOf, type SearchRow } from './search-row';
import type { CompanyName, SearchIndexState, SearchOrder, SlotFilter } from './search-index-types';
import { searchRowPages, type StoredDoc } from './search-row-pages';

/** A burst of changes larger than this is merged into the list order once instead of record by record. */
const RESORT_ABOVE = 200;

export { LIST_SORT_KEY };
export type { SearchIndexState, SearchOrder, SlotFilter } from './search-index-types';

/**
 * An in-memory search index of one collection: per record only its id, sort key, normalized
 * searchable text and linked company (domain/search-text.ts), so a query scans 100k records in
 * milliseconds without touching IndexedDB. Built on first use, a page of records at a time, then
 * kept current from the collection's change events — local writes, other windows and sync alike.
 *
 * Records live in slots of parallel arrays, allocated as records are first indexed (in list order
 * when the index is built). A search walks the slots in slot order — the order their strings were
 * allocated in, several times faster than jumping around the heap — then reads the hits out in
 * list order (a sorted array of slots).
 */
export class RecordSearchIndex<C extends SearchableCollection = SearchableCollection> {
  private readonly slotOf = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private ids: string[] = [];
  private sortKeys: string[] = [];
  private words: string[] = [];
  private phones: string[] = [];
  /** `wordInitials` and `wordPairs` of each record's words. */
  private initials: number[] = [];
  private pairs: number[] = [];
  private companyOf: (CompanyName | null)[] = [];
  /** False for a record in the bin (soft-deleted) or a free slot: not in the list. */
  private listed: boolean[] = [];
  private orderValues: (Record<string, string | number> | null)[] = [];
  /** Listed slots in list order, or null to sort again on the next search. */
  private ordered: number[] | null = null;
  /**
   * While a burst of changes is applied (its slices, a task apart): the list order before it, and
   * the slots it wrote or freed since; merged into one order when the burst ends or a search asks.
   */
  private burst: { before: number[]; touched: Set<number> } | null = null;
  /** Companies only: the names the records linked to them are found by, by company id. */
  private readonly companyNames = new Map<string, CompanyName>();
  /** The last search's hits (slots in slot order), while the index is as it was then. */
  private lastSearch: {
    query: SearchQuery;
    filterKey: string;
    writes: number;
    joinedWrites: number;
    hits: number[];
  } | null = null;
  /** Slices of changes applied: a search between two slices of a burst sees the records as they are. */
  private writes = 0;

  /** Changes to apply: while building, after the pages; once ready, a slice per task. */
  private readonly pending = new ChangeSlices<RxChangeEvent<unknown>>(
    (slice, left) => this.apply(slice, left),
    () => {
      this.endBurst();
      if (this.state === 'ready') this.notify();
    },
  );
  private readonly listeners = new Set<() => void>();
  private state: SearchIndexState = 'idle';
  private changes = 0;
  private stopWatching: (() => void) | null = null;

  constructor(
    private readonly name: C,
    private readonly collection: RxCollection<CollectionDocs[C]>,
    /** The companies' index, for contacts and deals: a company renamed renames what finds them. */
    private readonly companies: RecordSearchIndex<'companies'> | null,
  ) {
    companies?.subscribe(() => this.notify());
    collection.onClose.push(() => this.stopWatching?.());
  }

  /** 'ready' once this index and the one it joins are built. */
  get status(): SearchIndexState {
    const joined = this.companies?.status ?? 'ready';
    if (this.state === 'idle') return 'idle';
    if (this.state === 'failed' || joined === 'failed') return 'failed';
    return this.state === 'ready' && joined === 'ready' ? 'ready' : 'building';
  }

  /** Start building (once; again after a failure). Listeners hear when it is ready. */
  prepare(): void {
    this.companies?.prepare();
    if (this.state === 'idle' || this.state === 'failed') void this.build();
  }

  /** Grows whenever results may have changed: its status or a record changed, here or in the joined index. */
  get version(): number {
    return this.changes;
  }

  /** `listener` hears every change of `version` (a stable function, for useSyncExternalStore). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Ids of the listed records that match, in list order (or `order`: by its field, then id, in its
   * direction, as the list's query sorts), once the index is ready. `filter`, when given, must
   * hold too: a view's filters the index can answer (list-filter.ts).
   */
  search(query: SearchQuery, order?: SearchOrder, filter?: SlotFilter): string[] {
    const { words, phones, companyOf, listed, initials, pairs, sortKeys } = this;
    const slots = this.ids.length;
    const hit = new Uint8Array(slots);
    const hits: number[] = [];
    const needs = queryInitials(query);
    const sortKeyTest = filter?.sortKey;
    const test = (slot: number) => {
      if (sortKeyTest && !sortKeyTest(sortKeys[slot]!)) return;
      const company = companyOf[slot];
      // Numbers that rule out most records without their text, and decide a query of single letters.
      const ownInitials = initials[slot]!;
      const ownPairs = pairs[slot]!;
      const held = company
        ? holdsInitials(ownInitials | company.initials, ownPairs | company.pairs, needs)
        : holdsInitials(ownInitials, ownPairs, needs);
      if (!held) return;
      if (needs.exact || matchesSearchText(query, words[slot]!, phones[slot]!, company ? company.name : '')) {
        hit[slot] = 1;
        hits.push(slot);
      }
    };
    // Typing on narrows the last search: only its hits can match, while nothing has changed since.
    const last = this.lastSearch;
    const filterKey = filter?.key ?? '';
    const joinedWrites = this.companies?.writes ?? 0;
    if (
      last &&
      last.writes === this.writes &&
      last.joinedWrites === joinedWrites &&
      last.filterKey === filterKey &&
      narrows(last.query, query)
    ) {
      for (const slot of last.hits) test(slot);
    } else {
      for (let slot = 0; slot < slots; slot++) if (listed[slot]) test(slot);
    }
    this.lastSearch = { query, filterKey, writes: this.writes, joinedWrites, hits };
    return this.inOrder(hit, hits.length, order);
  }

  /**
   * The hit slots' ids in list order or `order`. A list in reverse costs a walk backwards, not a
   * sort: the list order is already sort key then id, and its reverse is the descending query's.
   */
  private inOrder(hit: Uint8Array, count: number, order?: SearchOrder): string[] {
    const sortKey = LIST_SORT_KEY[this.name];
    const ordered = this.listOrder();
    const found: number[] = new Array<number>(count);
    let n = 0;
    const backwards = order?.field === sortKey && order.dir === 'desc';
    if (backwards) {
      for (let i = ordered.length - 1; i >= 0; i--) if (hit[ordered[i]!]) found[n++] = ordered[i]!;
    } else {
      for (const slot of ordered) if (hit[slot]) found[n++] = slot;
    }
    if (order && order.field !== sortKey) {
      // As the list's query sorts: by the column, then by id, both in the column's direction.
      const value = (slot: number) => this.orderValues[slot]?.[order.field] ?? '';
      const sign = order.dir === 'asc' ? 1 : -1;
      found.sort((a, b) => {
        const x = value(a);
        const y = value(b);
        if (x !== y) return x < y ? -sign : sign;
        const i = this.ids[a]!;
        const j = this.ids[b]!;
        return i < j ? -sign : i > j ? sign : 0;
      });
    }
    const ids = new Array<string>(n);
    for (let i = 0; i < n; i++) ids[i] = this.ids[found[i]!]!;
    return ids;
  }

  /** Companies only: the name object records linked to `id` keep, made before the company arrives. */
  private companyNameFor(id: string): CompanyName {
    let entry = this.companyNames.get(id);
    if (!entry) this.companyNames.set(id, (entry = { name: '', initials: 0, pairs: 0 }));
    return entry;
  }

  private async build(): Promise<void> {
    this.state = 'building';
    this.notify();
    this.clear();
    // Listen before reading: a change made while the pages are read is applied after them.
    const subscription = changesOf(this.collection as RxCollection<unknown>).subscribe((event) => this.receive(event));
    this.stopWatching = () => subscription.unsubscribe();
    try {
      // Pages in list order, through the list's own index, so slots are allocated in list order and
      // the list order needs no sort. A record renamed behind the cursor meanwhile is not read
      // again, but its change event is applied after the pages.
      this.ordered = [];
      for await (const rows of searchRowPages(this.collection, this.name)) {
        for (const row of rows) this.put(row);
      }
      // Changes made while the pages were read, in slices like any later ones.
      await this.pending.drain();
      this.state = 'ready';
      // One that arrived after the last slice and before now waited for the build: apply it.
      if (this.pending.length) this.applyPending();
    } catch (error) {
      subscription.unsubscribe();
      this.state = 'failed';
      console.error(`The search index of ${this.name} could not be built`, error);
    }
    this.notify();
  }

  private clear() {
    this.slotOf.clear();
    this.freeSlots.length = 0;
    this.ids = [];
    this.sortKeys = [];
    this.words = [];
    this.phones = [];
    this.initials = [];
    this.pairs = [];
    this.companyOf = [];
    this.listed = [];
    this.orderValues = [];
    this.ordered = null;
    this.burst = null;
    this.writes++;
    this.pending.clear();
    // Records of other indexes hold these objects: they are emptied, not replaced.
    for (const company of this.companyNames.values()) Object.assign(company, { name: '', initials: 0, pairs: 0 });
  }

  private receive(event: RxChangeEvent<unknown>) {
    if (event.isLocal) return;
    this.pending.push(event);
    // While building, changes wait for the pages; after that, a burst (a sync batch) is applied a slice
    // per task, and listeners hear once it is all applied.
    if (this.state !== 'ready' || this.pending.busy) return;
    this.applyPending();
  }

  private applyPending() {
    this.pending.drain().catch((error: unknown) => console.error(`The search index of ${this.name} failed`, error));
  }

  private apply(events: RxChangeEvent<unknown>[], left: number) {
    // A burst (a sync batch) is applied without keeping the list order, then merged into it once.
    if (!this.burst && this.ordered && events.length + left > RESORT_ABOVE) {
      this.burst = { before: this.ordered, touched: new Set() };
      this.ordered = null;
    }
    this.writes++;
    for (const event of events) {
      const doc = event.documentData as unknown as StoredDoc | undefined;
      if (event.operation === 'DELETE' || !doc || doc._deleted) this.remove(event.documentId);
      else this.put(searchRowOf(this.name, doc as unknown as CollectionDocs[C]));
    }
  }

  /** The list order again, with the slots the burst wrote merged in. */
  private endBurst() {
    const burst = this.burst;
    if (!burst) return;
    this.burst = null;
    const { before, touched } = burst;
    const moved = [...touched].filter((slot) => this.listed[slot]).sort((a, b) => this.compareSlots(a, b));
    this.ordered = this.merge(
      before.filter((slot) => !touched.has(slot)),
      moved,
    );
  }

  /** Two lists of slots in list order, as one. */
  private merge(a: readonly number[], b: readonly number[]): number[] {
    const out: number[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) out.push(this.compareSlots(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
    while (i < a.length) out.push(a[i++]!);
    while (j < b.length) out.push(b[j++]!);
    return out;
  }

  private put(row: SearchRow) {
    let slot = this.slotOf.get(row.id);
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.ids.length;
      this.slotOf.set(row.id, slot);
    } else if (this.ordered && this.listed[slot]) {
      this.ordered.splice(this.positionOf(slot), 1);
    }
    this.burst?.touched.add(slot);
    this.ids[slot] = row.id;
    this.sortKeys[slot] = row.sortKey;
    this.words[slot] = row.words;
    this.phones[slot] = row.phones;
    this.initials[slot] = wordInitials(row.words);
    this.pairs[slot] = wordPairs(row.words);
    this.companyOf[slot] = row.companyId && this.companies ? this.companies.companyNameFor(row.companyId) : null;
    this.listed[slot] = row.listed;
    this.orderValues[slot] = row.order;
    // A company in the bin still names the records linked to it, as their lists show it.
    if (this.name === 'companies') {
      const name = row.companyName;
      Object.assign(this.companyNameFor(row.id), { name, initials: wordInitials(name), pairs: wordPairs(name) });
    }
    if (this.ordered && this.listed[slot]) this.ordered.splice(this.positionOf(slot), 0, slot);
  }

  private remove(id: string) {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    if (this.ordered && this.listed[slot]) this.ordered.splice(this.positionOf(slot), 1);
    this.slotOf.delete(id);
    this.freeSlots.push(slot);
    this.burst?.touched.add(slot);
    this.ids[slot] = '';
    this.sortKeys[slot] = '';
    this.words[slot] = '';
    this.phones[slot] = '';
    this.initials[slot] = 0;
    this.pairs[slot] = 0;
    this.companyOf[slot] = null;
    this.listed[slot] = false;
    this.orderValues[slot] = null;
    const company = this.companyNames.get(id);
    if (company) Object.assign(company, { name: '', initials: 0, pairs: 0 });
  }

  /** List order: by sort key, then id (as the list's query orders ties). */
  private compareSlots(a: number, b: number): number {
    const x = this.sortKeys[a]!;
    const y = this.sortKeys[b]!;
    if (x !== y) return x < y ? -1 : 1;
    const i = this.ids[a]!;
    const j = this.ids[b]!;
    return i < j ? -1 : i > j ? 1 : 0;
  }

  /** Where `slot` is, or would go, in the list order (binary search on its current values). */
  private positionOf(slot: number): number {
    const ordered = this.ordered!;
    let low = 0;
    let high = ordered.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.compareSlots(ordered[mid]!, slot) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private listOrder(): readonly number[] {
    // A search between two slices of a burst: what the burst has written so far is merged in now.
    this.endBurst();
    if (!this.ordered) {
      const listedSlots: number[] = [];
      for (let slot = 0; slot < this.ids.length; slot++) if (this.listed[slot]) listedSlots.push(slot);
      this.ordered = listedSlots.sort((a, b) => this.compareSlots(a, b));
    }
    return this.ordered;
  }

  private notify() {
    this.changes++;
    for (const listener of [...this.listeners]) listener();
  }
}
