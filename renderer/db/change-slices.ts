/** Changes applied in one task at most, as an index's build indexes its pages (docs/adr/0044-first-sync-keeps-the-page-responsive.md). */
export const CHANGE_SLICE = 250;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The changes an in-memory index has yet to apply, applied in order a slice at a time with a task
 * between slices: a sync write reaches the page as one bulk of up to 5,000 records, and applying
 * it at once kept the page's thread for hundreds of milliseconds. A change queued while the
 * slices run is applied by them, after what was queued before it.
 */
export class ChangeSlices<T> {
  private queue: T[] = [];
  private running: Promise<void> | null = null;

  constructor(
    /** Applies one slice; `left` changes wait after it. */
    private readonly apply: (slice: T[], left: number) => void,
    /** Called once the queue is empty, after the slice that emptied it. */
    private readonly applied: () => void,
    private readonly size = CHANGE_SLICE,
  ) {}

  /** Changes queued and not applied yet. */
  get length(): number {
    return this.queue.length;
  }

  /** Slices are being applied (or are about to be). */
  get busy(): boolean {
    return this.running !== null;
  }

  push(change: T): void {
    this.queue.push(change);
  }

  /** Forget what is queued: the index is about to be read anew. */
  clear(): void {
    this.queue = [];
  }

  /**
   * Apply what is queued, and what is queued meanwhile, from a microtask on (the rest of a bulk
   * that is being delivered joins the first slice). Resolves once the queue is empty.
   */
  drain(): Promise<void> {
    this.running ??= this.run();
    return this.running;
  }

  private async run(): Promise<void> {
    try {
      await Promise.resolve();
      while (this.queue.length) {
        const slice = this.queue.length > this.size ? this.queue.splice(0, this.size) : this.queue.splice(0);
        this.apply(slice, this.queue.length);
        if (this.queue.length) await nextTask();
      }
    } finally {
      // Cleared in the same microtask as the last look at the queue: a change queued after it starts a new run.
      this.running = null;
    }
    this.applied();
  }
}
