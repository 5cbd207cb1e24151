import pg from 'pg';

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;

export interface PostgresSeqListenerOptions {
  url: string;
  channel: string;
  /** Called with every seq heard of: notifications, and the head read after (re)connecting. */
  onSeq: (seq: number) => void;
  /** Re-read the head this often as a safety net for a lost notification (0 = never). */
  pollIntervalMs: number;
}

/**
 * Hears other server processes' commits: a dedicated connection LISTENs on the channel (a pooled
 * one would be handed to a query and lose its LISTEN). It reconnects with back-off when the
 * connection drops, and then reads the head once, because notifications sent while it was away are
 * gone. A slow poll covers the rest: a writer that crashed between COMMIT and its NOTIFY.
 */
export class PostgresSeqListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private reconnectDelayMs = RECONNECT_MIN_MS;

  constructor(private readonly options: PostgresSeqListenerOptions) {}

  /** Resolves once LISTEN is in place, so that no commit after it goes unheard. */
  async start(): Promise<void> {
    await this.connect();
    if (this.options.pollIntervalMs > 0) {
      this.pollTimer = setInterval(() => void this.readHead(this.client), this.options.pollIntervalMs);
      this.pollTimer.unref();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.pollTimer) clearInterval(this.pollTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.url,
      keepAlive: true,
      application_name: 'outpost-listen',
    });
    client.on('notification', (message) => {
      const seq = Number(message.payload);
      if (Number.isSafeInteger(seq)) this.options.onSeq(seq);
    });
    // Without an 'error' listener a dropped connection would crash the process.
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.options.channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.reconnectDelayMs = RECONNECT_MIN_MS;
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.stopped || this.client !== client) return;
    this.client = null;
    console.warn(`store: LISTEN connection lost (${error.message}); reconnecting`);
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    const delay = this.reconnectDelayMs;
    this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, RECONNECT_MAX_MS);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect()
        .then(() => this.readHead(this.client))
        .catch((error: Error) => {
          console.warn(`store: LISTEN reconnect failed (${error.message})`);
          this.scheduleReconnect();
        });
    }, delay);
    this.reconnectTimer.unref();
  }

  private async readHead(client: pg.Client | null): Promise<void> {
    if (!client || this.stopped) return;
    try {
      const result = await client.query<{ value: string }>("SELECT value FROM meta WHERE key = 'seq'");
      const row = result.rows[0];
      if (row) this.options.onSeq(Number(row.value));
    } catch {
      // A broken connection reports itself through 'error'; the next poll tries again.
    }
  }
}
