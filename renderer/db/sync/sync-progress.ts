import type { CollectionName } from '@domain/collections';

/** One collection of a long sync: documents received so far of those the server counted. */
export interface CollectionProgress {
  collection: CollectionName;
  received: number;
  /** What the server said its pulls will send (GET /sync/:collection/count); null until it answers. */
  total: number | null;
  /** Every document is here (the collection's pull reached the server's head). */
  done: boolean;
}

/**
 * A long sync (a first sync, or a device back after a long absence) as the UI shows it: "Preparing…"
 * until the server's counts arrive, then documents received of documents counted, per collection,
 * with an estimate of the time left.
 */
export interface SyncProgress {
  phase: 'preparing' | 'pulling';
  /** 0–1 over every collection of the sync; never lower than an earlier value of the same sync. */
  fraction: number;
  collections: readonly CollectionProgress[];
  /** Seconds left at the rate documents arrived so far; null until there is a rate to go by. */
  secondsLeft: number | null;
}

/** Before this much time of pulling, the rate says too little to estimate from. */
const MIN_RATE_WINDOW_MS = 1_000;

interface Entry {
  received: number;
  total: number | null;
  /** The server cannot count (an older server): the collection's share is left out of the fraction. */
  uncounted: boolean;
  done: boolean;
}

/**
 * The progress of one long sync, from the server's counts and the documents the pulls bring.
 *
 * Seq-based progress (checkpoint against the server's head) went backwards and jumped: seqs are
 * shared by every collection and skip what the user may not read, and each collection joined the
 * sum when its first page arrived. Here the totals are the server's counts of what this user will
 * receive, a collection joins as soon as the sync may pull it ("Preparing…" until every count is
 * in), and the fraction only moves forward: documents written on the server while the sync runs
 * raise a total, which holds the bar still rather than moving it back.
 */
export class SyncProgressTracker {
  private readonly entries = new Map<CollectionName, Entry>();
  private highest = 0;
  private pullingSince: number | null = null;
  private receivedSince = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * `collection` may need a long pull: shown from now on, "Preparing…" until it is counted. One that
   * finished earlier in the same sync starts afresh (its bootstrap failed and the replication
   * pulls it all).
   */
  expect(collection: CollectionName): void {
    if (this.isTracking(collection)) return;
    this.entries.set(collection, { received: 0, total: null, uncounted: false, done: false });
  }

  /** Whether `collection` is part of the sync that runs (expected and not done). */
  isTracking(collection: CollectionName): boolean {
    const entry = this.entries.get(collection);
    return !!entry && !entry.done;
  }

  /** The server's count of what the pulls of `collection` will send from where this sync started. */
  counted(collection: CollectionName, documents: number): void {
    const entry = this.entries.get(collection);
    if (!entry || entry.done) return;
    entry.total = Math.max(documents, entry.received);
    entry.uncounted = false;
  }

  /** The server could not count (an older server without the endpoint): show what arrives. */
  uncountable(collection: CollectionName): void {
    const entry = this.entries.get(collection);
    if (entry && entry.total === null) entry.uncounted = true;
  }

  /** `documents` more of `collection` arrived (stored). */
  received(collection: CollectionName, documents: number): void {
    const entry = this.entries.get(collection);
    if (!entry || entry.done || documents <= 0) return;
    // The rate is measured from the first arrival on, not counting it (it took no time to measure).
    if (this.pullingSince === null) this.pullingSince = this.now();
    else this.receivedSince += documents;
    entry.received += documents;
    if (entry.total !== null) entry.total = Math.max(entry.total, entry.received);
  }

  /** `collection` has everything (or needed no long pull after all). */
  finish(collection: CollectionName): void {
    const entry = this.entries.get(collection);
    if (!entry) return;
    entry.done = true;
    if (entry.total !== null) entry.received = entry.total;
    if ([...this.entries.values()].every((e) => e.done)) this.reset();
  }

  /** The progress now, or null when no long sync runs. */
  snapshot(): SyncProgress | null {
    if (this.entries.size === 0) return null;
    const entries = [...this.entries];
    const preparing = entries.some(([, e]) => !e.done && e.total === null && !e.uncounted);
    let received = 0;
    let total = 0;
    for (const [, e] of entries) {
      if (e.total === null) continue;
      received += Math.min(e.received, e.total);
      total += e.total;
    }
    if (!preparing && total > 0) this.highest = Math.max(this.highest, Math.min(1, received / total));
    return {
      phase: preparing ? 'preparing' : 'pulling',
      fraction: this.highest,
      collections: entries.map(([collection, e]) => ({
        collection,
        received: e.received,
        total: e.total,
        done: e.done,
      })),
      secondsLeft: preparing ? null : this.estimateSecondsLeft(total - received),
    };
  }

  private estimateSecondsLeft(remaining: number): number | null {
    if (this.pullingSince === null) return null;
    const elapsed = this.now() - this.pullingSince;
    if (elapsed < MIN_RATE_WINDOW_MS || this.receivedSince === 0) return null;
    const perMs = this.receivedSince / elapsed;
    return Math.ceil(Math.max(0, remaining) / perMs / 1000);
  }

  private reset(): void {
    this.entries.clear();
    this.highest = 0;
    this.pullingSince = null;
    this.receivedSince = 0;
  }
}
