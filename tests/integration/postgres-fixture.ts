import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { startThrowawayPostgres, TEST_DATABASE_PREFIX, type ThrowawayPostgres } from './postgres-cluster';

const created: { adminUrl: string; name: string }[] = [];
let ownCluster: Promise<ThrowawayPostgres> | null = null;

/**
 * A fresh, empty database for this test file, on the server the integration run provides
 * (OUTPOST_TEST_POSTGRES_URL, or the throwaway cluster of postgres-global-setup.ts). Call it in
 * beforeAll/beforeEach or a test, as often as needed: every call makes a new database, and all of
 * them are dropped after the file.
 */
export async function getTestPostgresUrl(): Promise<string> {
  const adminUrl = await serverUrl();
  const name = `${TEST_DATABASE_PREFIX}${runId()}_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE template0`));
  created.push({ adminUrl, name });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

// Registered when a test file imports this module, so each file cleans up after itself.
afterAll(async () => {
  for (const { adminUrl, name } of created.splice(0)) {
    await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
  if (ownCluster) await (await ownCluster).stop();
  ownCluster = null;
});

async function serverUrl(): Promise<string> {
  const provided = inject('postgresAdminUrl');
  if (provided) return provided;
  const external = process.env.OUTPOST_TEST_POSTGRES_URL;
  if (external) return external;
  // Run without the integration project's global setup (e.g. another config): a cluster of our own.
  ownCluster ??= startThrowawayPostgres();
  return (await ownCluster).url;
}

function runId(): string {
  return inject('postgresRunId') ?? String(process.pid);
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
