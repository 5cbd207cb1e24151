/** After a failed count, the first wait before counting again; each further failure doubles it. */
export const COUNT_RETRY_MS = 1_000;
const COUNT_RETRY_MAX_MS = 30_000;

/**
 * How many rows one selector matches, shared by every arrangement (sort) of it: a sort change
 * keeps the count, since the same rows are only put in another order. One count at a time: each
 * is a range read in the storage worker, and changes arriving faster than it answers (a sync, an
 * import) would queue one behind another. Asked again meanwhile, it counts once more when the one
 * running ends. A count that answers is the newest there is, so it is shown even though changes
 * came meanwhile: dropped, a list that changes more often than a count takes (seconds, on a large
 * workspace under load) would keep its old count.
 *
 * A count that fails leaves the count unknown (null), not the last one shown, and is tried again
 * after a wait while a window shows the list: a first sync ends with no change left to ask for one,
 * and a list counted as empty before its rows arrived said "No leads yet" over the rows for good
 * (docs/adr/0044-first-sync-keeps-the-page-responsive.md).
 */
export class ListCount {
  count: number | null = null;
  /** Counts asked for so far (each change, each new window): a sequence, not a number of reads. */
  requested = 0;
  /** The last of `requested` the shown count was started after: it has seen those changes. */
  covers = -1;
  /** A count runs, or will run as soon as the running one ends. */
  counting = false;
  private countAgain = false;
  // A change came that no count started since has seen: the next window to start counts again.
  private stale = true;
  private failures = 0;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private listeners = new Set<() => void>();

  constructor(private readonly read: () => Promise<number>) {}

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Counts unless a count is known (or running) that has seen every change so far. */
  ensure() {
    if (this.stale) this.recount();
  }

  /** The collection changed: count again (once the running count ends, if one runs). */
  recount() {
    this.stale = false;
    this.requested++;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    if (this.counting) {
      this.countAgain = true;
      return;
    }
    this.counting = true;
    const covers = this.requested;
    let failed = false;
    void this.read()
      .then(
        (count) => {
          this.count = count;
          this.covers = covers;
          this.failures = 0;
        },
        (error: unknown) => {
          failed = true;
          this.stale = true;
          this.count = null;
          this.failures++;
          console.error('The list could not be counted', error);
        },
      )
      .finally(() => {
        this.counting = false;
        if (this.countAgain) {
          this.countAgain = false;
          // No window shows this list any more (its filter changed): the next one to start counts.
          if (this.listeners.size === 0) this.stale = true;
          else this.recount();
        } else if (failed && this.listeners.size > 0) this.retryLater();
        // Told answered or failed, so windows waiting for a count to read the back of the list go on.
        for (const listener of [...this.listeners]) listener();
      });
  }

  /** A change was seen but not yet counted (its refresh was cancelled): count before trusting. */
  invalidate() {
    this.stale = true;
  }

  private retryLater() {
    const wait = Math.min(COUNT_RETRY_MS * 2 ** (this.failures - 1), COUNT_RETRY_MAX_MS);
    this.retry = setTimeout(() => {
      this.retry = null;
      // Counted since (a change, a new window), or nobody shows the list: the next start counts.
      if (this.stale && !this.counting && this.listeners.size > 0) this.recount();
    }, wait);
  }
}
