import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../sync-server/store/open-store';
import { getTestPostgresUrl } from './postgres-fixture';

describe('openStore', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'outpost-open-store-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens a SQLite file, creating its parent directories', async () => {
    const file = join(dir, 'a', 'b', 'outpost.db');
    const store = await openStore(`sqlite:${file}`);
    expect(store.kind).toBe('sqlite');
    expect(existsSync(file)).toBe(true);
    await store.close();
  });

  it('opens an in-memory SQLite store for tests', async () => {
    const store = await openStore('sqlite::memory:');
    expect(store.kind).toBe('sqlite');
    await store.close();
  });

  it.each(['postgres', 'postgresql'])('opens PostgreSQL from a %s:// URL', async (scheme) => {
    const url = (await getTestPostgresUrl()).replace(/^postgres(ql)?:/, `${scheme}:`);
    const store = await openStore(url);
    expect(store.kind).toBe('postgres');
    await store.ping();
    await store.close();
  });

  it('rejects any other scheme with the accepted forms, never echoing a password', async () => {
    const error: unknown = await openStore('mysql://root:hunter2@db/outpost').then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof Error)) throw new Error('openStore accepted a mysql:// URL');
    expect(error.message).toMatch(/Unsupported store URL/);
    expect(error.message).toMatch(/sqlite:<path>/);
    expect(error.message).toMatch(/sqlite::memory:/);
    expect(error.message).toMatch(/postgres:\/\//);
    expect(error.message).not.toMatch(/hunter2/);
  });

  it('rejects a sqlite: URL without a path', async () => {
    await expect(openStore('sqlite:')).rejects.toThrow(/has no file path/);
  });
});
