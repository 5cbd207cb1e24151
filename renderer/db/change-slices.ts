/** Changes applied in one task at most, as an index's build indexes its pages (docs/adr/0044-first-sync-keeps-the-page-responsive.md). */
export const CHANGE_SLICE = 250;
/** Changes applied between two looks at the clock. */
const STEP = 50;
/**
 * A task stops taking changes once it has run this long: on a loaded machine 250 records took
 * 60–120 ms, over the 50 ms of a long task.
 */
const TASK_BUDGET_MS = 8;

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
    /** Applies some of the changes, in order; `left` changes wait after them. */
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
   * Apply what is queued, and what is queued meanwhile, from the next task on: the task that
   * delivers a sync write's bulk has read thousands of records already, and the rest of the bulk
   * joins the queue before the first slice. Resolves once the queue is empty.
   */
  drain(): Promise<void> {
    this.running ??= this.run();
    return this.running;
  }

  private async run(): Promise<void> {
    try {
      await nextTask();
      while (this.queue.length) {
        const start = performance.now();
        let taken = 0;
        while (this.queue.length && taken < this.size && (taken === 0 || performance.now() - start < TASK_BUDGET_MS)) {
          const step = Math.min(STEP, this.size - taken);
          const slice = this.queue.length > step ? this.queue.splice(0, step) : this.queue.splice(0);
          taken += slice.length;
          this.apply(slice, this.queue.length);
        }
        if (this.queue.length) await nextTask();
      }
    } finally {
      // Cleared in the same microtask as the last look at the queue: a change queued after it starts a new run.
      this.running = null;
    }
    this.applied();
  }
}
