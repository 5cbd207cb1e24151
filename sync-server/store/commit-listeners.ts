/**
 * The `onCommitted` listeners of one store. Announcements only move forward: PostgreSQL delivers a
 * commit twice to the instance that made it (once directly, once through its own LISTEN) and may
 * deliver notifications of several instances out of order, and a listener only needs to know that
 * the sequence reached a new high.
 */
export class CommitListeners {
  private readonly listeners = new Set<(seq: number) => void>();
  private announced: number;

  constructor(initialSeq = 0) {
    this.announced = initialSeq;
  }

  add(listener: (seq: number) => void): () => void {
    // A wrapper per subscription, so that subscribing the same function twice needs two unsubscribes.
    const entry = (seq: number) => listener(seq);
    this.listeners.add(entry);
    return () => void this.listeners.delete(entry);
  }

  /** Tells every listener about `seq` if it is higher than anything announced before. */
  announce(seq: number): void {
    if (seq <= this.announced) return;
    this.announced = seq;
    for (const listener of [...this.listeners]) {
      try {
        listener(seq);
      } catch (error) {
        // The write is committed; a failing listener must not turn it into an error for the writer.
        console.error('store: an onCommitted listener threw', error);
      }
    }
  }
}
