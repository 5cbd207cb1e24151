import type pg from 'pg';

/**
 * Tells other server processes that the sequence advanced: `pg_notify(channel, '<seq>')`, sent
 * after COMMIT and coalesced — at most one notification in flight per process, and a burst of
 * commits while it is in flight becomes one more notification carrying the newest seq (docs/sync-pitfalls.md, pitfall 11:
 * every notifying transaction takes a cluster-wide lock at commit, and the payload is capped).
 *
 * Notifying after COMMIT rather than inside the write transaction keeps that lock out of the
 * writers' critical section; the price is that a process dying between COMMIT and NOTIFY sends
 * nothing, which the listeners' slow head poll covers (postgres-seq-listener.ts).
 */
export class PostgresSeqNotifier {
  private wanted = 0;
  private sent = 0;
  private running: Promise<void> | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly channel: string,
  ) {}

  notify(seq: number): void {
    if (seq > this.wanted) this.wanted = seq;
    if (!this.running) this.running = this.drain().finally(() => (this.running = null));
  }

  /** Resolves when the newest seq has been sent (or has failed to be). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.sent < this.wanted) {
      const seq = this.wanted;
      try {
        await this.pool.query({
          name: 'outpost_notify_seq',
          text: 'SELECT pg_notify($1, $2)',
          values: [this.channel, String(seq)],
        });
        this.sent = seq;
      } catch (error) {
        console.warn(`store: NOTIFY of seq ${seq} failed (${(error as Error).message})`);
        return;
      }
    }
  }
}
