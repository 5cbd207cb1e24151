import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startThrowawayPostgres } from '../../integration/postgres-cluster';

export interface BenchPostgres {
  /** Where the server comes from, for the report. */
  source: string;
  /** A new empty database; its URL. Dropped by `close()`, or before by `dropDatabase(url)`. */
  createDatabase(): Promise<string>;
  /** Drops a database made by `createDatabase` once it is measured. */
  dropDatabase(url: string): Promise<void>;
  close(): Promise<void>;
}

const PREFIX = 'outpost_bench_';

/**
 * The PostgreSQL server the push benchmark writes to: OUTPOST_BENCH_POSTGRES_URL (a superuser or
 * CREATEDB role), else a private throwaway cluster like the integration tests use — durable
 * (fsync and synchronous_commit on), since the figure is compared with SQLite's synchronous=FULL.
 */
export async function openBenchPostgres(): Promise<BenchPostgres> {
  const external = process.env.OUTPOST_BENCH_POSTGRES_URL;
  const cluster = external ? null : await startThrowawayPostgres({ durable: true });
  const adminUrl = external ?? cluster!.url;
  const created: string[] = [];
  const admin = async <T>(fn: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    source: external ? 'OUTPOST_BENCH_POSTGRES_URL' : 'throwaway cluster (durable: fsync on)',
    async createDatabase() {
      const name = `${PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
      await admin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE template0`));
      created.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async dropDatabase(url) {
      const name = new URL(url).pathname.slice(1);
      const index = created.indexOf(name);
      if (index < 0) return;
      created.splice(index, 1);
      await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
    async close() {
      if (created.length) {
        await admin(async (client) => {
          for (const name of created.splice(0)) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        });
      }
      await cluster?.stop();
    },
  };
}
