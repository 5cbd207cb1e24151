import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../../domain/collections';
import { demoBatches, demoRecordCount, generateDemoData } from '../../demo-data';
import { seedStore } from '../../scripts/seed';
import { writeToStore } from '../../scripts/store-sink';
import { openStore } from '../../sync-server/store/open-store';
import { pullAll } from '../support/protocol-client';
import { startTestServer } from '../support/test-server';

const SMALL = { size: 'small', today: '2026-03-02' } as const;

describe('seeding a demo workspace into a server store', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'outpost-store-sink-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('puts every record where the server serves it to a device, with the access columns a push would set', async () => {
    const dbUrl = `sqlite:${join(dir, 'seeded.db')}`;
    const seeded = await seedStore(dbUrl, SMALL);
    expect(seeded.total).toBe(demoRecordCount(SMALL));
    expect(seeded.kept).toBe(0);

    const server = await startTestServer({ dbUrl });
    try {
      const demo = generateDemoData(SMALL);
      // The owner signs in as a Sales Manager and pulls the workspace as a first device would.
      for (const collection of ['companies', 'contacts', 'leads', 'deals', 'activities', 'stage_changes'] as const) {
        const pulled = await pullAll(server.url, collection);
        expect(pulled.size, collection).toBe(demo[collection].length);
        for (const record of demo[collection]) expect(pulled.get(record.id)?.hlc, collection).toBe(record.hlc);
      }
      const deal = demo.deals[0]!;
      const stored = (await server.store.getRecords('deals', [deal.id])).get(deal.id)!;
      expect({ ownerId: stored.ownerId, teamId: stored.teamId }).toEqual({
        ownerId: deal.ownerId,
        teamId: deal.teamId,
      });
    } finally {
      await server.close();
    }
  });

  it('keeps every record already stored when the same workspace is seeded again', async () => {
    const dbUrl = `sqlite:${join(dir, 'twice.db')}`;
    await seedStore(dbUrl, SMALL);
    const store = await openStore(dbUrl);
    const seqBefore = await store.currentSeq();
    await store.close();

    const again = await seedStore(dbUrl, SMALL);
    expect(again.kept).toBe(demoRecordCount(SMALL));
    expect(Object.values(again.written).every((n) => n === 0)).toBe(true);
    const reopened = await openStore(dbUrl);
    expect(await reopened.currentSeq()).toBe(seqBefore);
    await reopened.close();
  });

  it('refuses a record a device could not push, and writes nothing of its batch', async () => {
    const store = await openStore('sqlite::memory:');
    try {
      const [first] = [...demoBatches({ ...SMALL, limit: 3 })].filter((b) => b.collection === 'companies');
      const companies = first!.records as Record<string, unknown>[];
      const broken = { ...companies[1]!, name: 42 };
      await expect(
        writeToStore(store, [{ collection: 'companies', records: [companies[0], broken] as never }]),
      ).rejects.toThrow(/companies\/.* is not a record a device could push/);
      expect(await store.currentSeq()).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('counts written records per collection, every collection included', async () => {
    const store = await openStore('sqlite::memory:');
    try {
      const result = await writeToStore(store, demoBatches({ ...SMALL, limit: 2 }));
      expect(Object.keys(result.written).sort()).toEqual([...COLLECTION_NAMES].sort());
      expect(result.written.contacts).toBe(2);
      expect(await store.currentSeq()).toBe(demoRecordCount({ ...SMALL, limit: 2 }));
    } finally {
      await store.close();
    }
  });
});
