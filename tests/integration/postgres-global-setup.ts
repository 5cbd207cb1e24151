import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres, TEST_DATABASE_PREFIX } from './postgres-cluster';

/**
 * One PostgreSQL server for the whole integration run: the one OUTPOST_TEST_POSTGRES_URL names,
 * or a throwaway cluster started here and deleted at the end. Each test file then creates its own
 * databases on it (postgres-fixture.ts).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = randomBytes(3).toString('hex');
  project.provide('postgresRunId', runId);
  const external = process.env.OUTPOST_TEST_POSTGRES_URL;
  if (external) {
    project.provide('postgresAdminUrl', external);
    // Test files drop their databases; this catches what a crashed file left behind.
    return () => dropLeftovers(external, `${TEST_DATABASE_PREFIX}${runId}_`);
  }
  const cluster = await startThrowawayPostgres();
  project.provide('postgresAdminUrl', cluster.url);
  return () => cluster.stop();
}

async function dropLeftovers(adminUrl: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
