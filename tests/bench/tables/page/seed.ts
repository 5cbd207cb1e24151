import { demoBatches } from '../../../../demo-data';
import type { CollectionName } from '../../../../domain/collections';
import type { Contact } from '../../../../domain/schemas/contact';
import { storeCompleteRecords } from '../../../../renderer/db/record-writes';
import { WRITE_BATCH } from '../../../../renderer/features/onboarding/load-demo-data';
import { openWorkspace, status } from './bench-workspace';
import type { BenchUser, SeedOptions, SeedResult } from './protocol';

/** The collections the generator writes before contacts: what the Contacts section reads or links to. */
const SEEDED: readonly CollectionName[] = ['settings', 'users', 'pipelines', 'saved_views', 'companies', 'contacts'];
const SEED_USER: BenchUser = {
  id: '01900000-0000-7000-8000-00000000beef',
  name: 'Bench Seeder',
  email: 'bench@example.com',
  role: 'SALES_MANAGER',
  teamId: '01900000-0000-7000-8000-000000000201',
};

/**
 * The large demo workspace up to its `contacts`-th contact (with every company, which come first),
 * written as the demo loader writes (ADR 0035): batches of 2,000 through the storage's bulkWrite
 * (storeCompleteRecords), one IndexedDB transaction each, generating the next batch meanwhile.
 */
export async function seed({ name, contacts, today }: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const ws = await openWorkspace(name, SEED_USER);
  const counts = { contacts: 0, companies: 0, other: 0 };
  const owners = new Map<string, { teamId: string; n: number }>();
  let writeMs = 0;
  let writing: Promise<void> = Promise.resolve();
  const write = (collection: CollectionName, records: unknown[]) => {
    const previous = writing;
    writing = (async () => {
      await previous;
      const t0 = performance.now();
      const failures = await storeCompleteRecords(ws, collection, records as never[]);
      writeMs += performance.now() - t0;
      if (failures) throw new Error(`seed: ${failures} ${collection} not written`);
      status(`seeded ${collection} ${counts.contacts}`);
    })();
    writing.catch(() => undefined);
  };
  const pending = new Map<CollectionName, unknown[]>();
  const flush = async (collection: CollectionName, force: boolean) => {
    const group = pending.get(collection);
    if (!group?.length || (!force && group.length < WRITE_BATCH)) return;
    pending.delete(collection);
    // One batch written while the next is generated, never more queued.
    await writing;
    write(collection, group);
  };
  if (contacts > 0) {
    outer: for (const batch of demoBatches({ size: 'large', today, batchSize: 500 })) {
      const collection = batch.collection as CollectionName;
      if (!SEEDED.includes(collection)) {
        if (counts.contacts > 0) break;
        continue;
      }
      const group = pending.get(collection) ?? [];
      pending.set(collection, group);
      for (const record of batch.records) {
        if (collection === 'contacts') {
          if (counts.contacts === contacts) break outer;
          counts.contacts++;
          const c = record as Contact;
          const owner = owners.get(c.ownerId) ?? { teamId: c.teamId, n: 0 };
          owner.n++;
          owners.set(c.ownerId, owner);
        } else if (collection === 'companies') counts.companies++;
        else counts.other++;
        group.push(record);
      }
      // Each collection complete before the next starts: references resolve in storage order.
      for (const other of pending.keys()) if (other !== collection) await flush(other, true);
      await flush(collection, false);
    }
    for (const collection of [...pending.keys()]) await flush(collection, true);
  }
  await writing;
  const stored = await ws.db.contacts.count().exec();
  await ws.db.close();
  if (stored !== contacts) throw new Error(`seed: ${stored} contacts stored, expected ${contacts}`);
  const [ownerId, owner] = [...owners].sort((a, b) => b[1].n - a[1].n)[0] ?? [
    SEED_USER.id,
    { teamId: SEED_USER.teamId },
  ];
  return {
    ms: performance.now() - started,
    writeMs,
    ...counts,
    user: { ...SEED_USER, id: ownerId, teamId: owner.teamId, name: 'Bench Owner' },
  };
}
