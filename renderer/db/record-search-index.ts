import { getChangedDocumentsSince, type RxChangeEvent, type RxCollection } from 'rxdb';
import type { CollectionDocs } from '@domain/collections';
import {
  companySearchName,
  matchesSearch,
  searchTextOf,
  type SearchableCollection,
  type SearchQuery,
  type SearchText,
} from '@domain/search-text';
import type { OutpostDatabase } from './database';

/** Records read from storage per page while an index is built; the UI gets the thread between pages. */
export const INDEX_PAGE_SIZE = 1000;
/** A burst of changes larger than this re-sorts the index once instead of moving entries one by one. */
const RESORT_ABOVE = 200;

/** The field each list is ordered by (its index), and so the order search results come in. */
export const LIST_SORT_KEY = {
  companies: 'nameKey',
  contacts: 'nameKey',
  leads: 'nameKey',
  deals: 'titleKey',
} as const satisfies Record<SearchableCollection, string>;

/** Other columns a list can be ordered by while searching: their values are kept in the index. */
const ORDER_FIELDS: { [C in SearchableCollection]?: (doc: CollectionDocs[C]) => Record<string, string | number> } = {
  deals: (d) => ({ 'value.amount': d.value.amount, expectedCloseDate: d.expectedCloseDate, status: d.status }),
};

export interface SearchOrder {
  field: string;
  dir: 'asc' | 'desc';
}

export type SearchIndexState = 'idle' | 'building' | 'ready' | 'failed';

interface Entry {
  id: string;
  sortKey: string;
  text: SearchText;
  /** False for a record in the bin (soft-deleted): it leaves the list but still names its links. */
  listed: boolean;
  /** Companies only: the name the records linked to it are found by. */
  joinName?: string;
  order?: Record<string, string | number>;
}

type StoredDoc = Record<string, unknown> & { id: string; _deleted?: boolean; deletedAt?: string | null };

const byListOrder = (a: Entry, b: Entry) =>
  a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * An in-memory search index of one collection: per record only its id, sort key, normalized
 * searchable text and linked company (domain/search-text.ts), so a query scans 100k records in
 * milliseconds without touching IndexedDB. Built on first use, a page of records at a time, then
 * kept current from the collection's change events — local writes, other windows and sync alike.
 */
export class RecordSearchIndex<C extends SearchableCollection = SearchableCollection> {
  private readonly entries = new Map<string, Entry>();
  /** Listed entries in list order, or null to sort again on the next search. */
  private ordered: Entry[] | null = null;
  private pending: RxChangeEvent<unknown>[] = [];
  private flushQueued = false;
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

  /** Ids of the listed records that match, in list order (or `order`), once the index is ready. */
  search(query: SearchQuery, order?: SearchOrder): string[] {
    const found: Entry[] = [];
    const companies = this.companies;
    for (const entry of this.listOrder()) {
      const companyId = entry.text.companyId;
      const companyName = companyId && companies ? companies.joinNameOf(companyId) : '';
      if (matchesSearch(query, entry.text, companyName)) found.push(entry);
    }
    if (order && !(order.field === LIST_SORT_KEY[this.name] && order.dir === 'asc')) {
      // Stable: ties stay in list order, as the list's own query sorts them.
      const value = (e: Entry) =>
        order.field === LIST_SORT_KEY[this.name] ? e.sortKey : (e.order?.[order.field] ?? '');
      const sign = order.dir === 'asc' ? 1 : -1;
      found.sort((a, b) => {
        const x = value(a);
        const y = value(b);
        return x < y ? -sign : x > y ? sign : 0;
      });
    }
    return found.map((e) => e.id);
  }

  private joinNameOf(id: string): string {
    return this.entries.get(id)?.joinName ?? '';
  }

  private async build(): Promise<void> {
    this.state = 'building';
    this.notify();
    this.entries.clear();
    this.ordered = null;
    this.pending = [];
    // Listen before reading: a change made while the pages are read is applied after them.
    const subscription = this.collection.$.subscribe((event) => this.receive(event as RxChangeEvent<unknown>));
    this.stopWatching = () => subscription.unsubscribe();
    try {
      // Pages in the order of last write, through the index every RxDB storage keeps for
      // replication: a record written meanwhile comes again in a later page, and its event after.
      let checkpoint: unknown = undefined;
      for (;;) {
        const page = await getChangedDocumentsSince(this.collection.storageInstance, INDEX_PAGE_SIZE, checkpoint);
        for (const doc of page.documents as unknown as StoredDoc[]) {
          if (doc._deleted) this.remove(doc.id);
          else this.put(doc);
        }
        if (page.documents.length < INDEX_PAGE_SIZE) break;
        checkpoint = page.checkpoint;
        await nextTask();
      }
      this.state = 'ready';
      this.flush();
    } catch (error) {
      subscription.unsubscribe();
      this.state = 'failed';
      console.error(`The search index of ${this.name} could not be built`, error);
    }
    this.notify();
  }

  private receive(event: RxChangeEvent<unknown>) {
    if (event.isLocal) return;
    this.pending.push(event);
    // While building, changes wait for the pages; after that, a burst (a sync batch) is applied at once.
    if (this.state !== 'ready' || this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      this.flush();
      this.notify();
    });
  }

  private flush() {
    const events = this.pending;
    this.pending = [];
    if (events.length > RESORT_ABOVE) this.ordered = null;
    for (const event of events) {
      const doc = event.documentData as unknown as StoredDoc | undefined;
      if (event.operation === 'DELETE' || !doc || doc._deleted) this.remove(event.documentId);
      else this.put(doc);
    }
  }

  private put(doc: StoredDoc) {
    const typed = doc as unknown as CollectionDocs[C];
    const entry: Entry = {
      id: doc.id,
      sortKey: String(doc[LIST_SORT_KEY[this.name]] ?? ''),
      text: searchTextOf(this.name, typed),
      listed: !doc.deletedAt,
    };
    if (this.name === 'companies') entry.joinName = companySearchName(typed as CollectionDocs['companies']);
    const orderOf = ORDER_FIELDS[this.name] as ((d: CollectionDocs[C]) => Record<string, string | number>) | undefined;
    if (orderOf) entry.order = orderOf(typed);
    const previous = this.entries.get(doc.id);
    this.entries.set(doc.id, entry);
    if (!this.ordered) return;
    if (previous?.listed) this.ordered.splice(this.positionOf(previous), 1);
    if (entry.listed) this.ordered.splice(this.positionOf(entry), 0, entry);
  }

  private remove(id: string) {
    const previous = this.entries.get(id);
    if (!previous) return;
    this.entries.delete(id);
    if (this.ordered && previous.listed) this.ordered.splice(this.positionOf(previous), 1);
  }

  /** Where `entry` is, or would go, in the list order (binary search). */
  private positionOf(entry: Entry): number {
    const ordered = this.ordered!;
    let low = 0;
    let high = ordered.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (byListOrder(ordered[mid]!, entry) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private listOrder(): readonly Entry[] {
    if (!this.ordered) this.ordered = [...this.entries.values()].filter((e) => e.listed).sort(byListOrder);
    return this.ordered;
  }

  private notify() {
    this.changes++;
    for (const listener of [...this.listeners]) listener();
  }
}

const indexes = new WeakMap<OutpostDatabase, Map<SearchableCollection, RecordSearchIndex>>();

/**
 * The search index of a collection of this database, made (not built) on first call and shared by
 * every screen — the list pages now, the command palette later.
 */
export function searchIndexFor<C extends SearchableCollection>(db: OutpostDatabase, name: C): RecordSearchIndex<C> {
  let ofDb = indexes.get(db);
  if (!ofDb) indexes.set(db, (ofDb = new Map()));
  let index = ofDb.get(name) as RecordSearchIndex<C> | undefined;
  if (!index) {
    const companies = name === 'contacts' || name === 'deals' ? searchIndexFor(db, 'companies') : null;
    index = new RecordSearchIndex(name, db[name] as unknown as RxCollection<CollectionDocs[C]>, companies);
    ofDb.set(name, index as unknown as RecordSearchIndex);
  }
  return index;
}
