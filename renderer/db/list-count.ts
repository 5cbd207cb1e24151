/**
 * How many rows one selector matches, shared by every arrangement (sort) of it: a sort change
 * keeps the count, since the same rows are only put in another order. One count at a time: each
 * is a range read in the storage worker, and changes arriving faster than it answers (a sync, an
 * import) would queue one behind another. Asked again meanwhile, it counts once more when the one
 * running ends. A count that answers is the newest there is, so it is shown even though changes
 * came meanwhile: dropped, a list that changes more often than a count takes (seconds, on a large
 * workspace under load) would keep its old count.
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
    if (this.counting) {
      this.countAgain = true;
      return;
    }
    this.counting = true;
    const covers = this.requested;
    void this.read()
      .then(
        (count) => {
          this.count = count;
          this.covers = covers;
        },
        (error: unknown) => {
          this.stale = true;
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
        }
        // Told answered or failed, so windows waiting for a count to read the back of the list go on.
        for (const listener of [...this.listeners]) listener();
      });
  }

  /** A change was seen but not yet counted (its refresh was cancelled): count before trusting. */
  invalidate() {
    this.stale = true;
  }
}
